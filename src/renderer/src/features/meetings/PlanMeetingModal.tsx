import { Alert, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MEETING_FORMATS, MEETING_KINDS, MeetingPlanSchema, type Meeting } from '../../../../shared/domain/meetings';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { DateField, TimeField } from '../../components/date-fields';
import { NumberField, SelectField, TextField } from '../../components/fields';
import { meetingRef } from './meeting-labels';
import { notifyNumbering } from './numbering-notice';
import { useUnusualDate } from './use-unusual-date';

/** Plans a meeting: date, time, place, format, kind and, if wanted, its number; then opens it. */
export function PlanMeetingModal({ opened, onClose, onPlanned }: { opened: boolean; onClose(): void; onPlanned(meeting: Meeting): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('meetings.plan.title')} size="lg">
      {opened ? (
        <PlanForm
          onCancel={onClose}
          onPlanned={(meeting) => {
            notifications.show({ color: 'green', message: t('meetings.plan.planned', { ref: meetingRef(meeting) }) });
            onClose();
            onPlanned(meeting);
          }}
        />
      ) : null}
    </Modal>
  );
}

function PlanForm({ onCancel, onPlanned }: { onCancel(): void; onPlanned(meeting: Meeting): void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const plan = useChannelMutation('meetings:plan', { invalidates: ['dashboard'] });
  // An emptied number box is no number: the main process then gives the next one of the year.
  const form = useContractForm(MeetingPlanSchema, { defaultValues: { date: '', time: '10:00', place: '', format: 'in_person', kind: 'regular' }, feature: 'meetings', blankIsAbsent: true });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const { confirming, modal } = useUnusualDate();

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const planned = await confirming((confirmDate) => plan.mutateAsync({ ...values, confirmDate }));
      if (!planned) return;
      notifyNumbering(t, planned.numbering, planned.number);
      onPlanned(planned);
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'meetings').length === 0) setFormError(error);
    }
  });

  const formatOptions = MEETING_FORMATS.map((value) => ({ value, label: t(`meetings.formats.${value}`) }));
  const kindOptions = MEETING_KINDS.map((value) => ({ value, label: t(`meetings.kinds.${value}`) }));
  const { control } = form;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <DateField control={control} name="date" label={t('meetings.fields.date')} required data-autofocus />
          <TimeField control={control} name="time" label={t('meetings.fields.time')} required />
        </SimpleGrid>
        <TextField control={control} name="place" label={t('meetings.fields.place')} description={t('meetings.fields.placeHint')} />
        <SimpleGrid cols={2}>
          <SelectField control={control} name="format" label={t('meetings.fields.format')} data={formatOptions} required />
          <SelectField control={control} name="kind" label={t('meetings.fields.kind')} data={kindOptions} required />
        </SimpleGrid>
        <NumberField control={control} name="number" label={t('meetings.fields.number')} description={t('meetings.plan.numberHint')} min={1} max={999} w={220} nullable />
        <Alert color="blue" variant="light" role="note">
          <Text size="sm">{kind === 'regular' ? t('meetings.plan.carryOverNote') : t('meetings.plan.extraordinaryNote')}</Text>
        </Alert>
        <FormActions error={formError} submit={t('meetings.plan.submit')} loading={plan.isPending} onCancel={onCancel} />
      </Stack>
      {modal}
    </form>
  );
}
