import { Modal, SimpleGrid, Stack } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES, MemberDraftSchema, type Member } from '../../../../shared/domain/group';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { DateField } from '../../components/date-fields';
import { SelectField, TextField } from '../../components/fields';
import { kyivToday } from '../../components/format';
import { organisationOptions } from '../../components/organisation-options';

/** Adds a member of the council (`member` null) or corrects one's details. */
export function MemberFormModal({
  opened,
  member,
  onClose,
  onSaved,
}: {
  opened: boolean;
  member: Member | null;
  onClose(): void;
  onSaved(member: Member, created: boolean): void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={member ? t('group.members.editTitle') : t('group.members.addTitle')} size="xl">
      {opened ? <MemberForm key={member?.id ?? 'new'} member={member} onCancel={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function MemberForm({ member, onCancel, onSaved }: { member: Member | null; onCancel(): void; onSaved(member: Member, created: boolean): void }) {
  const { t } = useTranslation();
  // Inactive ones too, so a member who represents one that has since closed keeps it.
  const organisations = useChannelQuery('organisations:options', { includeInactive: true });
  const save = useChannelMutation('group:saveMember', { invalidates: ['meetings', 'dashboard'] });
  const [formError, setFormError] = useState<AppError | null>(null);
  // The contract's draft itself: the id is there (and unchanged) when a saved seat is corrected, absent for a new one.
  const form = useContractForm(MemberDraftSchema, {
    feature: 'group',
    defaultValues: {
      ...(member ? { id: member.id } : {}),
      surname: member?.surname ?? '',
      givenName: member?.givenName ?? '',
      patronymic: member?.patronymic ?? '',
      position: member?.position ?? '',
      organisationId: member?.organisationId ?? null,
      role: member?.role ?? 'member',
      validFrom: member?.validFrom ?? kyivToday(),
      validTo: member?.validTo ?? null,
    },
  });
  const options = useMemo(() => organisationOptions(organisations.data ?? [], { activeOnly: true, keep: member?.organisationId }), [organisations.data, member?.organisationId]);
  const roleOptions = useMemo(() => MEMBER_ROLES.map((role) => ({ value: role, label: t(`group.memberRoles.${role}`) })), [t]);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onSaved(await save.mutateAsync(values), !member);
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'group').length === 0) setFormError(error);
    }
  });

  const { control } = form;
  const below = ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[];
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={3} spacing="sm">
          <TextField control={control} name="surname" label={t('group.members.fields.surname')} required data-autofocus />
          <TextField control={control} name="givenName" label={t('group.members.fields.givenName')} required />
          <TextField control={control} name="patronymic" label={t('group.members.fields.patronymic')} />
        </SimpleGrid>
        <TextField control={control} name="position" label={t('group.members.fields.position')} description={t('group.members.fields.positionHint')} required />
        <SelectField
          control={control}
          name="organisationId"
          label={t('group.members.fields.organisation')}
          description={t('group.members.fields.organisationHint')}
          placeholder={t('group.members.fields.organisationPlaceholder')}
          data={options}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          disabled={organisations.isPending}
        />
        <SimpleGrid cols={3} spacing="sm">
          <SelectField control={control} name="role" label={t('group.members.fields.role')} data={roleOptions} required />
          <DateField control={control} name="validFrom" label={t('group.members.fields.validFrom')} description={t('group.members.fields.validFromHint')} inputWrapperOrder={below} required />
          <DateField control={control} name="validTo" label={t('group.members.fields.validTo')} description={t('group.members.fields.validToHint')} inputWrapperOrder={below} nullable />
        </SimpleGrid>
        <FormActions error={formError ?? organisations.error} submit={t('common.save')} loading={save.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
