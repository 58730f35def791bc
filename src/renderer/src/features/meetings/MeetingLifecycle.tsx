import { Button, Menu, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isUpcoming, MeetingCancelSchema, MeetingPostponeSchema, type Meeting } from '../../../../shared/domain/meetings';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { DateField, TimeField } from '../../components/date-fields';
import { asAppError, describeError } from '../../components/describe-error';
import { TextField as Input } from '../../components/fields';
import { formatDate, kyivToday } from '../../components/format';
import { FormActions } from '../../components/FormActions';
import { meetingRef } from './meeting-labels';
import { notifyNumbering } from './numbering-notice';
import { useUnusualDate } from './use-unusual-date';

type Action = 'postpone' | 'cancel' | 'delete';

/**
 * «Дії із засіданням» for a meeting that has not taken place: mark its notice sent (the overview stops asking for
 * it), postpone (new date and time, with the reason), cancel
 * (with the reason) and, while it has no decisions, delete. Each asks in a dialog of its own before anything changes.
 */
export function MeetingLifecycle({ meeting, dirty }: { meeting: Meeting; dirty: boolean }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<Action | null>(null);
  const noticeSent = useChannelMutation('meetings:noticeSent', { invalidates: ['dashboard'] });
  if (!isUpcoming(meeting.status)) return null;
  const decided = meeting.agenda.some((item) => item.decisions.length > 0);
  const ref = meetingRef(meeting);
  const close = () => setAction(null);
  const markNotice = () =>
    noticeSent
      .mutateAsync({ id: meeting.id, sentOn: meeting.noticeSentOn ? null : kyivToday() })
      .then((marked) => marked.noticeSentOn && notifications.show({ color: 'green', message: t('meetings.lifecycle.noticeMarked', { ref }) }))
      .catch((caught: unknown) => notifications.show({ color: 'red', message: describeError(t, asAppError(caught)) }));

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="default" disabled={dirty} title={dirty ? t('meetings.approval.saveFirst') : undefined}>
            {t('meetings.lifecycle.actions')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void markNotice()}>{meeting.noticeSentOn ? t('meetings.lifecycle.noticeUnsent') : t('meetings.lifecycle.noticeSent')}</Menu.Item>
          <Menu.Divider />
          <Menu.Item onClick={() => setAction('postpone')}>{t('meetings.lifecycle.postpone')}</Menu.Item>
          <Menu.Item color="red" onClick={() => setAction('cancel')}>
            {t('meetings.lifecycle.cancel')}
          </Menu.Item>
          {decided ? null : (
            <Menu.Item color="red" onClick={() => setAction('delete')}>
              {t('meetings.lifecycle.delete')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal opened={action === 'postpone'} onClose={close} title={t('meetings.lifecycle.postponeTitle', { ref })} size="lg">
        {action === 'postpone' ? <PostponeForm meeting={meeting} onDone={close} /> : null}
      </Modal>
      <Modal opened={action === 'cancel'} onClose={close} title={t('meetings.lifecycle.cancelTitle', { ref })}>
        {action === 'cancel' ? <CancelForm meeting={meeting} onDone={close} /> : null}
      </Modal>
      <Modal opened={action === 'delete'} onClose={close} title={t('meetings.lifecycle.deleteTitle', { ref })}>
        {action === 'delete' ? <DeleteConfirm meeting={meeting} onDone={close} /> : null}
      </Modal>
    </>
  );
}

/** The contract's own rules, less what the dialog does not ask: the meeting, and the confirmation asked separately. */
const PostponeValues = MeetingPostponeSchema.omit({ id: true, confirmDate: true });

function PostponeForm({ meeting, onDone }: { meeting: Meeting; onDone(): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const postpone = useChannelMutation('meetings:postpone', { invalidates: ['dashboard'] });
  const form = useContractForm(PostponeValues, { defaultValues: { date: '', time: meeting.time, reason: '' }, feature: 'meetings' });
  const { confirming, modal } = useUnusualDate();

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const moved = await confirming((confirmDate) => postpone.mutateAsync({ id: meeting.id, ...values, confirmDate }));
      if (!moved) return;
      notifications.show({ color: 'green', message: t('meetings.lifecycle.postponed', { ref: meetingRef(moved), date: `${formatDate(moved.date)} ${moved.time}` }) });
      notifyNumbering(t, moved.numbering, moved.number);
      onDone();
    } catch (caught) {
      const failed = asAppError(caught);
      if (placeServerError(form, t, failed, 'meetings').length === 0) setError(failed);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('meetings.lifecycle.postponeIntro')}</Text>
        <SimpleGrid cols={2}>
          <DateField control={form.control} name="date" label={t('meetings.lifecycle.newDate')} required data-autofocus />
          <TimeField control={form.control} name="time" label={t('meetings.lifecycle.newTime')} required />
        </SimpleGrid>
        <Input control={form.control} name="reason" label={t('meetings.lifecycle.reason')} description={t('meetings.lifecycle.postponeReasonHint')} required />
        <FormActions error={error} submit={t('meetings.lifecycle.postponeConfirm')} loading={postpone.isPending} onCancel={onDone} />
      </Stack>
      {modal}
    </form>
  );
}

const CancelValues = MeetingCancelSchema.omit({ id: true });

function CancelForm({ meeting, onDone }: { meeting: Meeting; onDone(): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const cancel = useChannelMutation('meetings:cancel', { invalidates: ['dashboard'] });
  const form = useContractForm(CancelValues, { defaultValues: { reason: '' }, feature: 'meetings' });

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const cancelled = await cancel.mutateAsync({ id: meeting.id, reason: values.reason });
      notifications.show({ color: 'green', message: t('meetings.lifecycle.cancelled', { ref: meetingRef(cancelled) }) });
      onDone();
    } catch (caught) {
      const failed = asAppError(caught);
      if (placeServerError(form, t, failed, 'meetings').length === 0) setError(failed);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('meetings.lifecycle.cancelIntro')}</Text>
        <Input control={form.control} name="reason" label={t('meetings.lifecycle.reason')} required data-autofocus />
        <FormActions error={error} submit={t('meetings.lifecycle.cancelConfirm')} color="red" loading={cancel.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function DeleteConfirm({ meeting, onDone }: { meeting: Meeting; onDone(): void }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const [error, setError] = useState<AppError | null>(null);
  const remove = useChannelMutation('meetings:delete', { invalidates: ['dashboard', 'drafts'] });

  const confirm = async () => {
    setError(null);
    try {
      const { numbering } = await remove.mutateAsync({ id: meeting.id });
      notifications.show({ color: 'green', message: t('meetings.lifecycle.deleted', { ref: meetingRef(meeting) }) });
      notifyNumbering(t, numbering);
      onDone();
      open('meetings');
    } catch (caught) {
      setError(asAppError(caught));
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void confirm();
      }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('meetings.lifecycle.deleteIntro')}</Text>
        <FormActions error={error} submit={t('meetings.lifecycle.deleteConfirm')} color="red" loading={remove.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
