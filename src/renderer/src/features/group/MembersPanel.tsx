import { Button, Group, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createColumnHelper, type Row } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEMBER_ROLES, type Member } from '../../../../shared/domain/group';
import { useChannelQuery } from '../../app/data';
import { LoadStatus } from '../../components/LoadStatus';
import { formatDate, kyivToday } from '../../components/format';
import { ListTable } from '../../components/ListTable';
import { EndMemberModal } from './EndMemberModal';
import { MemberFormModal } from './MemberFormModal';

const column = createColumnHelper<Member>();

function fullName(m: Member): string {
  return [m.surname, m.givenName, m.patronymic].filter(Boolean).join(' ');
}

function byText(a: Row<Member>, b: Row<Member>, id: string): number {
  return String(a.getValue(id) ?? '').localeCompare(String(b.getValue(id) ?? ''), 'uk');
}

/** The council's membership: who sits in it today (or ever), and for writers adding, correcting and ending seats. */
export function MembersPanel({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const query = useChannelQuery('group:members', { all });
  const members = query.data;
  /** The member in the form: null for a new one; undefined while the form is closed. */
  const [editing, setEditing] = useState<Member | null | undefined>(undefined);
  const [ending, setEnding] = useState<Member | null>(null);

  const columns = useMemo(() => {
    const today = kyivToday();
    return [
      column.accessor(fullName, {
        id: 'name',
        header: t('group.members.columns.name'),
        sortingFn: byText,
        meta: { searchText: (m: Member) => `${fullName(m)} ${m.shortName}` },
        cell: (c) => (
          <div>
            <Text size="sm" fw={500}>
              {c.getValue()}
            </Text>
            <Text size="xs" c="dimmed">
              {c.row.original.shortName}
            </Text>
          </div>
        ),
      }),
      column.accessor('position', { header: t('group.members.columns.position'), sortingFn: byText }),
      column.accessor((m) => m.organisationName ?? '', {
        id: 'organisation',
        header: t('group.members.columns.organisation'),
        sortingFn: byText,
        cell: (c) => c.getValue() || <Text c="dimmed">{t('common.none')}</Text>,
      }),
      // Sorted in the order of the regulation (chair first), shown and searched by its name.
      column.accessor((m) => MEMBER_ROLES.indexOf(m.role), {
        id: 'role',
        header: t('group.members.columns.role'),
        meta: { searchText: (m: Member) => t(`group.memberRoles.${m.role}`) },
        cell: (c) => t(`group.memberRoles.${c.row.original.role}`),
      }),
      column.accessor('validFrom', {
        header: t('group.members.columns.validFrom'),
        meta: { searchText: (m: Member) => formatDate(m.validFrom) },
        cell: (c) => formatDate(c.getValue()),
      }),
      column.accessor((m) => m.validTo ?? '9999-12-31', {
        id: 'validTo',
        header: t('group.members.columns.validTo'),
        meta: { searchText: (m: Member) => (m.validTo ? formatDate(m.validTo) : t('group.members.indefinite')) },
        cell: (c) =>
          c.row.original.validTo ? (
            formatDate(c.row.original.validTo)
          ) : (
            <Text size="sm" c="dimmed">
              {t('group.members.indefinite')}
            </Text>
          ),
      }),
      ...(canWrite
        ? [
            column.display({
              id: 'actions',
              header: t('common.actions'),
              cell: (c) => {
                const member = c.row.original;
                if (member.validTo && member.validTo < today) return null;
                return (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    aria-label={t('group.members.endFor', { name: member.shortName })}
                    // The row opens the form on click and Enter; this button does something else.
                    onClick={(event) => {
                      event.stopPropagation();
                      setEnding(member);
                    }}
                    onKeyDown={(event) => event.stopPropagation()}
                  >
                    {t('group.members.end')}
                  </Button>
                );
              },
            }),
          ]
        : []),
    ];
  }, [t, canWrite]);

  return (
    <Stack>
      {canWrite ? (
        <Group justify="flex-end">
          <Button onClick={() => setEditing(null)}>{t('group.members.add')}</Button>
        </Group>
      ) : null}
      <LoadStatus query={query} />
      {members ? (
        <ListTable
          data={members}
          columns={columns}
          rowKey={(m) => m.id}
          label={t('group.members.title')}
          empty={canWrite ? t('group.members.empty') : t('group.members.emptyReadOnly')}
          initialSort={[
            { id: 'role', desc: false },
            { id: 'name', desc: false },
          ]}
          height="calc(100vh - 300px)"
          onOpen={canWrite ? (m) => setEditing(m) : undefined}
          toolbar={<Switch label={t('group.members.showFormer')} checked={all} onChange={(event) => setAll(event.currentTarget.checked)} />}
        />
      ) : null}
      {canWrite ? (
        <>
          <MemberFormModal
            opened={editing !== undefined}
            member={editing ?? null}
            onClose={() => setEditing(undefined)}
            onSaved={(saved, created) => {
              setEditing(undefined);
              notifications.show({ color: 'green', message: t(created ? 'group.members.added' : 'group.members.saved', { name: saved.shortName }) });
            }}
          />
          <EndMemberModal
            member={ending}
            onClose={() => setEnding(null)}
            onEnded={(ended) => {
              setEnding(null);
              notifications.show({ color: 'green', message: t('group.members.ended', { name: ended.shortName, date: formatDate(ended.validTo) }) });
            }}
          />
        </>
      ) : null}
    </Stack>
  );
}
