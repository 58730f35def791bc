import { Button, Card, Group, Modal, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AID_CATEGORIES, AID_CATEGORY_WORDS, type AidCategory } from '../../../../shared/domain/case-codes';
import { MinimumInputSchema, type Minimum, type Parameters } from '../../../../shared/domain/parameters';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { DateField } from '../../components/date-fields';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { TextField } from '../../components/fields';
import { formatDate } from '../../components/format';
import { formatUah } from '../../components/money';
import { MoneyField } from '../../components/MoneyField';
import { ParameterErrorAlert } from './ParameterErrorAlert';
import { RemoveVersionButton } from './RemoveVersionButton';
import { VersionBadge } from './VersionBadge';
import { newestFirst, versionStates } from './versions';
import { asHeading, useLanguage, wordsIn } from '../../components/code-words';

interface MinimumDraft {
  category: AidCategory;
  from: Minimum | undefined;
  validFrom: string;
}

/**
 * The subsistence minimums by category, in hryvnias with their dates: the one-time aid is three of them, at the rate
 * in force on the day the person applies. A new rate (each year's budget law) is a new version.
 */
export function MinimumsSection({ parameters, canWrite }: { parameters: Parameters; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<MinimumDraft | null>(null);
  return (
    <Stack gap="md">
      {AID_CATEGORIES.map((category) => {
        const versions = parameters.minimums.filter((m) => m.category === category);
        const states = versionStates(versions, parameters.today);
        const name = wordsIn(AID_CATEGORY_WORDS[category], language);
        const titleId = `minimum-${category}`;
        return (
          <Card key={category} withBorder component="section" aria-labelledby={titleId} padding="sm">
            <Group justify="space-between" mb={6}>
              <Title order={2} size="h5" id={titleId}>
                {asHeading(name)}
              </Title>
              {canWrite ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  aria-label={t('parameters.newVersionOf', { name })}
                  onClick={() => setDraft({ category, from: versions.find((v) => states.get(v.id) === 'current'), validFrom: parameters.today })}
                >
                  {t('parameters.newVersion')}
                </Button>
              ) : null}
            </Group>
            <Table verticalSpacing={4} aria-labelledby={titleId} layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={110}>{t('parameters.validFrom')}</Table.Th>
                  <Table.Th w={150}>{t('parameters.minimums.amount')}</Table.Th>
                  <Table.Th>{t('parameters.terms.legalBasis')}</Table.Th>
                  <Table.Th w={canWrite ? 190 : 100}>{t('parameters.versionState')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Text size="sm" c="dimmed">
                        {t('parameters.minimums.none')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  newestFirst(versions).map((version) => {
                    const state = states.get(version.id)!;
                    return (
                      <Table.Tr key={version.id}>
                        <Table.Td>{formatDate(version.validFrom)}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('parameters.minimums.uah', { amount: formatUah(version.amountKop) })}</Table.Td>
                        <Table.Td>{version.legalBasis || t('common.none')}</Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            <VersionBadge state={state} />
                            {canWrite && state === 'future' ? (
                              <>
                                <Button size="compact-xs" variant="subtle" onClick={() => setDraft({ category, from: version, validFrom: version.validFrom })}>
                                  {t('common.edit')}
                                </Button>
                                <RemoveVersionButton channel="parameters:removeMinimum" id={version.id} label={t('parameters.removeVersionOf', { name, date: formatDate(version.validFrom) })} />
                              </>
                            ) : null}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })
                )}
              </Table.Tbody>
            </Table>
          </Card>
        );
      })}
      <Modal opened={draft !== null} onClose={() => setDraft(null)} title={draft ? t('parameters.minimums.versionTitle', { category: wordsIn(AID_CATEGORY_WORDS[draft.category], language) }) : ''}>
        {draft ? <MinimumForm draft={draft} today={parameters.today} onClose={() => setDraft(null)} /> : null}
      </Modal>
    </Stack>
  );
}

function MinimumForm({ draft, today, onClose }: { draft: MinimumDraft; today: string; onClose(): void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('parameters:saveMinimum', { invalidates: ['cases'] });
  const form = useContractForm(MinimumInputSchema, {
    feature: 'parameters',
    defaultValues: { category: draft.category, validFrom: draft.validFrom, ...(draft.from ? { amountKop: draft.from.amountKop } : {}), legalBasis: draft.from?.legalBasis ?? '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync(values);
      notifications.show({ color: 'green', message: t('parameters.minimums.saved', { amount: formatUah(values.amountKop), date: formatDate(values.validFrom) }) });
      onClose();
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'parameters').length === 0) setFormError(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <MoneyField control={form.control} name="amountKop" label={t('parameters.minimums.amountTyped')} description={t('parameters.minimums.amountHint')} required data-autofocus />
          <DateField control={form.control} name="validFrom" label={t('parameters.validFrom')} description={t('parameters.validFromHint', { date: formatDate(today) })} required minDate={today} />
        </SimpleGrid>
        <TextField control={form.control} name="legalBasis" label={t('parameters.terms.legalBasis')} placeholder={t('parameters.minimums.legalBasisPlaceholder')} />
        <ParameterErrorAlert error={formError} />
        <FormActions error={null} submit={t('common.save')} loading={save.isPending} onCancel={onClose} />
      </Stack>
    </form>
  );
}
