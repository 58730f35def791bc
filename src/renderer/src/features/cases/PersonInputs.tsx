import { Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { SEXES } from '../../../../shared/domain/case-codes';
import type { PersonIdentityDraftSchema } from '../../../../shared/domain/cases';
import { DateField } from '../../components/date-fields';
import { NumberField, SelectField, SwitchField, TextField } from '../../components/fields';
import { citizenshipOptions } from './country-options';
import { useLanguage } from '../../components/code-words';

export type PersonInput = z.input<typeof PersonIdentityDraftSchema>;

/** A new person's form: no sex chosen yet, so the officer picks one rather than leaving a default unseen. */
export function emptyPerson(): Omit<PersonInput, 'sex'> {
  return {
    surname: '',
    givenName: '',
    patronymic: '',
    birthDate: null,
    ageAtIdentification: null,
    citizenship: 'UA',
    languages: '',
    interpreterNeeded: false,
    phone: '',
    email: '',
    address: '',
    identityDocument: '',
    incapable: false,
    representative: { name: '', relation: '', contacts: '' },
  };
}

/**
 * Who the person is, under `person.` of the form around it: the names, birth date or age, sex, citizenship,
 * language, contacts, identity document, and the legal representative who acts for a child or an incapable person.
 * Only on screens of those who hold `personal.read`; never kept as a draft.
 */
export function PersonInputs({ autoFocus = false, readOnly = false }: { autoFocus?: boolean; readOnly?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { control } = useFormContext<{ person: PersonInput }>();
  const [birthDate, age] = useWatch({ control, name: ['person.birthDate', 'person.ageAtIdentification'] });
  const sexOptions = SEXES.map((value) => ({ value, label: t(`cases.person.sexes.${value}`) }));

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextField control={control} name="person.surname" label={t('cases.person.surname')} required data-autofocus={autoFocus || undefined} readOnly={readOnly} />
        <TextField control={control} name="person.givenName" label={t('cases.person.givenName')} required readOnly={readOnly} />
        <TextField control={control} name="person.patronymic" label={t('cases.person.patronymic')} readOnly={readOnly} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField control={control} name="person.birthDate" label={t('cases.person.birthDate')} nullable readOnly={readOnly} />
        <NumberField
          control={control}
          name="person.ageAtIdentification"
          label={t('cases.person.ageAtIdentification')}
          description={t('cases.person.ageHint')}
          min={0}
          max={120}
          nullable
          readOnly={readOnly}
        />
        <SelectField control={control} name="person.sex" label={t('cases.person.sex')} data={sexOptions} required readOnly={readOnly} placeholder={t('cases.person.choose')} />
      </SimpleGrid>
      {!birthDate && (age === null || age === undefined) ? (
        <Text size="sm" c="dimmed">
          {t('cases.person.ageUnknown')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <SelectField
          control={control}
          name="person.citizenship"
          label={t('cases.person.citizenship')}
          data={citizenshipOptions(language)}
          searchable
          readOnly={readOnly}
          nothingFoundMessage={t('cases.fields.noCountry')}
        />
        <TextField control={control} name="person.languages" label={t('cases.person.languages')} readOnly={readOnly} />
        <SwitchField control={control} name="person.interpreterNeeded" label={t('cases.person.interpreterNeeded')} mt={30} disabled={readOnly} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextField control={control} name="person.phone" label={t('cases.person.phone')} readOnly={readOnly} />
        <TextField control={control} name="person.email" label={t('cases.person.email')} readOnly={readOnly} />
        <TextField control={control} name="person.address" label={t('cases.person.address')} readOnly={readOnly} />
      </SimpleGrid>
      <TextField control={control} name="person.identityDocument" label={t('cases.person.identityDocument')} description={t('cases.person.identityDocumentHint')} readOnly={readOnly} />
      <SwitchField control={control} name="person.incapable" label={t('cases.person.incapable')} disabled={readOnly} />
      <Fieldset legend={t('cases.person.representative')} variant="unstyled">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextField control={control} name="person.representative.name" label={t('cases.person.representativeName')} readOnly={readOnly} />
          <TextField control={control} name="person.representative.relation" label={t('cases.person.representativeRelation')} placeholder={t('cases.person.relationPlaceholder')} readOnly={readOnly} />
          <TextField control={control} name="person.representative.contacts" label={t('cases.person.representativeContacts')} readOnly={readOnly} />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
