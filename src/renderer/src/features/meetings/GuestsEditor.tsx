import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RemoveRowButton, removeRowKeys } from '../../components/RemoveRowButton';
import { useMeetingEditor } from './editor-context';
import type { MeetingValues } from './meeting-form';

/** Invited guests: name and role or position, one row each; they attend but do not count toward the quorum. */
export function GuestsEditor() {
  const { t } = useTranslation();
  const { readOnly } = useMeetingEditor();
  const { control, register, formState } = useFormContext<MeetingValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'guests', keyName: 'key' });
  const errors = formState.errors.guests;

  return (
    <section aria-labelledby="attendance-guests">
      <Title order={2} size="h4" id="attendance-guests">
        {t('meetings.attendance.guests')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('meetings.attendance.guestsIntro')}
      </Text>
      <Stack gap="xs">
        {fields.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('meetings.attendance.noGuests')}
          </Text>
        ) : null}
        {fields.map((field, index) => (
          <Group key={field.key} align="flex-start" wrap="nowrap" gap="xs" onKeyDown={readOnly ? undefined : removeRowKeys(() => remove(index))}>
            <TextInput
              label={t('meetings.attendance.guestName')}
              required
              readOnly={readOnly}
              style={{ flex: 1 }}
              error={errors?.[index]?.name?.message}
              {...register(`guests.${index}.name`)}
            />
            <TextInput
              label={t('meetings.attendance.guestRole')}
              readOnly={readOnly}
              style={{ flex: 2 }}
              error={errors?.[index]?.role?.message}
              {...register(`guests.${index}.role`)}
            />
            {readOnly ? null : (
              <RemoveRowButton mt={26} label={t('meetings.attendance.removeGuest', { n: index + 1 })} onRemove={() => remove(index)} />
            )}
          </Group>
        ))}
        {readOnly ? null : (
          <Group>
            <Button variant="default" size="compact-sm" onClick={() => append({ name: '', role: '' }, { shouldFocus: true })}>
              {t('meetings.attendance.addGuest')}
            </Button>
          </Group>
        )}
      </Stack>
    </section>
  );
}
