import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferralSummary } from '../../../../shared/domain/referrals';
import { DEFAULT_CASE_OPTIONS } from '../../../../shared/domain/parameters';
import { useApi } from '../../app/api-context';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { DataTable } from '../../components/DataTable';
import { formatDate } from '../../components/format';
import { ListPager } from '../../components/ListPager';
import { LoadStatus } from '../../components/LoadStatus';
import { DaysLeft } from '../cases/DaysLeft';
import { isFiltered, listInput, PAGE_SIZE, rememberedFilters, rememberFilters, type ReferralListFilters } from './referral-filters';
import { COUNTS_ROUTE } from './referral-route';
import { ReferralFilters } from './ReferralFilters';
import { ConsentRevokedMark, NeedsText, UrgencyMark } from './ReferralMarks';
import { ReferralStateBadge } from './ReferralStateBadge';
import { NewReferralModal } from './NewReferralModal';

const column = createColumnHelper<ReferralSummary>();

/**
 * The referrals, those due first: number, the person's code, the recipient, the needs, the urgency, the state and
 * what is awaited until when. The main process filters and pages; rows name the person by code only.
 */
export function ReferralList() {
  const api = useApi();
  const { t } = useTranslation();
  const { session } = useSession();
  const { open } = useNavigation();
  const [{ filters, offset }, setState] = useState(() => rememberedFilters(api));
  const [choosing, setChoosing] = useState(false);
  const list = useChannelQuery('referrals:list', listInput(filters, offset));
  const parameters = useChannelQuery('parameters:get', {});
  const dueSoonDays = parameters.data?.options.dueSoonDays ?? DEFAULT_CASE_OPTIONS.dueSoonDays;
  const mayWrite = can(session, 'cases.write');

  const show = (next: ReferralListFilters, nextOffset: number) => {
    rememberFilters(api, next, nextOffset);
    setState({ filters: next, offset: nextOffset });
  };

  const columns = useMemo(
    () => [
      column.accessor('number', {
        header: t('referrals.list.columns.number'),
        cell: (c) =>
          c.getValue() ? (
            <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {t('referrals.numberRef', { number: c.getValue() })}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('referrals.list.noNumber')}
            </Text>
          ),
      }),
      column.accessor('code', {
        header: t('referrals.list.columns.code'),
        cell: (c) => (
          <Text size="sm" fw={600} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            {c.getValue()}
          </Text>
        ),
      }),
      column.accessor('toName', { header: t('referrals.list.columns.recipient'), cell: (c) => <Text size="sm">{c.getValue()}</Text> }),
      column.accessor('needs', { header: t('referrals.list.columns.needs'), cell: (c) => <NeedsText needs={c.getValue()} /> }),
      column.accessor('urgency', { header: t('referrals.list.columns.urgency'), cell: (c) => <UrgencyMark urgency={c.getValue()} /> }),
      column.accessor('state', {
        header: t('referrals.list.columns.state'),
        cell: (c) => (
          <Group gap={4} wrap="nowrap">
            <ReferralStateBadge state={c.getValue()} />
            {c.row.original.consentRevoked ? <ConsentRevokedMark /> : null}
          </Group>
        ),
      }),
      column.accessor('dueOn', {
        header: t('referrals.list.columns.due'),
        cell: (c) =>
          c.getValue() && c.row.original.dueKind ? (
            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
              {t(`referrals.due.${c.row.original.dueKind}`, { date: formatDate(c.getValue()) })}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('common.none')}
            </Text>
          ),
      }),
      column.accessor('daysLeft', { header: t('referrals.list.columns.daysLeft'), cell: (c) => <DaysLeft daysLeft={c.getValue()} dueSoonDays={dueSoonDays} /> }),
    ],
    [t, dueSoonDays],
  );

  const total = list.data?.total ?? 0;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('referrals.list.title')}
        </Title>
        <Group gap="sm">
          {can(session, 'reports.read') ? (
            <Button variant="default" onClick={() => open('referrals', COUNTS_ROUTE)}>
              {t('referrals.counts.open')}
            </Button>
          ) : null}
          {mayWrite ? <Button onClick={() => setChoosing(true)}>{t('referrals.list.new')}</Button> : null}
        </Group>
      </Group>
      <ReferralFilters filters={filters} onChange={(next) => show(next, 0)} />
      <LoadStatus query={list} />
      {list.data ? (
        <>
          <DataTable
            data={list.data.rows}
            columns={columns}
            empty={isFiltered(filters) ? t('referrals.list.nothingFound') : t('referrals.list.empty')}
            rowKey={(row) => row.id}
            label={t('referrals.list.tableLabel')}
            onOpen={(row) => open('referrals', row.id)}
          />
          <ListPager offset={offset} shown={list.data.rows.length} total={total} pageSize={PAGE_SIZE} label={t('referrals.list.pages')} onPage={(next) => show(filters, next)} />
        </>
      ) : null}
      {mayWrite ? <NewReferralModal opened={choosing} onClose={() => setChoosing(false)} /> : null}
    </Stack>
  );
}
