import { Alert, Text } from '@mantine/core';
import type { AppError } from '../../../shared/errors';
import { ErrorAlert } from './ErrorAlert';

/**
 * ErrorAlert, with a refusal in a feature's own words when it has one (`sentence`): why a date cannot be, what to
 * record first. That sentence says what to do, so it stands alone instead of after the general one.
 */
export function RefusalAlert({ error, sentence }: { error: AppError | null; sentence(error: AppError): string | null }) {
  if (!error) return null;
  const own = sentence(error);
  if (!own) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" variant="light" role="alert" data-error-code={error.code} data-reason={String(error.details.reason)}>
      <Text size="sm">{own}</Text>
    </Alert>
  );
}
