import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { END_WORDS, OUTCOME_WORDS, REFUSAL_WORDS, WAIVER_WORDS, type EndReason } from '../../../../shared/domain/case-codes';
import type { Step } from '../../../../shared/domain/cases';
import { formatDate, formatKyivDateTime } from '../../components/format';
import { useLanguage, wordsIn } from '../../components/code-words';

type Coded<T extends string> = Record<T, { uk: string; en: string }>;
const words = <T extends string>(list: Coded<T>, code: string | null, language: 'uk' | 'en') => (code && code in list ? wordsIn(list[code as T], language) : code ?? '');

/** What a recorded step says: who did it, its number, outcome or reason, what the app computed, its documents, who recorded it. */
export function StepDetails({ step }: { step: Step }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const facts: string[] = [];
  if (step.number) facts.push(`${t(`cases.stepForm.number.${step.kind}`)}: ${step.number}`);
  if (step.waiverReason) facts.push(t('cases.timeline.waiverReason', { reason: words(WAIVER_WORDS, step.waiverReason, language) }));
  if (step.proceedings !== null) facts.push(step.proceedings ? t('cases.timeline.proceedingsYes', { number: step.proceedingsNumber }) : t('cases.timeline.proceedingsNo'));
  if (step.outcome) facts.push(wordsIn(OUTCOME_WORDS[step.outcome], language));
  if (step.refusalReason) facts.push(t('cases.timeline.refusalReason', { reason: words(REFUSAL_WORDS, step.refusalReason, language) }));
  if (step.decidingBody) facts.push(t('cases.timeline.decidingBody', { body: step.decidingBody }));
  if (step.kind === 'certificate' && step.validUntil) facts.push(t('cases.timeline.validUntil', { date: formatDate(step.validUntil) }));
  if (step.kind === 'extension') facts.push(step.validUntil ? t('cases.timeline.extendedUntil', { date: formatDate(step.validUntil) }) : t('cases.timeline.untilDanger'));
  if (step.endReason) facts.push(words(END_WORDS as Coded<EndReason | 'expired'>, step.endReason, language));
  if (step.court) facts.push(t('cases.timeline.court', { court: step.court }));

  return (
    <Stack gap={2}>
      <Text size="sm" c="dimmed">
        {[formatDate(step.date), step.official].filter(Boolean).join(' · ')}
      </Text>
      {facts.map((fact) => (
        <Text size="sm" key={fact}>
          {fact}
        </Text>
      ))}
      {step.note ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {step.note}
        </Text>
      ) : null}
      {step.documents.length > 0 ? (
        <>
          <Text size="sm" fw={500}>
            {t('cases.timeline.documents')}
          </Text>
          <List size="sm" spacing={0}>
            {step.documents.map((document, i) => (
              <List.Item key={`${i}-${document}`}>{document}</List.Item>
            ))}
          </List>
        </>
      ) : null}
      {step.recordedBy ? (
        <Text size="xs" c="dimmed">
          {t('cases.timeline.recordedBy', { name: step.recordedBy, at: formatKyivDateTime(step.recordedAt) })}
        </Text>
      ) : null}
    </Stack>
  );
}
