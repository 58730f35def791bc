import { Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { createColumnHelper, type ColumnMeta } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../../shared/domain/meetings';
import type { AppApi } from '../../app/api';
import { useApi } from '../../app/api-context';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { formatDate, kyivToday } from '../../components/format';
import { ListTable } from '../../components/ListTable';
import { LoadStatus } from '../../components/LoadStatus';
import { meetingRef } from './meeting-labels';
import { MeetingStatusBadge } from './MeetingStatusBadge';
import { PlanMeetingModal } from './PlanMeetingModal';

/** The shell starts the page afresh when a meeting opens or closes: the chosen year is remembered per app. */
const rememberedYear = new WeakMap<AppApi, Year>();
/** A year, every year, or (until the user picks) this year if it has meetings, else the latest that has. */
type Year = number | 'all' | 'auto';

function searchMeta(searchText: (row: MeetingSummary) => string): ColumnMeta<MeetingSummary, unknown> {
  const meta = { searchText };
  return meta;
}

const column = createColumnHelper<MeetingSummary>();
const pad = (n: number) => String(n).padStart(3, '0');

/** Every meeting of the council, newest first, filtered by year; a row opens the meeting. */
export function MeetingList() {
  const api = useApi();
  const { t } = useTranslation();
  const { session } = useSession();
  const { open } = useNavigation();
  const canWrite = can(session, 'meetings.write');
  const [chosen, setChosen] = useState<Year>(() => rememberedYear.get(api) ?? 'auto');
  const [planning, setPlanning] = useState(false);
  const years = useChannelQuery('meetings:years', {});
  const thisYear = Number(kyivToday().slice(0, 4));
  const year = chosen !== 'auto' ? chosen : years.data ? (years.data.find((y) => y.year === thisYear)?.year ?? years.data[0]?.year ?? thisYear) : null;
  const list = useChannelQuery('meetings:list', year === 'all' ? {} : { year: year ?? thisYear }, { enabled: year !== null });

  const setYear = (next: Year) => {
    rememberedYear.set(api, next);
    setChosen(next);
  };

  const yearOptions = useMemo(() => {
    const counted = new Map((years.data ?? []).map((y) => [y.year, y.meetings]));
    const all = new Set([...counted.keys(), thisYear, ...(typeof year === 'number' ? [year] : [])]);
    return [
      { value: 'all', label: t('meetings.list.allYears') },
      ...[...all].sort((a, b) => b - a).map((y) => ({ value: String(y), label: t('meetings.list.yearOption', { year: y, count: counted.get(y) ?? 0 }) })),
    ];
  }, [years.data, year, thisYear, t]);

  const columns = useMemo(
    () => [
      column.accessor((m) => `${m.year}-${pad(m.number)}`, {
        id: 'number',
        header: t('meetings.list.columns.number'),
        meta: searchMeta((m) => meetingRef(m)),
        cell: (c) => (
          <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {meetingRef(c.row.original)}
          </Text>
        ),
      }),
      column.accessor((m) => `${m.date} ${m.time}`, {
        id: 'date',
        header: t('meetings.list.columns.date'),
        meta: searchMeta((m) => `${formatDate(m.date)} ${m.time}`),
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatDate(c.row.original.date)} {c.row.original.time}
          </Text>
        ),
      }),
      column.accessor('kind', {
        header: t('meetings.list.columns.kind'),
        meta: searchMeta((m) => t(`meetings.kinds.${m.kind}`)),
        cell: (c) => t(`meetings.kinds.${c.getValue()}`),
      }),
      column.accessor('format', {
        header: t('meetings.list.columns.format'),
        meta: searchMeta((m) => t(`meetings.formats.${m.format}`)),
        cell: (c) => t(`meetings.formats.${c.getValue()}`),
      }),
      column.accessor('place', {
        header: t('meetings.list.columns.place'),
        cell: (c) =>
          c.getValue() ? (
            <Text size="sm" lineClamp={2} title={c.getValue()}>
              {c.getValue()}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('common.none')}
            </Text>
          ),
      }),
      column.accessor('items', { header: t('meetings.list.columns.items') }),
      column.accessor('status', {
        header: t('meetings.list.columns.status'),
        meta: searchMeta((m) => t(`meetings.statuses.${m.status}`)),
        cell: (c) => <MeetingStatusBadge status={c.getValue()} />,
      }),
    ],
    [t],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('meetings.list.title')}</Title>
        {canWrite ? <Button onClick={() => setPlanning(true)}>{t('meetings.plan.open')}</Button> : null}
      </Group>
      <LoadStatus query={years.error ? years : list} />
      {list.data ? (
        <ListTable
          data={list.data}
          columns={columns}
          empty={canWrite ? t('meetings.list.empty') : t('meetings.list.emptyReadOnly')}
          rowKey={(m) => m.id}
          label={t('meetings.list.tableLabel')}
          onOpen={(m) => open('meetings', m.id)}
          initialSort={[{ id: 'date', desc: true }]}
          toolbar={
            <Select
              aria-label={t('meetings.list.year')}
              data={yearOptions}
              value={year === null ? null : String(year)}
              onChange={(value) => setYear(!value || value === 'all' ? 'all' : Number(value))}
              allowDeselect={false}
              w={230}
            />
          }
        />
      ) : null}
      {canWrite ? (
        <PlanMeetingModal opened={planning} onClose={() => setPlanning(false)} onPlanned={(meeting) => open('meetings', meeting.id)} />
      ) : null}
    </Stack>
  );
}
