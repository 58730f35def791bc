import { Button, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { createColumnHelper, type ColumnMeta } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../../shared/domain/meetings';
import type { AppError } from '../../../../shared/errors';
import type { AppApi } from '../../app/api';
import { useApi } from '../../app/api-context';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { ListTable } from '../../components/ListTable';
import { meetingRef } from './meeting-labels';
import { MeetingStatusBadge } from './MeetingStatusBadge';
import { PlanMeetingModal } from './PlanMeetingModal';

/** The shell starts the page afresh when a meeting opens or closes: the chosen year is remembered per app. */
const rememberedYear = new WeakMap<AppApi, number | null>();

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
  const [year, setYearState] = useState<number | null>(() => rememberedYear.get(api) ?? null);
  const [meetings, setMeetings] = useState<MeetingSummary[] | null>(null);
  const [years, setYears] = useState<number[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [planning, setPlanning] = useState(false);

  const setYear = (next: number | null) => {
    rememberedYear.set(api, next);
    setYearState(next);
  };

  const reload = useCallback(async () => {
    try {
      const list = await api.call('meetings:list', year === null ? {} : { year });
      setMeetings(list);
      if (year === null) setYears([...new Set(list.map((m) => m.year))]);
      setError(null);
    } catch (caught) {
      setError(asAppError(caught));
    }
  }, [api, year]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const yearOptions = useMemo(() => {
    const all = new Set([...years, new Date().getFullYear(), ...(year === null ? [] : [year])]);
    return [
      { value: 'all', label: t('meetings.list.allYears') },
      ...[...all].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) })),
    ];
  }, [years, year, t]);

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
        meta: searchMeta((m) => t(`labels.meetingKinds.${m.kind}`)),
        cell: (c) => t(`labels.meetingKinds.${c.getValue()}`),
      }),
      column.accessor('format', {
        header: t('meetings.list.columns.format'),
        meta: searchMeta((m) => t(`labels.meetingFormats.${m.format}`)),
        cell: (c) => t(`labels.meetingFormats.${c.getValue()}`),
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
        meta: searchMeta((m) => t(`labels.meetingStatuses.${m.status}`)),
        cell: (c) => <MeetingStatusBadge status={c.getValue()} />,
      }),
    ],
    [t],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('meetings.list.title')}</Title>
        {canWrite ? <Button onClick={() => setPlanning(true)}>{t('meetings.plan.open')}</Button> : null}
      </Group>
      <ErrorAlert error={error} />
      {meetings === null && !error ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {meetings ? (
        <ListTable
          data={meetings}
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
              value={year === null ? 'all' : String(year)}
              onChange={(value) => setYear(!value || value === 'all' ? null : Number(value))}
              allowDeselect={false}
              w={140}
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
