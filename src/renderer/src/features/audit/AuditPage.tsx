import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../../shared/domain/audit';
import { useChannelQuery } from '../../app/data';
import { can, useSession } from '../../app/session-context';
import { DataTable } from '../../components/DataTable';
import { formatKyivDateTime } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { AuditFilters, type AuditQuery } from './AuditFilters';
import { actionLabel, entityLabel } from './audit-labels';
import { VerifyChain } from './VerifyChain';

export const AUDIT_PAGE_SIZE = 50;
const column = createColumnHelper<AuditEvent>();

/**
 * The log, newest first, a page at a time. Pages continue below the last event shown (the sequence number is
 * the cursor), so the hundredth page costs what the first does; the cursors of the pages seen are kept to go back.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [query, setQuery] = useState<AuditQuery>({});
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const before = cursors.at(-1);
  const page = useChannelQuery('audit:list', { ...query, limit: AUDIT_PAGE_SIZE, ...(before ? { before } : {}) });
  const actions = useChannelQuery('audit:actions', {});
  const users = useChannelQuery('users:list', {}, { enabled: can(session, 'users.read') });

  const columns = useMemo(
    () => [
      column.accessor('ts', {
        header: t('audit.columns.time'),
        cell: (c) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatKyivDateTime(c.getValue())}</Text>,
      }),
      column.accessor('actorLogin', {
        header: t('audit.columns.user'),
        cell: (c) => c.getValue() ?? <Text size="sm" c="dimmed">{t('audit.system')}</Text>,
      }),
      column.accessor('action', {
        header: t('audit.columns.action'),
        cell: (c) => (
          <Text size="sm" title={c.getValue()} data-action={c.getValue()}>
            {actionLabel(t, c.getValue())}
          </Text>
        ),
      }),
      column.accessor('entity', {
        header: t('audit.columns.entity'),
        cell: (c) => {
          const { entity, entityId } = c.row.original;
          if (!entity) return null;
          return (
            <Text size="sm">
              {entityLabel(t, entity)}
              {entityId ? (
                <Text span size="xs" c="dimmed" ff="monospace" ml={6} title={entityId}>
                  {entityId.slice(0, 8)}
                </Text>
              ) : null}
            </Text>
          );
        },
      }),
      column.accessor('workstation', { header: t('audit.columns.workstation') }),
    ],
    [t],
  );

  const next = page.data?.next ?? null;

  return (
    <Stack>
      <Title order={1} size="h2">{t('audit.title')}</Title>
      <VerifyChain />
      <AuditFilters
        actions={actions.data ?? []}
        users={users.data}
        onApply={(filters) => {
          setQuery(filters);
          setCursors([undefined]);
        }}
      />
      <LoadStatus query={page} />
      {page.data ? (
        <>
          <DataTable data={page.data.rows} columns={columns} empty={t('audit.empty')} rowKey={(row) => String(row.seq)} label={t('audit.title')} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="audit-page">
              {t('audit.pageOf', { page: cursors.length })}
            </Text>
            {page.isFetching ? <Loader size="xs" /> : null}
            <Group gap="xs">
              <Button variant="default" size="xs" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                {t('audit.newer')}
              </Button>
              <Button variant="default" size="xs" disabled={next === null} onClick={() => next !== null && setCursors([...cursors, next])}>
                {t('audit.older')}
              </Button>
            </Group>
          </Group>
        </>
      ) : null}
    </Stack>
  );
}
