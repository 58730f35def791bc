import { Modal, SimpleGrid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TERM_EVENTS, TermVersionInputSchema, type TermKey, type TermVersion } from '../../../../shared/domain/parameters';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { DateField } from '../../components/date-fields';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { NumberField, SelectField, SwitchField, TextAreaField } from '../../components/fields';
import { formatDate } from '../../components/format';
import { ParameterErrorAlert } from './ParameterErrorAlert';

export interface TermDraft {
  key: TermKey;
  /** The version to start from: a future one being changed, or the one in force. */
  from: TermVersion | undefined;
  /** A future version keeps its date; a new one starts today. */
  validFrom: string;
}

/** «Нова версія» of a term (or a future one corrected): value, unit, which days count, from which event, the legal basis, from when. */
export function TermVersionModal({ draft, today, onClose }: { draft: TermDraft | null; today: string; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={draft !== null} onClose={onClose} title={draft ? t('parameters.terms.versionTitle', { term: t(`parameters.termKeys.${draft.key}`) }) : ''} size="lg">
      {draft ? <TermForm draft={draft} today={today} onClose={onClose} /> : null}
    </Modal>
  );
}

function TermForm({ draft, today, onClose }: { draft: TermDraft; today: string; onClose(): void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('parameters:saveTerm', { invalidates: ['cases', 'dashboard'] });
  const from = draft.from;
  const form = useContractForm(TermVersionInputSchema, {
    feature: 'parameters',
    defaultValues: {
      key: draft.key,
      value: from?.value ?? 0,
      unit: from?.unit ?? 'days',
      dayKind: from?.dayKind ?? 'calendar',
      countsFrom: from?.countsFrom ?? 'registration',
      legalBasis: from?.legalBasis ?? '',
      confirmed: from?.confirmed ?? false,
      validFrom: draft.validFrom,
    },
  });
  const unit = useWatch({ control: form.control, name: 'unit' });
  // Months and years are calendar ones: working days exist only for terms in days.
  useEffect(() => {
    if (unit !== 'days') form.setValue('dayKind', 'calendar');
  }, [unit, form]);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync(values);
      notifications.show({ color: 'green', message: t('parameters.terms.saved', { term: t(`parameters.termKeys.${draft.key}`), date: formatDate(values.validFrom) }) });
      onClose();
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'parameters').length === 0) setFormError(error);
    }
  });

  const { control } = form;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={3}>
          <NumberField control={control} name="value" label={t('parameters.terms.value')} min={0} max={366} required data-autofocus />
          <SelectField
            control={control}
            name="unit"
            label={t('parameters.terms.unit')}
            data={(['days', 'months', 'years'] as const).map((value) => ({ value, label: t(`parameters.unitNames.${value}`) }))}
          />
          <SelectField
            control={control}
            name="dayKind"
            label={t('parameters.terms.dayKind')}
            data={(['calendar', 'working'] as const).map((value) => ({ value, label: t(`parameters.dayKinds.${value}`) }))}
            disabled={unit !== 'days'}
          />
        </SimpleGrid>
        <SelectField
          control={control}
          name="countsFrom"
          label={t('parameters.terms.countsFrom')}
          data={TERM_EVENTS.map((value) => ({ value, label: t(`parameters.events.${value}`) }))}
        />
        <TextAreaField control={control} name="legalBasis" label={t('parameters.terms.legalBasis')} description={t('parameters.terms.legalBasisHint')} required autosize minRows={2} />
        <SwitchField control={control} name="confirmed" label={t('parameters.terms.confirmedSwitch')} />
        <DateField control={control} name="validFrom" label={t('parameters.validFrom')} description={t('parameters.validFromHint', { date: formatDate(today) })} required minDate={today} />
        <ParameterErrorAlert error={formError} />
        <FormActions error={null} submit={t('common.save')} loading={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
