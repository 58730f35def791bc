import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseState } from '../../../../shared/domain/cases';
import { NO_SHRINK } from '../../components/badge-styles';

const COLORS: Record<CaseState, string> = {
  open: 'blue',
  incomplete: 'yellow',
  granted: 'green',
  refused: 'red',
  ended: 'gray',
};

/** Where a case stands in words: under review, returned for documents, status granted, refused, status ended. */
export function CaseStateBadge({ state }: { state: CaseState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light" tt="none" styles={NO_SHRINK} data-state={state}>
      {t(`cases.states.${state}`)}
    </Badge>
  );
}
