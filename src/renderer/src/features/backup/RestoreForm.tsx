import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { SessionInfo } from '../../../../shared/domain/auth';
import { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/fields';
import { useCountdown } from '../session/unlock/use-countdown';

const schema = contract['backup:restore'].input.pick({ login: true, passphrase: true });

interface Choice {
  token: string;
  path: string;
}

/**
 * Restore from the unlock screen: the backup file and a new folder are chosen in the main process's dialogs (the
 * window holds only their tokens and shows the paths), the passphrase of a user in the backup is tried under the
 * unlock throttle, and the restored store, once verified, is unlocked with the same login and passphrase.
 */
export function RestoreForm({ onUnlocked, onBack }: { onUnlocked(session: SessionInfo): void; onBack(): void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [file, setFile] = useState<Choice | null>(null);
  const [folder, setFolder] = useState<Choice | null>(null);
  const [choosing, setChoosing] = useState<'file' | 'folder' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [restored, setRestored] = useState<{ folder: string; events: number } | null>(null);
  const [waitLeft, startWait] = useCountdown();
  const form = useContractForm(schema, { defaultValues: { login: '', passphrase: '' }, feature: 'backup' });
  const { errors, isSubmitting } = form.formState;

  const choose = async (kind: 'file' | 'folder') => {
    setError(null);
    setChoosing(kind);
    try {
      const chosen = await api.call(kind === 'file' ? 'backup:chooseFile' : 'backup:chooseFolder', {});
      if (!chosen.cancelled) (kind === 'file' ? setFile : setFolder)({ token: chosen.token, path: chosen.path });
    } catch (caught) {
      setError(asAppError(caught));
    } finally {
      setChoosing(null);
    }
  };

  const submit = form.handleSubmit(async (input) => {
    setError(null);
    if (!file || !folder) {
      setError(new AppError('NOT_CHOSEN', 'choose the backup file and the folder first'));
      return;
    }
    try {
      const done = await api.call('backup:restore', { fileToken: file.token, folderToken: folder.token, ...input });
      setRestored(done);
      // The passphrase just proved itself on the restored store: it opens it, so nobody types it twice.
      onUnlocked(await api.call('session:unlock', input));
    } catch (caught) {
      const failure = asAppError(caught);
      setError(failure);
      form.resetField('passphrase', { defaultValue: '' });
      const retry = failure.details.retryAfterSeconds;
      if (typeof retry === 'number') startWait(retry);
      // A choice that no longer holds (a folder filled meanwhile) is chosen again.
      if (failure.code === 'NOT_CHOSEN' || failure.code === 'RESTORE_FOLDER') setFolder(null);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2}>{t('backup.restore.title')}</Title>
        <Text size="sm">{t('backup.restore.intro')}</Text>
        <ChoiceRow label={t('backup.restore.file')} choice={file} button={t('backup.restore.chooseFile')} loading={choosing === 'file'} onChoose={() => void choose('file')} />
        <ChoiceRow label={t('backup.restore.folder')} choice={folder} button={t('backup.restore.chooseFolder')} loading={choosing === 'folder'} onChoose={() => void choose('folder')} />
        <TextField control={form.control} name="login" label={t('backup.restore.login')} autoComplete="username" required />
        <PasswordInput label={t('backup.restore.passphrase')} autoComplete="current-password" required error={errors.passphrase?.message} {...form.register('passphrase')} />
        {restored ? (
          <Alert color="green" variant="light" role="status">
            {t('backup.restore.restored', { folder: restored.folder, events: restored.events })}
          </Alert>
        ) : null}
        <ErrorAlert error={error} />
        {waitLeft > 0 ? (
          <Text size="sm" c="orange" aria-live="polite">
            {t('session.unlock.waitCountdown', { seconds: waitLeft })}
          </Text>
        ) : null}
        <Button type="submit" loading={isSubmitting} disabled={waitLeft > 0 || restored !== null}>
          {t('backup.restore.submit')}
        </Button>
        {isSubmitting ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('backup.restore.working')}
          </Text>
        ) : null}
        <Anchor component="button" type="button" size="sm" onClick={onBack}>
          {t('backup.restore.back')}
        </Anchor>
      </Stack>
    </form>
  );
}

function ChoiceRow({ label, choice, button, loading, onChoose }: { label: string; choice: Choice | null; button: string; loading: boolean; onChoose(): void }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="sm" wrap="nowrap" align="center">
        <Button variant="default" size="xs" onClick={onChoose} loading={loading} style={{ flex: 'none' }}>
          {button}
        </Button>
        <Text size="sm" c={choice ? undefined : 'dimmed'} style={{ wordBreak: 'break-all' }} aria-label={label}>
          {choice ? choice.path : t('backup.restore.notChosen')}
        </Text>
      </Group>
    </div>
  );
}
