import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'green' : 'gray'} variant="light" tt="none">
      {active ? t('organisations.active') : t('organisations.inactive')}
    </Badge>
  );
}
