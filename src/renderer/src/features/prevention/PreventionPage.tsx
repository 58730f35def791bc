import { Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PREVENTION_KINDS, PREVENTION_KIND_WORDS, type PreventionKind } from '../../../../shared/domain/training-codes';
import type { PreventionSummary } from '../../../../shared/domain/prevention';
import { useChannelQuery } from '../../app/data';
import { can, useSession } from '../../app/session-context';
import { useLanguage, wordsIn } from '../../components/code-words';
import { DataTable } from '../../components/DataTable';
import { formatDate, recentYears } from '../../components/format';
import { ListPager } from '../../components/ListPager';
import { LoadStatus } from '../../components/LoadStatus';
import { PlaceName, useTerritories } from '../../components/PlaceName';
import { PreventionModal } from './PreventionModal';

const PAGE_SIZE = 50;
const column = createColumnHelper<PreventionSummary>();


/** Prevention events, newest first, with where they were held and whom they reached; one opens to be corrected. */
export function PreventionPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { session } = useSession();
  const [year, setYear] = useState<string | null>(null);
  const [kind, setKind] = useState<PreventionKind | null>(null);
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const list = useChannelQuery('prevention:list', {
    year: year ? Number(year) : null,
    kind,
    within: '',
    offset,
    limit: PAGE_SIZE,
  });
  const places = useTerritories(useMemo(() => (list.data?.rows ?? []).map((r) => r.territory), [list.data]));
  const mayWrite = can(session, 'trainings.write');
  const number = (n: number) => n.toLocaleString('uk-UA');

  const columns = useMemo(
    () => [
      column.accessor('date', {
        header: t('prevention.list.columns.date'),
        cell: (c) => <Text size="sm">{formatDate(c.getValue())}</Text>,
      }),
      column.accessor('title', {
        header: t('prevention.list.columns.title'),
        cell: (c) => (
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {c.getValue()}
            </Text>
            <Text size="xs" c="dimmed">
              {wordsIn(PREVENTION_KIND_WORDS[c.row.original.kind], language)}
            </Text>
          </Stack>
        ),
      }),
      column.accessor('territory', {
        header: t('prevention.list.columns.place'),
        cell: (c) => <PlaceName code={c.getValue()} unit={places.get(c.getValue())} />,
      }),
      column.accessor('people', {
        header: t('prevention.list.columns.people'),
        cell: (c) => <Text size="sm">{number(c.getValue())}</Text>,
      }),
      column.accessor('materials', {
        header: t('prevention.list.columns.materials'),
        cell: (c) => <Text size="sm">{number(c.getValue())}</Text>,
      }),
      column.accessor('mediaAudience', {
        header: t('prevention.list.columns.media'),
        cell: (c) => <Text size="sm">{number(c.getValue())}</Text>,
      }),
    ],
    [t, language, places],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('prevention.list.title')}
        </Title>
        {mayWrite ? <Button onClick={() => setEditing('new')}>{t('prevention.list.new')}</Button> : null}
      </Group>
      <Group align="flex-end" gap="sm">
        <Select
          label={t('prevention.list.year')}
          data={recentYears()}
          value={year}
          onChange={(v) => (setYear(v), setOffset(0))}
          clearable
          w={120}
          placeholder={t('prevention.list.any')}
        />
        <Select
          label={t('prevention.list.kind')}
          data={PREVENTION_KINDS.map((value) => ({
            value,
            label: wordsIn(PREVENTION_KIND_WORDS[value], language),
          }))}
          value={kind}
          onChange={(v) => (setKind(v as PreventionKind | null), setOffset(0))}
          clearable
          w={320}
          placeholder={t('prevention.list.any')}
        />
      </Group>
      <LoadStatus query={list} />
      {list.data ? (
        <>
          <DataTable
            data={list.data.rows}
            columns={columns}
            empty={year || kind ? t('prevention.list.nothingFound') : t('prevention.list.empty')}
            rowKey={(row) => row.id}
            label={t('prevention.list.tableLabel')}
            onOpen={(row) => setEditing(row.id)}
          />
          <ListPager offset={offset} shown={list.data.rows.length} total={list.data.total} pageSize={PAGE_SIZE} label={t('prevention.list.pages')} onPage={setOffset} />
        </>
      ) : null}
      {editing ? <PreventionModal eventId={editing === 'new' ? null : editing} canWrite={mayWrite} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
