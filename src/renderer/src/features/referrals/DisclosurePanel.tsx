import { Alert, Card, List, Stack, Table, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_CATEGORY_WORDS, URGENCY_WORDS } from '../../../../shared/domain/referral-codes';
import type { ReferralPreview } from '../../../../shared/domain/referrals';
import { useLanguage, wordsIn } from '../../components/code-words';
import { formatDate } from '../../components/format';
import { referralSentence } from './referral-errors';
import { needsText } from './ReferralMarks';

/**
 * «Що побачить отримувач»: exactly what the letter discloses, as the main process built it from the consent's scope.
 * A category the scope does not allow is absent here and named among those withheld; when no consent covers the
 * referral, the refusal says what is missing.
 */
export function DisclosurePanel({ preview }: { preview: ReferralPreview }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = useId();
  const d = preview.disclosure;
  const rows: [string, ReactNode][] = [
    [t('referrals.preview.code'), <Text key="code" size="sm" ff="monospace" fw={600}>{d.code}</Text>],
    [t('referrals.preview.age'), d.child ? t('referrals.preview.child') : t('referrals.preview.adult')],
    [t('referrals.preview.needs'), needsText(d.needs, language)],
    [t('referrals.preview.urgency'), wordsIn(URGENCY_WORDS[d.urgency], language)],
  ];
  if (d.name !== null) rows.push([t('referrals.preview.name'), d.name]);
  if (d.contacts !== null) {
    const c = d.contacts;
    const parts = [c.phone, c.email, c.address, c.languages ? t('referrals.preview.languages', { languages: c.languages }) : '', c.interpreterNeeded ? t('referrals.preview.interpreter') : ''];
    rows.push([t('referrals.preview.contacts'), parts.filter(Boolean).join('; ') || t('common.none')]);
  }
  if (d.representative !== null) {
    const r = d.representative;
    rows.push([t('referrals.preview.representative'), [r.name, r.relation, r.contacts].filter(Boolean).join('; ')]);
  }
  if (d.birthDate !== null) rows.push([t('referrals.preview.birthDate'), formatDate(d.birthDate)]);
  if (d.circumstances !== null) rows.push([t('referrals.preview.circumstances'), <Text key="c" size="sm" style={{ whiteSpace: 'pre-wrap' }}>{d.circumstances}</Text>]);
  if (d.documents !== null) {
    rows.push([
      t('referrals.preview.documents'),
      <List key="docs" size="sm">
        {d.documents.map((doc, i) => (
          <List.Item key={i}>{doc}</List.Item>
        ))}
      </List>,
    ]);
  }
  rows.push([t('referrals.preview.officer'), [d.officerName, d.officerContact].filter(Boolean).join(', ')]);
  if (d.answerDueOn) rows.push([t('referrals.preview.answerDueOn'), formatDate(d.answerDueOn)]);
  const refusal = preview.refusal ? (referralSentence(t, language, preview.refusal.reason, preview.refusal.details) ?? t('referrals.preview.refusedOther')) : null;

  return (
    <Card withBorder component="section" aria-labelledby={titleId} data-testid="disclosure-preview">
      <Title order={2} size="h4" id={titleId} mb={4}>
        {t('referrals.preview.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('referrals.preview.hint')}
      </Text>
      <Stack gap="sm">
        {refusal ? (
          <Alert color="red" variant="light" role="alert" data-reason={preview.refusal?.reason}>
            <Text size="sm">{refusal}</Text>
          </Alert>
        ) : preview.consent ? (
          <Text size="sm">
            {preview.consent.validUntil
              ? t('referrals.preview.consentUntil', { date: formatDate(preview.consent.date), until: formatDate(preview.consent.validUntil) })
              : t('referrals.preview.consent', { date: formatDate(preview.consent.date) })}
          </Text>
        ) : null}
        <Table verticalSpacing={4} aria-label={t('referrals.preview.tableLabel')}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w="35%" fw={500} c="dimmed" fz="sm">
                  {label}
                </Table.Th>
                <Table.Td fz="sm">{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <div data-testid="withheld">
          <Text size="sm" fw={600}>
            {t('referrals.preview.withheld')}
          </Text>
          {d.withheld.length ? (
            <List size="sm">
              {d.withheld.map((category) => (
                <List.Item key={category}>{wordsIn(DATA_CATEGORY_WORDS[category], language)}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('referrals.preview.nothingWithheld')}
            </Text>
          )}
        </div>
      </Stack>
    </Card>
  );
}
