import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRAINING_KINDS, TRAINING_KIND_WORDS, type TrainingKind } from '../../../../shared/domain/training-codes';
import type { TrainingSummary } from '../../../../shared/domain/trainings';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { useLanguage, wordsIn } from '../../components/code-words';
import { DataTable } from '../../components/DataTable';
import { ListPager } from '../../components/ListPager';
import { LoadStatus } from '../../components/LoadStatus';
import { PlaceName, useTerritories } from '../../components/PlaceName';
import { RegisterButton } from './RegisterButton';
import { TopicsModal } from './TopicsModal';
import { recentYears } from '../../components/format';
import { dateRange } from './training-format';
import { NEW_TRAINING_ROUTE } from './training-route';

const PAGE_SIZE = 50;
const column = createColumnHelper<TrainingSummary>();

/** Trainings, newest first: dates, title, kind, hours, where, how many took part and how many got a certificate. */
export function TrainingList() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { session } = useSession();
  const { open } = useNavigation();
  const [query, setQuery] = useState('');
  const [typed] = useDebouncedValue(query.trim(), 250);
  const [year, setYear] = useState<string | null>(null);
  const [kind, setKind] = useState<TrainingKind | null>(null);
  const [topic, setTopic] = useState<string | null>(null);
  const [offset, setOffset] = useState(0);
  const [topicsOpen, setTopicsOpen] = useState(false);
  const list = useChannelQuery('trainings:list', {
    query: typed,
    year: year ? Number(year) : null,
    kind,
    topic,
    offset,
    limit: PAGE_SIZE,
  });
  const topics = useChannelQuery('trainings:topics', {});
  const places = useTerritories(useMemo(() => (list.data?.rows ?? []).map((r) => r.venue), [list.data]));
  const mayWrite = can(session, 'trainings.write');
  const filtered = Boolean(typed || year || kind || topic);
  const refilter =
    <V,>(set: (v: V) => void) =>
    (value: V) => {
      set(value);
      setOffset(0);
    };

  const columns = useMemo(
    () => [
      column.accessor('startsOn', {
        header: t('trainings.list.columns.dates'),
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {dateRange(c.getValue(), c.row.original.endsOn)}
          </Text>
        ),
      }),
      column.accessor('title', {
        header: t('trainings.list.columns.title'),
        cell: (c) => (
          <Stack gap={0}>
            <Text size="sm" fw={600}>
              {c.getValue()}
            </Text>
            <Text size="xs" c="dimmed">
              {wordsIn(TRAINING_KIND_WORDS[c.row.original.kind], language)}
            </Text>
          </Stack>
        ),
      }),
      column.accessor('hours', {
        header: t('trainings.list.columns.hours'),
        cell: (c) => <Text size="sm">{c.getValue()}</Text>,
      }),
      column.accessor('venue', {
        header: t('trainings.list.columns.place'),
        cell: (c) => (c.getValue() ? <PlaceName code={c.getValue()} unit={places.get(c.getValue())} /> : <Text size="sm">{t('trainings.formats.online')}</Text>),
      }),
      column.accessor('participants', {
        header: t('trainings.list.columns.participants'),
        cell: (c) => <Text size="sm">{c.getValue()}</Text>,
      }),
      column.accessor('certificates', {
        header: t('trainings.list.columns.certificates'),
        cell: (c) => <Text size="sm">{c.getValue()}</Text>,
      }),
    ],
    [t, language, places],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('trainings.list.title')}
        </Title>
        <Group gap="sm">
          <RegisterButton />
          {mayWrite ? (
            <Button variant="default" onClick={() => setTopicsOpen(true)}>
              {t('trainings.topics.open')}
            </Button>
          ) : null}
          {mayWrite ? <Button onClick={() => open('trainings', NEW_TRAINING_ROUTE)}>{t('trainings.list.new')}</Button> : null}
        </Group>
      </Group>
      <Group align="flex-end" gap="sm">
        <TextInput label={t('trainings.list.query')} value={query} onChange={(e) => refilter(setQuery)(e.currentTarget.value)} w={260} />
        <Select label={t('trainings.list.year')} data={recentYears()} value={year} onChange={refilter(setYear)} clearable w={120} placeholder={t('trainings.list.any')} />
        <Select
          label={t('trainings.list.kind')}
          data={TRAINING_KINDS.map((value) => ({
            value,
            label: wordsIn(TRAINING_KIND_WORDS[value], language),
          }))}
          value={kind}
          onChange={(v) => refilter(setKind)(v as TrainingKind | null)}
          clearable
          w={220}
          placeholder={t('trainings.list.any')}
        />
        <Select
          label={t('trainings.list.topic')}
          data={(topics.data ?? []).map((tp) => ({
            value: tp.code,
            label: language === 'en' ? tp.en : tp.uk,
          }))}
          value={topic}
          onChange={refilter(setTopic)}
          clearable
          searchable
          w={300}
          placeholder={t('trainings.list.any')}
        />
      </Group>
      <LoadStatus query={list} />
      {list.data ? (
        <>
          <DataTable
            data={list.data.rows}
            columns={columns}
            empty={filtered ? t('trainings.list.nothingFound') : t('trainings.list.empty')}
            rowKey={(row) => row.id}
            label={t('trainings.list.tableLabel')}
            onOpen={(row) => open('trainings', row.id)}
          />
          <ListPager offset={offset} shown={list.data.rows.length} total={list.data.total} pageSize={PAGE_SIZE} label={t('trainings.list.pages')} onPage={setOffset} />
        </>
      ) : null}
      {mayWrite ? <TopicsModal opened={topicsOpen} onClose={() => setTopicsOpen(false)} /> : null}
    </Stack>
  );
}
