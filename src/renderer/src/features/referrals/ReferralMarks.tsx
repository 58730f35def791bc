import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SERVICE_WORDS, URGENCY_WORDS, type Service, type Urgency } from '../../../../shared/domain/referral-codes';
import { NO_SHRINK } from '../../components/badge-styles';
import { useLanguage, wordsIn } from '../../components/code-words';

/** The needs a referral answers, in words, one after another. */
export function needsText(needs: readonly Service[], language: string): string {
  return needs.map((need) => wordsIn(SERVICE_WORDS[need], language)).join('; ');
}

export function NeedsText({ needs }: { needs: readonly Service[] }) {
  const language = useLanguage();
  return <Text size="sm">{needsText(needs, language)}</Text>;
}

/** Urgent referrals stand out; a normal one is plain words. */
export function UrgencyMark({ urgency }: { urgency: Urgency }) {
  const language = useLanguage();
  if (urgency === 'urgent') {
    return (
      <Badge color="red" variant="outline" tt="none" size="sm" styles={NO_SHRINK}>
        {wordsIn(URGENCY_WORDS.urgent, language)}
      </Badge>
    );
  }
  return <Text size="sm">{wordsIn(URGENCY_WORDS.normal, language)}</Text>;
}

/** The consent the referral was sent under was revoked: it shares nothing more. */
export function ConsentRevokedMark() {
  const { t } = useTranslation();
  return (
    <Badge color="orange" variant="outline" tt="none" size="sm" styles={NO_SHRINK} data-testid="consent-revoked">
      {t('referrals.marks.consentRevoked')}
    </Badge>
  );
}
