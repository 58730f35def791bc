import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { UserSummary } from '../../../../shared/domain/users';
import type { AppError } from '../../../../shared/errors';
import { newPassphraseRule } from '../../../../shared/passphrase-policy';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { TextField } from '../../components/fields';
import { generatePassphrase } from './generate-passphrase';
import { RoleCheckboxes } from './RoleCheckboxes';

interface Created {
  user: UserSummary;
  passphrase: string;
}

export function AddUserModal({ opened, onClose, onAdded }: { opened: boolean; onClose(): void; onAdded(user: UserSummary): void }) {
  const [created, setCreated] = useState<Created | null>(null);
  const { t } = useTranslation();
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={created ? t('users.createdTitle') : t('users.addTitle')} size="lg">
      {created ? (
        <CreatedNotice created={created} onDone={close} />
      ) : (
        <AddUserForm
          onCancel={close}
          onAdded={(result) => {
            setCreated(result);
            onAdded(result.user);
          }}
        />
      )}
    </Modal>
  );
}

function CreatedNotice({ created, onDone }: { created: Created; onDone(): void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Text size="sm">{t('users.createdText', { name: created.user.displayName })}</Text>
      <Code block fz="lg" data-testid="created-credentials">
        {`${t('users.login')}: ${created.user.login}\n${t('users.initialPassphrase')}: ${created.passphrase}`}
      </Code>
      <Alert color="yellow" variant="light">
        {t('users.initialHint')}
      </Alert>
      <Group justify="flex-end">
        <Button onClick={onDone} autoFocus>
          {t('common.done')}
        </Button>
      </Group>
    </Stack>
  );
}

const schema = contract['users:add'].input.superRefine(newPassphraseRule({ next: 'initialPassphrase', login: 'login' }));

function AddUserForm({ onCancel, onAdded }: { onCancel(): void; onAdded(created: Created): void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const add = useChannelMutation('users:add');
  const form = useContractForm(schema, { defaultValues: { login: '', displayName: '', roles: [], initialPassphrase: '' }, feature: 'users' });

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onAdded({ user: await add.mutateAsync(values), passphrase: values.initialPassphrase });
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'users').length === 0) setFormError(error);
    }
  });
  const passphraseError = form.formState.errors.initialPassphrase;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextField control={form.control} name="login" label={t('users.login')} description={t('session.setup.loginHint')} data-autofocus required />
        <TextField control={form.control} name="displayName" label={t('users.displayName')} required />
        <Controller
          control={form.control}
          name="roles"
          render={({ field, fieldState }) => <RoleCheckboxes label={t('users.roles')} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />}
        />
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextField
            control={form.control}
            name="initialPassphrase"
            label={t('users.initialPassphrase')}
            description={t('users.initialHint')}
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            required
            style={{ flex: 1 }}
          />
          <Button variant="default" onClick={() => form.setValue('initialPassphrase', generatePassphrase(), { shouldValidate: true })} mb={passphraseError ? 22 : 0}>
            {t('users.generate')}
          </Button>
        </Group>
        <FormActions error={formError} submit={t('users.submitAdd')} loading={add.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
