import { Autocomplete, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { Controller, useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RemoveRowButton, removeRowKeys } from '../../components/RemoveRowButton';
import { useMeetingEditor } from './editor-context';
import type { MeetingValues } from './meeting-form';

/** ВИСТУПИЛИ: any number of speeches, each a speaker («Прізвище І. П.») and the summary of what they said. */
export function SpeechesEditor({ itemIndex }: { itemIndex: number }) {
  const { t } = useTranslation();
  const { members, readOnly } = useMeetingEditor();
  const { control, register, formState } = useFormContext<MeetingValues>();
  const { fields, append, remove } = useFieldArray({ control, name: `agenda.${itemIndex}.speeches`, keyName: 'key' });
  const guests = useWatch({ control, name: 'guests' });
  const errors = formState.errors.agenda?.[itemIndex]?.speeches;
  const speakers = [...new Set([...members.map((m) => m.shortName), ...(guests ?? []).map((g) => g.name.trim()).filter(Boolean)])];
  const item = itemIndex + 1;

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">{t('meetings.agenda.speeches')}</Title>
      {fields.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.agenda.noSpeeches')}
        </Text>
      ) : null}
      {fields.map((field, index) => (
        <Group key={field.key} align="flex-start" wrap="nowrap" gap="xs" onKeyDown={readOnly ? undefined : removeRowKeys(() => remove(index))}>
          <Controller
            control={control}
            name={`agenda.${itemIndex}.speeches.${index}.speaker`}
            render={({ field: speaker }) => (
              <Autocomplete
                label={t('meetings.agenda.speaker')}
                data={speakers}
                required
                readOnly={readOnly}
                w={260}
                value={speaker.value}
                onChange={speaker.onChange}
                onBlur={speaker.onBlur}
                ref={speaker.ref}
                error={errors?.[index]?.speaker?.message}
              />
            )}
          />
          <Textarea
            label={t('meetings.agenda.summary')}
            autosize
            minRows={1}
            maxRows={8}
            readOnly={readOnly}
            style={{ flex: 1 }}
            error={errors?.[index]?.summary?.message}
            {...register(`agenda.${itemIndex}.speeches.${index}.summary`)}
          />
          {readOnly ? null : (
            <RemoveRowButton mt={26} label={t('meetings.agenda.removeSpeech', { n: index + 1, item })} onRemove={() => remove(index)} />
          )}
        </Group>
      ))}
      {readOnly ? null : (
        <Group>
          <Button
            variant="default"
            size="compact-sm"
            aria-label={t('meetings.agenda.addSpeechTo', { item })}
            // By name: the summary registers before the speaker's controller, and would take the focus otherwise.
            onClick={() => append({ speaker: '', summary: '' }, { shouldFocus: true, focusName: `agenda.${itemIndex}.speeches.${fields.length}.speaker` })}
          >
            {t('meetings.agenda.addSpeech')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
