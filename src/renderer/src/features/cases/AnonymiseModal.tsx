import { Alert, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cases as casesContract } from '../../../../shared/contract/cases';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { TextField } from '../../components/fields';
import { formatDate } from '../../components/format';
import { placeCaseError } from './case-errors';
import { CaseErrorAlert } from './CaseErrorAlert';

export interface AnonymiseTarget {
  personId: string;
  code: string;
  closedOn: string;
  eligibleSince: string;
}

/**
 * Erasing who a person is cannot be undone, so the code is typed to confirm (not clicked): the statistics stay,
 * the name, contacts and free texts go.
 */
export function AnonymiseModal({ target, onClose, onDone }: { target: AnonymiseTarget | null; onClose(): void; onDone?(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={target !== null} onClose={onClose} title={target ? t('cases.anonymise.title', { code: target.code }) : ''} size="lg">
      {target ? <AnonymiseForm target={target} onCancel={onClose} onDone={onDone} /> : null}
    </Modal>
  );
}

function AnonymiseForm({ target, onCancel, onDone }: { target: AnonymiseTarget; onCancel(): void; onDone?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const anonymise = useChannelMutation('cases:anonymise', { invalidates: ['dashboard'] });
  const form = useContractForm(casesContract['cases:anonymise'].input, { defaultValues: { personId: target.personId, confirmCode: '' }, feature: 'cases' });

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      const done = await anonymise.mutateAsync(values);
      notifications.show({ color: 'green', message: t('cases.anonymise.done', { code: done.code }) });
      onCancel();
      onDone?.();
    } catch (caught) {
      const error = asAppError(caught);
      if (placeCaseError(form, t, error).length === 0) setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('cases.anonymise.eligible', { closed: formatDate(target.closedOn), since: formatDate(target.eligibleSince) })}</Text>
        <Alert color="red" variant="light" role="note">
          <Text size="sm">{t('cases.anonymise.warning')}</Text>
        </Alert>
        <TextField
          control={form.control}
          name="confirmCode"
          label={t('cases.anonymise.typeCode', { code: target.code })}
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          required
          data-autofocus
        />
        <CaseErrorAlert error={formError} />
        <FormActions error={null} submit={t('cases.anonymise.submit')} color="red" loading={anonymise.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
