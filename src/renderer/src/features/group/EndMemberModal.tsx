import { Modal, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import type { Member } from '../../../../shared/domain/group';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { DateField } from '../../components/date-fields';
import { formatDate, kyivToday } from '../../components/format';

/** Ends a seat on a date (the last day in the council); the member's record and history stay. */
export function EndMemberModal({ member, onClose, onEnded }: { member: Member | null; onClose(): void; onEnded(member: Member): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={member !== null} onClose={onClose} title={t('group.members.endTitle')}>
      {member ? <EndMemberForm key={member.id} member={member} onCancel={onClose} onEnded={onEnded} /> : null}
    </Modal>
  );
}

function EndMemberForm({ member, onCancel, onEnded }: { member: Member; onCancel(): void; onEnded(member: Member): void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const end = useChannelMutation('group:endMember', { invalidates: ['meetings', 'dashboard'] });
  const schema = useMemo(
    () =>
      contract['group:endMember'].input.refine((v) => v.validTo >= member.validFrom, {
        path: ['validTo'],
        message: 'endBeforeStart',
        params: { date: formatDate(member.validFrom) },
      }),
    [member.validFrom],
  );
  const startsAfterToday = member.validFrom > kyivToday();
  const form = useContractForm(schema, {
    feature: 'group',
    defaultValues: { id: member.id, validTo: member.validTo ?? (startsAfterToday ? member.validFrom : kyivToday()) },
  });

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onEnded(await end.mutateAsync(values));
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'group').length === 0) setFormError(error);
    }
  });

  const name = [member.surname, member.givenName, member.patronymic].filter(Boolean).join(' ');
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('group.members.endText', { name })}</Text>
        <DateField control={form.control} name="validTo" label={t('group.members.endDate')} description={t('group.members.endDateHint')} required data-autofocus />
        <FormActions error={formError} submit={t('group.members.end')} color="red" loading={end.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
