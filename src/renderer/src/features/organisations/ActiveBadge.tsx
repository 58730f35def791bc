import { Badge } from '@mantine/core';
import { NO_SHRINK } from '../../components/badge-styles';
import { useTranslation } from 'react-i18next';

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'green' : 'gray'} variant="light" tt="none" styles={NO_SHRINK}>
      {active ? t('organisations.active') : t('organisations.inactive')}
    </Badge>
  );
}
