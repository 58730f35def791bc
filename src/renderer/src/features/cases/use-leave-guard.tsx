import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../app/navigation';

/**
 * While a form on the page holds unsaved input, leaving the page (the sidebar, «До списку справ», a link) asks
 * first, as the meeting editor does. Returns the question's dialog for the form to render.
 */
export function useLeaveGuard(dirty: boolean): ReactNode {
  const { t } = useTranslation();
  const { setLeaveGuard } = useNavigation();
  const [pending, setPending] = useState<(() => void) | null>(null);

  useEffect(() => {
    if (!dirty) return undefined;
    setLeaveGuard((leave) => setPending(() => leave));
    return () => setLeaveGuard(null);
  }, [dirty, setLeaveGuard]);

  return (
    <Modal opened={pending !== null} onClose={() => setPending(null)} title={t('cases.leave.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('cases.leave.text')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setPending(null)} data-autofocus>
            {t('cases.leave.stay')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              const leave = pending;
              setPending(null);
              leave?.();
            }}
          >
            {t('cases.leave.leave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
