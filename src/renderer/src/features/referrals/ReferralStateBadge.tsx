import { Badge } from '@mantine/core';
import { REFERRAL_STATE_WORDS, type ReferralState } from '../../../../shared/domain/referral-codes';
import { NO_SHRINK } from '../../components/badge-styles';
import { useLanguage, wordsIn } from '../../components/code-words';

const COLORS: Record<ReferralState, string> = {
  draft: 'gray',
  sent: 'blue',
  accepted: 'teal',
  declined: 'red',
  in_progress: 'cyan',
  completed: 'green',
  revoked: 'orange',
  closed: 'dark',
};

/** Where a referral stands, in the coded list's own words. */
export function ReferralStateBadge({ state }: { state: ReferralState }) {
  const language = useLanguage();
  return (
    <Badge color={COLORS[state]} variant="light" tt="none" styles={NO_SHRINK} data-state={state}>
      {wordsIn(REFERRAL_STATE_WORDS[state], language)}
    </Badge>
  );
}
