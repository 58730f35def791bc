import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { KatottgSchema, ORGANISATION_TYPES, type Organisation, type OrganisationDraft } from '../../../../shared/domain/organisations';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { placeServerError } from '../group/place-server-error';

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

function useOrganisationSchema() {
  const { t } = useTranslation();
  return useMemo(() => {
    const text = (max: number) => z.string().trim().max(max, t('validation.too_big', { maximum: max }));
    return z.object({
      name: z
        .string()
        .trim()
        .min(1, t('validation.required'))
        .min(2, t('validation.too_small', { minimum: 2 }))
        .max(300, t('validation.too_big', { maximum: 300 })),
      shortName: text(80),
      type: z
        .enum(ORGANISATION_TYPES)
        .nullable()
        .refine((value) => value !== null, t('organisations.errors.type')),
      // The very rule the service applies: "UA" and 17 digits, or empty while unknown.
      katottg: z
        .string()
        .trim()
        .refine((value) => KatottgSchema.safeParse(value).success, t('organisations.errors.katottg')),
      territoryName: text(200),
      address: text(300),
      phone: text(60),
      email: z
        .string()
        .trim()
        .max(200, t('validation.too_big', { maximum: 200 }))
        .refine((value) => value === '' || z.email().safeParse(value).success, t('organisations.errors.email')),
      contactPerson: text(200),
      active: z.boolean(),
    });
  }, [t]);
}

type Values = z.input<ReturnType<typeof useOrganisationSchema>>;
type Parsed = z.output<ReturnType<typeof useOrganisationSchema>>;

const SERVER_FIELDS: Partial<Record<string, keyof Values>> = {
  name: 'name',
  shortName: 'shortName',
  type: 'type',
  katottg: 'katottg',
  territoryName: 'territoryName',
  address: 'address',
  phone: 'phone',
  email: 'email',
  contactPerson: 'contactPerson',
  active: 'active',
};

function OrganisationForm({
  organisation,
  onCancel,
  onSaved,
}: {
  organisation: Organisation | null;
  onCancel(): void;
  onSaved(organisation: Organisation): void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const schema = useOrganisationSchema();
  const [formError, setFormError] = useState<AppError | null>(null);
  const form = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(schema),
    defaultValues: {
      name: organisation?.name ?? '',
      shortName: organisation?.shortName ?? '',
      type: organisation?.type ?? null,
      katottg: organisation?.katottg ?? '',
      territoryName: organisation?.territoryName ?? '',
      address: organisation?.address ?? '',
      phone: organisation?.phone ?? '',
      email: organisation?.email ?? '',
      contactPerson: organisation?.contactPerson ?? '',
      active: organisation?.active ?? true,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const typeOptions = useMemo(() => ORGANISATION_TYPES.map((type) => ({ value: type, label: t(`labels.orgTypes.${type}`) })), [t]);

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    const draft: OrganisationDraft = { ...(organisation ? { id: organisation.id } : {}), ...values };
    try {
      onSaved(await api.call('organisations:save', draft));
    } catch (caught) {
      const error = asAppError(caught);
      const placed = placeServerError(t, error, form.setError, SERVER_FIELDS, {
        katottg: t('organisations.errors.katottg'),
        email: t('organisations.errors.email'),
        type: t('organisations.errors.type'),
      });
      if (!placed) setFormError(error);
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('organisations.fields.name')}
          description={t('organisations.fields.nameHint')}
          required
          data-autofocus
          autoComplete="off"
          error={errors.name?.message}
          {...form.register('name')}
        />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('organisations.fields.shortName')}
            description={t('organisations.fields.shortNameHint')}
            autoComplete="off"
            error={errors.shortName?.message}
            {...form.register('shortName')}
          />
          <Controller
            control={form.control}
            name="type"
            render={({ field }) => (
              <Select
                label={t('organisations.fields.type')}
                placeholder={t('organisations.fields.typePlaceholder')}
                data={typeOptions}
                required
                searchable
                allowDeselect={false}
                value={field.value}
                onChange={(value) => field.onChange(value)}
                onBlur={field.onBlur}
                ref={field.ref}
                error={errors.type?.message}
                comboboxProps={{ withinPortal: true }}
              />
            )}
          />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('organisations.fields.katottg')}
            description={t('organisations.fields.katottgHint')}
            autoComplete="off"
            spellCheck={false}
            maxLength={19}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            error={errors.katottg?.message}
            {...form.register('katottg')}
          />
          <TextInput
            label={t('organisations.fields.territoryName')}
            description={t('organisations.fields.territoryNameHint')}
            autoComplete="off"
            error={errors.territoryName?.message}
            {...form.register('territoryName')}
          />
        </SimpleGrid>
        <TextInput label={t('organisations.fields.address')} autoComplete="off" error={errors.address?.message} {...form.register('address')} />
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('organisations.fields.contactPerson')}
            description={t('organisations.fields.contactPersonHint')}
            autoComplete="off"
            error={errors.contactPerson?.message}
            {...form.register('contactPerson')}
          />
          <Stack gap="sm">
            <TextInput label={t('organisations.fields.phone')} type="tel" autoComplete="off" error={errors.phone?.message} {...form.register('phone')} />
            <TextInput label={t('organisations.fields.email')} type="email" autoComplete="off" error={errors.email?.message} {...form.register('email')} />
          </Stack>
        </SimpleGrid>
        <Controller
          control={form.control}
          name="active"
          render={({ field }) => (
            <Switch
              label={t('organisations.fields.active')}
              description={t('organisations.fields.activeHint')}
              checked={field.value}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errors.active?.message}
            />
          )}
        />
        <ErrorAlert error={formError} />
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
