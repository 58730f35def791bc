import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Meeting } from '../../../../shared/domain/meetings';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { applyServerError } from '../../components/form-errors';
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
  const api = useApi();
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const schema = useMemo(
    () =>
      z.object({
        reason: z.string().trim().min(3, t('meetings.amend.reasonRequired')).max(2000, t('validation.too_big', { maximum: 2000 })),
        text: z.string().trim().min(3, t('meetings.amend.textRequired')).max(20_000, t('validation.too_big', { maximum: 20_000 })),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { reason: '', text: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onAmended(await api.call('meetings:amend', { id: meeting.id, ...values }));
    } catch (caught) {
      const error = asAppError(caught);
      if (!applyServerError(t, error, form.setError, { reason: 'reason', text: 'text' })) setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('meetings.amend.intro', { number: meeting.amendments.length + 1 })}</Text>
        <Textarea
          label={t('meetings.amend.reason')}
          description={t('meetings.amend.reasonHint')}
          autosize
          minRows={2}
          maxRows={6}
          required
          data-autofocus
          error={errors.reason?.message}
          {...form.register('reason')}
        />
        <Textarea
          label={t('meetings.amend.text')}
          description={t('meetings.amend.textHint')}
          autosize
          minRows={4}
          maxRows={14}
          required
          error={errors.text?.message}
          {...form.register('text')}
        />
        <MeetingErrorAlert error={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('meetings.amend.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
