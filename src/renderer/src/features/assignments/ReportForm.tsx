import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgressReportDraftSchema, type Assignment } from '../../../../shared/domain/assignments';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { DateField } from '../../components/date-fields';
import { TextAreaField, TextField } from '../../components/fields';
import { kyivToday } from '../../components/format';
import { AssignmentErrorAlert } from './AssignmentErrorAlert';

/** Records a progress report (інформація про стан виконання) received from an executor. */
export function ReportForm({ assignment, onCancel, onSaved }: { assignment: Assignment; onCancel(): void; onSaved(updated: Assignment): void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const today = useMemo(() => kyivToday(), []);
  // The main process refuses a date after today too; here the answer comes before the round trip.
  const schema = useMemo(() => ProgressReportDraftSchema.refine((r) => r.receivedOn <= today, { path: ['receivedOn'], message: 'notInFuture' }), [today]);
  const report = useChannelMutation('assignments:report', { invalidates: ['meetings'] });
  const form = useContractForm(schema, { defaultValues: { assignmentId: assignment.id, receivedOn: today, text: '', reference: '' }, feature: 'assignments' });

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onSaved(await report.mutateAsync(values));
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'assignments').length === 0) setFormError(error);
    }
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assignment-report-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4} id="assignment-report-title">
            {t('assignments.report.title')}
          </Title>
          <Group align="flex-start" grow>
            <DateField control={form.control} name="receivedOn" label={t('assignments.report.receivedOn')} required maxDate={today} />
            <TextField control={form.control} name="reference" label={t('assignments.report.reference')} description={t('assignments.report.referenceHint')} />
          </Group>
          <TextAreaField control={form.control} name="text" label={t('assignments.report.text')} minRows={3} maxRows={10} required data-autofocus autoFocus />
          <AssignmentErrorAlert error={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={report.isPending}>
              {t('assignments.report.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
