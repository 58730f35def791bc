import { Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EDITABLE_STATUSES, MEETING_FORMATS, MEETING_KINDS } from '../../../../shared/domain/meetings';
import { DateField, TimeField } from '../../components/date-fields';
import { NumberField, SelectField, TextField } from '../../components/fields';
import { useMeetingEditor } from './editor-context';
import type { MeetingValues } from './meeting-form';
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
  const { control } = useFormContext<MeetingValues>();
  const [date, chairId, secretaryId] = useWatch({ control, name: ['date', 'chairMemberId', 'secretaryMemberId'] });
  const people = memberOptions(t, members, [chairId, secretaryId]);
  const formatOptions = MEETING_FORMATS.map((value) => ({ value, label: t(`meetings.formats.${value}`) }));
  const kindOptions = MEETING_KINDS.map((value) => ({ value, label: t(`meetings.kinds.${value}`) }));
  // «Перенесено» stays while the meeting is postponed and is never chosen here: it comes with a reason, from «Дії».
  const statusOptions = EDITABLE_STATUSES.filter((value) => value !== (meeting.status === 'postponed' ? 'planned' : 'postponed')).map((value) => ({
    value,
    label: t(`meetings.statuses.${value}`),
  }));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, md: 3 }}>
        <NumberField control={control} name="number" label={t('meetings.fields.number')} description={t('meetings.fields.numberHint')} min={1} max={999} required readOnly={readOnly} />
        <DateField
          control={control}
          name="date"
          label={t('meetings.fields.date')}
          description={date !== meeting.date && !readOnly ? t('meetings.fields.dateChanged') : undefined}
          required
          readOnly={readOnly}
        />
        <TimeField control={control} name="time" label={t('meetings.fields.time')} required readOnly={readOnly} />
        <TextField control={control} name="place" label={t('meetings.fields.place')} readOnly={readOnly} />
        <SelectField control={control} name="format" label={t('meetings.fields.format')} data={formatOptions} readOnly={readOnly} />
        <SelectField control={control} name="kind" label={t('meetings.fields.kind')} data={kindOptions} readOnly={readOnly} />
        {meeting.status === 'approved' || meeting.status === 'cancelled' ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('meetings.fields.status')}
            </Text>
            <Group>
              <MeetingStatusBadge status={meeting.status} />
            </Group>
          </Stack>
        ) : (
          <SelectField
            control={control}
            name="status"
            label={t('meetings.fields.status')}
            description={t('meetings.fields.statusHint')}
            data={statusOptions}
            readOnly={readOnly}
          />
        )}
        {SIGNATORIES.map(({ name, label }) => (
          <SelectField
            key={name}
            control={control}
            name={name}
            label={t(label)}
            description={t('meetings.fields.signsHint')}
            placeholder={t('meetings.fields.pickMember')}
            data={people}
            clearable
            searchable
            readOnly={readOnly}
            nothingFoundMessage={t('meetings.fields.noMember')}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
