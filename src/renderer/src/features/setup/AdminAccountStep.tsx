import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/form-errors';
import { PassphrasePolicy } from '../../components/PassphrasePolicy';
import { newPassphraseSchema } from '../passphrase/passphrase-schema';

export function AdminAccountStep({ onCreated, onStoreExists }: { onCreated(recoveryKey: string): void; onStoreExists(): void }) {
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
          passphrase: z.string(),
          confirm: z.string(),
        })
        .superRefine(newPassphraseSchema(t, { next: 'passphrase', confirm: 'confirm', login: 'login' })),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { login: '', displayName: '', passphrase: '', confirm: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await api.call('session:setup', {
        login: values.login,
        displayName: values.displayName,
        passphrase: values.passphrase,
      });
      onCreated(created.recoveryKey);
    } catch (caught) {
      const error = asAppError(caught);
      if (error.code === 'STORE_EXISTS') return onStoreExists();
      if (!applyServerError(t, error, form.setError, { login: 'login', displayName: 'displayName', passphrase: 'passphrase' }))
        setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('setup.intro')}</Text>
        <Text size="sm">{t('setup.introAdmin')}</Text>
        <TextInput
          label={t('setup.login')}
          description={t('setup.loginHint')}
          autoComplete="username"
          autoFocus
          required
          error={errors.login?.message}
          {...form.register('login')}
        />
        <TextInput
          label={t('setup.displayName')}
          autoComplete="name"
          required
          error={errors.displayName?.message}
          {...form.register('displayName')}
        />
        <PasswordInput
          label={t('setup.passphrase')}
          autoComplete="new-password"
          required
          error={errors.passphrase?.message}
          {...form.register('passphrase')}
        />
        <PasswordInput
          label={t('setup.passphraseConfirm')}
          autoComplete="new-password"
          required
          error={errors.confirm?.message}
          {...form.register('confirm')}
        />
        <PassphrasePolicy />
        <ErrorAlert error={formError} />
        {isSubmitting ? (
          <Alert color="blue" variant="light">
            {t('setup.creating')}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={isSubmitting}>
            {t('setup.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
