import { Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTCOMES, OUTCOME_WORDS, REFERRAL_STATES, REFERRAL_STATE_WORDS, SERVICES, SERVICE_WORDS } from '../../../../shared/domain/referral-codes';
import type { ReferralTotal } from '../../../../shared/domain/referrals';
import { ORGANISATION_TYPES } from '../../../../shared/domain/organisations';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { asHeading, useLanguage, wordsIn } from '../../components/code-words';
import { kyivToday } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';

/** «2026-03» as «03.2026». */
const monthText = (month: string) => `${month.slice(5, 7)}.${month.slice(0, 4)}`;
const monthOf = (value: string | null) => (value ? value.slice(0, 7) : null);

function sum<C extends ReferralTotal>(counts: readonly C[], pick: (c: C) => boolean): number {
  return counts.reduce((total, c) => (pick(c) ? total + c.count : total), 0);
}

/**
 * The analyst's view: how many referrals by month of sending and service, with totals, and by kind of recipient,
 * state and outcome. No person is in these counts, so the view needs the reports and not the cases.
 */
export function ReferralCounts() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { session } = useSession();
  const { open } = useNavigation();
  const year = kyivToday().slice(0, 4);
  const [from, setFrom] = useState(`${year}-01`);
  const [to, setTo] = useState(`${year}-12`);
  const ordered = from <= to;
  const counts = useChannelQuery('referrals:counts', { from, to }, { enabled: ordered });
  // By need (a referral with several needs under each) for the columns; each referral once for totals and breakdowns.
  const rows = counts.data?.byNeed ?? [];
  const totals = counts.data?.referrals ?? [];
  const months = [...new Set(totals.map((c) => c.month))].sort();
  const services = SERVICES.filter((s) => rows.some((c) => c.service === s));

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          {can(session, 'cases.read') ? (
            <Button variant="subtle" px={6} onClick={() => open('referrals')}>
              {t('referrals.card.back')}
            </Button>
          ) : null}
          <Title order={1} size="h2">
            {t('referrals.counts.title')}
          </Title>
        </Group>
      </Group>
      <Group gap="sm" align="flex-end" role="search" aria-label={t('referrals.counts.period')}>
        <MonthPickerInput
          label={t('referrals.counts.from')}
          valueFormat="MM.YYYY"
          value={`${from}-01`}
          onChange={(value) => setFrom(monthOf(value) ?? from)}
          w={160}
        />
        <MonthPickerInput
          label={t('referrals.counts.to')}
          valueFormat="MM.YYYY"
          value={`${to}-01`}
          onChange={(value) => setTo(monthOf(value) ?? to)}
          error={ordered ? undefined : t('validation.dateOrder')}
          w={160}
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('referrals.counts.hint')}
      </Text>
      <LoadStatus query={counts} />
      {counts.data ? (
        totals.length === 0 ? (
          <Text c="dimmed">{t('referrals.counts.empty')}</Text>
        ) : (
          <>
            <Card withBorder component="section" aria-labelledby="counts-by-month" style={{ overflowX: 'auto' }}>
              <Title order={2} size="h4" id="counts-by-month" mb="sm">
                {t('referrals.counts.byMonth')}
              </Title>
              <Table striped withTableBorder verticalSpacing={4} aria-label={t('referrals.counts.byMonth')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('referrals.counts.month')}</Table.Th>
                    {services.map((s) => (
                      <Table.Th key={s}>{asHeading(wordsIn(SERVICE_WORDS[s], language))}</Table.Th>
                    ))}
                    <Table.Th>{t('referrals.counts.total')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {months.map((month) => (
                    <Table.Tr key={month}>
                      <Table.Th scope="row">{monthText(month)}</Table.Th>
                      {services.map((s) => (
                        <Table.Td key={s}>{sum(rows, (c) => c.month === month && c.service === s)}</Table.Td>
                      ))}
                      <Table.Td fw={600}>{sum(totals, (c) => c.month === month)}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Th scope="row">{t('referrals.counts.total')}</Table.Th>
                    {services.map((s) => (
                      <Table.Td key={s} fw={600}>
                        {sum(rows, (c) => c.service === s)}
                      </Table.Td>
                    ))}
                    <Table.Td fw={700}>{sum(totals, () => true)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </Card>
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <Breakdown
                title={t('referrals.counts.byRecipientType')}
                lines={ORGANISATION_TYPES.map((type) => [t(`organisations.types.${type}`), sum(totals, (c) => c.recipientType === type)])}
              />
              <Breakdown title={t('referrals.counts.byState')} lines={REFERRAL_STATES.map((state) => [asHeading(wordsIn(REFERRAL_STATE_WORDS[state], language)), sum(totals, (c) => c.state === state)])} />
              <Breakdown
                title={t('referrals.counts.byOutcome')}
                lines={[
                  ...OUTCOMES.map((outcome): [string, number] => [asHeading(wordsIn(OUTCOME_WORDS[outcome], language)), sum(totals, (c) => c.outcome === outcome)]),
                  [t('referrals.counts.noOutcome'), sum(totals, (c) => c.outcome === null)],
                ]}
              />
            </SimpleGrid>
          </>
        )
      ) : null}
    </Stack>
  );
}

/** One breakdown as a two-column table; lines with nothing counted are left out. */
function Breakdown({ title, lines }: { title: string; lines: [string, number][] }) {
  const shown = lines.filter(([, count]) => count > 0);
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Table verticalSpacing={4} aria-label={title}>
        <Table.Tbody>
          {shown.map(([label, count]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={500}>
                {label}
              </Table.Th>
              <Table.Td w={80} ta="right">
                {count}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
