import { Button, Group, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonRow } from '../../../../shared/domain/referrals';
import type { AppApi } from '../../app/api';
import { useApi } from '../../app/api-context';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { DataTable } from '../../components/DataTable';
import { formatDate } from '../../components/format';
import { ListPager } from '../../components/ListPager';
import { LoadStatus } from '../../components/LoadStatus';
import { RecordPersonModal } from './RecordPersonModal';

const column = createColumnHelper<PersonRow>();
export const PAGE_SIZE = 50;

type Filters = { query: string; withoutCase: boolean };
const NO_FILTERS: Filters = { query: '', withoutCase: false };

/**
 * The shell starts the page afresh whenever a file opens or closes, so the filters and the page are remembered per
 * app (its api object): back from a file, the list is where it was. They hold a code typed in part, never a name.
 */
const remembered = new WeakMap<AppApi, { filters: Filters; offset: number }>();

/**
 * The people recorded, newest first, by code only: when and by whom they were identified, their status cases and
 * open referrals. The main process filters and pages; no row, title or notice of this list ever holds a name.
 */
export function PersonList() {
  const api = useApi();
  const { t } = useTranslation();
  const { session } = useSession();
  const { open } = useNavigation();
  const [{ filters, offset }, setState] = useState(() => remembered.get(api) ?? { filters: NO_FILTERS, offset: 0 });
  const [query, setQuery] = useState(filters.query);
  const [recording, setRecording] = useState(false);
  const list = useChannelQuery('persons:list', { query: filters.query.trim(), withoutCase: filters.withoutCase, offset, limit: PAGE_SIZE });
  const mayRecord = can(session, 'personal.write');

  const show = (next: Filters, nextOffset: number) => {
    remembered.set(api, { filters: next, offset: nextOffset });
    setState({ filters: next, offset: nextOffset });
  };
  // Each keystroke would be a query of its own; the list asks once the typing pauses.
  const sendQuery = useDebouncedCallback((text: string) => show({ ...filters, query: text }, 0), 300);

  const columns = useMemo(
    () => [
      column.accessor('code', {
        header: t('persons.list.columns.code'),
        cell: (c) => (
          <Text size="sm" fw={600} ff="monospace" style={{ whiteSpace: 'nowrap' }}>
            {c.getValue()}
          </Text>
        ),
      }),
      column.accessor('identifiedOn', {
        header: t('persons.list.columns.identifiedOn'),
        cell: (c) => (
          <Text size="sm" c={c.getValue() ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
            {c.getValue() ? formatDate(c.getValue()) : t('persons.list.unknown')}
          </Text>
        ),
      }),
      column.accessor('identifiedByName', {
        header: t('persons.list.columns.identifiedBy'),
        cell: (c) => (
          <Text size="sm" c={c.getValue() ? undefined : 'dimmed'}>
            {c.getValue() || t('persons.list.unknown')}
          </Text>
        ),
      }),
      column.accessor('cases', {
        header: t('persons.list.columns.cases'),
        cell: (c) => (
          <Text size="sm" c={c.getValue() ? undefined : 'dimmed'}>
            {c.getValue() || t('persons.list.noCase')}
          </Text>
        ),
      }),
      column.accessor('openReferrals', { header: t('persons.list.columns.openReferrals'), cell: (c) => <Text size="sm">{c.getValue()}</Text> }),
    ],
    [t],
  );

  const total = list.data?.total ?? 0;
  const filtered = Boolean(filters.query || filters.withoutCase);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('persons.list.title')}
        </Title>
        {mayRecord ? <Button onClick={() => setRecording(true)}>{t('persons.record.open')}</Button> : null}
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('persons.list.filters.label')}>
        <TextInput
          label={t('persons.list.filters.query')}
          placeholder={t('persons.list.filters.queryPlaceholder')}
          value={query}
          maxLength={40}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            sendQuery(event.currentTarget.value);
          }}
          w={230}
        />
        <Switch
          label={t('persons.list.filters.withoutCase')}
          checked={filters.withoutCase}
          onChange={(event) => show({ ...filters, withoutCase: event.currentTarget.checked }, 0)}
          mb={8}
        />
        {filtered ? (
          <Button
            variant="subtle"
            onClick={() => {
              setQuery('');
              show(NO_FILTERS, 0);
            }}
          >
            {t('persons.list.filters.reset')}
          </Button>
        ) : null}
      </Group>
      <LoadStatus query={list} />
      {list.data ? (
        <>
          <DataTable
            data={list.data.rows}
            columns={columns}
            empty={filtered ? t('persons.list.nothingFound') : mayRecord ? t('persons.list.empty') : t('persons.list.emptyReadOnly')}
            rowKey={(row) => row.id}
            label={t('persons.list.tableLabel')}
            onOpen={(row) => open('persons', row.id)}
          />
          <ListPager offset={offset} shown={list.data.rows.length} total={total} pageSize={PAGE_SIZE} label={t('persons.list.pages')} onPage={(next) => show(filters, next)} />
        </>
      ) : null}
      {mayRecord ? <RecordPersonModal opened={recording} onClose={() => setRecording(false)} onRecorded={(file) => open('persons', file.id)} /> : null}
    </Stack>
  );
}
