import { ActionIcon, Badge, Card, Group, Select, SimpleGrid, Stack, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RemoveRowButton, removeRowKeys } from '../../components/RemoveRowButton';
import { CarryOverReview } from './CarryOverReview';
import { DecisionsEditor } from './DecisionsEditor';
import { useMeetingEditor } from './editor-context';
import type { MeetingValues } from './meeting-form';
import { memberOptions } from './meeting-labels';
import { SpeechesEditor } from './SpeechesEditor';

/** One agenda item: the question, its rapporteur, and СЛУХАЛИ / ВИСТУПИЛИ / УХВАЛИЛИ. */
export function AgendaItemEditor({
  index,
  canMoveUp,
  canMoveDown,
  removeBlocked,
  onMoveUp,
  onMoveDown,
  onRemove,
}: {
  index: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** Why the item cannot be removed, if it cannot. */
  removeBlocked: 'carryOver' | 'assignments' | null;
  onMoveUp(): void;
  onMoveDown(): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const { members, readOnly, savedItem } = useMeetingEditor();
  const { control, register, formState } = useFormContext<MeetingValues>();
  const errors = formState.errors.agenda?.[index];
  const [itemId, rapporteurId] = useWatch({ control, name: [`agenda.${index}.id`, `agenda.${index}.rapporteurMemberId`] });
  const carryOver = savedItem(itemId)?.carryOver === true;
  const n = index + 1;
  const headingId = `agenda-item-${n}`;

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId} data-testid="agenda-item">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs">
            <Title order={2} size="h4" id={headingId}>
              {t('meetings.agenda.item', { n })}
            </Title>
            {carryOver ? (
              <Tooltip label={t('meetings.agenda.carryOverHint')} multiline w={280}>
                <Badge variant="light" color="grape" tt="none">
                  {t('meetings.agenda.carryOver')}
                </Badge>
              </Tooltip>
            ) : null}
          </Group>
          {readOnly ? null : (
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="default" disabled={!canMoveUp} onClick={onMoveUp} aria-label={t('meetings.agenda.moveUp', { n })} title={t('meetings.agenda.moveUp', { n })}>
                ↑
              </ActionIcon>
              <ActionIcon
                variant="default"
                disabled={!canMoveDown}
                onClick={onMoveDown}
                aria-label={t('meetings.agenda.moveDown', { n })}
                title={t('meetings.agenda.moveDown', { n })}
              >
                ↓
              </ActionIcon>
              <RemoveRowButton
                disabled={removeBlocked !== null}
                label={t('meetings.agenda.remove', { n })}
                blockedHint={removeBlocked ? t(`meetings.agenda.removeBlocked.${removeBlocked}`) : undefined}
                onRemove={onRemove}
              />
            </Group>
          )}
        </Group>
        <Textarea
          label={t('meetings.agenda.title')}
          autosize
          minRows={1}
          maxRows={4}
          required
          readOnly={readOnly}
          error={errors?.title?.message}
          // Ctrl+Delete in the item's title removes the item; in its speeches and decisions, the speech or decision.
          onKeyDown={readOnly ? undefined : removeRowKeys(onRemove, removeBlocked !== null)}
          {...register(`agenda.${index}.title`)}
        />
        <SimpleGrid cols={2}>
          <Controller
            control={control}
            name={`agenda.${index}.rapporteurMemberId`}
            render={({ field }) => (
              <Select
                label={t('meetings.agenda.rapporteur')}
                placeholder={t('meetings.fields.pickMember')}
                data={memberOptions(t, members, [rapporteurId ?? null])}
                clearable
                searchable
                readOnly={readOnly}
                nothingFoundMessage={t('meetings.fields.noMember')}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                ref={field.ref}
                error={errors?.rapporteurMemberId?.message}
              />
            )}
          />
          <TextInput
            label={t('meetings.agenda.rapporteurText')}
            description={t('meetings.agenda.rapporteurTextHint')}
            readOnly={readOnly}
            error={errors?.rapporteurText?.message}
            {...register(`agenda.${index}.rapporteurText`)}
          />
        </SimpleGrid>
        <Textarea
          label={t('meetings.agenda.heard')}
          description={t('meetings.agenda.heardHint')}
          autosize
          minRows={2}
          maxRows={12}
          readOnly={readOnly}
          error={errors?.heard?.message}
          {...register(`agenda.${index}.heard`)}
        />
        {carryOver ? <CarryOverReview /> : null}
        <SpeechesEditor itemIndex={index} />
        <DecisionsEditor itemIndex={index} />
      </Stack>
    </Card>
  );
}
