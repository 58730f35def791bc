import { Alert, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useController, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DATA_CATEGORY_WORDS, SERVICES, SERVICE_WORDS, URGENCIES, URGENCY_WORDS, type DataCategory, type Service } from '../../../../shared/domain/referral-codes';
import { DISCLOSABLE, ReferralDraftSchema, type Assessment, type PersonFile, type Referral, type ReferralDraft } from '../../../../shared/domain/referrals';
import type { OrganisationOption } from '../../../../shared/domain/organisations';
import type { SessionInfo } from '../../../../shared/domain/auth';
import type { AppError } from '../../../../shared/errors';
import type { z } from 'zod';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { useSession } from '../../app/session-context';
import { useLanguage, wordsIn } from '../../components/code-words';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { LinesField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { formatDate } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { organisationOptions } from '../../components/organisation-options';
import { useLeaveGuard } from '../cases/use-leave-guard';
import { RecipientSuggestions } from './RecipientSuggestions';
import { ReferralErrorAlert } from './ReferralErrorAlert';

type DraftValues = z.input<typeof ReferralDraftSchema>;

/** A new referral for a person: the person's file gives the assessments to answer and the consents to respect. */
export function NewReferral({ personId }: { personId: string }) {
  const file = useChannelQuery('persons:get', { id: personId });
  const organisations = useChannelQuery('organisations:options', {});
  if (!file.data || !organisations.data) return <Loading queries={[file, organisations]} />;
  return <FormFor file={file.data} organisations={organisations.data} />;
}

/** A draft's correction: the same form, filled from the saved draft. */
export function EditReferral({ referralId }: { referralId: string }) {
  const referral = useChannelQuery('referrals:get', { id: referralId });
  const personId = referral.data?.personId ?? '';
  const file = useChannelQuery('persons:get', { id: personId }, { enabled: personId !== '' });
  const organisations = useChannelQuery('organisations:options', {});
  if (!referral.data || !file.data || !organisations.data) return <Loading queries={[referral, file, organisations]} />;
  return <FormFor file={file.data} organisations={organisations.data} saved={referral.data} />;
}

function Loading({ queries }: { queries: Parameters<typeof LoadStatus>[0]['query'][] }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  return (
    <Stack>
      <Group>
        <Button variant="subtle" px={6} onClick={() => open('referrals')}>
          {t('referrals.card.back')}
        </Button>
      </Group>
      {queries.map((query, i) => (
        <LoadStatus key={i} query={query} />
      ))}
    </Stack>
  );
}

/** Newest first: the default is the latest assessment. */
const byDate = (assessments: Assessment[]) => [...assessments].sort((a, b) => b.date.localeCompare(a.date));

function FormFor({ file, organisations, saved }: { file: PersonFile; organisations: OrganisationOption[]; saved?: Referral }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const back = () => (saved ? open('referrals', saved.id) : open('persons', file.id));
  const header = (
    <Group gap="xs" wrap="wrap">
      <Button variant="subtle" px={6} onClick={back}>
        {saved ? t('referrals.form.backToCard') : t('referrals.form.backToPerson')}
      </Button>
      <Title order={1} size="h2">
        {t(saved ? 'referrals.form.editTitle' : 'referrals.form.newTitle', { code: file.code })}
      </Title>
    </Group>
  );
  let problem: string | null = null;
  if (file.anonymised) problem = t('referrals.form.anonymised');
  else if (file.assessments.length === 0) problem = t('referrals.form.noAssessment');
  else if (saved && saved.state !== 'draft') problem = t('referrals.errors.not_draft');
  if (problem) {
    return (
      <Stack>
        {header}
        <Alert color="yellow" variant="light" role="note">
          <Text size="sm">{problem}</Text>
        </Alert>
      </Stack>
    );
  }
  return (
    <Stack>
      {header}
      <ReferralForm file={file} organisations={organisations} saved={saved} />
    </Stack>
  );
}

function newValues(file: PersonFile, organisations: OrganisationOption[], session: SessionInfo): DraftValues {
  const latest = byDate(file.assessments)[0]!;
  const from = organisations.find((o) => o.active && o.type === 'state_admin');
  return {
    personId: file.id,
    assessmentId: latest.id,
    fromOrganisationId: from?.id ?? '',
    toOrganisationId: '',
    needs: [],
    urgency: latest.urgency,
    officerId: session.userId,
    officerContact: '',
    disclose: [],
    circumstances: '',
    documents: [],
    note: '',
  };
}

function savedValues(saved: Referral): DraftValues {
  return {
    id: saved.id,
    personId: saved.personId,
    assessmentId: saved.assessmentId,
    fromOrganisationId: saved.fromOrganisationId,
    toOrganisationId: saved.toOrganisationId,
    needs: saved.needs,
    urgency: saved.urgency,
    officerId: saved.officerId,
    officerContact: saved.officerContact,
    disclose: saved.disclose.filter((c) => c !== 'needs'),
    circumstances: saved.circumstances,
    documents: saved.documents,
    note: saved.note,
  };
}

/**
 * The referral form: which assessment it answers and which of its needs, how urgent, to whom (the nearest providers
 * of each need suggested first), from whom, who follows it up, and what beyond the code and the needs the recipient
 * may learn. Keyboard first: Tab walks the fields, Ctrl+S saves the draft.
 */
function ReferralForm({ file, organisations, saved }: { file: PersonFile; organisations: OrganisationOption[]; saved?: Referral }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { session } = useSession();
  const { open, setLeaveGuard } = useNavigation();
  const titleId = useId();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('referrals:save', { invalidates: ['persons', 'dashboard'] });
  const [defaultValues] = useState(() => (saved ? savedValues(saved) : newValues(file, organisations, session)));
  const form = useContractForm(ReferralDraftSchema, { defaultValues, feature: 'referrals' });
  const { control } = form;
  const [assessmentId, needs, disclose, fromId, toId] = useWatch({ control, name: ['assessmentId', 'needs', 'disclose', 'fromOrganisationId', 'toOrganisationId'] });
  const assessments = useMemo(() => byDate(file.assessments), [file.assessments]);
  const assessment = assessments.find((a) => a.id === assessmentId) ?? assessments[0]!;
  const leaveGuard = useLeaveGuard(form.formState.isDirty);

  // Another assessment: the needs chosen stay only where it has them too, and its urgency is the default.
  const shownAssessment = useRef(assessment.id);
  useEffect(() => {
    if (shownAssessment.current === assessment.id) return;
    shownAssessment.current = assessment.id;
    form.setValue('needs', (form.getValues('needs') ?? []).filter((need) => assessment.needs.includes(need)), { shouldDirty: true });
    form.setValue('urgency', assessment.urgency, { shouldDirty: true });
  }, [assessment, form]);

  const submit = form.handleSubmit(async (values: ReferralDraft) => {
    setFormError(null);
    const input: ReferralDraft = {
      ...values,
      // Only what the assessment found, and the text of a category only when it is disclosed.
      needs: values.needs.filter((need) => assessment.needs.includes(need)),
      circumstances: values.disclose.includes('circumstances') ? values.circumstances : '',
      documents: values.disclose.includes('documents') ? values.documents : [],
    };
    try {
      const result = await save.mutateAsync(input);
      setLeaveGuard(null);
      open('referrals', result.id);
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'referrals').length === 0 || error.code === 'VALIDATION') setFormError(error);
    }
  });

  const keys = getHotkeyHandler([['mod+S', () => void submit(), { preventDefault: true, usePhysicalKeys: true }]]);

  const recipients = organisationOptions(
    organisations.filter((o) => o.nrmSubject),
    { activeOnly: true, keep: saved?.toOrganisationId, exclude: fromId },
  );
  const senders = organisationOptions(organisations, { activeOnly: true, keep: saved?.fromOrganisationId });
  const chosenNeeds = (needs ?? []).filter((need): need is Service => SERVICES.includes(need));
  const chosenDisclose = (disclose ?? []) as DataCategory[];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <form onSubmit={submit} noValidate onKeyDown={keys} data-testid="referral-form">
        <Stack gap="md">
          <Title order={2} size="h4" id={titleId}>
            {t('referrals.form.sectionTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SelectField
              control={control}
              name="assessmentId"
              label={t('referrals.form.assessment')}
              data={assessments.map((a) => ({ value: a.id, label: t('referrals.form.assessmentOption', { date: formatDate(a.date), by: a.assessedBy }) }))}
              required
              data-autofocus
            />
            <SelectField
              control={control}
              name="urgency"
              label={t('referrals.form.urgency')}
              description={t('referrals.form.urgencyHint', { urgency: wordsIn(URGENCY_WORDS[assessment.urgency], language) })}
              data={URGENCIES.map((value) => ({ value, label: wordsIn(URGENCY_WORDS[value], language) }))}
              required
            />
          </SimpleGrid>
          <NeedsField control={control} needs={assessment.needs} />
          {chosenNeeds.length ? (
            <RecipientSuggestions personId={file.id} needs={chosenNeeds} chosen={toId ?? ''} sender={fromId ?? ''} onChoose={(id) => form.setValue('toOrganisationId', id, { shouldDirty: true, shouldValidate: true })} />
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <SelectField
              control={control}
              name="toOrganisationId"
              label={t('referrals.form.recipient')}
              description={t('referrals.form.recipientHint')}
              data={recipients}
              placeholder={t('referrals.form.choose')}
              searchable
              required
            />
            <SelectField control={control} name="fromOrganisationId" label={t('referrals.form.from')} data={senders} placeholder={t('referrals.form.choose')} searchable required />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('referrals.form.officer')} value={saved?.officerName ?? session.displayName} readOnly />
            <TextField control={control} name="officerContact" label={t('referrals.form.officerContact')} description={t('referrals.form.officerContactHint')} required />
          </SimpleGrid>
          <DiscloseField control={control} language={language} />
          {chosenDisclose.includes('circumstances') ? (
            <TextAreaField control={control} name="circumstances" label={t('referrals.form.circumstances')} description={t('referrals.form.circumstancesHint')} required autosize minRows={3} maxRows={10} />
          ) : null}
          {chosenDisclose.includes('documents') ? (
            <LinesField control={control} name="documents" label={t('referrals.form.documents')} description={t('referrals.form.documentsHint')} required />
          ) : null}
          <TextAreaField control={control} name="note" label={t('referrals.form.note')} description={t('referrals.form.noteHint')} autosize minRows={2} maxRows={6} />
          <ReferralErrorAlert error={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => (saved ? open('referrals', saved.id) : open('persons', file.id))}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} title={t('referrals.form.saveHint')}>
              {t('referrals.form.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {leaveGuard}
    </Paper>
  );
}

type FormControl = ReturnType<typeof useContractForm<DraftValues, ReferralDraft>>['control'];

/** The needs of the assessment, each a checkbox: a referral answers some or all of them, never others. */
function NeedsField({ control, needs }: { control: FormControl; needs: readonly Service[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { field, fieldState } = useController({ control, name: 'needs' });
  return (
    <Checkbox.Group
      label={t('referrals.form.needs')}
      description={t('referrals.form.needsHint')}
      value={(field.value ?? []) as string[]}
      onChange={(next) => field.onChange(needs.filter((need) => next.includes(need)))}
      error={fieldState.error?.message}
      withAsterisk
    >
      <Stack gap={6} mt={6}>
        {needs.map((need, i) => (
          <Checkbox key={need} value={need} label={wordsIn(SERVICE_WORDS[need], language)} ref={i === 0 ? field.ref : undefined} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** What the recipient may learn beyond the code: the needs always, the rest only as chosen (and as the consent allows). */
function DiscloseField({ control, language }: { control: FormControl; language: string }) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name: 'disclose' });
  const chosen = (field.value ?? []) as DataCategory[];
  return (
    <Checkbox.Group
      label={t('referrals.form.disclose')}
      description={t('referrals.form.discloseHint')}
      value={['needs', ...chosen]}
      onChange={(next) => field.onChange(DISCLOSABLE.filter((category) => next.includes(category)))}
      error={fieldState.error?.message}
    >
      <Stack gap={6} mt={6}>
        <Checkbox value="needs" label={t('referrals.form.needsAlways', { needs: wordsIn(DATA_CATEGORY_WORDS.needs, language) })} disabled />
        {DISCLOSABLE.map((category) => (
          <Checkbox key={category} value={category} label={wordsIn(DATA_CATEGORY_WORDS[category], language)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
