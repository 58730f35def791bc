import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { describeError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';

const REASONS = ['closed', 'not_later', 'not_taken_place', 'needs_decision'] as const;

/** ErrorAlert, plus the assignment-specific reason an INVALID_STATE refusal carries (closed already, not a later meeting). */
export function AssignmentErrorAlert({ error }: { error: AppError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const reason = REASONS.find((r) => r === error.details.reason);
  if (error.code !== 'INVALID_STATE' || !reason) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" variant="light" role="alert" data-error-code={error.code}>
      <Text size="sm">{describeError(t, error)}</Text>
      <Text size="sm" mt={4}>
        {t(`assignments.reasons.${reason}`)}
      </Text>
    </Alert>
  );
}
