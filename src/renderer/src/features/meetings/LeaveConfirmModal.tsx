import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Asks before leaving a meeting whose changes are not saved. */
export function LeaveConfirmModal({ opened, onStay, onLeave }: { opened: boolean; onStay(): void; onLeave(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onStay} title={t('meetings.editor.leaveTitle')}>
      <Stack gap="sm">
        <Text size="sm">{t('meetings.editor.leaveText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onStay} data-autofocus>
            {t('meetings.editor.stay')}
          </Button>
          <Button color="red" onClick={onLeave}>
            {t('meetings.editor.leave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
