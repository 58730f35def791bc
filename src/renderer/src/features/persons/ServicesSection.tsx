import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { SERVICES, SERVICE_WORDS } from '../../../../shared/domain/referral-codes';
import { ServiceInputSchema, type PersonFile, type ServiceReceived } from '../../../../shared/domain/referrals';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { useLanguage, wordsIn } from '../../components/code-words';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { DateField } from '../../components/date-fields';
import { asAppError } from '../../components/describe-error';
import { SelectField, TextAreaField } from '../../components/fields';
import { FormActions } from '../../components/FormActions';
import { formatDate, kyivToday } from '../../components/format';
import { organisationOptions } from '../../components/organisation-options';
import { EditableRecords } from './EditableRecords';
import { notFuture } from './not-future';
import { PersonErrorAlert } from './PersonErrorAlert';

const Schema = notFuture(ServiceInputSchema);
type Values = z.input<typeof ServiceInputSchema>;

/** The services the person received, from a referral or not, each correctable; a new one from «Внести отриману допомогу». */
export function ServicesSection({ file, canWrite }: { file: PersonFile; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <EditableRecords
      title={t('persons.services.title')}
      add={t('persons.services.add')}
      empty={t('persons.services.empty')}
      saved={t('persons.services.saved')}
      editNamed={(date) => t('persons.services.editNamed', { date })}
      canWrite={canWrite}
      records={file.services}
      headers={[t('persons.services.date'), t('persons.services.service'), t('persons.services.provider'), t('persons.services.referral')]}
      cells={(s) => [
        formatDate(s.date),
        <>
          <Text size="sm">{wordsIn(SERVICE_WORDS[s.service], language)}</Text>
          {s.description ? (
            <Text size="xs" c="dimmed">
              {s.description}
            </Text>
          ) : null}
        </>,
        s.providerName,
        s.referralId ? s.referralNumber || t('persons.services.draft') : t('common.none'),
      ]}
      form={({ saved, onDone, onCancel }) => <ServiceForm file={file} saved={saved} onDone={onDone} onCancel={onCancel} />}
    />
  );
}

function ServiceForm({ file, saved, onDone, onCancel }: { file: PersonFile; saved?: ServiceReceived; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('persons:saveService', { invalidates: ['referrals'] });
  const organisations = useChannelQuery('organisations:options', { includeInactive: true });
  const [defaultValues] = useState<Partial<Values>>(() =>
    saved
      ? {
          id: saved.id,
          personId: file.id,
          date: saved.date,
          providerOrganisationId: saved.providerOrganisationId,
          service: saved.service,
          description: saved.description,
          referralId: saved.referralId,
        }
      : { personId: file.id, date: kyivToday(), description: '', referralId: null },
  );
  const form = useContractForm<Values, z.output<typeof ServiceInputSchema>>(Schema, { defaultValues: defaultValues as Values, feature: 'persons' });
  const { control } = form;
  const provider = useWatch({ control, name: 'providerOrganisationId' });
  const submit = form.handleSubmit(async (given) => {
    setFormError(null);
    try {
      await save.mutateAsync(given);
      onDone();
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'persons').length === 0) setFormError(error);
    }
  });
  const keys = getHotkeyHandler([['mod+S', () => void submit(), { preventDefault: true, usePhysicalKeys: true }]]);
  // Only a referral that went out brings a service.
  const referralOptions = file.referrals.filter((r) => r.state !== 'draft').map((r) => ({ value: r.id, label: `${r.number} — ${r.toName}` }));

  return (
    <Card withBorder bg="var(--mantine-color-gray-light)">
      <form onSubmit={submit} noValidate onKeyDown={keys} aria-label={t('persons.services.title')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField control={control} name="date" label={t('persons.services.date')} maxDate={kyivToday()} required data-autofocus />
            <SelectField
              control={control}
              name="service"
              label={t('persons.services.service')}
              placeholder={t('persons.services.servicePlaceholder')}
              data={SERVICES.map((value) => ({ value, label: wordsIn(SERVICE_WORDS[value], language) }))}
              searchable
              required
            />
            <SelectField
              control={control}
              name="providerOrganisationId"
              label={t('persons.services.provider')}
              placeholder={t('persons.services.providerPlaceholder')}
              nothingFoundMessage={t('persons.identification.noOrganisation')}
              data={organisationOptions(organisations.data ?? [], { activeOnly: true, keep: provider })}
              searchable
              required
            />
          </SimpleGrid>
          <SelectField
            control={control}
            name="referralId"
            label={t('persons.services.referral')}
            placeholder={t('persons.services.referralPlaceholder')}
            data={referralOptions}
            clearable
            allowDeselect
          />
          <TextAreaField control={control} name="description" label={t('persons.services.description')} />
          <PersonErrorAlert error={formError} />
          <FormActions error={null} submit={t('common.save')} loading={save.isPending} onCancel={onCancel} />
        </Stack>
      </form>
    </Card>
  );
}
