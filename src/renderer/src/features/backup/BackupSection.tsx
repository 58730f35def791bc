import { Alert, Button, Card, Progress, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupJob, BackupReminder } from '../../../../shared/domain/backup';
import { deserializeError, type AppError } from '../../../../shared/errors';
import { invalidateFeatures, useChannelMutation, useChannelQuery } from '../../app/data';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatKyivDateTime } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';

const POLL_MS = 300;
const finished = (job: BackupJob | undefined) => job?.phase === 'done' || job?.phase === 'failed';

/** «Остання копія: 20.11.2026 11:00, 3 дні тому.» or that there is none yet. */
export function LastBackupLine({ reminder }: { reminder: BackupReminder }) {
  const { t } = useTranslation();
  if (!reminder.lastBackupAt) return <Text size="sm">{t('backup.none')}</Text>;
  return (
    <div>
      <Text size="sm">{t('backup.last', { date: formatKyivDateTime(reminder.lastBackupAt), ago: t('backup.ago', { count: reminder.daysSince ?? 0 }) })}</Text>
      {reminder.path ? (
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {t('backup.lastPath', { path: reminder.path })}
        </Text>
      ) : null}
    </div>
  );
}

/**
 * Settings' «Резервна копія»: the last backup, and a button that asks the main process where to save (its own
 * dialog) and makes the copy as a job; the bar follows the job until the copy verified or failed.
 */
export function BackupSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const last = useChannelQuery('backup:last', {});
  const start = useChannelMutation('backup:start', { invalidates: 'nothing' });
  const [jobId, setJobId] = useState<string | null>(null);
  const [startError, setStartError] = useState<AppError | null>(null);
  const polled = useChannelQuery('backup:job', { jobId: jobId ?? '' }, { enabled: jobId !== null, pollEvery: (job) => (finished(job) ? false : POLL_MS) });
  const job = polled.data?.jobId === jobId ? polled.data : undefined;
  const running = jobId !== null && !finished(job);

  useEffect(() => {
    // The last-backup line here and the reminder on the overview change once a copy verified.
    if (job?.phase === 'done') void invalidateFeatures(client, ['backup', 'dashboard']);
  }, [client, job?.phase]);

  const make = async () => {
    setStartError(null);
    try {
      const started = await start.mutateAsync({});
      if (!started.cancelled) setJobId(started.job.jobId);
    } catch (caught) {
      setStartError(caught as AppError);
    }
  };

  return (
    <Card withBorder component="section" aria-label={t('backup.title')}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t('backup.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('backup.intro')}
        </Text>
        <LoadStatus query={last} />
        {last.data ? <LastBackupLine reminder={last.data} /> : null}
        {last.data?.due && !running && job?.phase !== 'done' ? (
          <Alert color="orange" variant="light" role="status">
            {t('backup.due', { days: last.data.reminderDays })}
          </Alert>
        ) : null}
        {jobId !== null ? <JobProgress job={job} /> : null}
        <ErrorAlert error={startError ?? polled.error} />
        <Button onClick={() => void make()} loading={start.isPending || running} w="fit-content">
          {t('backup.make')}
        </Button>
      </Stack>
    </Card>
  );
}

function JobProgress({ job }: { job: BackupJob | undefined }) {
  const { t } = useTranslation();
  const phase = job?.phase ?? 'checkpoint';
  if (job?.phase === 'done') {
    const size = t('backup.megabytes', { value: ((job.bytes ?? 0) / 1024 / 1024).toLocaleString('uk-UA', { maximumFractionDigits: 1 }) });
    return (
      <Alert color="green" variant="light" role="status" data-testid="backup-done">
        <Text size="sm" style={{ wordBreak: 'break-all' }}>
          {t('backup.done', { path: job.path ?? '', size })}
        </Text>
      </Alert>
    );
  }
  if (job?.phase === 'failed') {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('backup.failed')}
        </Text>
        <ErrorAlert error={job.error ? deserializeError(job.error) : null} />
      </Stack>
    );
  }
  const percent = job?.percent ?? 0;
  return (
    <Stack gap={4}>
      <Progress value={percent} animated aria-label={t('backup.progressLabel')} />
      <Text size="sm" c="dimmed" aria-live="polite">
        {t(`backup.phases.${phase}`)} {percent}%
      </Text>
    </Stack>
  );
}
