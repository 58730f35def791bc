import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChainIssue } from '../../../../shared/domain/audit';
import { useChannelMutation } from '../../app/data';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Shown at most: the first findings name where to look; the full list is in `zlagoda check --full`. */
const SHOWN = 20;

/** Checks the chain from the last verified point (quick) or from the first event (whole), with the signed heads. */
export function VerifyChain() {
  const { t } = useTranslation();
  const verify = useChannelMutation('audit:verify');
  const report = verify.data;
  const issueText = (issue: ChainIssue) => t(`audit.issues.${issue.kind}`, { seq: issue.seq, to: issue.to, user: issue.login ?? issue.userId ?? '' });

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
          {report.from > 0 ? t('audit.intactFrom', { count: report.count, from: report.from, total: report.total }) : t('audit.intact', { count: report.count })}{' '}
          {t('audit.signedHeads', { count: report.heads })}
        </Alert>
      ) : null}
      {report?.status === 'broken' ? (
        <Alert color="red" variant="filled" data-testid="verify-result" role="alert">
          <Text size="sm">{t('audit.broken', { seq: report.seq, reason: t(`audit.reasons.${report.reason}`) })}</Text>
          {report.issues.length > 1 ? (
            <>
              <Text size="sm" mt="xs">
                {t('audit.brokenList', { count: report.issues.length })}
              </Text>
              <List size="sm" data-testid="verify-issues">
                {report.issues.slice(0, SHOWN).map((issue, index) => (
                  <List.Item key={index}>{issueText(issue)}</List.Item>
                ))}
              </List>
            </>
          ) : null}
        </Alert>
      ) : null}
      {report && report.warnings.length > 0 ? (
        <Alert color="yellow" variant="light" data-testid="verify-warnings">
          {report.warnings.slice(0, 3).map((w) => (
            <Text size="sm" key={w.seq}>
              {t('audit.clockWarning', { seq: w.seq, ts: new Date(w.ts).toLocaleString('uk-UA'), after: new Date(w.after).toLocaleString('uk-UA') })}
            </Text>
          ))}
        </Alert>
      ) : null}
      <ErrorAlert error={verify.error} />
    </Stack>
  );
}
