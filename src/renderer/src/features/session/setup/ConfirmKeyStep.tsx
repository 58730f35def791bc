import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { sameRecoveryKey } from './recovery-key';

export function ConfirmKeyStep({ recoveryKey, onBack, onConfirmed }: { recoveryKey: string; onBack(): void; onConfirmed(): void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (sameRecoveryKey(typed, recoveryKey)) onConfirmed();
    else setMismatch(true);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Title order={2} size="h3">{t('session.setup.confirmTitle')}</Title>
        <Text size="sm">{t('session.setup.confirmIntro')}</Text>
        <TextInput
          label={t('session.setup.confirmLabel')}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={typed}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            setMismatch(false);
          }}
          error={mismatch ? t('session.setup.confirmMismatch') : undefined}
        />
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            {t('common.back')}
          </Button>
          <Button type="submit">{t('session.setup.finish')}</Button>
        </Group>
      </Stack>
    </form>
  );
}
