import { Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Seconds before the lock at which unsaved edits are kept: the status poll (5 s) must still see the store open. */
export const KEEP_DRAFTS_AT_SECONDS = 8;

/**
 * The countdown before the idle lock: shown for the last `warningSeconds`, with a button to stay. Near the end it
 * keeps unsaved edits as drafts (once per countdown), so the lock that follows loses nothing.
 */
export function IdleCountdown({ deadline, warningSeconds, onStay, onKeepDrafts }: { deadline: number | null; warningSeconds: number; onStay(): void; onKeepDrafts(): void }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  // Once per countdown: every status poll brings a fresh deadline, but only activity (a deadline far off again) starts a new one.
  const kept = useRef(false);
  useEffect(() => {
    if (deadline === null) return;
    // A new deadline counts from now, not from the last tick.
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [deadline]);
  const left = deadline === null ? null : Math.max(0, Math.ceil((deadline - now) / 1000));
  useEffect(() => {
    if (left === null) return;
    if (left > KEEP_DRAFTS_AT_SECONDS) {
      kept.current = false;
      return;
    }
    if (kept.current) return;
    kept.current = true;
    onKeepDrafts();
  }, [left, onKeepDrafts]);
  const opened = left !== null && left <= warningSeconds;
  return (
    <Modal opened={opened} onClose={onStay} title={t('shell.idle.title')} centered withCloseButton={false} closeOnClickOutside={false}>
      <Stack>
        <Text role="timer" aria-live="polite" data-testid="idle-countdown">
          {t('shell.idle.text', { count: left ?? 0 })}
        </Text>
        <Progress value={left === null ? 0 : (left / warningSeconds) * 100} aria-hidden />
        <Text size="sm" c="dimmed">
          {t('shell.idle.drafts')}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onStay} data-autofocus>
            {t('shell.idle.stay')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
