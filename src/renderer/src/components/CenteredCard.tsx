import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the screens shown before anyone is in: set-up, unlock, recovery, forced change. */
export function CenteredCard({ children, width = 460, aside }: { children: ReactNode; width?: number; aside?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0" py="lg" px="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" maw={width} mx="auto" mb="md">
        <div style={{ minWidth: 0 }}>
          <Title order={3} c="blue.8">
            {t('common.appName')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('common.appTagline')}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          {aside}
          <LanguageSwitch />
        </Group>
      </Group>
      <Center>
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={width}>
          <Stack gap="md">{children}</Stack>
        </Paper>
      </Center>
    </Box>
  );
}
