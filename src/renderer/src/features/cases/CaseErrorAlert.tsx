import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { caseSentence } from './case-errors';

/**
 * ErrorAlert, with a case refusal in the procedure's own words: why a step is out of order, why a date cannot be,
 * what to record first. That sentence says what to do, so it stands alone instead of after the general one.
 */
export function CaseErrorAlert({ error }: { error: AppError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const sentence = caseSentence(t, error);
  if (!sentence) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" variant="light" role="alert" data-error-code={error.code} data-reason={String(error.details.reason)}>
      <Text size="sm">{sentence}</Text>
    </Alert>
  );
}
