import { Anchor, Button, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../../shared/contract';
import type { SessionInfo } from '../../../../../shared/domain/auth';
import type { AppError } from '../../../../../shared/errors';
import { useApi } from '../../../app/api-context';
import { useContractForm } from '../../../components/contract-form';
import { asAppError } from '../../../components/describe-error';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { TextField } from '../../../components/fields';
import { useCountdown } from './use-countdown';

export function UnlockForm({ onUnlocked, onForgot, onRestore }: { onUnlocked(session: SessionInfo): void; onForgot(): void; onRestore?: () => void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const [waitLeft, startWait] = useCountdown();
  const form = useContractForm(contract['session:unlock'].input, { defaultValues: { login: '', passphrase: '' }, feature: 'session' });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (input) => {
    setError(null);
    try {
      const session = await api.call('session:unlock', input);
      form.reset({ login: input.login, passphrase: '' });
      onUnlocked(session);
    } catch (caught) {
      const failure = asAppError(caught);
      setError(failure);
      form.resetField('passphrase', { defaultValue: '' });
      const retry = failure.details.retryAfterSeconds;
      if (typeof retry === 'number') startWait(retry);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div>
          <Title order={1} size="h2">{t('session.unlock.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('session.unlock.subtitle')}
          </Text>
        </div>
        <TextField control={form.control} name="login" label={t('session.unlock.login')} autoComplete="username" autoFocus required />
        <PasswordInput
          label={t('session.unlock.passphrase')}
          autoComplete="current-password"
          required
          error={errors.passphrase?.message}
          {...form.register('passphrase')}
        />
        <ErrorAlert error={error} />
        {waitLeft > 0 ? (
          <Text size="sm" c="orange" aria-live="polite">
            {t('session.unlock.waitCountdown', { seconds: waitLeft })}
          </Text>
        ) : null}
        <Button type="submit" loading={isSubmitting} disabled={waitLeft > 0}>
          {t('session.unlock.submit')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onForgot}>
          {t('session.unlock.forgot')}
        </Anchor>
        {onRestore ? (
          <Anchor component="button" type="button" size="sm" onClick={onRestore}>
            {t('backup.restore.link')}
          </Anchor>
        ) : null}
      </Stack>
    </form>
  );
}
