import { Alert, Button, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AID_CATEGORIES, AID_CATEGORY_WORDS, AID_MULTIPLIER } from '../../../../shared/domain/case-codes';
import { AidInputSchema, type Case } from '../../../../shared/domain/cases';
import type { Parameters } from '../../../../shared/domain/parameters';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { useContractForm } from '../../components/contract-form';
import { DateField } from '../../components/date-fields';
import { asAppError } from '../../components/describe-error';
import { SelectField, TextField } from '../../components/fields';
import { formatDate, kyivToday } from '../../components/format';
import { formatUah } from '../../components/money';
import { placeCaseError } from './case-errors';
import { CaseErrorAlert } from './CaseErrorAlert';
import { minimumOn } from './parameter-clock';
import { useLanguage, wordsIn } from '../../components/code-words';
import { useLeaveGuard } from './use-leave-guard';

/** «3 × 3 028,00 = 9 084,00 грн»: how the amount follows from the minimum, as a reviewer checks it. */
function amountLine(t: (key: string, options?: Record<string, unknown>) => string, minimumKop: number): string {
  return t('cases.aid.amountLine', { times: AID_MULTIPLIER, minimum: formatUah(minimumKop), amount: formatUah(minimumKop * AID_MULTIPLIER) });
}

/**
 * One-time financial assistance (CMU No. 660) once status is granted: applied for when, in which category, who
 * pays and when it was paid. The amount is three subsistence minimums of the category in force on the application
 * date; the form shows it as the main process will compute it.
 */
export function AidSection({ caseData, parameters, canWrite }: { caseData: Case; parameters: Parameters | undefined; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  const aid = caseData.aid;
  const granted = caseData.steps.some((s) => s.kind === 'decision' && s.outcome === 'granted');
  if (!aid && !granted) {
    return (
      <Text size="sm" c="dimmed">
        {t('cases.aid.notYet')}
      </Text>
    );
  }
  if (editing) return <AidForm caseData={caseData} parameters={parameters} onClose={() => setEditing(false)} />;
  return (
    <Stack gap="xs">
      {aid ? (
        <Table variant="vertical" layout="fixed" withTableBorder verticalSpacing={6} aria-label={t('cases.aid.title')}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="40%">{t('cases.aid.applicationDate')}</Table.Th>
              <Table.Td>{formatDate(aid.applicationDate)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('cases.aid.category')}</Table.Th>
              <Table.Td>{wordsIn(AID_CATEGORY_WORDS[aid.category], language)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('cases.aid.minimum')}</Table.Th>
              <Table.Td>{t('cases.aid.uah', { amount: formatUah(aid.minimumKop) })}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('cases.aid.amount')}</Table.Th>
              <Table.Td>
                <Text size="sm" fw={600} data-testid="aid-amount">
                  {amountLine(t, aid.minimumKop)}
                </Text>
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('cases.aid.payingBody')}</Table.Th>
              <Table.Td>{aid.payingBody || t('common.none')}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('cases.aid.paymentDate')}</Table.Th>
              <Table.Td>{aid.paymentDate ? formatDate(aid.paymentDate) : t('cases.aid.notPaid')}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      ) : (
        <Text size="sm" c="dimmed">
          {t('cases.aid.none')}
        </Text>
      )}
      {canWrite && !caseData.anonymised ? (
        <Group>
          <Button variant="default" size="xs" onClick={() => setEditing(true)}>
            {aid ? t('cases.aid.edit') : t('cases.aid.add')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function AidForm({ caseData, parameters, onClose }: { caseData: Case; parameters: Parameters | undefined; onClose(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('cases:saveAid');
  const aid = caseData.aid;
  const form = useContractForm(AidInputSchema, {
    feature: 'cases',
    defaultValues: {
      caseId: caseData.id,
      applicationDate: aid?.applicationDate ?? kyivToday(),
      ...(aid ? { category: aid.category } : caseData.child ? {} : { category: 'working_age' as const }),
      payingBody: aid?.payingBody ?? '',
      paymentDate: aid?.paymentDate ?? null,
    },
  });
  const [applicationDate, category] = useWatch({ control: form.control, name: ['applicationDate', 'category'] });
  const leaveGuard = useLeaveGuard(form.formState.isDirty);
  const minimum = parameters && category && applicationDate ? minimumOn(parameters, category, applicationDate) : null;

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync(values);
      notifications.show({ color: 'green', message: t('cases.aid.saved') });
      onClose();
    } catch (caught) {
      const error = asAppError(caught);
      if (placeCaseError(form, t, error).length === 0 || error.code === 'VALIDATION') setFormError(error);
    }
  });
  const keys = getHotkeyHandler([['mod+S', () => void submit(), { preventDefault: true, usePhysicalKeys: true }]]);

  return (
    <form onSubmit={submit} noValidate onKeyDown={keys}>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <DateField control={form.control} name="applicationDate" label={t('cases.aid.applicationDate')} required data-autofocus autoFocus />
          <DateField control={form.control} name="paymentDate" label={t('cases.aid.paymentDate')} nullable />
        </SimpleGrid>
        <SelectField
          control={form.control}
          name="category"
          label={t('cases.aid.category')}
          data={AID_CATEGORIES.map((value) => ({ value, label: wordsIn(AID_CATEGORY_WORDS[value], language) }))}
          placeholder={t('cases.stepForm.choose')}
          required
        />
        <TextField control={form.control} name="payingBody" label={t('cases.aid.payingBody')} required />
        {category && applicationDate ? (
          <Alert color={minimum === null ? 'orange' : 'blue'} variant="light" role="note" py="xs">
            <Text size="sm">
              {minimum === null ? t('cases.aid.noMinimum', { date: formatDate(applicationDate) }) : amountLine(t, minimum)}
            </Text>
          </Alert>
        ) : null}
        <CaseErrorAlert error={formError} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
      {leaveGuard}
    </form>
  );
}
