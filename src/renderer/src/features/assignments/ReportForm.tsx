import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Paper, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Assignment } from '../../../../shared/domain/meetings';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { applyServerError } from '../../components/form-errors';
import { AssignmentErrorAlert } from './AssignmentErrorAlert';
import { isIsoDate, kyivToday } from '../../components/format';

/** Records a progress report (інформація про стан виконання) received from an executor. */
export function ReportForm({ assignment, onCancel, onSaved }: { assignment: Assignment; onCancel(): void; onSaved(updated: Assignment): void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const today = useMemo(() => kyivToday(), []);
  const schema = useMemo(
    () =>
      z.object({
        receivedOn: z
          .string()
          .min(1, t('assignments.report.receivedOnRequired'))
          .refine(isIsoDate, t('assignments.report.receivedOnInvalid'))
          .refine((value) => value <= today, t('assignments.report.receivedOnFuture')),
        text: z
          .string()
          .trim()
          .min(1, t('validation.required'))
          .min(3, t('validation.too_small', { minimum: 3 }))
          .max(20_000, t('validation.too_big', { maximum: 20_000 })),
        reference: z.string().trim().max(200, t('validation.too_big', { maximum: 200 })),
      }),
    [t, today],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { receivedOn: today, text: '', reference: '' } });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onSaved(await api.call('assignments:report', { assignmentId: assignment.id, ...values }));
    } catch (caught) {
      const error = asAppError(caught);
      const placed = applyServerError(t, error, form.setError, { receivedOn: 'receivedOn', text: 'text', reference: 'reference' });
      if (!placed) setFormError(error);
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
            <TextInput
              type="date"
              label={t('assignments.report.receivedOn')}
              required
              max={today}
              error={errors.receivedOn?.message}
              {...form.register('receivedOn')}
            />
            <TextInput
              label={t('assignments.report.reference')}
              description={t('assignments.report.referenceHint')}
              autoComplete="off"
              error={errors.reference?.message}
              {...form.register('reference')}
            />
          </Group>
          <Textarea
            label={t('assignments.report.text')}
            autosize
            minRows={3}
            maxRows={10}
            required
            data-autofocus
            autoFocus
            error={errors.text?.message}
            {...form.register('text')}
          />
          <AssignmentErrorAlert error={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {t('assignments.report.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
