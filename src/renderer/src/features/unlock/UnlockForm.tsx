import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../../../shared/domain/auth';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useCountdown } from './use-countdown';

export function UnlockForm({ onUnlocked, onForgot }: { onUnlocked(session: SessionInfo): void; onForgot(): void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [login, setLogin] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitLeft, startWait] = useCountdown();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!login.trim() || !passphrase || busy) return;
    setBusy(true);
    setError(null);
    try {
      const session = await api.call('session:unlock', { login: login.trim(), passphrase });
      setPassphrase('');
      onUnlocked(session);
    } catch (caught) {
      const failure = asAppError(caught);
      setError(failure);
      setPassphrase('');
      const retry = failure.details.retryAfterSeconds;
      if (typeof retry === 'number') startWait(retry);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <div>
          <Title order={2}>{t('unlock.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('unlock.subtitle')}
          </Text>
        </div>
        <TextInput
          label={t('unlock.login')}
          name="username"
          autoComplete="username"
          autoFocus
          required
          value={login}
          onChange={(event) => setLogin(event.currentTarget.value)}
        />
        <PasswordInput
          label={t('unlock.passphrase')}
          name="password"
          autoComplete="current-password"
          required
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
        />
        <ErrorAlert error={error} />
        {waitLeft > 0 ? (
          <Text size="sm" c="orange.8" aria-live="polite">
            {t('unlock.waitCountdown', { seconds: waitLeft })}
          </Text>
        ) : null}
        <Button type="submit" loading={busy} disabled={waitLeft > 0 || !login.trim() || !passphrase}>
          {t('unlock.submit')}
        </Button>
        <Anchor component="button" type="button" size="sm" onClick={onForgot}>
          {t('unlock.forgot')}
        </Anchor>
      </Stack>
    </form>
  );
}
