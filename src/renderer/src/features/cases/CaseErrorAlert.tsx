import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { RefusalAlert } from '../../components/RefusalAlert';
import { caseSentence } from './case-errors';

/** ErrorAlert, with a case refusal in the procedure's own words: why a step is out of order, why a date cannot be, what to record first. */
export function CaseErrorAlert({ error }: { error: AppError | null }) {
  const { t } = useTranslation();
  return <RefusalAlert error={error} sentence={(e) => caseSentence(t, e)} />;
}
