import { Badge, Button, Card, Modal, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ORGANISATION_TYPES } from '../../../../shared/domain/organisations';
import {
  CONSENT_FORM_WORDS,
  CONSENT_FORMS,
  CONSENT_GIVER_WORDS,
  CONSENT_GIVERS,
  DATA_CATEGORIES,
  DATA_CATEGORY_WORDS,
  type ConsentGiver,
} from '../../../../shared/domain/referral-codes';
import { ConsentInputSchema, ConsentRevokeSchema, type Consent, type PersonFile } from '../../../../shared/domain/referrals';
import type { AppError } from '../../../../shared/errors';
import { giverRefusal } from '../../../../shared/referral-procedure';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { NO_SHRINK } from '../../components/badge-styles';
import { CheckboxGroupField, RadioGroupField } from '../../components/choice-fields';
import { useLanguage, wordsIn } from '../../components/code-words';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { DateField } from '../../components/date-fields';
import { asAppError } from '../../components/describe-error';
import { MultiSelectField, TextAreaField, TextField } from '../../components/fields';
import { FormActions } from '../../components/FormActions';
import { formatDate, isoFromTyped, kyivToday } from '../../components/format';
import { organisationOptions } from '../../components/organisation-options';
import { FileSection } from './FileSection';
import { notFuture } from './not-future';
import { PersonErrorAlert } from './PersonErrorAlert';

const Schema = notFuture(ConsentInputSchema);
type Values = z.input<typeof ConsentInputSchema>;
const RevokeSchema = notFuture(ConsentRevokeSchema);
type RevokeValues = z.input<typeof ConsentRevokeSchema>;

/**
 * Who may consent for this person on the consent's date (the rule the main process holds, `giverRefusal`): a child
 * through the legal representative or the children's service; an adult declared incapable through the
 * representative; any other adult personally.
 */
export function giversFor(person: Pick<PersonFile, 'adultOn' | 'incapable'>, on: string): ConsentGiver[] {
  const child = person.adultOn === null || on < person.adultOn;
  return CONSENT_GIVERS.filter((giver) => !giverRefusal(giver, { child, incapable: person.incapable }));
}

