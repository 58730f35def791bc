import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../shared/domain/users';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';

export function RemoveUserModal({ user, onClose, onRemoved }: { user: UserSummary | null; onClose(): void; onRemoved(user: UserSummary): void }) {
  const api = useApi();
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setError(null);
    onClose();
  };

  const remove = async () => {
    if (!user) return;
    setBusy(true);
    setError(null);
    try {
      await api.call('users:remove', { userId: user.id });
      onRemoved(user);
    } catch (caught) {
      setError(asAppError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={user !== null} onClose={close} title={t('users.removeTitle')}>
      {user ? (
        <Stack>
          <Text size="sm">{t('users.removeText', { name: user.displayName, login: user.login })}</Text>
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={busy} onClick={() => void remove()}>
              {t('users.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
