import { Badge } from '@mantine/core';
import { NO_SHRINK } from '../../components/badge-styles';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../shared/domain/meetings';

const COLORS: Record<Meeting['status'], string> = {
  planned: 'blue',
  postponed: 'orange',
  cancelled: 'gray',
  held: 'cyan',
  minutes_drafted: 'yellow',
  approved: 'green',
};

/** A meeting's status in words: planned, postponed, cancelled, held, minutes drafted, approved. */
export function MeetingStatusBadge({ status }: { status: Meeting['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant="light" tt="none" styles={NO_SHRINK} data-status={status}>
      {t(`meetings.statuses.${status}`)}
    </Badge>
  );
}
