import { Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { detailPhrases, kindNeeded, recordLink, recordPhrase, type AuditLinkPage } from '../../../../shared/audit-words';
import type { AuditEvent } from '../../../../shared/domain/audit';
import type { Permission } from '../../../../shared/permissions';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { DataTable } from '../../components/DataTable';
import { formatKyivDateTime } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { AuditExport } from './AuditExport';
import { AuditFilters, type AuditQuery } from './AuditFilters';
import { actionLabel, entityLabel } from './audit-labels';
import { VerifyChain } from './VerifyChain';

export const AUDIT_PAGE_SIZE = 50;
const column = createColumnHelper<AuditEvent>();

/** What each page a record links to asks of the reader (as its page.ts does): a link is offered only to who may follow it. */
const LINK_PERMISSION: Record<AuditLinkPage, Permission> = {
  meetings: 'meetings.read',
  assignments: 'meetings.read',
  organisations: 'meetings.read',
  group: 'meetings.read',
  users: 'users.read',
};

/**
 * The log, newest first, a page at a time. Pages continue below the last event shown (the sequence number is
 * the cursor), so the hundredth page costs what the first does; the cursors of the pages seen are kept to go back.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { open } = useNavigation();
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
        cell: (c) =>
          c.getValue() ? (
            <Text size="sm" title={c.row.original.actorName ?? undefined}>
              {c.getValue()}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('audit.system')}
            </Text>
          ),
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
          const event = c.row.original;
          const { entity, entityId, record } = event;
          if (!entity) return null;
          const phrase = recordPhrase(record);
          const name = phrase ? t(phrase.key, phrase.values) : null;
          const link = recordLink(record);
          return (
            <div>
              {kindNeeded(event) ? (
                <Text size="xs" c="dimmed">
                  {entityLabel(t, entity)}
                </Text>
              ) : null}
              {name && link && can(session, LINK_PERMISSION[link.page]) ? (
                <Anchor component="button" type="button" size="sm" ta="left" title={t('audit.open', { name })} onClick={() => open(link.page, link.id)}>
                  {name}
                </Anchor>
              ) : name ? (
                <Text size="sm">{name}</Text>
              ) : entityId ? (
                // A record no longer in the store (or one the log names by code only) keeps its identifier.
                <Text size="xs" c="dimmed" ff="monospace" title={entityId}>
                  {entityId.slice(0, 8)}
                </Text>
              ) : null}
            </div>
          );
        },
      }),
      column.display({
        id: 'details',
        header: t('audit.columns.details'),
        cell: (c) => {
          const phrases = detailPhrases(c.row.original);
          return phrases.length ? <Text size="sm">{phrases.map((p) => t(p.key, p.values)).join('; ')}</Text> : null;
        },
      }),
      column.accessor('workstation', { header: t('audit.columns.workstation') }),
    ],
    [t, open, session],
  );

  const next = page.data?.next ?? null;

  return (
    <Stack>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Title order={1} size="h2">{t('audit.title')}</Title>
        <AuditExport query={query} />
      </Group>
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
