import { Button, Group, Stack } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { PersonFile } from '../../../../shared/domain/referrals';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { useLeaveGuard } from '../cases/use-leave-guard';
import { IdentificationFormSchema, IdentificationInputs, type IdentificationInput } from './IdentificationInputs';
import { PersonErrorAlert } from './PersonErrorAlert';

/** The form is the channel's input without the person's id, so a server issue's path («identification.identifiedOn») fits. */
const Schema = z.object({ identification: IdentificationFormSchema });

/** Who identified the person, when and where: shown to every reader, corrected by those who may write. */
export function IdentificationSection({ file, canWrite }: { file: PersonFile; canWrite: boolean }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('persons:saveIdentification', { invalidates: ['referrals'] });
  const values = useMemo<{ identification: IdentificationInput }>(
    () => ({
      identification: {
        identifiedOn: file.identification.identifiedOn ?? '',
        identifiedByOrganisationId: file.identification.identifiedByOrganisationId,
        identifiedKatottg: file.identification.identifiedKatottg,
      },
    }),
    [file.identification],
  );
  const form = useContractForm<{ identification: IdentificationInput }, z.output<typeof Schema>>(Schema, { values, feature: 'persons' });
  const submit = form.handleSubmit(async (given) => {
    setFormError(null);
    try {
      await save.mutateAsync({ personId: file.id, identification: given.identification });
      // What was saved is the form's new starting point: leaving the page no longer asks about unsaved changes.
      form.reset(form.getValues());
      notifications.show({ color: 'green', message: t('persons.identification.saved') });
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'persons').length === 0) setFormError(error);
    }
  });
  const leaveGuard = useLeaveGuard(form.formState.isDirty && canWrite);
  const keys = getHotkeyHandler([['mod+S', () => canWrite && void submit(), { preventDefault: true, usePhysicalKeys: true }]]);

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate onKeyDown={keys} aria-label={t('persons.file.identification')}>
        <Stack gap="sm">
          <IdentificationInputs readOnly={!canWrite} />
          <PersonErrorAlert error={formError} />
          {canWrite ? (
            <Group justify="flex-end">
              <Button variant="default" onClick={() => form.reset()} disabled={!form.formState.isDirty}>
                {t('persons.identification.undo')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </form>
      {leaveGuard}
    </FormProvider>
  );
}
