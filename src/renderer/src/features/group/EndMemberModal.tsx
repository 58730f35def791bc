import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Member } from '../../../../shared/domain/group';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, isIsoDate, kyivToday } from '../../components/format';
import { placeServerError } from './place-server-error';

/** Ends a seat on a date (the last day in the council); the member's record and history stay. */
export function EndMemberModal({ member, onClose, onEnded }: { member: Member | null; onClose(): void; onEnded(member: Member): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={member !== null} onClose={onClose} title={t('members.endTitle')}>
      {member ? <EndMemberForm key={member.id} member={member} onCancel={onClose} onEnded={onEnded} /> : null}
    </Modal>
  );
}

function EndMemberForm({ member, onCancel, onEnded }: { member: Member; onCancel(): void; onEnded(member: Member): void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const startsAfterToday = member.validFrom > kyivToday();
  const schema = useMemo(
    () =>
      z.object({
        validTo: z
          .string()
          .min(1, t('validation.required'))
          .refine((value) => value === '' || isIsoDate(value), t('members.errors.date'))
          .refine((value) => !isIsoDate(value) || value >= member.validFrom, t('members.errors.endBeforeStart', { date: formatDate(member.validFrom) })),
      }),
    [t, member.validFrom],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { validTo: member.validTo ?? (startsAfterToday ? member.validFrom : kyivToday()) },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ validTo }) => {
    setFormError(null);
    try {
      onEnded(await api.call('group:endMember', { id: member.id, validTo }));
    } catch (caught) {
      const error = asAppError(caught);
      const placed = placeServerError(t, error, form.setError, { validTo: 'validTo' }, {
        validTo: t('members.errors.endBeforeStart', { date: formatDate(member.validFrom) }),
      });
      if (!placed) setFormError(error);
    }
  });

  const name = [member.surname, member.givenName, member.patronymic].filter(Boolean).join(' ');
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('members.endText', { name })}</Text>
        <TextInput
          type="date"
          label={t('members.endDate')}
          description={t('members.endDateHint')}
          required
          data-autofocus
          error={errors.validTo?.message}
          {...form.register('validTo')}
        />
        <ErrorAlert error={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={isSubmitting}>
            {t('members.end')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
