import { Fieldset, SimpleGrid, Stack } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseOptionsSchema, type Parameters } from '../../../../shared/domain/parameters';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { NumberField, SwitchField, TextField } from '../../components/fields';

/**
 * The office's own settings of the procedure: how many days ahead the dashboard warns, how long a closed case keeps
 * who the person was, whether a term ending on a day off moves on, and the letterhead its letters carry.
 */
export function OptionsSection({ parameters, canWrite }: { parameters: Parameters; canWrite: boolean }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('parameters:saveOptions', { invalidates: ['cases', 'dashboard'] });
  const form = useContractForm(CaseOptionsSchema, { feature: 'parameters', values: parameters.options });
  const readOnly = !canWrite;
  const { control } = form;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync(values);
      notifications.show({ color: 'green', message: t('parameters.options.saved') });
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'parameters').length === 0) setFormError(error);
    }
  });
  const keys = getHotkeyHandler([['mod+S', () => canWrite && void submit(), { preventDefault: true, usePhysicalKeys: true }]]);

  return (
    <form onSubmit={submit} noValidate onKeyDown={keys}>
      <Stack gap="md" maw={900}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberField control={control} name="dueSoonDays" label={t('parameters.options.dueSoonDays')} description={t('parameters.options.dueSoonDaysHint')} min={1} max={60} required readOnly={readOnly} />
          <NumberField control={control} name="retentionYears" label={t('parameters.options.retentionYears')} description={t('parameters.options.retentionYearsHint')} min={1} max={75} required readOnly={readOnly} />
        </SimpleGrid>
        <SwitchField control={control} name="moveEndOffDays" label={t('parameters.options.moveEndOffDays')} description={t('parameters.options.moveEndOffDaysHint')} disabled={readOnly} />
        <Fieldset legend={t('parameters.options.letterhead')}>
          <Stack gap="sm">
            <TextField control={control} name="letterhead.body" label={t('parameters.options.body')} placeholder={t('parameters.options.bodyPlaceholder')} readOnly={readOnly} />
            <TextField control={control} name="letterhead.unit" label={t('parameters.options.unit')} placeholder={t('parameters.options.unitPlaceholder')} readOnly={readOnly} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextField control={control} name="letterhead.address" label={t('parameters.options.address')} readOnly={readOnly} />
              <TextField control={control} name="letterhead.code" label={t('parameters.options.code')} maxLength={8} readOnly={readOnly} />
              <TextField control={control} name="letterhead.phone" label={t('parameters.options.phone')} readOnly={readOnly} />
              <TextField control={control} name="letterhead.email" label={t('parameters.options.email')} readOnly={readOnly} />
              <TextField control={control} name="letterhead.signerPosition" label={t('parameters.options.signerPosition')} readOnly={readOnly} />
              <TextField control={control} name="letterhead.signerName" label={t('parameters.options.signerName')} placeholder={t('parameters.options.signerNamePlaceholder')} readOnly={readOnly} />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        {canWrite ? <FormActions error={formError} submit={t('common.save')} loading={save.isPending} justify="flex-start" /> : null}
      </Stack>
    </form>
  );
}
