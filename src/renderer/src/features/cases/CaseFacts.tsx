import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type ReactNode } from 'react';
import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { EXPLOITATION_FORM_WORDS, RECEIVING_BODY_WORDS, countryName } from '../../../../shared/domain/case-codes';
import { CaseFieldsSchema, type Case } from '../../../../shared/domain/cases';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { formatDate } from '../../components/format';
import { PlaceName, useTerritories } from '../../components/PlaceName';
import { placeCaseError } from './case-errors';
import { CaseErrorAlert } from './CaseErrorAlert';
import { caseFieldsOf, CaseFieldsInputs } from './CaseFieldsInputs';
import { useLanguage, wordsIn } from '../../components/code-words';

/** The form is the channel's input without the case id, so a server issue's path («fields.registrationNumber») fits. */
const FactsSchema = z.object({ fields: CaseFieldsSchema });

/** The application's facts as the register holds them; «Змінити» corrects them in a dialog (Ctrl+S saves). */
export function CaseFacts({ caseData, canWrite }: { caseData: Case; canWrite: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap="xs">
      <FactsTable caseData={caseData} />
      {canWrite && !caseData.anonymised ? (
        <Group>
          <Button variant="default" size="xs" onClick={() => setEditing(true)}>
            {t('cases.facts.edit')}
          </Button>
        </Group>
      ) : null}
      <Modal opened={editing} onClose={() => setEditing(false)} title={t('cases.facts.editTitle', { code: caseData.code })} size="xl" closeOnClickOutside={false}>
        {editing ? <FactsForm caseData={caseData} onClose={() => setEditing(false)} /> : null}
      </Modal>
    </Stack>
  );
}

function FactsTable({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const f = caseData.fields;
  const none = t('common.none');
  const period = f.exploitationFrom || f.exploitationTo ? t('cases.facts.period', { from: formatDate(f.exploitationFrom) || '…', to: formatDate(f.exploitationTo) || '…' }) : none;
  const places = useTerritories([f.identificationKatottg]);
  const rows: [string, ReactNode][] = [
    [t('cases.fields.receivingBodyName'), `${f.receivingBodyName} (${wordsIn(RECEIVING_BODY_WORDS[f.receivingBodyKind], language)})`],
    [t('cases.facts.registration'), t('cases.registrationRef', { number: f.registrationNumber, date: formatDate(f.registrationDate) })],
    [t('cases.fields.arrival'), f.arrival === 'referred' ? t('cases.facts.referredBy', { name: caseData.referredByName || none }) : t('cases.arrivals.self')],
    [t('cases.fields.katottg'), f.identificationKatottg ? <PlaceName code={f.identificationKatottg} unit={places.get(f.identificationKatottg)} full /> : none],
    [t('cases.fields.forms'), f.forms.map((form) => wordsIn(EXPLOITATION_FORM_WORDS[form], language)).join('; ') || none],
    [t('cases.fields.countries'), f.countries.map((code) => countryName(code, language, true)).join('; ') || none],
    [t('cases.facts.exploitationPeriod'), period],
    [t('cases.facts.personFacts'), personFacts(t, caseData)],
  ];
  return (
    <>
      <Table variant="vertical" layout="fixed" withTableBorder verticalSpacing={6} aria-label={t('cases.facts.title')}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w="40%">{label}</Table.Th>
              <Table.Td>
                {typeof value === 'string' ? (
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {value}
                  </Text>
                ) : (
                  value
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {t('cases.fields.documentsReceived')}
        </Text>
        {f.documentsReceived.length ? (
          f.documentsReceived.map((document, i) => (
            <Text size="sm" key={`${i}-${document}`}>
              — {document}
            </Text>
          ))
        ) : (
          <Text size="sm" c="dimmed">
            {none}
          </Text>
        )}
      </Stack>
    </>
  );
}

/** What the statistics keep of the person with the case: sex, age at registration, child, foreigner. No name. */
function personFacts(t: (key: string, options?: Record<string, unknown>) => string, c: Case): string {
  const parts = [
    c.sex ? t(`cases.person.sexes.${c.sex}`) : '',
    c.ageAtRegistration !== null ? t('cases.facts.age', { count: c.ageAtRegistration }) : t('cases.facts.ageUnknown'),
    c.child ? t('cases.marks.child') : '',
    c.foreigner ? t('cases.marks.foreigner') : '',
  ];
  return parts.filter(Boolean).join(', ');
}

function FactsForm({ caseData, onClose }: { caseData: Case; onClose(): void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const update = useChannelMutation('cases:update', { invalidates: ['dashboard'] });
  const defaultValues = useMemo(() => ({ fields: caseFieldsOf(caseData) }), [caseData]);
  const form = useContractForm(FactsSchema, { defaultValues, feature: 'cases' });

  const submit = form.handleSubmit(async ({ fields }) => {
    setFormError(null);
    try {
      await update.mutateAsync({ id: caseData.id, fields });
      notifications.show({ color: 'green', message: t('cases.facts.saved') });
      onClose();
    } catch (caught) {
      const error = asAppError(caught);
      if (placeCaseError(form, t, error, 'fields.').length === 0 || error.code === 'VALIDATION') setFormError(error);
    }
  });
  const keys = getHotkeyHandler([['mod+S', () => void submit(), { preventDefault: true, usePhysicalKeys: true }]]);

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate onKeyDown={keys}>
        <Stack gap="sm">
          <CaseFieldsInputs />
          <CaseErrorAlert error={formError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
