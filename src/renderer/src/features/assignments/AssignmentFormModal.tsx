import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Assignment } from '../../../../shared/domain/meetings';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { useChannel } from '../../app/use-channel';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerError } from '../../components/form-errors';
import { isIsoDate } from '../../components/format';
import { organisationOptions } from './organisation-options';

export interface AssignmentDecision {
  id: string;
  number: string;
  text: string;
}

/**
 * Creates an assignment from a decision of a meeting: the text (prefilled with the decision's), the lead executor,
 * co-executors and the due date. On success it shows a notification, calls `onCreated`, then `onClose`.
 */
export function AssignmentFormModal({
  decision,
  opened,
  onClose,
  onCreated,
}: {
  decision: AssignmentDecision | null;
  opened: boolean;
  onClose(): void;
  onCreated(assignment: Assignment): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened && decision !== null}
      onClose={onClose}
      title={decision ? t('assignments.create.title', { number: decision.number }) : ''}
      size="lg"
    >
      {decision ? (
        <AssignmentForm
          key={decision.id}
          decision={decision}
          onCancel={onClose}
          onCreated={(assignment) => {
            notifications.show({ color: 'green', message: t('assignments.create.created', { number: assignment.decisionNumber }) });
            onCreated(assignment);
            onClose();
          }}
        />
      ) : null}
    </Modal>
  );
}

function AssignmentForm({ decision, onCancel, onCreated }: { decision: AssignmentDecision; onCancel(): void; onCreated(a: Assignment): void }) {
  const api = useApi();
  const { t } = useTranslation();
  const { value: organisations, error: loadError } = useChannel('organisations:list', {});
  const [formError, setFormError] = useState<AppError | null>(null);

  const schema = useMemo(
    () =>
      z.object({
        text: z
          .string()
          .trim()
          .min(1, t('validation.required'))
          .min(3, t('validation.too_small', { minimum: 3 }))
          .max(5000, t('validation.too_big', { maximum: 5000 })),
        leadOrganisationId: z.string().min(1, t('assignments.create.leadRequired')),
        leadPerson: z.string().trim().max(200, t('validation.too_big', { maximum: 200 })),
        coExecutorIds: z.array(z.string()).max(30, t('assignments.create.tooManyCoExecutors', { maximum: 30 })),
        dueDate: z.string().min(1, t('assignments.create.dueDateRequired')).refine(isIsoDate, t('assignments.create.dueDateInvalid')),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { text: decision.text, leadOrganisationId: '', leadPerson: '', coExecutorIds: [], dueDate: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const lead = form.watch('leadOrganisationId');
  const leadOptions = useMemo(() => organisationOptions(organisations ?? []), [organisations]);
  const coOptions = useMemo(() => organisationOptions(organisations ?? [], lead), [organisations, lead]);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const assignment = await api.call('assignments:create', {
        decisionId: decision.id,
        text: values.text,
        leadOrganisationId: values.leadOrganisationId,
        leadPerson: values.leadPerson,
        coExecutorIds: values.coExecutorIds.filter((id) => id !== values.leadOrganisationId),
        dueDate: values.dueDate,
      });
      onCreated(assignment);
    } catch (caught) {
      const error = asAppError(caught);
      const placed = applyServerError(t, error, form.setError, {
        text: 'text',
        leadOrganisationId: 'leadOrganisationId',
        leadPerson: 'leadPerson',
        coExecutorIds: 'coExecutorIds',
        dueDate: 'dueDate',
      });
      if (!placed) setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('assignments.create.intro', { number: decision.number })}
        </Text>
        <Textarea
          label={t('assignments.fields.text')}
          autosize
          minRows={3}
          maxRows={8}
          required
          error={errors.text?.message}
          {...form.register('text')}
        />
        <Controller
          control={form.control}
          name="leadOrganisationId"
          render={({ field }) => (
            <Select
              label={t('assignments.fields.leadOrganisation')}
              placeholder={organisations ? t('assignments.create.pickOrganisation') : t('common.loading')}
              data={leadOptions}
              searchable
              clearable
              required
              data-autofocus
              nothingFoundMessage={t('assignments.create.noOrganisation')}
              value={field.value || null}
              onChange={(value) => {
                field.onChange(value ?? '');
                if (value) {
                  const co = form.getValues('coExecutorIds');
                  if (co.includes(value)) form.setValue('coExecutorIds', co.filter((id) => id !== value));
                }
              }}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errors.leadOrganisationId?.message}
            />
          )}
        />
        <TextInput
          label={t('assignments.fields.leadPerson')}
          description={t('assignments.create.leadPersonHint')}
          autoComplete="off"
          error={errors.leadPerson?.message}
          {...form.register('leadPerson')}
        />
        <Controller
          control={form.control}
          name="coExecutorIds"
          render={({ field }) => (
            <MultiSelect
              label={t('assignments.fields.coExecutors')}
              description={t('assignments.create.coExecutorsHint')}
              data={coOptions}
              searchable
              clearable
              nothingFoundMessage={t('assignments.create.noOrganisation')}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errors.coExecutorIds?.message}
            />
          )}
        />
        <TextInput
          type="date"
          label={t('assignments.fields.dueDate')}
          required
          w={220}
          error={errors.dueDate?.message}
          {...form.register('dueDate')}
        />
        <ErrorAlert error={formError ?? loadError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('assignments.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
