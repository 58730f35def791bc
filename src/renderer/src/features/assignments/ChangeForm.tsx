import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AssignmentDraftSchema, type Assignment } from '../../../../shared/domain/assignments';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { DateField } from '../../components/date-fields';
import { asAppError } from '../../components/describe-error';
import { MultiSelectField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { organisationOptions } from '../../components/organisation-options';
import { AssignmentErrorAlert } from './AssignmentErrorAlert';
import { LaterDecisionFields } from './LaterDecisionFields';

/** The form's own shape: the terms as they should be, and, once the minutes are approved, the decision that changes them. */
function schemaFor(needsDecision: boolean) {
  const decision = needsDecision ? z.string().min(1, 'closingDecision') : z.string();
  // The terms keep the rules of a new assignment's: one place says what a valid text, due date or executor is.
  return AssignmentDraftSchema.pick({ text: true, dueDate: true, leadOrganisationId: true, leadPerson: true, coExecutorIds: true }).extend({
    meetingId: needsDecision ? z.string().min(1, 'closingMeeting') : z.string(),
    decisionId: decision,
  });
}

/**
 * New terms of an assignment: text, due date, executors. While the minutes that gave it are a draft they are simply
 * corrected; once approved, only a decision of a later meeting changes them (an extension, most often), picked here.
 * The history of changes stays with the assignment.
 */
export function ChangeForm({ assignment, onCancel, onChanged }: { assignment: Assignment; onCancel(): void; onChanged(updated: Assignment): void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const needsDecision = assignment.givenApproved;
  const organisations = useChannelQuery('organisations:options', { includeInactive: true });
  const change = useChannelMutation('assignments:change', { invalidates: ['meetings', 'dashboard'] });
  const form = useContractForm(schemaFor(needsDecision), {
    feature: 'assignments',
    defaultValues: {
      meetingId: '',
      decisionId: '',
      text: assignment.text,
      dueDate: assignment.dueDate,
      leadOrganisationId: assignment.leadOrganisationId,
      leadPerson: assignment.leadPerson,
      coExecutorIds: assignment.coExecutorIds,
    },
  });
  const lead = useWatch({ control: form.control, name: 'leadOrganisationId' });
  const options = organisations.data ?? [];

  const submit = form.handleSubmit(async ({ meetingId: _meeting, decisionId, ...terms }) => {
    setFormError(null);
    try {
      onChanged(await change.mutateAsync({ assignmentId: assignment.id, byDecisionId: needsDecision ? decisionId : null, ...terms }));
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'assignments').length === 0) setFormError(error);
    }
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assignment-change-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="assignment-change-title">
            {t('assignments.change.title')}
          </Title>
          {needsDecision ? (
            <>
              <Text size="sm">{t('assignments.change.byDecision', { number: assignment.meetingNumber, year: assignment.meetingYear })}</Text>
              <LaterDecisionFields assignment={assignment} control={form.control} setValue={form.setValue} autoFocus />
            </>
          ) : (
            <Alert color="blue" variant="light" role="note">
              <Text size="sm">{t('assignments.change.correction', { number: assignment.meetingNumber, year: assignment.meetingYear })}</Text>
            </Alert>
          )}
          <TextAreaField control={form.control} name="text" label={t('assignments.fields.text')} autosize minRows={2} maxRows={8} required />
          <SimpleGrid cols={2}>
            <DateField control={form.control} name="dueDate" label={t('assignments.fields.dueDate')} required />
            <TextField control={form.control} name="leadPerson" label={t('assignments.fields.leadPerson')} />
          </SimpleGrid>
          <SelectField
            control={form.control}
            name="leadOrganisationId"
            label={t('assignments.fields.leadOrganisation')}
            data={organisationOptions(options, { activeOnly: true, keep: assignment.leadOrganisationId })}
            searchable
            required
          />
          <MultiSelectField
            control={form.control}
            name="coExecutorIds"
            label={t('assignments.fields.coExecutors')}
            data={organisationOptions(options, { activeOnly: true, exclude: lead })}
            searchable
          />
          <AssignmentErrorAlert error={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {t('assignments.change.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
