import { Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsSchema, type Settings } from '../../../../shared/domain/settings';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { FormActions } from '../../components/FormActions';
import { NumberField } from '../../components/fields';
import { LoadStatus } from '../../components/LoadStatus';
import { BackupSection } from '../backup/BackupSection';
import { TerritoriesSection } from '../territories/TerritoriesSection';

export function SettingsPage() {
  const { t } = useTranslation();
  const query = useChannelQuery('settings:get', {});
  return (
    <Stack maw={640}>
      <Title order={1} size="h2">{t('settings.title')}</Title>
      {/* The backup first: the one thing here an admin comes back to every week. */}
      <BackupSection />
      <LoadStatus query={query} />
      {query.data ? <SettingsForm settings={query.data} /> : null}
      <TerritoriesSection />
    </Stack>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const form = useContractForm(SettingsSchema, { defaultValues: settings, feature: 'settings' });
  const save = useChannelMutation('settings:update', { invalidates: ['backup', 'dashboard'] });
  const [formError, setFormError] = useState<AppError | null>(null);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      form.reset(await save.mutateAsync(values));
      notifications.show({ color: 'green', message: t('settings.saved') });
    } catch (caught) {
      const error = caught as AppError;
      if (placeServerError(form, t, error, 'settings').length === 0) setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <NumberField control={form.control} name="idleLockMinutes" label={t('settings.idleLock')} description={t('settings.idleLockHint')} min={1} max={240} />
        <NumberField control={form.control} name="lockWarningSeconds" label={t('settings.lockWarning')} description={t('settings.lockWarningHint')} min={10} max={300} />
        <NumberField control={form.control} name="backupReminderDays" label={t('settings.backupReminder')} description={t('settings.backupReminderHint')} min={1} max={90} />
        <FormActions error={formError} submit={t('common.save')} loading={save.isPending} justify="flex-start" />
      </Stack>
    </form>
  );
}
