import { Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AssignmentCloseSchema, type Assignment } from '../../../../shared/domain/assignments';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { AssignmentErrorAlert } from './AssignmentErrorAlert';
import { LaterDecisionFields } from './LaterDecisionFields';

const OUTCOMES = ['done', 'removed'] as const;

/** The meeting is a step of the form, not of the contract: it narrows the decisions to choose from. */
const schema = AssignmentCloseSchema.extend({ meetingId: z.string().min(1, 'closingMeeting') });

/** Marks an assignment done or removes it from control, by a decision of a later meeting picked here. */
export function CloseForm({ assignment, onCancel, onClosed }: { assignment: Assignment; onCancel(): void; onClosed(updated: Assignment): void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  // Only meetings after the one that gave the assignment: the main process applies the same rule.
  const later = useChannelQuery('meetings:list', { laterThan: assignment.meetingId });
  const close = useChannelMutation('assignments:close', { invalidates: ['meetings', 'dashboard'] });
  const form = useContractForm(schema, { defaultValues: { assignmentId: assignment.id, meetingId: '', decisionId: '', outcome: 'done' }, feature: 'assignments' });
  const hasLater = Boolean(later.data && later.data.length > 0);

  const submit = form.handleSubmit(async ({ meetingId: _meeting, ...input }) => {
    setFormError(null);
    try {
      onClosed(await close.mutateAsync(input));
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'assignments').length === 0) setFormError(error);
    }
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assignment-close-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4} id="assignment-close-title">
            {t('assignments.close.title')}
          </Title>
          <Text size="sm">{t('assignments.close.rule', { number: assignment.meetingNumber, year: assignment.meetingYear })}</Text>
          <LaterDecisionFields assignment={assignment} control={form.control} setValue={form.setValue} autoFocus />
          {hasLater ? (
            <>
              <Controller
                control={form.control}
                name="outcome"
                render={({ field }) => (
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id="assignment-close-outcome">
                      {t('assignments.close.outcome')}
                    </Text>
                    <SegmentedControl
                      aria-labelledby="assignment-close-outcome"
                      value={field.value}
                      onChange={(value) => field.onChange(value)}
                      data={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`assignments.close.outcomes.${outcome}`) }))}
                      style={{ alignSelf: 'flex-start' }}
                    />
                  </Stack>
                )}
              />
            </>
          ) : null}
          <AssignmentErrorAlert error={formError ?? later.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            {hasLater ? (
              <Button type="submit" loading={close.isPending}>
                {t('assignments.close.submit')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
