import { Button, Checkbox, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_OUTPUTS, type ReportOutput } from '../../../../shared/domain/reports';
import type { ReportProfile } from '../../../../shared/reports/report';
import { useChannelMutation } from '../../app/data';
import type { AppError } from '../../../../shared/errors';
import { asAppError } from '../../components/describe-error';
import { RefusalAlert } from '../../components/RefusalAlert';
import { saveFile } from '../../components/save-file';

/**
 * The files of the report and its signed bundle. Each file is asked for in turn, so the bar moves as they come;
 * the bundle is one answer (the main process makes and signs it whole).
 */
export function ReportExport({ period, profile, blocked }: { period: string; profile: ReportProfile; blocked: boolean }) {
  const { t, i18n } = useTranslation();
  const [outputs, setOutputs] = useState<ReportOutput[]>(['xlsx', 'docx']);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const exporter = useChannelMutation('reports:export', { invalidates: ['reports'] });
  const bundler = useChannelMutation('reports:bundle', { invalidates: ['reports'] });
  const chosen = outputs.filter((o) => profile === 'ministry' || o !== 'cases');
  const busy = progress !== null;
  const [error, setError] = useState<AppError | null>(null);
  const fail = (caught: unknown) => setError(asAppError(caught));
  // A refusal of this feature in its own words (a publication that cannot leave, cases too rare): what to do instead.
  const sentence = (e: AppError): string | null => {
    const reason = typeof e.details.reason === 'string' ? e.details.reason : '';
    const key = `reports.errors.${reason}`;
    return reason && i18n.exists(key) ? t(key, { ...e.details }) : null;
  };

  const saveFiles = async () => {
    setError(null);
    setProgress({ done: 0, total: chosen.length });
    try {
      for (const [i, output] of chosen.entries()) {
        const file = await exporter.mutateAsync({ period, profile, output });
        saveFile(file);
        setProgress({ done: i + 1, total: chosen.length });
      }
    } catch (caught) {
      fail(caught);
    } finally {
      setProgress(null);
    }
  };
  const saveBundle = async () => {
    setError(null);
    setProgress({ done: 0, total: 1 });
    try {
      const file = await bundler.mutateAsync({ period, profile, outputs: chosen });
      saveFile(file);
      notifications.show({ color: 'green', message: t('reports.export.saved', { name: file.fileName }) });
    } catch (caught) {
      fail(caught);
    } finally {
      setProgress(null);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('reports.export.title')}
        </Title>
        <Checkbox.Group label={t('reports.export.outputs')} value={outputs} onChange={(v) => setOutputs(v as ReportOutput[])}>
          <Group gap="md" mt={4}>
            {REPORT_OUTPUTS.map((o) => (
              <Checkbox key={o} value={o} label={t(`reports.export.${o}`)} disabled={o === 'cases' && profile !== 'ministry'} />
            ))}
          </Group>
        </Checkbox.Group>
        {outputs.includes('cases') ? (
          <Text size="xs" c="dimmed">
            {t('reports.export.casesHint')}
          </Text>
        ) : null}
        <Group gap="xs">
          <Button variant="default" disabled={blocked || busy || chosen.length === 0} onClick={() => void saveFiles()}>
            {t('reports.export.files')}
          </Button>
          <Button disabled={blocked || busy} onClick={() => void saveBundle()}>
            {t('reports.export.bundle')}
          </Button>
        </Group>
        <RefusalAlert error={error} sentence={sentence} />
        {progress ? (
          <Stack gap={2} aria-live="polite">
            <Progress value={progress.total ? Math.max(8, (progress.done / progress.total) * 100) : 8} animated aria-label={t('reports.export.progress', { done: progress.done + 1, total: progress.total })} />
            <Text size="xs" c="dimmed">
              {t('reports.export.progress', { done: Math.min(progress.done + 1, progress.total), total: progress.total })}
            </Text>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
