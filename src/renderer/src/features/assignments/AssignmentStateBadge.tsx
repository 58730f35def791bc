import { Badge } from '@mantine/core';
import { NO_SHRINK } from '../../components/badge-styles';
import { useTranslation } from 'react-i18next';
import type { AssignmentState } from '../../../../shared/domain/assignments';

const COLORS: Record<AssignmentState, string> = {
  overdue: 'red',
  in_progress: 'blue',
  done: 'green',
  removed: 'gray',
};

/** The state of an assignment as a coloured badge: overdue red, in progress blue, done green, removed gray. */
export function AssignmentStateBadge({ state }: { state: AssignmentState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light" tt="none" styles={NO_SHRINK} data-state={state}>
      {t(`assignments.states.${state}`)}
    </Badge>
  );
}
