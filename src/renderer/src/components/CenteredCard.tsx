import { Box, Center, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the screens shown before anyone is in: set-up, unlock, recovery, forced change. */
export function CenteredCard({ children, width = 460, aside }: { children: ReactNode; width?: number; aside?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0" py="lg" px="md">
      <Group component="header" justify="space-between" align="flex-start" wrap="nowrap" maw={width} mx="auto" mb="md">
        {/* The app's name is a masthead, not a heading: the screen's own title is its one h1. */}
        <div style={{ minWidth: 0 }}>
          <Text fz="h3" fw={700} lh={1.4} c="blue.8">
            {t('common.appName')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('common.appTagline')}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          {aside}
          <LanguageSwitch />
        </Group>
      </Group>
      <Center component="main">
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={width}>
          <Stack gap="md">{children}</Stack>
        </Paper>
      </Center>
    </Box>
  );
}
