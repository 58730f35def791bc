import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { UserSummary } from '../../../../shared/domain/users';
import type { AppError } from '../../../../shared/errors';
import { checkPassphrase } from '../../../../shared/passphrase-policy';
import { RoleSchema, type Role } from '../../../../shared/permissions';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/form-errors';
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

function AddUserForm({ onCancel, onAdded }: { onCancel(): void; onAdded(created: Created): void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const schema = useMemo(
    () =>
      z
        .object({
          login: z
            .string()
            .trim()
            .min(1, t('validation.required'))
            .min(2, t('validation.too_small', { minimum: 2 }))
            .max(64, t('validation.too_big', { maximum: 64 }))
            .regex(/^[\p{L}\p{N}._-]+$/u, t('validation.invalid_format')),
          displayName: z
            .string()
            .trim()
            .min(1, t('validation.required'))
            .min(2, t('validation.too_small', { minimum: 2 }))
            .max(120, t('validation.too_big', { maximum: 120 })),
          roles: z.array(RoleSchema).min(1, t('validation.rolesRequired')),
          initialPassphrase: z.string().min(1, t('validation.required')),
        })
        .superRefine((values, ctx) => {
          if (!values.initialPassphrase) return;
          const problem = checkPassphrase(values.initialPassphrase, values.login.trim());
          if (problem)
            ctx.addIssue({ code: 'custom', path: ['initialPassphrase'], message: t(`passphraseProblems.${problem}`) });
        }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { login: '', displayName: '', roles: [] as Role[], initialPassphrase: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const user = await api.call('users:add', values);
      onAdded({ user, passphrase: values.initialPassphrase });
    } catch (caught) {
      const error = asAppError(caught);
      const placed = applyServerError(t, error, form.setError, {
        login: 'login',
        displayName: 'displayName',
        roles: 'roles',
        initialPassphrase: 'initialPassphrase',
        passphrase: 'initialPassphrase',
      });
      if (!placed) setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('users.login')}
          description={t('setup.loginHint')}
          autoComplete="off"
          data-autofocus
          required
          error={errors.login?.message}
          {...form.register('login')}
        />
        <TextInput
          label={t('users.displayName')}
          autoComplete="off"
          required
          error={errors.displayName?.message}
          {...form.register('displayName')}
        />
        <Controller
          control={form.control}
          name="roles"
          render={({ field }) => (
            <RoleCheckboxes label={t('users.roles')} value={field.value} onChange={field.onChange} error={errors.roles?.message} />
          )}
        />
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label={t('users.initialPassphrase')}
            description={t('users.initialHint')}
            autoComplete="off"
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            required
            style={{ flex: 1 }}
            error={errors.initialPassphrase?.message}
            {...form.register('initialPassphrase')}
          />
          <Button
            variant="default"
            onClick={() => form.setValue('initialPassphrase', generatePassphrase(), { shouldValidate: true })}
            mb={errors.initialPassphrase ? 22 : 0}
          >
            {t('users.generate')}
          </Button>
        </Group>
        <ErrorAlert error={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('users.submitAdd')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
