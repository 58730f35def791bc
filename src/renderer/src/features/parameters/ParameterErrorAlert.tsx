import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';

const REASONS = ['retroactive', 'in_force'] as const;

/** ErrorAlert, with a parameter's refusal in its own words: a version reaching into the past, one already in force. */
export function ParameterErrorAlert({ error }: { error: AppError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const reason = REASONS.find((r) => r === error.details.reason);
  if (!reason) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" variant="light" role="alert" data-error-code={error.code} data-reason={reason}>
      <Text size="sm">{t(`parameters.errors.${reason}`, { today: formatDate(String(error.details.today ?? '')) })}</Text>
    </Alert>
  );
}
