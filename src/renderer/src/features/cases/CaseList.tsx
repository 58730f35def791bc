import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/domain/cases';
import { DEFAULT_CASE_OPTIONS } from '../../../../shared/domain/parameters';
import { useApi } from '../../app/api-context';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { DataTable } from '../../components/DataTable';
import { formatDate } from '../../components/format';
import { ListPager } from '../../components/ListPager';
import { LoadStatus } from '../../components/LoadStatus';
import { NO_SHRINK } from '../../components/badge-styles';
import { AnonymisablePanel } from './AnonymisablePanel';
import { listInput, PAGE_SIZE, rememberedFilters, rememberFilters, type CaseListFilters } from './case-filters';
import { CaseFilters } from './CaseFilters';
import { CaseStateBadge } from './CaseStateBadge';
import { DaysLeft } from './DaysLeft';
import { NameSearch } from './NameSearch';
import { RegisterBooksMenu } from './RegisterBooksMenu';
import { RegisterCaseModal } from './RegisterCaseModal';

const column = createColumnHelper<CaseSummary>();

/**
 * The status cases, those due first: code, registration, state, the next step with its due date and the days left.
 * The main process filters and pages (a register of years is never sent whole); rows name the person by code only.
 */
export function CaseList() {
  const api = useApi();
  const { t } = useTranslation();
  const { session } = useSession();
  const { open } = useNavigation();
  const [{ filters, offset }, setState] = useState(() => rememberedFilters(api));
  const [registering, setRegistering] = useState(false);
  const list = useChannelQuery('cases:list', listInput(filters, offset));
  const parameters = useChannelQuery('parameters:get', {});
  const dueSoonDays = parameters.data?.options.dueSoonDays ?? DEFAULT_CASE_OPTIONS.dueSoonDays;
  const mayRegister = can(session, 'cases.write') && can(session, 'personal.write');

  const show = (next: CaseListFilters, nextOffset: number) => {
    rememberFilters(api, next, nextOffset);
    setState({ filters: next, offset: nextOffset });
  };

  const columns = useMemo(
    () => [
      column.accessor('code', {
        header: t('cases.list.columns.code'),
        cell: (c) => (
          <Text size="sm" fw={600} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            {c.getValue()}
          </Text>
        ),
      }),
      column.accessor('registrationNumber', {
        header: t('cases.list.columns.registration'),
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('cases.registrationRef', { number: c.getValue(), date: formatDate(c.row.original.registrationDate) })}
          </Text>
        ),
      }),
      column.accessor('state', { header: t('cases.list.columns.state'), cell: (c) => <CaseStateBadge state={c.getValue()} /> }),
      column.accessor('nextStep', {
        header: t('cases.list.columns.nextStep'),
        cell: (c) => {
          const step = c.getValue();
          return step ? <Text size="sm">{t(`cases.steps.${step}`)}</Text> : <Text size="sm" c="dimmed">{t('common.none')}</Text>;
        },
      }),
      column.accessor('dueOn', {
        header: t('cases.list.columns.dueOn'),
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {c.getValue() ? formatDate(c.getValue()) : t('common.none')}
          </Text>
        ),
      }),
      column.accessor('daysLeft', { header: t('cases.list.columns.daysLeft'), cell: (c) => <DaysLeft daysLeft={c.getValue()} dueSoonDays={dueSoonDays} /> }),
      column.display({
        id: 'marks',
        header: t('cases.list.columns.marks'),
        cell: (c) => <CaseMarks child={c.row.original.child} foreigner={c.row.original.foreigner} />,
      }),
    ],
    [t, dueSoonDays],
  );

  const total = list.data?.total ?? 0;
  const filtered = Boolean(filters.states?.length || filters.step || filters.year || filters.overdue || filters.query);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('cases.list.title')}
        </Title>
        <Group gap="sm">
          {can(session, 'personal.read') ? <RegisterBooksMenu /> : null}
          {mayRegister ? <Button onClick={() => setRegistering(true)}>{t('cases.register.open')}</Button> : null}
        </Group>
      </Group>
      {can(session, 'personal.read') ? <NameSearch /> : null}
      <CaseFilters filters={filters} onChange={(next) => show(next, 0)} />
      <LoadStatus query={list} />
      {list.data ? (
        <>
          <DataTable
            data={list.data.rows}
            columns={columns}
            empty={filtered ? t('cases.list.nothingFound') : mayRegister ? t('cases.list.empty') : t('cases.list.emptyReadOnly')}
            rowKey={(row) => row.id}
            label={t('cases.list.tableLabel')}
            onOpen={(row) => open('cases', row.id)}
          />
          <ListPager offset={offset} shown={list.data.rows.length} total={total} pageSize={PAGE_SIZE} label={t('cases.list.pages')} onPage={(next) => show(filters, next)} />
        </>
      ) : null}
      <AnonymisablePanel />
      {mayRegister ? <RegisterCaseModal opened={registering} onClose={() => setRegistering(false)} onRegistered={(created) => open('cases', created.id)} /> : null}
    </Stack>
  );
}

/** A child's and a foreigner's cases follow rules of their own (Law art. 14, 22, 23): the list marks them. */
export function CaseMarks({ child, foreigner }: { child: boolean; foreigner: boolean }) {
  const { t } = useTranslation();
  if (!child && !foreigner) return null;
  return (
    <Group gap={4} wrap="nowrap">
      {child ? (
        <Badge color="grape" variant="outline" tt="none" size="sm" styles={NO_SHRINK}>
          {t('cases.marks.child')}
        </Badge>
      ) : null}
      {foreigner ? (
        <Badge color="cyan" variant="outline" tt="none" size="sm" styles={NO_SHRINK}>
          {t('cases.marks.foreigner')}
        </Badge>
      ) : null}
    </Group>
  );
}
