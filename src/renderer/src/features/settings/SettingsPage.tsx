import { Button, Group, Loader, NumberInput, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';

export function SettingsPage() {
  const api = useApi();
  const { t } = useTranslation();
  const [minutes, setMinutes] = useState<number | string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api
      .call('settings:get', {})
      .then((settings) => live && setMinutes(settings.idleLockMinutes))
      .catch((caught: unknown) => live && setError(asAppError(caught)));
    return () => {
      live = false;
    };
  }, [api]);

  const valid = typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 1 && minutes <= 240;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await api.call('settings:update', { idleLockMinutes: minutes });
      setMinutes(saved.idleLockMinutes);
      notifications.show({ color: 'green', message: t('settings.saved') });
    } catch (caught) {
      setError(asAppError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack maw={560}>
      <Title order={2}>{t('settings.title')}</Title>
      {minutes === null && !error ? <Loader size="sm" /> : null}
      {minutes !== null ? (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <NumberInput
              label={t('settings.idleLock')}
              description={t('settings.idleLockHint')}
              min={1}
              max={240}
              allowDecimal={false}
              allowNegative={false}
              value={minutes}
              onChange={setMinutes}
              error={valid ? undefined : t('validation.minutes')}
            />
            <Group>
              <Button type="submit" loading={busy} disabled={!valid}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <ErrorAlert error={error} />
    </Stack>
  );
}
