import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NO_SHRINK } from '../../components/badge-styles';
import type { VersionState } from './versions';

const COLORS: Record<VersionState, string> = { future: 'blue', current: 'green', past: 'gray' };

/** «Діє», «Майбутня», «Минула». */
export function VersionBadge({ state }: { state: VersionState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="light" tt="none" size="sm" styles={NO_SHRINK} data-version={state}>
      {t(`parameters.versions.${state}`)}
    </Badge>
  );
}
