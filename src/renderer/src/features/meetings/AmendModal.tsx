import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { Meeting } from '../../../../shared/domain/meetings';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { TextAreaField } from '../../components/fields';
import { meetingRef } from './meeting-labels';
import { MeetingErrorAlert } from './MeetingErrorAlert';

/** The only change approved minutes take: a numbered amendment with its reason. */
export function AmendModal({ meeting, opened, onClose, onAmended }: { meeting: Meeting; opened: boolean; onClose(): void; onAmended(m: Meeting): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('meetings.amend.title', { ref: meetingRef(meeting) })} size="lg">
      {opened ? <AmendForm meeting={meeting} onCancel={onClose} onAmended={onAmended} /> : null}
    </Modal>
  );
}

function AmendForm({ meeting, onCancel, onAmended }: { meeting: Meeting; onCancel(): void; onAmended(m: Meeting): void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const amend = useChannelMutation('meetings:amend');
  const form = useContractForm(contract['meetings:amend'].input, { defaultValues: { id: meeting.id, reason: '', text: '' }, feature: 'meetings' });

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onAmended(await amend.mutateAsync(values));
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'meetings').length === 0) setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('meetings.amend.intro', { number: meeting.amendments.length + 1 })}</Text>
        <TextAreaField
          control={form.control}
          name="reason"
          label={t('meetings.amend.reason')}
          description={t('meetings.amend.reasonHint')}
          minRows={2}
          maxRows={6}
          required
          data-autofocus
        />
        <TextAreaField control={form.control} name="text" label={t('meetings.amend.text')} description={t('meetings.amend.textHint')} minRows={4} maxRows={14} required />
        <MeetingErrorAlert error={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={amend.isPending}>
            {t('meetings.amend.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
