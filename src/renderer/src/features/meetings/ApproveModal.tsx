import { Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../../../shared/domain/meetings';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { asAppError } from '../../components/describe-error';
import { meetingRef } from './meeting-labels';
import { MeetingErrorAlert } from './MeetingErrorAlert';

/** Asks before the minutes are locked, says what approval means, and shows a refusal in the user's words. */
export function ApproveModal({ meeting, opened, onClose, onApproved }: { meeting: Meeting; opened: boolean; onClose(): void; onApproved(m: Meeting): void }) {
  const { t } = useTranslation();
  const approval = useChannelMutation('meetings:approve', { invalidates: ['dashboard'] });
  const [error, setError] = useState<AppError | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  const approve = async () => {
    setError(null);
    try {
      onApproved(await approval.mutateAsync({ id: meeting.id }));
    } catch (caught) {
      setError(asAppError(caught));
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('meetings.approval.confirmTitle', { ref: meetingRef(meeting) })} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('meetings.approval.confirmIntro')}</Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('meetings.approval.confirmLocked')}</List.Item>
          <List.Item>{t('meetings.approval.confirmAmendments')}</List.Item>
          <List.Item>{t('meetings.approval.confirmHash')}</List.Item>
        </List>
        <MeetingErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button color="green" loading={approval.isPending} onClick={() => void approve()} data-autofocus>
            {t('meetings.approval.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