/** The consents with their state, «Внести згоду», and «Відкликати» for those in force. A consent is never edited. */
export function ConsentsSection({ file, canWrite }: { file: PersonFile; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<Consent | null>(null);

  return (
    <FileSection
      title={t('persons.consents.title')}
      actions={
        canWrite ? (
          <Button size="sm" onClick={() => setAdding(true)} disabled={adding}>
            {t('persons.consents.add')}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        {adding ? (
          <ConsentForm
            file={file}
            onCancel={() => setAdding(false)}
            onDone={() => {
              setAdding(false);
              notifications.show({ color: 'green', message: t('persons.consents.saved') });
            }}
          />
        ) : null}
        {file.consents.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('persons.consents.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={4} aria-label={t('persons.consents.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('persons.consents.date')}</Table.Th>
                <Table.Th>{t('persons.consents.givenBy')}</Table.Th>
                <Table.Th>{t('persons.consents.scope')}</Table.Th>
                <Table.Th>{t('persons.consents.categories')}</Table.Th>
                <Table.Th>{t('persons.consents.state')}</Table.Th>
                {canWrite ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.consents.map((c) => (
                <Table.Tr key={c.id} data-testid="consent-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.date)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{wordsIn(CONSENT_GIVER_WORDS[c.givenBy], language)}</Text>
                    <Text size="xs" c="dimmed">
                      {wordsIn(CONSENT_FORM_WORDS[c.form], language)}
                      {c.witness ? `: ${c.witness}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{[...c.organisations.map((o) => o.name), ...c.organisationTypes.map((type) => t(`organisations.types.${type}`))].join('; ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.categories.map((k) => wordsIn(DATA_CATEGORY_WORDS[k], language)).join(', ')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <ConsentState consent={c} />
                  </Table.Td>
                  {canWrite ? (
                    <Table.Td>
                      {c.revokedOn ? null : (
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRevoking(c)} aria-label={t('persons.consents.revokeNamed', { date: formatDate(c.date) })}>
                          {t('persons.consents.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={revoking ? t('persons.consents.revokeTitle', { date: formatDate(revoking.date) }) : ''}>
        {revoking ? (
          <RevokeForm
            consent={revoking}
            onCancel={() => setRevoking(null)}
            onDone={() => {
              setRevoking(null);
              notifications.show({ color: 'green', message: t('persons.consents.revoked') });
            }}
          />
        ) : null}
      </Modal>
    </FileSection>
  );
}

/** In force (until when), revoked on a day, or expired. */
function ConsentState({ consent }: { consent: Consent }) {
  const { t } = useTranslation();
  if (consent.revokedOn) {
    return (
      <Badge color="red" variant="light" tt="none" styles={NO_SHRINK}>
        {t('persons.consents.revokedOn', { date: formatDate(consent.revokedOn) })}
      </Badge>
    );
  }
  if (!consent.active) {
    return (
      <Badge color="gray" variant="light" tt="none" styles={NO_SHRINK}>
        {t('persons.consents.expired')}
      </Badge>
    );
  }
  return (
    <Stack gap={2}>
      <Badge color="green" variant="light" tt="none" styles={NO_SHRINK}>
        {t('persons.consents.active')}
      </Badge>
      <Text size="xs" c="dimmed">
        {consent.validUntil ? t('persons.consents.until', { date: formatDate(consent.validUntil) }) : t('persons.consents.unlimited')}
      </Text>
    </Stack>
  );
}

function ConsentForm({ file, onDone, onCancel }: { file: PersonFile; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('persons:saveConsent', { invalidates: ['referrals'] });
  const organisations = useChannelQuery('organisations:options', {});
  // The needs travel with every referral: a consent without them covers none, so they are ticked to begin with.
  const [defaultValues] = useState<Values>(() => ({
    personId: file.id,
    date: kyivToday(),
    form: 'written',
    witness: '',
    givenBy: giversFor(file, kyivToday())[0]!,
    organisationIds: [],
    organisationTypes: [],
    categories: ['needs'],
    validUntil: null,
    note: '',
  }));
  const form = useContractForm<Values, z.output<typeof ConsentInputSchema>>(Schema, { defaultValues, feature: 'persons' });
  const { control, setValue } = form;
  const consentForm = useWatch({ control, name: 'form' });
  // Who may consent follows the person's age on the consent's date, not today's.
  // A date still being typed (or not a date) leaves the choices as they are for today.
  const typed = useWatch({ control, name: 'date' });
  const consentDate = typed && isoFromTyped(typed) === typed ? typed : kyivToday();
  const givers = giversFor(file, consentDate);
  const childOnDate = givers.includes('children_service');
  const givenBy = useWatch({ control, name: 'givenBy' });
  const allowed = givers.join();
  useEffect(() => {
    if (!allowed.split(',').includes(givenBy)) setValue('givenBy', allowed.split(',')[0] as ConsentGiver);
  }, [allowed, givenBy, setValue]);

  const submit = form.handleSubmit(async (given) => {
    setFormError(null);
    try {
      // A written consent has no witness: whatever was typed before switching is not kept.
      await save.mutateAsync(given.form === 'written' ? { ...given, witness: '' } : given);
      onDone();
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'persons').length === 0) setFormError(error);
    }
  });
  const keys = getHotkeyHandler([['mod+S', () => void submit(), { preventDefault: true, usePhysicalKeys: true }]]);

  return (
    <Card withBorder bg="var(--mantine-color-gray-light)">
      <form onSubmit={submit} noValidate onKeyDown={keys} aria-label={t('persons.consents.add')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField control={control} name="date" label={t('persons.consents.date')} maxDate={kyivToday()} required data-autofocus />
            <RadioGroupField
              control={control}
              name="form"
              label={t('persons.consents.form')}
              data={CONSENT_FORMS.map((value) => ({ value, label: wordsIn(CONSENT_FORM_WORDS[value], language) }))}
              required
            />
          </SimpleGrid>
          {consentForm === 'oral' ? (
            <TextField control={control} name="witness" label={t('persons.consents.witness')} description={t('persons.consents.witnessHint')} required />
          ) : null}
          <RadioGroupField
            control={control}
            name="givenBy"
            label={t('persons.consents.givenBy')}
            description={childOnDate ? t('persons.consents.givenByChild') : t('persons.consents.givenByAdult')}
            data={givers.map((value) => ({ value, label: wordsIn(CONSENT_GIVER_WORDS[value], language) }))}
            required
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <MultiSelectField
              control={control}
              name="organisationIds"
              label={t('persons.consents.organisations')}
              description={t('persons.consents.scopeHint')}
              placeholder={t('persons.consents.organisationsPlaceholder')}
              data={organisationOptions(organisations.data ?? [], { activeOnly: true })}
              searchable
            />
            <MultiSelectField
              control={control}
              name="organisationTypes"
              label={t('persons.consents.organisationTypes')}
              placeholder={t('persons.consents.organisationTypesPlaceholder')}
              data={ORGANISATION_TYPES.map((value) => ({ value, label: t(`organisations.types.${value}`) }))}
              searchable
            />
          </SimpleGrid>
          <CheckboxGroupField
            control={control}
            name="categories"
            label={t('persons.consents.categories')}
            required
            data={DATA_CATEGORIES.map((value) => ({
              value,
              label: wordsIn(DATA_CATEGORY_WORDS[value], language),
              description: value === 'needs' ? t('persons.consents.needsHint') : undefined,
            }))}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DateField control={control} name="validUntil" label={t('persons.consents.validUntil')} description={t('persons.consents.validUntilHint')} nullable />
            <TextAreaField control={control} name="note" label={t('persons.consents.note')} />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t('persons.consents.neverEdited')}
          </Text>
          <PersonErrorAlert error={formError} />
          <FormActions error={null} submit={t('common.save')} loading={save.isPending} onCancel={onCancel} />
        </Stack>
      </form>
    </Card>
  );
}

/** «Відкликати»: the day and a note, after the warning that referrals in progress under it share nothing more. */
function RevokeForm({ consent, onDone, onCancel }: { consent: Consent; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const revoke = useChannelMutation('persons:revokeConsent', { invalidates: ['referrals'] });
  const [defaultValues] = useState<RevokeValues>(() => ({ consentId: consent.id, date: kyivToday(), note: '' }));
  const form = useContractForm<RevokeValues, z.output<typeof ConsentRevokeSchema>>(RevokeSchema, { defaultValues, feature: 'persons' });
  const submit = form.handleSubmit(async (given) => {
    setFormError(null);
    try {
      await revoke.mutateAsync(given);
      onDone();
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'persons').length === 0) setFormError(error);
    }
  });
  const { control } = form;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" role="note">
          {t('persons.consents.revokeWarning')}
        </Text>
        <DateField control={control} name="date" label={t('persons.consents.revokeDate')} maxDate={kyivToday()} required data-autofocus />
        <TextAreaField control={control} name="note" label={t('persons.consents.revokeNote')} />
        <PersonErrorAlert error={formError} known={{ consentDate: consent.date }} />
        <FormActions error={null} submit={t('persons.consents.revokeSubmit')} color="red" loading={revoke.isPending} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
