import { Alert, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function RecoveryKeyStep({ recoveryKey, onNext }: { recoveryKey: string; onNext(): void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <div className="print-area">
        <Title order={2} size="h3" mb="xs">
          {t('session.setup.keyTitle')}
        </Title>
        <Code
          block
          data-testid="recovery-key"
          fz={24}
          fw={700}
          ta="center"
          py="md"
          style={{ letterSpacing: '0.04em', userSelect: 'all', whiteSpace: 'nowrap', overflowX: 'auto' }}
        >
          {recoveryKey}
        </Code>
        <Text size="sm" mt="sm">
          {t('session.setup.keyInstructions')}
        </Text>
      </div>
      <Alert color="yellow" variant="light">
        {t('session.setup.keyIntro')}
      </Alert>
      <Group justify="space-between">
        <Button variant="default" onClick={() => window.print()}>
          {t('common.print')}
        </Button>
        <Button onClick={onNext} autoFocus>
          {t('session.setup.keyNext')}
        </Button>
      </Group>
    </Stack>
  );
}
