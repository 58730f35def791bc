import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MEMBER_ROLES, type Member, type MemberDraft } from '../../../../shared/domain/group';
import type { Organisation } from '../../../../shared/domain/organisations';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { useChannel } from '../../app/use-channel';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isIsoDate, kyivToday } from '../../components/format';
import { placeServerError } from './place-server-error';

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
    <Modal opened={opened} onClose={onClose} title={member ? t('members.editTitle') : t('members.addTitle')} size="xl">
      {opened ? <MemberForm key={member?.id ?? 'new'} member={member} onCancel={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function useMemberSchema() {
  const { t } = useTranslation();
  return useMemo(() => {
    const name = (required: boolean) =>
      z
        .string()
        .trim()
        .min(required ? 1 : 0, t('validation.required'))
        .max(80, t('validation.too_big', { maximum: 80 }));
    return z
      .object({
        surname: name(true),
        givenName: name(true),
        patronymic: name(false),
        position: z
          .string()
          .trim()
          .min(1, t('validation.required'))
          .min(2, t('validation.too_small', { minimum: 2 }))
          .max(300, t('validation.too_big', { maximum: 300 })),
        organisationId: z.string().nullable(),
        role: z.enum(MEMBER_ROLES),
        validFrom: z
          .string()
          .min(1, t('validation.required'))
          .refine((value) => value === '' || isIsoDate(value), t('members.errors.date')),
        validTo: z.string().refine((value) => value === '' || isIsoDate(value), t('members.errors.date')),
      })
      .superRefine((values, ctx) => {
        if (values.validTo && isIsoDate(values.validFrom) && values.validTo < values.validFrom)
          ctx.addIssue({ code: 'custom', path: ['validTo'], message: t('members.errors.dateOrder') });
      });
  }, [t]);
}

type Values = z.infer<ReturnType<typeof useMemberSchema>>;

const SERVER_FIELDS: Partial<Record<string, keyof Values>> = {
  surname: 'surname',
  givenName: 'givenName',
  patronymic: 'patronymic',
  position: 'position',
  organisationId: 'organisationId',
  role: 'role',
  validFrom: 'validFrom',
  validTo: 'validTo',
};

/** An organisation as an option: the full name with the short one, so either can be typed in the search. */
function optionLabel(o: Organisation): string {
  return o.shortName && o.shortName !== o.name ? `${o.name} (${o.shortName})` : o.name;
}

function MemberForm({ member, onCancel, onSaved }: { member: Member | null; onCancel(): void; onSaved(member: Member, created: boolean): void }) {
  const api = useApi();
  const { t } = useTranslation();
  const schema = useMemberSchema();
  // Inactive ones too, so a member who represents one that has since closed keeps it.
  const { value: organisations, error: loadError } = useChannel('organisations:list', { includeInactive: true });
  const [formError, setFormError] = useState<AppError | null>(null);

  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      surname: member?.surname ?? '',
      givenName: member?.givenName ?? '',
      patronymic: member?.patronymic ?? '',
      position: member?.position ?? '',
      organisationId: member?.organisationId ?? null,
      role: member?.role ?? 'member',
      validFrom: member?.validFrom ?? kyivToday(),
      validTo: member?.validTo ?? '',
    },
  });
  const { errors, isSubmitting } = form.formState;

  const organisationOptions = useMemo(
    () =>
      (organisations ?? [])
        .filter((o) => o.active || o.id === member?.organisationId)
        .map((o) => ({ value: o.id, label: optionLabel(o) }))
        .sort((a, b) => a.label.localeCompare(b.label, 'uk')),
    [organisations, member?.organisationId],
  );
  const roleOptions = useMemo(() => MEMBER_ROLES.map((role) => ({ value: role, label: t(`labels.memberRoles.${role}`) })), [t]);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const draft: MemberDraft = { ...(member ? { id: member.id } : {}), ...values, validTo: values.validTo || null };
    try {
      onSaved(await api.call('group:saveMember', draft), !member);
    } catch (caught) {
      const error = asAppError(caught);
      const placed = placeServerError(t, error, form.setError, SERVER_FIELDS, {
        validFrom: t('members.errors.date'),
        validTo: t('members.errors.dateOrder'),
      });
      if (!placed) setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label={t('members.fields.surname')} required data-autofocus autoComplete="off" error={errors.surname?.message} {...form.register('surname')} />
          <TextInput label={t('members.fields.givenName')} required autoComplete="off" error={errors.givenName?.message} {...form.register('givenName')} />
          <TextInput label={t('members.fields.patronymic')} autoComplete="off" error={errors.patronymic?.message} {...form.register('patronymic')} />
        </SimpleGrid>
        <TextInput
          label={t('members.fields.position')}
          description={t('members.fields.positionHint')}
          required
          autoComplete="off"
          error={errors.position?.message}
          {...form.register('position')}
        />
        <Controller
          control={form.control}
          name="organisationId"
          render={({ field }) => (
            <Select
              label={t('members.fields.organisation')}
              description={t('members.fields.organisationHint')}
              placeholder={t('members.fields.organisationPlaceholder')}
              data={organisationOptions}
              searchable
              clearable
              nothingFoundMessage={t('common.nothingFound')}
              disabled={organisations === null}
              value={field.value}
              onChange={(value) => field.onChange(value)}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errors.organisationId?.message}
            />
          )}
        />
        <SimpleGrid cols={3} spacing="sm">
          <Controller
            control={form.control}
            name="role"
            render={({ field }) => (
              <Select
                label={t('members.fields.role')}
                data={roleOptions}
                required
                allowDeselect={false}
                value={field.value}
                onChange={(value) => {
                  if (value) field.onChange(value);
                }}
                onBlur={field.onBlur}
                ref={field.ref}
                error={errors.role?.message}
              />
            )}
          />
          <TextInput
            type="date"
            label={t('members.fields.validFrom')}
            description={t('members.fields.validFromHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
            error={errors.validFrom?.message}
            {...form.register('validFrom')}
          />
          <TextInput
            type="date"
            label={t('members.fields.validTo')}
            description={t('members.fields.validToHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            error={errors.validTo?.message}
            {...form.register('validTo')}
          />
        </SimpleGrid>
        <ErrorAlert error={formError ?? loadError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={isSubmitting}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
