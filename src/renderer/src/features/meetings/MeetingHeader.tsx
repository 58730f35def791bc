import { Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MEETING_FORMATS, MEETING_KINDS } from '../../../../shared/domain/meetings';
import { useMeetingEditor } from './editor-context';
import { EDITABLE_STATUSES, type MeetingValues } from './meeting-form';
import { memberOptions } from './meeting-labels';
import { MeetingStatusBadge } from './MeetingStatusBadge';

/** The two who sign the minutes. */
const SIGNATORIES = [
  { name: 'chairMemberId', label: 'meetings.fields.chair' },
  { name: 'secretaryMemberId', label: 'meetings.fields.secretary' },
] as const;

/** Number, date, time, place, format, kind, status, and who chairs and keeps the minutes. */
export function MeetingHeader() {
  const { t } = useTranslation();
  const { meeting, members, readOnly } = useMeetingEditor();
  const { control, register, formState } = useFormContext<MeetingValues>();
  const { errors } = formState;
  const [date, chairId, secretaryId] = useWatch({ control, name: ['date', 'chairMemberId', 'secretaryMemberId'] });
  const people = memberOptions(t, members, [chairId, secretaryId]);
  const formatOptions = MEETING_FORMATS.map((value) => ({ value, label: t(`labels.meetingFormats.${value}`) }));
  const kindOptions = MEETING_KINDS.map((value) => ({ value, label: t(`labels.meetingKinds.${value}`) }));
  const statusOptions = EDITABLE_STATUSES.map((value) => ({ value, label: t(`labels.meetingStatuses.${value}`) }));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 3 }}>
        <Controller
          control={control}
          name="number"
          render={({ field }) => (
            <NumberInput
              label={t('meetings.fields.number')}
              description={t('meetings.fields.numberHint')}
              min={1}
              max={999}
              allowDecimal={false}
              allowNegative={false}
              required
              readOnly={readOnly}
              value={field.value ?? ''}
              onChange={(value) => field.onChange(typeof value === 'number' ? value : null)}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errors.number?.message}
            />
          )}
        />
        <TextInput
          type="date"
          label={t('meetings.fields.date')}
          description={date !== meeting.date && !readOnly ? t('meetings.fields.dateChanged') : undefined}
          required
          readOnly={readOnly}
          error={errors.date?.message}
          {...register('date')}
        />
        <TextInput type="time" label={t('meetings.fields.time')} required readOnly={readOnly} error={errors.time?.message} {...register('time')} />
        <TextInput label={t('meetings.fields.place')} readOnly={readOnly} error={errors.place?.message} {...register('place')} />
        <Controller
          control={control}
          name="format"
          render={({ field }) => (
            <Select
              label={t('meetings.fields.format')}
              data={formatOptions}
              allowDeselect={false}
              readOnly={readOnly}
              value={field.value}
              onChange={(value) => value && field.onChange(value)}
              onBlur={field.onBlur}
              ref={field.ref}
            />
          )}
        />
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            <Select
              label={t('meetings.fields.kind')}
              data={kindOptions}
              allowDeselect={false}
              readOnly={readOnly}
              value={field.value}
              onChange={(value) => value && field.onChange(value)}
              onBlur={field.onBlur}
              ref={field.ref}
            />
          )}
        />
        {meeting.status === 'approved' ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('meetings.fields.status')}
            </Text>
            <Group>
              <MeetingStatusBadge status="approved" />
            </Group>
          </Stack>
        ) : (
          <Controller
            control={control}
            name="status"
            render={({ field }) => (
              <Select
                label={t('meetings.fields.status')}
                description={t('meetings.fields.statusHint')}
                data={statusOptions}
                allowDeselect={false}
                readOnly={readOnly}
                value={field.value}
                onChange={(value) => value && field.onChange(value)}
                onBlur={field.onBlur}
                ref={field.ref}
              />
            )}
          />
        )}
        {SIGNATORIES.map(({ name, label }) => (
          <Controller
            key={name}
            control={control}
            name={name}
            render={({ field }) => (
              <Select
                label={t(label)}
                description={t('meetings.fields.signsHint')}
                placeholder={t('meetings.fields.pickMember')}
                data={people}
                clearable
                searchable
                readOnly={readOnly}
                nothingFoundMessage={t('meetings.fields.noMember')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
              />
            )}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
