import { Divider, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { FormProvider, useController, type DefaultValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { cases as casesContract } from '../../../../shared/contract/cases';
import { CaseFieldsSchema, PersonIdentityDraftSchema, type Case } from '../../../../shared/domain/cases';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { can, useSession } from '../../app/session-context';
import { useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { TextField } from '../../components/fields';
import { kyivToday } from '../../components/format';
import { placeCaseError } from './case-errors';
import { CaseErrorAlert } from './CaseErrorAlert';
import { CaseFieldsInputs, newCaseFields, type CaseFieldsInput } from './CaseFieldsInputs';
import { emptyPerson, PersonInputs, type PersonInput } from './PersonInputs';
import { PersonPicker } from './PersonPicker';

type Mode = 'new' | 'known';
type Values = { person: PersonInput; personId: string; fields: CaseFieldsInput; official: string };
type Submitted = z.output<(typeof SCHEMAS)['new']> | z.output<(typeof SCHEMAS)['known']>;
const official = casesContract['cases:create'].input.shape.official;

/**
 * The form is the channel's input for one way of naming the person: who they are (a new person), or the id of one
 * already on record. The other part stays in the values and is dropped on submit, so switching back loses nothing.
 */
const SCHEMAS = {
  new: z.object({ person: PersonIdentityDraftSchema, fields: CaseFieldsSchema, official }),
  known: z.object({ personId: z.string().min(1, 'choosePerson'), fields: CaseFieldsSchema, official }),
} as const;

/** «Зареєструвати заяву»: the person (new, or found by name), the application's facts, the official who registers it. */
export function RegisterCaseModal({ opened, onClose, onRegistered }: { opened: boolean; onClose(): void; onRegistered(created: Case): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('cases.register.title')} size="xl" closeOnClickOutside={false}>
      {opened ? <RegisterForm onCancel={onClose} onRegistered={onRegistered} /> : null}
    </Modal>
  );
}

function RegisterForm({ onCancel, onRegistered }: { onCancel(): void; onRegistered(created: Case): void }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const parameters = useChannelQuery('parameters:get', {});
  const create = useChannelMutation('cases:create', { invalidates: ['dashboard'] });
  const [mode, setMode] = useState<Mode>('new');
  const [formError, setFormError] = useState<AppError | null>(null);
  // The letterhead's body fills the receiving body once parameters arrive, unless the user typed one meanwhile.
  const [defaultValues] = useState<DefaultValues<Values>>(() => ({
    person: emptyPerson(),
    personId: '',
    fields: newCaseFields(parameters.data?.options.letterhead.body ?? '', kyivToday()),
    official: session.displayName,
  }));
  // Both ways of naming the person live in the values; the schema of the chosen way keeps only its own.
  const form = useContractForm(SCHEMAS[mode] as unknown as z.ZodType<Submitted, Values>, { defaultValues, feature: 'cases' });
  const personId = useController({ control: form.control, name: 'personId' });
  const bodyName = parameters.data?.options.letterhead.body;
  useEffect(() => {
    if (bodyName && !form.getValues('fields.receivingBodyName')) form.setValue('fields.receivingBodyName', bodyName);
  }, [bodyName, form]);

  const submit = form.handleSubmit(async (given) => {
    setFormError(null);
    try {
      const created = await create.mutateAsync(
        'person' in given ? { person: given.person, fields: given.fields, official: given.official } : { personId: given.personId, fields: given.fields, official: given.official },
      );
      notifications.show({ color: 'green', message: t('cases.register.registered', { number: created.fields.registrationNumber, code: created.code }) });
      onCancel();
      onRegistered(created);
    } catch (caught) {
      const error = asAppError(caught);
      if (placeCaseError(form, t, error).length === 0) setFormError(error);
    }
  });

  const saveShortcut = getHotkeyHandler([['mod+S', () => void submit(), { preventDefault: true, usePhysicalKeys: true }]]);

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate onKeyDown={saveShortcut}>
        <Stack gap="md">
          <Title order={3} size="h4">
            {t('cases.register.person')}
          </Title>
          {can(session, 'personal.read') ? (
            <SegmentedControl
              value={mode}
              onChange={(value) => {
                setMode(value as Mode);
                form.clearErrors();
              }}
              data={[
                { value: 'new', label: t('cases.register.modes.new') },
                { value: 'known', label: t('cases.register.modes.known') },
              ]}
              w="fit-content"
            />
          ) : null}
          {mode === 'new' ? (
            <PersonInputs autoFocus />
          ) : (
            <PersonPicker value={personId.field.value || null} onChange={(hit) => personId.field.onChange(hit?.id ?? '')} error={personId.fieldState.error?.message} />
          )}
          <Divider />
          <Title order={3} size="h4">
            {t('cases.register.application')}
          </Title>
          <CaseFieldsInputs />
          <Divider />
          <TextField control={form.control} name="official" label={t('cases.register.official')} description={t('cases.register.officialHint')} required />
          <Text size="sm" c="dimmed">
            {t('cases.register.note')}
          </Text>
          <CaseErrorAlert error={formError} />
          <FormActions error={null} submit={t('cases.register.submit')} loading={create.isPending} onCancel={onCancel} />
        </Stack>
      </form>
    </FormProvider>
  );
}
