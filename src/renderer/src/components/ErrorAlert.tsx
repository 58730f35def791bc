import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import { describeError } from './describe-error';

/** A failed action as a sentence; INTERNAL also shows the code that finds the log entry. */
export function ErrorAlert({ error }: { error: AppError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" data-error-code={error.code}>
      <Text size="sm">{describeError(t, error)}</Text>
      {error.code === 'INTERNAL' && error.correlationId ? (
        <Text size="xs" c="dimmed" mt={4} ff="monospace">
          {t('errorExtra.correlation', { id: error.correlationId })}
        </Text>
      ) : null}
    </Alert>
  );
}
