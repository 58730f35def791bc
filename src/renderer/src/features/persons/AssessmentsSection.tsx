import { Button, Card, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
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
import { FileSection } from './FileSection';
import { notFuture } from './not-future';
import { PersonErrorAlert } from './PersonErrorAlert';
import { servicesText } from './person-labels';

const Schema = notFuture(AssessmentInputSchema);
type Values = z.input<typeof AssessmentInputSchema>;

/** The needs assessments, newest as the main process orders them, each correctable; a new one from «Внести оцінку потреб». */
export function AssessmentsSection({ file, canWrite }: { file: PersonFile; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  /** The assessment in the form: 'new', one's id, or null while the form is closed. */
  const [editing, setEditing] = useState<string | null>(null);
  const done = () => {
    setEditing(null);
    notifications.show({ color: 'green', message: t('persons.assessments.saved') });
  };
  const form = (saved?: Assessment) => <AssessmentForm key={saved?.id ?? 'new'} personId={file.id} saved={saved} onDone={done} onCancel={() => setEditing(null)} />;

  return (
    <FileSection
      title={t('persons.assessments.title')}
      actions={
        canWrite ? (
          <Button size="sm" onClick={() => setEditing('new')} disabled={editing !== null}>
            {t('persons.assessments.add')}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        {editing === 'new' ? form() : null}
        {file.assessments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('persons.assessments.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={4} aria-label={t('persons.assessments.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('persons.assessments.date')}</Table.Th>
                <Table.Th>{t('persons.assessments.needs')}</Table.Th>
                <Table.Th>{t('persons.assessments.urgency')}</Table.Th>
                <Table.Th>{t('persons.assessments.assessedBy')}</Table.Th>
                {canWrite ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {file.assessments.map((a) =>
                editing === a.id ? (
                  <Table.Tr key={a.id}>
                    <Table.Td colSpan={canWrite ? 5 : 4}>{form(a)}</Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={a.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.date)}</Table.Td>
                    <Table.Td>
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
                    </Table.Td>
                    <Table.Td>{wordsIn(URGENCY_WORDS[a.urgency], language)}</Table.Td>
                    <Table.Td>{a.assessedBy}</Table.Td>
                    {canWrite ? (
                      <Table.Td>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          disabled={editing !== null}
                          onClick={() => setEditing(a.id)}
                          aria-label={t('persons.assessments.editNamed', { date: formatDate(a.date) })}
                        >
                          {t('persons.file.edit')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </FileSection>
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
