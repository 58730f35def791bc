import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../shared/domain/users';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';

export function RemoveUserModal({ user, onClose, onRemoved }: { user: UserSummary | null; onClose(): void; onRemoved(user: UserSummary): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const removal = useChannelMutation('users:remove');

  const close = () => {
    setError(null);
    onClose();
  };

  const remove = async () => {
    if (!user) return;
    setError(null);
    try {
      await removal.mutateAsync({ userId: user.id });
      onRemoved(user);
    } catch (caught) {
      setError(asAppError(caught));
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
            <Button color="red" loading={removal.isPending} onClick={() => void remove()}>
              {t('users.removeConfirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
