import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MEETING_FORMATS, MEETING_KINDS, type Meeting } from '../../../../shared/domain/meetings';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/form-errors';
import { meetingRef } from './meeting-labels';

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
  const api = useApi();
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const schema = useMemo(
    () =>
      z.object({
        date: z.iso.date({ error: t('meetings.validation.date') }),
        time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, t('meetings.validation.time')),
        place: z.string().trim().max(300, t('validation.too_big', { maximum: 300 })),
        format: z.enum(MEETING_FORMATS),
        kind: z.enum(MEETING_KINDS),
        number: z
          .number({ error: t('meetings.validation.numberOptional') })
          .int(t('meetings.validation.numberOptional'))
          .min(1, t('meetings.validation.numberOptional'))
          .max(999, t('meetings.validation.numberOptional'))
          .nullable(),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { date: '', time: '10:00', place: '', format: 'in_person', kind: 'regular', number: null },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = form.watch('kind');

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const { number, ...rest } = values;
      onPlanned(await api.call('meetings:plan', number === null ? rest : { ...rest, number }));
    } catch (caught) {
      const error = asAppError(caught);
      if (error.code === 'CONFLICT' && error.details.field === 'number') {
        form.setError('number', { type: 'server', message: t('meetings.validation.numberTaken') }, { shouldFocus: true });
        return;
      }
      const placed = applyServerError(t, error, form.setError, { date: 'date', time: 'time', place: 'place', format: 'format', kind: 'kind', number: 'number' });
      if (!placed) setFormError(error);
    }
  });

  const formatOptions = MEETING_FORMATS.map((value) => ({ value, label: t(`labels.meetingFormats.${value}`) }));
  const kindOptions = MEETING_KINDS.map((value) => ({ value, label: t(`labels.meetingKinds.${value}`) }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <TextInput type="date" label={t('meetings.fields.date')} required data-autofocus error={errors.date?.message} {...form.register('date')} />
          <TextInput type="time" label={t('meetings.fields.time')} required error={errors.time?.message} {...form.register('time')} />
        </SimpleGrid>
        <TextInput label={t('meetings.fields.place')} description={t('meetings.fields.placeHint')} error={errors.place?.message} {...form.register('place')} />
        <SimpleGrid cols={2}>
          <Controller
            control={form.control}
            name="format"
            render={({ field }) => (
              <Select
                label={t('meetings.fields.format')}
                data={formatOptions}
                allowDeselect={false}
                required
                value={field.value}
                onChange={(value) => value && field.onChange(value)}
                onBlur={field.onBlur}
                ref={field.ref}
                error={errors.format?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <Select
                label={t('meetings.fields.kind')}
                data={kindOptions}
                allowDeselect={false}
                required
                value={field.value}
                onChange={(value) => value && field.onChange(value)}
                onBlur={field.onBlur}
                ref={field.ref}
                error={errors.kind?.message}
              />
            )}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="number"
          render={({ field }) => (
            <NumberInput
              label={t('meetings.fields.number')}
              description={t('meetings.plan.numberHint')}
              min={1}
              max={999}
              allowDecimal={false}
              allowNegative={false}
              w={220}
              value={field.value ?? ''}
              onChange={(value) => field.onChange(typeof value === 'number' ? value : null)}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errors.number?.message}
            />
          )}
        />
        <Alert color="blue" variant="light" role="note">
          <Text size="sm">{kind === 'regular' ? t('meetings.plan.carryOverNote') : t('meetings.plan.extraordinaryNote')}</Text>
        </Alert>
        <ErrorAlert error={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('meetings.plan.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
