import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../../shared/contract';
import type { AppError } from '../../../../../shared/errors';
import { newPassphraseRule } from '../../../../../shared/passphrase-policy';
import { useApi } from '../../../app/api-context';
import { placeServerError, useContractForm } from '../../../components/contract-form';
import { asAppError } from '../../../components/describe-error';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TextField } from '../../../components/fields';
import { PassphrasePolicy } from '../../../components/PassphrasePolicy';

const schema = contract['session:setup'].input.extend({ confirm: z.string() }).superRefine(newPassphraseRule({ next: 'passphrase', confirm: 'confirm', login: 'login' }));

export function AdminAccountStep({ onCreated, onStoreExists }: { onCreated(recoveryKey: string): void; onStoreExists(): void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const form = useContractForm(schema, { defaultValues: { login: '', displayName: '', passphrase: '', confirm: '' }, feature: 'session' });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ confirm: _confirm, ...input }) => {
    setFormError(null);
    try {
      onCreated((await api.call('session:setup', input)).recoveryKey);
    } catch (caught) {
      const error = asAppError(caught);
      if (error.code === 'STORE_EXISTS') return onStoreExists();
      if (placeServerError(form, t, error, 'session').length === 0) setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('session.setup.intro')}</Text>
        <Text size="sm">{t('session.setup.introAdmin')}</Text>
        <TextField control={form.control} name="login" label={t('session.setup.login')} description={t('session.setup.loginHint')} autoComplete="username" autoFocus required />
        <TextField control={form.control} name="displayName" label={t('session.setup.displayName')} autoComplete="name" required />
        <PasswordInput label={t('session.setup.passphrase')} autoComplete="new-password" required error={errors.passphrase?.message} {...form.register('passphrase')} />
        <PasswordInput
          label={t('session.setup.passphraseConfirm')}
          autoComplete="new-password"
          required
          error={errors.confirm?.message}
          {...form.register('confirm')}
        />
        <PassphrasePolicy />
        <ErrorAlert error={formError} />
        {isSubmitting ? (
          <Alert color="blue" variant="light">
            {t('session.setup.creating')}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={isSubmitting}>
            {t('session.setup.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
