import { Button, Fieldset, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { NumberField } from '../../components/fields';
import { useTranslation } from 'react-i18next';
import { RemoveRowButton, removeRowKeys } from '../../components/RemoveRowButton';
import { DecisionAssignments } from './DecisionAssignments';
import { useMeetingEditor } from './editor-context';
import type { MeetingValues } from './meeting-form';

const VOTES = ['votesFor', 'votesAgainst', 'votesAbstained'] as const;

/**
 * УХВАЛИЛИ: the item's decisions, each with optional votes. The server numbers them («2.1») on save; a decision
 * that moved or is new says which number it will get.
 */
export function DecisionsEditor({ itemIndex }: { itemIndex: number }) {
  const { t } = useTranslation();
  const { readOnly, assignmentsByDecision, savedDecision } = useMeetingEditor();
  const { control, register, formState } = useFormContext<MeetingValues>();
  const { fields, append, remove } = useFieldArray({ control, name: `agenda.${itemIndex}.decisions`, keyName: 'key' });
  const decisions = useWatch({ control, name: `agenda.${itemIndex}.decisions` });
  const errors = formState.errors.agenda?.[itemIndex]?.decisions;
  const item = itemIndex + 1;

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">{t('meetings.agenda.decisions')}</Title>
      {fields.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.agenda.noDecisions')}
        </Text>
      ) : null}
      {fields.map((field, index) => {
        const decision = decisions?.[index];
        const expected = `${item}.${index + 1}`;
        const saved = savedDecision(decision?.id)?.number ?? null;
        const legend = saved ? t('meetings.agenda.decisionNumber', { number: saved }) : t('meetings.agenda.newDecision', { n: index + 1 });
        const locked = Boolean(decision?.id && (assignmentsByDecision.get(decision.id)?.length ?? 0) > 0);
        return (
          <Fieldset key={field.key} legend={legend} variant="filled" p="sm" data-testid="decision" onKeyDown={readOnly ? undefined : removeRowKeys(() => remove(index), locked)}>
            <Stack gap="xs">
              {saved && saved !== expected ? (
                <Text size="xs" c="orange">
                  {t('meetings.agenda.renumbered', { number: expected })}
                </Text>
              ) : null}
              {!saved ? (
                <Text size="xs" c="dimmed">
                  {t('meetings.agenda.numberOnSave', { number: expected })}
                </Text>
              ) : null}
              <Group align="flex-start" wrap="nowrap" gap="xs">
                <Textarea
                  label={t('meetings.agenda.decisionText')}
                  autosize
                  minRows={2}
                  maxRows={10}
                  required
                  readOnly={readOnly}
                  style={{ flex: 1 }}
                  error={errors?.[index]?.text?.message}
                  {...register(`agenda.${itemIndex}.decisions.${index}.text`)}
                />
                {readOnly ? null : (
                  <RemoveRowButton
                    mt={26}
                    disabled={locked}
                    label={t('meetings.agenda.removeDecision', { n: index + 1, item })}
                    blockedHint={t('meetings.agenda.removeBlocked.assignments')}
                    onRemove={() => remove(index)}
                  />
                )}
              </Group>
              <Group gap="xs" align="flex-start">
                <Text size="sm" fw={500} mt={6}>
                  {t('meetings.agenda.votes')}
                </Text>
                {VOTES.map((vote) => (
                  <NumberField
                    key={vote}
                    control={control}
                    name={`agenda.${itemIndex}.decisions.${index}.${vote}`}
                    nullable
                    aria-label={t(`meetings.agenda.${vote}`)}
                    leftSection={<Text size="xs">{t(`meetings.agenda.${vote}`)}</Text>}
                    leftSectionWidth={90}
                    min={0}
                    max={1000}
                    readOnly={readOnly}
                    w={160}
                  />
                ))}
              </Group>
              <DecisionAssignments decisionId={decision?.id ?? null} />
            </Stack>
          </Fieldset>
        );
      })}
      {readOnly ? null : (
        <Group>
          <Button
            variant="default"
            size="compact-sm"
            aria-label={t('meetings.agenda.addDecisionTo', { item })}
            onClick={() =>
              append(
                { text: '', votesFor: null, votesAgainst: null, votesAbstained: null },
                { shouldFocus: true, focusName: `agenda.${itemIndex}.decisions.${fields.length}.text` },
              )
            }
          >
            {t('meetings.agenda.addDecision')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
