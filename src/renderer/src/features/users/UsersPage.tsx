import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../shared/domain/users';
import { useChannelQuery } from '../../app/data';
import { can, useSession } from '../../app/session-context';
import { DataTable } from '../../components/DataTable';
import { formatKyivDateTime } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { RoleBadges } from '../../components/RoleBadges';
import { AddUserModal } from './AddUserModal';
import { EditRolesModal } from './EditRolesModal';
import { RemoveUserModal } from './RemoveUserModal';
import { RotateKeyModal } from './RotateKeyModal';

const column = createColumnHelper<UserSummary>();

export function UsersPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const canWrite = can(session, 'users.write');
  const query = useChannelQuery('users:list', {});
  const users = query.data;
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [removing, setRemoving] = useState<UserSummary | null>(null);
  const [rotating, setRotating] = useState(false);

  const columns = useMemo(
    () => [
      column.accessor('login', { header: t('users.columns.login'), cell: (c) => <Text ff="monospace" size="sm">{c.getValue()}</Text> }),
      column.accessor('displayName', { header: t('users.columns.displayName') }),
      column.accessor('roles', { header: t('users.columns.roles'), cell: (c) => <RoleBadges roles={c.getValue()} /> }),
      column.accessor('mustChangePassphrase', {
        header: t('users.columns.mustChange'),
        cell: (c) =>
          c.getValue() ? (
            <Badge color="yellow" variant="light" tt="none">
              {t('users.mustChangeYes')}
            </Badge>
          ) : (
            <Text size="sm" c="dimmed">
              {t('users.mustChangeNo')}
            </Text>
          ),
      }),
      column.accessor('lastUnlockAt', {
        header: t('users.columns.lastUnlock'),
        cell: (c) => {
          const value = c.getValue();
          return value ? formatKyivDateTime(value) : <Text size="sm" c="dimmed">{t('users.never')}</Text>;
        },
      }),
      ...(canWrite
        ? [
            column.display({
              id: 'actions',
              header: t('common.actions'),
              cell: (c) => (
                <Group gap={6} wrap="nowrap">
                  <Button size="compact-sm" variant="default" onClick={() => setEditing(c.row.original)}>
                    {t('users.editRoles')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    disabled={c.row.original.id === session.userId}
                    onClick={() => setRemoving(c.row.original)}
                  >
                    {t('common.remove')}
                  </Button>
                </Group>
              ),
            }),
          ]
        : []),
    ],
    [t, canWrite, session.userId],
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">{t('users.title')}</Title>
        {canWrite ? (
          <Group gap="sm">
            <Button variant="default" onClick={() => setRotating(true)}>
              {t('users.rotate')}
            </Button>
            <Button onClick={() => setAdding(true)}>{t('users.add')}</Button>
          </Group>
        ) : null}
      </Group>
      <LoadStatus query={query} />
      {users ? <DataTable data={users} columns={columns} empty={t('users.empty')} rowKey={(u) => u.id} label={t('users.title')} /> : null}
      {canWrite ? (
        <>
          <AddUserModal
            opened={adding}
            onClose={() => setAdding(false)}
            onAdded={(user) => {
              notifications.show({ color: 'green', message: t('users.added', { name: user.displayName }) });
            }}
          />
          <EditRolesModal
            user={editing}
            onClose={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              notifications.show({ color: 'green', message: t('users.rolesSaved') });
            }}
          />
          <RemoveUserModal
            user={removing}
            onClose={() => setRemoving(null)}
            onRemoved={(user) => {
              setRemoving(null);
              notifications.show({ color: 'green', message: t('users.removed', { name: user.displayName }) });
            }}
          />
          <RotateKeyModal
            opened={rotating}
            onClose={() => setRotating(false)}
            onRotated={() => {
              setRotating(false);
              notifications.show({ color: 'green', message: t('users.rotated') });
            }}
          />
        </>
      ) : null}
    </Stack>
  );
}
