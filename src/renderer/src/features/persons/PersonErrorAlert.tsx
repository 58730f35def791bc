import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { useLanguage } from '../../components/code-words';
import { RefusalAlert } from '../../components/RefusalAlert';
import { personSentence } from './person-errors';

/** ErrorAlert, with a refusal of the person's file in its own words (who may consent, which needs a referral holds). */
export function PersonErrorAlert({ error, known }: { error: AppError | null; known?: Record<string, unknown> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return <RefusalAlert error={error} sentence={(e) => personSentence(t, language, e, known)} />;
}
