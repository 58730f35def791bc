import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quorum } from '../../../../shared/domain/meetings';
import type { QuorumRule } from './quorum';

/**
 * Whether the meeting may decide anything, said before anything is decided: green with the counts when there is
 * a quorum, red with what to do when there is none. A planned meeting before its start has had no chance to
 * gather: it is told what will be needed, calmly, not that the quorum is missing.
 */
export function QuorumBanner({ quorum, rule, planned = false }: { quorum: Quorum; rule: QuorumRule | null; planned?: boolean }) {
  const { t } = useTranslation();
  const counts = { present: quorum.present, members: quorum.members, needed: quorum.needed };
  const waiting = planned && !quorum.met && quorum.members > 0;
  const sentence =
    quorum.members === 0
      ? t('meetings.quorum.noMembers')
      : quorum.met
        ? t('meetings.quorum.met', counts)
        : waiting
          ? t('meetings.quorum.planned', counts)
          : t('meetings.quorum.notMet', counts);
  return (
    <Alert
      color={quorum.met ? 'green' : waiting ? 'blue' : 'red'}
      variant="light"
      role="status"
      aria-live="polite"
      data-testid="quorum"
      data-met={quorum.met}
      py="xs"
    >
      <Text size="sm" fw={waiting ? 400 : 700}>
        {sentence}
      </Text>
      {rule ? (
        <Text size="xs" c="dimmed">
          {t(rule.quorumStrict ? 'meetings.quorum.ruleMore' : 'meetings.quorum.ruleAtLeast', {
            numerator: rule.quorumNumerator,
            denominator: rule.quorumDenominator,
          })}
        </Text>
      ) : null}
    </Alert>
  );
}
