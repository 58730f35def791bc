import { Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract } from '../../../../../shared/contract';
import type { SessionInfo } from '../../../../../shared/domain/auth';
import type { AppError } from '../../../../../shared/errors';
import { newPassphraseRule } from '../../../../../shared/passphrase-policy';
import { useApi } from '../../../app/api-context';
import { placeServerError, useContractForm } from '../../../components/contract-form';
import { asAppError } from '../../../components/describe-error';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TextField } from '../../../components/fields';
import { PassphrasePolicy } from '../../../components/PassphrasePolicy';

const schema = contract['session:recover'].input.extend({ confirm: z.string() }).superRefine(newPassphraseRule({ next: 'newPassphrase', confirm: 'confirm', login: 'login' }));

export function RecoverForm({ onUnlocked, onBack }: { onUnlocked(session: SessionInfo): void; onBack(): void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const form = useContractForm(schema, { defaultValues: { recoveryKey: '', login: '', newPassphrase: '', confirm: '' }, feature: 'session' });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ confirm: _confirm, ...input }) => {
    setFormError(null);
    try {
      onUnlocked(await api.call('session:recover', input));
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'session').length === 0) setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={1} size="h2">{t('session.unlock.recoverTitle')}</Title>
        <Text size="sm">{t('session.unlock.recoverIntro')}</Text>
        <TextField
          control={form.control}
          name="recoveryKey"
          label={t('session.unlock.recoveryKey')}
          autoFocus
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          required
        />
        <TextField control={form.control} name="login" label={t('session.unlock.adminLogin')} autoComplete="username" required />
        <PasswordInput
          label={t('session.unlock.newPassphrase')}
          autoComplete="new-password"
          required
          error={errors.newPassphrase?.message}
          {...form.register('newPassphrase')}
        />
        <PasswordInput
          label={t('session.unlock.newPassphraseConfirm')}
          autoComplete="new-password"
          required
          error={errors.confirm?.message}
          {...form.register('confirm')}
        />
        <PassphrasePolicy />
        <ErrorAlert error={formError} />
        <Button type="submit" loading={isSubmitting}>
          {t('session.unlock.recoverSubmit')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          {t('session.unlock.backToUnlock')}
        </Anchor>
      </Stack>
    </form>
  );
}
