import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quorum } from '../../../../shared/domain/meetings';
import type { QuorumRule } from './quorum';

/**
 * Whether the meeting may decide anything, said before anything is decided: green with the counts when there is
 * a quorum, red with what to do when there is none.
 */
export function QuorumBanner({ quorum, rule }: { quorum: Quorum; rule: QuorumRule | null }) {
  const { t } = useTranslation();
  const counts = { present: quorum.present, members: quorum.members, needed: quorum.needed };
  const sentence =
    quorum.members === 0 ? t('meetings.quorum.noMembers') : quorum.met ? t('meetings.quorum.met', counts) : t('meetings.quorum.notMet', counts);
  return (
    <Alert
      color={quorum.met ? 'green' : 'red'}
      variant="light"
      role="status"
      aria-live="polite"
      data-testid="quorum"
      data-met={quorum.met}
      py="xs"
    >
      <Text size="sm" fw={700}>
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
