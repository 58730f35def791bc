import { Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AssignmentDraftSchema, type Assignment } from '../../../../shared/domain/assignments';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { AssignmentErrorAlert } from './AssignmentErrorAlert';
import { DateField } from '../../components/date-fields';
import { MultiSelectField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { organisationOptions } from '../../components/organisation-options';

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

/** The contract's draft; the decision is fixed by where the form was opened. */
const schema = AssignmentDraftSchema;

function AssignmentForm({ decision, onCancel, onCreated }: { decision: AssignmentDecision; onCancel(): void; onCreated(a: Assignment): void }) {
  const { t } = useTranslation();
  const organisations = useChannelQuery('organisations:options', {});
  const create = useChannelMutation('assignments:create', { invalidates: ['meetings', 'dashboard'] });
  const [formError, setFormError] = useState<AppError | null>(null);
  const form = useContractForm(schema, {
    feature: 'assignments',
    defaultValues: { decisionId: decision.id, text: decision.text, leadOrganisationId: '', leadPerson: '', coExecutorIds: [], dueDate: '' },
  });
  const lead = useWatch({ control: form.control, name: 'leadOrganisationId' });
  const leadOptions = useMemo(() => organisationOptions(organisations.data ?? []), [organisations.data]);
  const coOptions = useMemo(() => organisationOptions(organisations.data ?? [], { exclude: lead }), [organisations.data, lead]);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onCreated(await create.mutateAsync({ ...values, coExecutorIds: values.coExecutorIds.filter((id) => id !== values.leadOrganisationId) }));
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'assignments').length === 0) setFormError(error);
    }
  });

  const { control } = form;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('assignments.create.intro', { number: decision.number })}
        </Text>
        <TextAreaField control={control} name="text" label={t('assignments.fields.text')} minRows={3} maxRows={8} required />
        <SelectField
          control={control}
          name="leadOrganisationId"
          label={t('assignments.fields.leadOrganisation')}
          placeholder={organisations.data ? t('assignments.create.pickOrganisation') : t('common.loading')}
          data={leadOptions}
          searchable
          required
          data-autofocus
          nothingFoundMessage={t('assignments.create.noOrganisation')}
          onOptionSubmit={(value) => {
            const co = form.getValues('coExecutorIds') ?? [];
            if (co.includes(value)) form.setValue('coExecutorIds', co.filter((id) => id !== value));
          }}
        />
        <TextField control={control} name="leadPerson" label={t('assignments.fields.leadPerson')} description={t('assignments.create.leadPersonHint')} />
        <MultiSelectField
          control={control}
          name="coExecutorIds"
          label={t('assignments.fields.coExecutors')}
          description={t('assignments.create.coExecutorsHint')}
          data={coOptions}
          searchable
          clearable
          nothingFoundMessage={t('assignments.create.noOrganisation')}
        />
        <DateField control={control} name="dueDate" label={t('assignments.fields.dueDate')} required w={220} />
        {/* The assignment's own refusals (approved minutes, a meeting still to come) say why, not only that. */}
        <AssignmentErrorAlert error={formError ?? organisations.error} />
        <FormActions error={null} submit={t('assignments.create.submit')} loading={create.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
