import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function OrganisationsPage() {
  const { t } = useTranslation();
  return <Title order={2}>{t('nav.organisations')}</Title>;
}
