import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function GroupPage() {
  const { t } = useTranslation();
  return <Title order={2}>{t('nav.group')}</Title>;
}
