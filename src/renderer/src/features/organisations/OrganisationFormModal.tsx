import { Modal, SimpleGrid, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_TYPES, OrganisationDraftSchema, type Organisation } from '../../../../shared/domain/organisations';
import { CLIENT_GROUP_WORDS, CLIENT_GROUPS, OWNERSHIP_WORDS, OWNERSHIPS, SERVICE_WORDS, SERVICES } from '../../../../shared/domain/referral-codes';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { useLanguage, wordsIn } from '../../components/code-words';
import { MultiSelectField, SelectField, SwitchField, TextField } from '../../components/fields';
import { TerritoryPicker } from '../../components/TerritoryPicker';
import { SimilarOrganisations } from './SimilarOrganisations';

/** Adds an organisation (`organisation` null) or edits one. */
export function OrganisationFormModal({
  opened,
  organisation,
  onClose,
  onSaved,
}: {
  opened: boolean;
  organisation: Organisation | null;
  onClose(): void;
  onSaved(organisation: Organisation): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={organisation ? t('organisations.editTitle') : t('organisations.addTitle')} size="xl">
      {opened ? <OrganisationForm key={organisation?.id ?? 'new'} organisation={organisation} onCancel={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function OrganisationForm({
  organisation,
  onCancel,
  onSaved,
}: {
  organisation: Organisation | null;
  onCancel(): void;
  onSaved(organisation: Organisation): void;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('organisations:save', { invalidates: ['group', 'assignments', 'meetings', 'dashboard'] });
  // The contract's draft itself: the id is there (and unchanged) when a saved organisation is edited.
  const form = useContractForm(OrganisationDraftSchema, {
    feature: 'organisations',
    defaultValues: {
      ...(organisation ? { id: organisation.id } : {}),
      name: organisation?.name ?? '',
      shortName: organisation?.shortName ?? '',
      ...(organisation ? { type: organisation.type } : {}),
      katottg: organisation?.katottg ?? '',
      territoryName: organisation?.territoryName ?? '',
      address: organisation?.address ?? '',
      phone: organisation?.phone ?? '',
      email: organisation?.email ?? '',
      contactPerson: organisation?.contactPerson ?? '',
      active: organisation?.active ?? true,
      // The referral profile travels whole: a save of the contacts must not forget the services.
      nrmSubject: organisation?.nrmSubject ?? false,
      ownership: organisation?.ownership ?? null,
      services: organisation?.services ?? [],
      clientGroups: organisation?.clientGroups ?? [],
    },
  });
  const language = useLanguage();
  const typeOptions = useMemo(() => ORGANISATION_TYPES.map((type) => ({ value: type, label: t(`organisations.types.${type}`) })), [t]);
  const ownershipOptions = OWNERSHIPS.map((value) => ({ value, label: wordsIn(OWNERSHIP_WORDS[value], language) }));
  const serviceOptions = SERVICES.map((value) => ({ value, label: wordsIn(SERVICE_WORDS[value], language) }));
  const groupOptions = CLIENT_GROUPS.map((value) => ({ value, label: wordsIn(CLIENT_GROUP_WORDS[value], language) }));

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onSaved(await save.mutateAsync(values));
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'organisations').length === 0) setFormError(error);
    }
  });

  const { control } = form;
  const [name, shortName] = useWatch({ control, name: ['name', 'shortName'] });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextField control={control} name="name" label={t('organisations.fields.name')} description={t('organisations.fields.nameHint')} required data-autofocus />
        <SimpleGrid cols={2} spacing="sm">
          <TextField control={control} name="shortName" label={t('organisations.fields.shortName')} description={t('organisations.fields.shortNameHint')} />
          <SelectField
            control={control}
            name="type"
            label={t('organisations.fields.type')}
            placeholder={t('organisations.fields.typePlaceholder')}
            data={typeOptions}
            required
            searchable
          />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <TerritoryPicker
            control={control}
            name="katottg"
            label={t('organisations.fields.katottg')}
            description={t('organisations.fields.katottgHint')}
            // The place's name follows the choice; typed by hand, it stays as typed.
            onChoose={(unit, label) => {
              if (unit) form.setValue('territoryName', label, { shouldDirty: true });
            }}
          />
          <TextField control={control} name="territoryName" label={t('organisations.fields.territoryName')} description={t('organisations.fields.territoryNameHint')} />
        </SimpleGrid>
        <TextField control={control} name="address" label={t('organisations.fields.address')} />
        <SimpleGrid cols={2} spacing="sm">
          <TextField control={control} name="contactPerson" label={t('organisations.fields.contactPerson')} description={t('organisations.fields.contactPersonHint')} />
          <Stack gap="sm">
            <TextField control={control} name="phone" label={t('organisations.fields.phone')} type="tel" />
            <TextField control={control} name="email" label={t('organisations.fields.email')} type="email" />
          </Stack>
        </SimpleGrid>
        <SwitchField control={control} name="nrmSubject" label={t('organisations.fields.nrmSubject')} description={t('organisations.fields.nrmSubjectHint')} />
        <SimpleGrid cols={2} spacing="sm">
          <SelectField
            control={control}
            name="ownership"
            label={t('organisations.fields.ownership')}
            placeholder={t('organisations.fields.ownershipPlaceholder')}
            data={ownershipOptions}
            clearable
            allowDeselect
          />
          <MultiSelectField
            control={control}
            name="clientGroups"
            label={t('organisations.fields.clientGroups')}
            description={t('organisations.fields.clientGroupsHint')}
            data={groupOptions}
          />
        </SimpleGrid>
        <MultiSelectField
          control={control}
          name="services"
          label={t('organisations.fields.services')}
          placeholder={t('organisations.fields.servicesPlaceholder')}
          data={serviceOptions}
          searchable
        />
        <SimilarOrganisations name={name ?? ''} shortName={shortName ?? ''} editing={organisation} onMerged={onCancel} />
        <SwitchField control={control} name="active" label={t('organisations.fields.active')} description={t('organisations.fields.activeHint')} />
        <FormActions error={formError} submit={t('common.save')} loading={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
