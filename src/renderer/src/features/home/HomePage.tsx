import { List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session-context';

const ITEMS = ['group', 'meetings', 'assignments', 'cases', 'referrals', 'reports'] as const;

export function HomePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  return (
    <Stack maw={760}>
      <Title order={2}>{t('home.title', { name: session.displayName })}</Title>
      <Text>{t('home.intro')}</Text>
      <Text fw={500}>{t('home.willHold')}</Text>
      <List spacing={4}>
        {ITEMS.map((item) => (
          <List.Item key={item}>{t(`home.items.${item}`)}</List.Item>
        ))}
      </List>
      <Text c="dimmed">{t('home.now')}</Text>
    </Stack>
  );
}
