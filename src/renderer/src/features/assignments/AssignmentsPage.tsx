import { Drawer, Group, Select, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { createColumnHelper, type ColumnMeta } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentState, AssignmentSummary as Assignment } from '../../../../shared/domain/assignments';
import type { AppApi } from '../../app/api';
import { useApi } from '../../app/api-context';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { formatDate } from '../../components/format';
import { ListTable } from '../../components/ListTable';
import { LoadStatus } from '../../components/LoadStatus';
import { organisationOptions } from '../../components/organisation-options';
import { AssignmentDetail } from './AssignmentDetail';
import { AssignmentStateBadge } from './AssignmentStateBadge';

type StateFilter = 'open' | 'all' | AssignmentState;
const STATE_FILTERS: StateFilter[] = ['open', 'all', 'in_progress', 'overdue', 'done', 'removed'];

interface Filters {
  state: StateFilter;
  organisationId: string | null;
}
const DEFAULT_FILTERS: Filters = { state: 'open', organisationId: null };

/**
 * The shell starts the page afresh whenever a record opens or closes, so the filters are remembered per app
 * (its api object) rather than in component state: closing an assignment returns to the same list.
 */
const rememberedFilters = new WeakMap<AppApi, Filters>();

function statesOf(filter: StateFilter): AssignmentState[] | undefined {
  if (filter === 'all') return undefined;
  if (filter === 'open') return ['in_progress', 'overdue'];
  return [filter];
}

const pad = (n: number | string, width: number) => String(n).padStart(width, '0');

/** Sorts decisions by meeting (year, number), then by item and decision number: 2.10 after 2.9. */
function numberKey(a: Assignment): string {
  const decision = a.decisionNumber
    .split('.')
    .map((part) => pad(part, 3))
    .join('.');
  return `${a.meetingYear}-${pad(a.meetingNumber, 3)}-${decision}`;
}

function searchMeta(searchText: (row: Assignment) => string): ColumnMeta<Assignment, unknown> {
  const meta = { searchText };
  return meta;
}

const column = createColumnHelper<Assignment>();

/** Assignments given by the council's decisions: filter, search, open one to see its reports, report and close. */
export function AssignmentsPage() {
  const api = useApi();
  const { t } = useTranslation();
  const { session } = useSession();
  const { route, open } = useNavigation();
  const canWrite = can(session, 'meetings.write');
  const [filters, setFiltersState] = useState<Filters>(() => rememberedFilters.get(api) ?? DEFAULT_FILTERS);

  const setFilters = (next: Filters) => {
    rememberedFilters.set(api, next);
    setFiltersState(next);
  };

  const states = statesOf(filters.state);
  const list = useChannelQuery('assignments:list', { ...(states ? { states } : {}), ...(filters.organisationId ? { organisationId: filters.organisationId } : {}) });
  const organisations = useChannelQuery('organisations:options', { includeInactive: true });
  const organisationFilterOptions = useMemo(() => organisationOptions(organisations.data ?? []), [organisations.data]);

  const columns = useMemo(
    () => [
      column.accessor(numberKey, {
        id: 'number',
        header: t('assignments.columns.number'),
        meta: searchMeta((a) => `${a.decisionNumber} ${t('assignments.meetingRef', { number: a.meetingNumber, year: a.meetingYear })}`),
        cell: (c) => (
          <Stack gap={0} style={{ whiteSpace: 'nowrap' }}>
            <Text size="sm" fw={600}>
              {c.row.original.decisionNumber}
            </Text>
            <Text size="xs" c="dimmed">
              {t('assignments.meetingRef', { number: c.row.original.meetingNumber, year: c.row.original.meetingYear })}
            </Text>
          </Stack>
        ),
      }),
      column.accessor('text', {
        header: t('assignments.columns.text'),
        cell: (c) => (
          <Text size="sm" lineClamp={2} title={c.getValue()}>
            {c.getValue()}
          </Text>
        ),
      }),
      column.accessor((a) => `${a.leadOrganisationName} ${a.leadPerson}`, {
        id: 'lead',
        header: t('assignments.columns.lead'),
        cell: (c) => (
          <Stack gap={0}>
            <Text size="sm" lineClamp={2}>
              {c.row.original.leadOrganisationName}
            </Text>
            {c.row.original.leadPerson ? (
              <Text size="xs" c="dimmed">
                {c.row.original.leadPerson}
              </Text>
            ) : null}
          </Stack>
        ),
      }),
      column.accessor('dueDate', {
        header: t('assignments.columns.dueDate'),
        meta: searchMeta((a) => formatDate(a.dueDate)),
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }} c={c.row.original.state === 'overdue' ? 'red' : undefined}>
            {formatDate(c.getValue())}
          </Text>
        ),
      }),
      column.accessor('state', {
        header: t('assignments.columns.state'),
        meta: searchMeta((a) => t(`assignments.states.${a.state}`)),
        cell: (c) => <AssignmentStateBadge state={c.getValue()} />,
      }),
    ],
    [t],
  );

  return (
    <Stack>
      <Title order={1} size="h2">{t('assignments.title')}</Title>
      <Group align="flex-end" gap="md" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="assignment-state-filter">
            {t('assignments.filters.state')}
          </Text>
          <SegmentedControl
            aria-labelledby="assignment-state-filter"
            value={filters.state}
            onChange={(value) => setFilters({ ...filters, state: value as StateFilter })}
            data={STATE_FILTERS.map((value) => ({
              value,
              label: value === 'open' || value === 'all' ? t(`assignments.filters.${value}`) : t(`assignments.states.${value}`),
            }))}
          />
        </Stack>
        <Select
          label={t('assignments.filters.organisation')}
          placeholder={t('assignments.filters.anyOrganisation')}
          data={organisationFilterOptions}
          searchable
          clearable
          nothingFoundMessage={t('assignments.create.noOrganisation')}
          value={filters.organisationId}
          onChange={(value) => setFilters({ ...filters, organisationId: value })}
          w={380}
        />
      </Group>
      <LoadStatus query={list} />
      {list.data ? (
        <ListTable
          data={list.data}
          columns={columns}
          empty={t('assignments.empty')}
          rowKey={(a) => a.id}
          label={t('assignments.tableLabel')}
          onOpen={(a) => open('assignments', a.id)}
          initialSort={[{ id: 'dueDate', desc: false }]}
          height="calc(100vh - 300px)"
        />
      ) : null}
      <Drawer
        opened={Boolean(route.id)}
        onClose={() => open('assignments')}
        position="right"
        size="xl"
        title={t('assignments.detail.drawerTitle')}
        closeButtonProps={{ 'aria-label': t('assignments.detail.backToList') }}
      >
        {route.id ? <AssignmentDetail id={route.id} canWrite={canWrite} /> : null}
      </Drawer>
    </Stack>
  );
}
