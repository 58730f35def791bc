import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { describeError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';

const REASONS = [
  'empty_agenda',
  'no_signatories',
  'has_assignments',
  'not_approved',
  'cancelled',
  'not_upcoming',
  'postpone_with_reason',
  'not_begun',
  'not_drafted',
  'item_without_decision',
  'votes_exceed_present',
  'has_decisions',
  'has_acted',
] as const;
const list = (value: unknown) => (Array.isArray(value) ? value.join(', ') : '');
const count = (value: unknown) => (typeof value === 'number' ? value : null);

/**
 * ErrorAlert, plus what a meeting's refusal carries: why the minutes cannot be approved (no agenda, no chair or
 * secretary), why a decision cannot go, and the counts behind a missing quorum.
 */
export function MeetingErrorAlert({ error }: { error: AppError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  const reason = REASONS.find((r) => r === error.details.reason);
  const present = count(error.details.present);
  const members = count(error.details.members);
  const needed = count(error.details.needed);
  const quorum = error.code === 'NO_QUORUM' && present !== null && members !== null && needed !== null;
  if (!reason && !quorum) return <ErrorAlert error={error} />;
  return (
    <Alert color="red" variant="light" role="alert" data-error-code={error.code}>
      <Text size="sm">{describeError(t, error)}</Text>
      <Text size="sm" mt={4}>
        {quorum
          ? t('meetings.errors.noQuorumCounts', { present, members, needed })
          : t(`meetings.errors.${reason}`, { items: list(error.details.items), decisions: list(error.details.decisions), present })}
      </Text>
    </Alert>
  );
}
