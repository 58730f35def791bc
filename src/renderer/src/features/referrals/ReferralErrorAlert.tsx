import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { useLanguage } from '../../components/code-words';
import { ErrorAlert } from '../../components/ErrorAlert';
import { referralErrorSentence } from './referral-errors';

/** ErrorAlert, with a referral's refusal in its own words: what is missing and what to do. */
export function ReferralErrorAlert({ error }: { error: AppError | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!error) return null;
  const sentence = referralErrorSentence(t, language, error);
  if (!sentence) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" variant="light" role="alert" data-error-code={error.code} data-reason={String(error.details.reason)}>
      <Text size="sm">{sentence}</Text>
    </Alert>
  );
}
