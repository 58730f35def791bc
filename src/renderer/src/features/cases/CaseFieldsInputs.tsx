import { SimpleGrid, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  ARRIVALS,
  CURRENT_FORMS_VERSION,
  EXPLOITATION_FORM_SETS,
  EXPLOITATION_FORM_WORDS,
  FORMS_VERSIONS,
  RECEIVING_BODY_KINDS,
  RECEIVING_BODY_WORDS,
  type FormsVersion,
} from '../../../../shared/domain/case-codes';
import type { Case, CaseFieldsSchema } from '../../../../shared/domain/cases';
import { useChannelQuery } from '../../app/data';
import { DateField } from '../../components/date-fields';
import { LinesField, MultiSelectField, SelectField, TextField } from '../../components/fields';
import { organisationOptions } from '../../components/organisation-options';
import { TerritoryPicker } from '../../components/TerritoryPicker';
import { exploitationCountryOptions } from './country-options';
import { useLanguage, wordsIn } from '../../components/code-words';

export type CaseFieldsInput = z.input<typeof CaseFieldsSchema>;

/** A new application's facts: the office's own body (from the letterhead), today's date, the current list of forms. */
export function newCaseFields(receivingBodyName: string, today: string): CaseFieldsInput {
  return {
    receivingBodyKind: 'state_administration',
    receivingBodyName,
    registrationNumber: '',
    registrationDate: today,
    arrival: 'self',
    referredByOrganisationId: null,
    identificationKatottg: '',
    formsVersion: CURRENT_FORMS_VERSION,
    forms: [],
    countries: [],
    exploitationFrom: null,
    exploitationTo: null,
    documentsReceived: [],
  };
}

/** The saved facts as the form edits them. */
export function caseFieldsOf(c: Case): CaseFieldsInput {
  return { ...c.fields, formsVersion: c.fields.formsVersion as FormsVersion };
}

/**
 * The application's facts under `fields.` of the form around it: who received it and under which number, how the
 * person came, where they were identified, the forms and countries of exploitation and when, the documents received.
 */
export function CaseFieldsInputs({ readOnly = false }: { readOnly?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { control, getValues, setValue } = useFormContext<{ fields: CaseFieldsInput }>();
  const [arrival, version, referredBy] = useWatch({ control, name: ['fields.arrival', 'fields.formsVersion', 'fields.referredByOrganisationId'] });
  const organisations = useChannelQuery('organisations:options', { includeInactive: true });
  const set = EXPLOITATION_FORM_SETS[(version ?? CURRENT_FORMS_VERSION) as FormsVersion] ?? EXPLOITATION_FORM_SETS[CURRENT_FORMS_VERSION];

  // Another version of the list keeps only the forms it knows: a code never means two things.
  useEffect(() => {
    const forms = getValues('fields.forms') ?? [];
    const kept = forms.filter((f) => (set as readonly string[]).includes(f));
    if (kept.length !== forms.length) setValue('fields.forms', kept, { shouldDirty: true });
  }, [set, getValues, setValue]);

  // Only a referred person names who referred them.
  useEffect(() => {
    if (arrival === 'self' && referredBy) setValue('fields.referredByOrganisationId', null, { shouldDirty: true });
  }, [arrival, referredBy, setValue]);

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SelectField
          control={control}
          name="fields.receivingBodyKind"
          label={t('cases.fields.receivingBodyKind')}
          data={RECEIVING_BODY_KINDS.map((value) => ({ value, label: wordsIn(RECEIVING_BODY_WORDS[value], language) }))}
          required
          readOnly={readOnly}
        />
        <TextField control={control} name="fields.receivingBodyName" label={t('cases.fields.receivingBodyName')} required readOnly={readOnly} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextField control={control} name="fields.registrationNumber" label={t('cases.fields.registrationNumber')} required readOnly={readOnly} />
        <DateField control={control} name="fields.registrationDate" label={t('cases.fields.registrationDate')} required readOnly={readOnly} />
        <SelectField
          control={control}
          name="fields.arrival"
          label={t('cases.fields.arrival')}
          data={ARRIVALS.map((value) => ({ value, label: t(`cases.arrivals.${value}`) }))}
          readOnly={readOnly}
        />
      </SimpleGrid>
      {arrival === 'referred' ? (
        <SelectField
          control={control}
          name="fields.referredByOrganisationId"
          label={t('cases.fields.referredBy')}
          data={organisationOptions(organisations.data ?? [], { activeOnly: true, keep: referredBy })}
          placeholder={t('cases.fields.pickOrganisation')}
          nothingFoundMessage={t('cases.fields.noOrganisation')}
          searchable
          required
          readOnly={readOnly}
        />
      ) : null}
      <TerritoryPicker control={control} name="fields.identificationKatottg" label={t('cases.fields.katottg')} description={t('cases.fields.katottgHint')} readOnly={readOnly} />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <SelectField
          control={control}
          name="fields.formsVersion"
          label={t('cases.fields.formsVersion')}
          data={FORMS_VERSIONS.map((value) => ({ value, label: t(value === CURRENT_FORMS_VERSION ? 'cases.fields.formsVersionCurrent' : 'cases.fields.formsVersionOld', { version: value }) }))}
          readOnly={readOnly}
        />
        <MultiSelectField
          control={control}
          name="fields.forms"
          label={t('cases.fields.forms')}
          data={set.map((value) => ({ value, label: wordsIn(EXPLOITATION_FORM_WORDS[value], language) }))}
          searchable
          readOnly={readOnly}
          style={{ gridColumn: 'span 2' }}
        />
      </SimpleGrid>
      <MultiSelectField
        control={control}
        name="fields.countries"
        label={t('cases.fields.countries')}
        description={t('cases.fields.countriesHint')}
        data={exploitationCountryOptions(language)}
        searchable
        nothingFoundMessage={t('cases.fields.noCountry')}
        readOnly={readOnly}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField control={control} name="fields.exploitationFrom" label={t('cases.fields.exploitationFrom')} nullable readOnly={readOnly} />
        <DateField control={control} name="fields.exploitationTo" label={t('cases.fields.exploitationTo')} nullable readOnly={readOnly} />
      </SimpleGrid>
      <LinesField control={control} name="fields.documentsReceived" label={t('cases.fields.documentsReceived')} description={t('cases.fields.linesHint')} readOnly={readOnly} />
    </Stack>
  );
}
