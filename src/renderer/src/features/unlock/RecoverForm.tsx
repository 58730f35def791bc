import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { SessionInfo } from '../../../../shared/domain/auth';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/form-errors';
import { PassphrasePolicy } from '../../components/PassphrasePolicy';
import { newPassphraseSchema } from '../passphrase/passphrase-schema';

export function RecoverForm({ onUnlocked, onBack }: { onUnlocked(session: SessionInfo): void; onBack(): void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const schema = useMemo(
    () =>
      z
        .object({
          recoveryKey: z.string().trim().min(1, t('validation.required')),
          login: z.string().trim().min(1, t('validation.required')),
          next: z.string(),
          confirm: z.string(),
        })
        .superRefine(newPassphraseSchema(t, { next: 'next', confirm: 'confirm', login: 'login' })),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { recoveryKey: '', login: '', next: '', confirm: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onUnlocked(
        await api.call('session:recover', { recoveryKey: values.recoveryKey, login: values.login, newPassphrase: values.next }),
      );
    } catch (caught) {
      const error = asAppError(caught);
      if (!applyServerError(t, error, form.setError, { recoveryKey: 'recoveryKey', login: 'login', newPassphrase: 'next', passphrase: 'next' }))
        setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2}>{t('unlock.recoverTitle')}</Title>
        <Text size="sm">{t('unlock.recoverIntro')}</Text>
        <TextInput
          label={t('unlock.recoveryKey')}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          required
          error={errors.recoveryKey?.message}
          {...form.register('recoveryKey')}
        />
        <TextInput
          label={t('unlock.adminLogin')}
          autoComplete="username"
          required
          error={errors.login?.message}
          {...form.register('login')}
        />
        <PasswordInput
          label={t('unlock.newPassphrase')}
          autoComplete="new-password"
          required
          error={errors.next?.message}
          {...form.register('next')}
        />
        <PasswordInput
          label={t('unlock.newPassphraseConfirm')}
          autoComplete="new-password"
          required
          error={errors.confirm?.message}
          {...form.register('confirm')}
        />
        <PassphrasePolicy />
        <ErrorAlert error={formError} />
        <Button type="submit" loading={isSubmitting}>
          {t('unlock.recoverSubmit')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          {t('unlock.backToUnlock')}
        </Anchor>
      </Stack>
    </form>
  );
}
