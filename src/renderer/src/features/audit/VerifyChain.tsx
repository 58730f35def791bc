import { Alert, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChainReport } from '../../../../shared/domain/audit';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';

export function VerifyChain({ onVerified }: { onVerified(): void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [report, setReport] = useState<ChainReport | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await api.call('audit:verify', {}));
      onVerified();
    } catch (caught) {
      setError(asAppError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <div>
        <Button variant="light" loading={busy} onClick={() => void verify()}>
          {t('audit.verify')}
        </Button>
      </div>
      {report?.status === 'intact' ? (
        <Alert color="green" variant="light" data-testid="verify-result" role="status">
          {t('audit.intact', { count: report.count })}
        </Alert>
      ) : null}
      {report?.status === 'broken' ? (
        <Alert color="red" variant="filled" data-testid="verify-result" role="alert">
          {t('audit.broken', { seq: report.seq, reason: t(`audit.reasons.${report.reason}`) })}
        </Alert>
      ) : null}
      <ErrorAlert error={error} />
    </Stack>
  );
}
