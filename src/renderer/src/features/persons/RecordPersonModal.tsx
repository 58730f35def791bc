import { Divider, Modal, Stack, Text, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PersonIdentityDraftSchema } from '../../../../shared/domain/cases';
import type { PersonFile } from '../../../../shared/domain/referrals';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { kyivToday } from '../../components/format';
import { emptyPerson, PersonInputs, type PersonInput } from '../cases/PersonInputs';
import { IdentificationFormSchema, IdentificationInputs, type IdentificationInput } from './IdentificationInputs';
import { PersonErrorAlert } from './PersonErrorAlert';

/** The channel's input, with the identification's date checked against today before it is sent. */
const RecordSchema = z.object({ person: PersonIdentityDraftSchema, identification: IdentificationFormSchema });
type Values = { person: PersonInput; identification: IdentificationInput };

/** «Внести ймовірно постраждалу особу»: who the person is and who identified them, when and where; no application yet. */
export function RecordPersonModal({ opened, onClose, onRecorded }: { opened: boolean; onClose(): void; onRecorded(file: PersonFile): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('persons.record.title')} size="xl" closeOnClickOutside={false}>
      {opened ? <RecordForm onCancel={onClose} onRecorded={onRecorded} /> : null}
    </Modal>
  );
}

function RecordForm({ onCancel, onRecorded }: { onCancel(): void; onRecorded(file: PersonFile): void }) {
  const { t } = useTranslation();
  const record = useChannelMutation('persons:record', { invalidates: ['cases', 'dashboard'] });
  const [formError, setFormError] = useState<AppError | null>(null);
  // Who the person is never goes into a draft: nothing of it is kept if the window locks.
  const [defaultValues] = useState(() => ({
    person: emptyPerson(),
    identification: { identifiedOn: kyivToday(), identifiedByOrganisationId: null, identifiedKatottg: '' },
  }));
  const form = useContractForm<Values, z.output<typeof RecordSchema>>(RecordSchema, { defaultValues, feature: 'persons' });

  const submit = form.handleSubmit(async (given) => {
    setFormError(null);
    try {
      const file = await record.mutateAsync(given);
      notifications.show({ color: 'green', message: t('persons.record.recorded', { code: file.code }) });
      onCancel();
      onRecorded(file);
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'persons').length === 0) setFormError(error);
    }
  });
  const saveShortcut = getHotkeyHandler([['mod+S', () => void submit(), { preventDefault: true, usePhysicalKeys: true }]]);

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate onKeyDown={saveShortcut}>
        <Stack gap="md">
          <Title order={3} size="h4">
            {t('persons.record.person')}
          </Title>
          <PersonInputs autoFocus />
          <Divider />
          <Title order={3} size="h4">
            {t('persons.record.identification')}
          </Title>
          <IdentificationInputs />
          <Text size="sm" c="dimmed">
            {t('persons.record.note')}
          </Text>
          <PersonErrorAlert error={formError} />
          <FormActions error={null} submit={t('persons.record.submit')} loading={record.isPending} onCancel={onCancel} />
        </Stack>
      </form>
    </FormProvider>
  );
}
