import { Alert, Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelMutation } from '../../app/data';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Checks the chain from the last verified point (quick) or from the first event (whole). */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useChannelMutation('audit:verify');
  const report = verify.data;

  return (
    <Stack gap="xs">
      <Group gap="sm">
        <Button variant="light" loading={verify.isPending && !verify.variables?.full} disabled={verify.isPending} title={t('audit.verifyHint')} onClick={() => verify.mutate({ full: false })}>
          {t('audit.verify')}
        </Button>
        <Button variant="subtle" loading={verify.isPending && verify.variables?.full === true} disabled={verify.isPending} title={t('audit.verifyFullHint')} onClick={() => verify.mutate({ full: true })}>
          {t('audit.verifyFull')}
        </Button>
      </Group>
      {report?.status === 'intact' ? (
        <Alert color="green" variant="light" data-testid="verify-result" role="status">
          {report.from > 0 ? t('audit.intactFrom', { count: report.count, from: report.from, total: report.total }) : t('audit.intact', { count: report.count })}
        </Alert>
      ) : null}
      {report?.status === 'broken' ? (
        <Alert color="red" variant="filled" data-testid="verify-result" role="alert">
          {t('audit.broken', { seq: report.seq, reason: t(`audit.reasons.${report.reason}`) })}
        </Alert>
      ) : null}
      <ErrorAlert error={verify.error} />
    </Stack>
  );
}
