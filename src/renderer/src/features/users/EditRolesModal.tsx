import { Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../shared/domain/users';
import type { AppError } from '../../../../shared/errors';
import type { Role } from '../../../../shared/permissions';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { RoleCheckboxes } from './RoleCheckboxes';

export function EditRolesModal({ user, onClose, onSaved }: { user: UserSummary | null; onClose(): void; onSaved(user: UserSummary): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={user !== null} onClose={onClose} title={user ? t('users.editRolesTitle', { name: user.displayName }) : ''}>
      {user ? <EditRolesForm key={user.id} user={user} onCancel={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function EditRolesForm({ user, onCancel, onSaved }: { user: UserSummary; onCancel(): void; onSaved(user: UserSummary): void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await api.call('users:setRoles', { userId: user.id, roles }));
    } catch (caught) {
      setError(asAppError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (roles.length > 0) void save();
      }}
      noValidate
    >
      <Stack>
        <RoleCheckboxes
          label={t('users.roles')}
          value={roles}
          onChange={setRoles}
          error={roles.length === 0 ? t('validation.rolesRequired') : undefined}
        />
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={roles.length === 0}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
