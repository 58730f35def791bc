import { Button, Group, Stack, Text } from '@mantine/core';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AgendaItemEditor } from './AgendaItemEditor';
import { useMeetingEditor } from './editor-context';
import { emptyItem, type MeetingValues } from './meeting-form';

/**
 * The agenda in the order it is heard. The carry-over item (open assignments of earlier meetings) stays first;
 * an item whose decisions already gave assignments cannot be removed, as the server would refuse it.
 */
export function AgendaSection() {
  const { t } = useTranslation();
  const { readOnly, assignmentsByDecision, savedItem } = useMeetingEditor();
  const { control } = useFormContext<MeetingValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'agenda', keyName: 'key' });
  const agenda = useWatch({ control, name: 'agenda' });
  const pinned = (index: number) => savedItem(agenda[index]?.id)?.carryOver === true;
  const hasAssignments = (index: number) =>
    (agenda[index]?.decisions ?? []).some((d) => d.id && (assignmentsByDecision.get(d.id)?.length ?? 0) > 0);

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('meetings.agenda.intro')}
      </Text>
      {fields.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.agenda.empty')}
        </Text>
      ) : null}
      {fields.map((field, index) => (
        <AgendaItemEditor
          key={field.key}
          index={index}
          canMoveUp={!readOnly && index > 0 && !pinned(index) && !pinned(index - 1)}
          canMoveDown={!readOnly && index < fields.length - 1 && !pinned(index)}
          removeBlocked={pinned(index) ? 'carryOver' : hasAssignments(index) ? 'assignments' : null}
          onMoveUp={() => move(index, index - 1)}
          onMoveDown={() => move(index, index + 1)}
          onRemove={() => remove(index)}
        />
      ))}
      {readOnly ? null : (
        <Group>
          <Button variant="default" onClick={() => append(emptyItem(), { shouldFocus: true, focusName: `agenda.${fields.length}.title` })}>
            {t('meetings.agenda.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
