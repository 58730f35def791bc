import { Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { SERVICES, SERVICE_WORDS, URGENCIES, URGENCY_WORDS } from '../../../../shared/domain/referral-codes';
import { AssessmentInputSchema, type Assessment, type PersonFile } from '../../../../shared/domain/referrals';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { useSession } from '../../app/session-context';
import { useLanguage, wordsIn } from '../../components/code-words';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { DateField } from '../../components/date-fields';
import { asAppError } from '../../components/describe-error';
import { MultiSelectField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { FormActions } from '../../components/FormActions';
import { formatDate, kyivToday } from '../../components/format';
import { EditableRecords } from './EditableRecords';
import { notFuture } from './not-future';
import { PersonErrorAlert } from './PersonErrorAlert';
import { servicesText } from './person-labels';

const Schema = notFuture(AssessmentInputSchema);
type Values = z.input<typeof AssessmentInputSchema>;

/** The needs assessments, newest as the main process orders them, each correctable; a new one from «Внести оцінку потреб». */
export function AssessmentsSection({ file, canWrite }: { file: PersonFile; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <EditableRecords
      title={t('persons.assessments.title')}
      add={t('persons.assessments.add')}
      empty={t('persons.assessments.empty')}
      saved={t('persons.assessments.saved')}
      editNamed={(date) => t('persons.assessments.editNamed', { date })}
      canWrite={canWrite}
      records={file.assessments}
      headers={[t('persons.assessments.date'), t('persons.assessments.needs'), t('persons.assessments.urgency'), t('persons.assessments.assessedBy')]}
      cells={(a) => [
        formatDate(a.date),
        <>
          <Text size="sm">{servicesText(a.needs, language)}</Text>
          {a.notes ? (
            <Text size="xs" c="dimmed">
              {a.notes}
            </Text>
          ) : null}
          {a.referrals > 0 ? (
            <Text size="xs" c="dimmed">
              {t('persons.assessments.referrals', { count: a.referrals })}
            </Text>
          ) : null}
        </>,
        wordsIn(URGENCY_WORDS[a.urgency], language),
        a.assessedBy,
      ]}
      form={({ saved, onDone, onCancel }) => <AssessmentForm personId={file.id} saved={saved} onDone={onDone} onCancel={onCancel} />}
    />
  );
}

function AssessmentForm({ personId, saved, onDone, onCancel }: { personId: string; saved?: Assessment; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { session } = useSession();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('persons:saveAssessment', { invalidates: ['referrals'] });
  const [defaultValues] = useState<Values>(() =>
    saved
      ? { id: saved.id, personId, date: saved.date, assessedBy: saved.assessedBy, needs: saved.needs, urgency: saved.urgency, notes: saved.notes }
      : { personId, date: kyivToday(), assessedBy: session.displayName, needs: [], urgency: 'normal', notes: '' },
  );
  const form = useContractForm<Values, z.output<typeof AssessmentInputSchema>>(Schema, { defaultValues, feature: 'persons' });
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
  const { control } = form;

  return (
    <Card withBorder bg="var(--mantine-color-gray-light)">
      <form onSubmit={submit} noValidate onKeyDown={keys} aria-label={t('persons.assessments.title')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField control={control} name="date" label={t('persons.assessments.date')} maxDate={kyivToday()} required data-autofocus />
            <TextField control={control} name="assessedBy" label={t('persons.assessments.assessedBy')} description={t('persons.assessments.assessedByHint')} required />
            <SelectField
              control={control}
              name="urgency"
              label={t('persons.assessments.urgency')}
              data={URGENCIES.map((value) => ({ value, label: wordsIn(URGENCY_WORDS[value], language) }))}
            />
          </SimpleGrid>
          <MultiSelectField
            control={control}
            name="needs"
            label={t('persons.assessments.needs')}
            description={saved && saved.referrals > 0 ? t('persons.assessments.needsInUse', { count: saved.referrals }) : undefined}
            placeholder={t('persons.assessments.needsPlaceholder')}
            data={SERVICES.map((value) => ({ value, label: wordsIn(SERVICE_WORDS[value], language) }))}
            searchable
            required
          />
          <TextAreaField control={control} name="notes" label={t('persons.assessments.notes')} />
          <PersonErrorAlert error={formError} />
          <FormActions error={null} submit={t('common.save')} loading={save.isPending} onCancel={onCancel} />
        </Stack>
      </form>
    </Card>
  );
}
