import { Group, Loader, Pagination, Stack, Text, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../../../shared/domain/audit';
import type { UserSummary } from '../../../../shared/domain/users';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { can, useSession } from '../../app/session-context';
import { DataTable } from '../../components/DataTable';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatKyivDateTime } from '../../components/format';
import { AuditFilters, type AuditQuery } from './AuditFilters';
import { actionLabel, entityLabel } from './audit-labels';
import { VerifyChain } from './VerifyChain';

export const AUDIT_PAGE_SIZE = 50;
const column = createColumnHelper<AuditEvent>();

interface Page {
  rows: AuditEvent[];
  total: number;
  actions: string[];
}

export function AuditPage() {
  const api = useApi();
  const { t } = useTranslation();
  const { session } = useSession();
  const [query, setQuery] = useState<AuditQuery>({});
  const [pageNumber, setPageNumber] = useState(1);
  const [page, setPage] = useState<Page | null>(null);
  const [actions, setActions] = useState<string[]>([]);
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const result = await api.call('audit:list', {
        ...query,
        offset: (pageNumber - 1) * AUDIT_PAGE_SIZE,
        limit: AUDIT_PAGE_SIZE,
      });
      setPage(result);
      // The action list of an unfiltered query is the full one; keep it so a filter never narrows its own choices.
      setActions((known) => Array.from(new Set([...known, ...result.actions])).sort());
      setError(null);
    } catch (caught) {
      setError(asAppError(caught));
    } finally {
      setLoading(false);
    }
  }, [api, query, pageNumber]);

  useEffect(() => {
    void load();
  }, [load]);

  const canReadUsers = can(session, 'users.read');
  useEffect(() => {
    if (!canReadUsers) return;
    let live = true;
    api
      .call('users:list', {})
      .then((list) => live && setUsers(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [api, canReadUsers]);

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

  const pages = page ? Math.max(1, Math.ceil(page.total / AUDIT_PAGE_SIZE)) : 1;

  return (
    <Stack>
      <Title order={2}>{t('audit.title')}</Title>
      <VerifyChain onVerified={() => void load()} />
      <AuditFilters
        actions={actions}
        users={users}
        onApply={(next) => {
          setQuery(next);
          setPageNumber(1);
        }}
      />
      <ErrorAlert error={error} />
      {page === null && !error ? <Loader size="sm" /> : null}
      {page ? (
        <>
          <Group justify="space-between">
            <Text size="sm" c="dimmed" data-testid="audit-total">
              {t('audit.total', { total: page.total })}
            </Text>
            {loading ? <Loader size="xs" /> : null}
          </Group>
          <DataTable
            data={page.rows}
            columns={columns}
            empty={t('audit.empty')}
            rowKey={(row) => String(row.seq)}
            label={t('audit.title')}
          />
          {pages > 1 ? <Pagination total={pages} value={pageNumber} onChange={setPageNumber} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
