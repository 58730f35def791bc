import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';

/** A new data key after a suspected leak: what it shuts out, what it does not, and that it takes a moment. */
export function RotateKeyModal({ opened, onClose, onRotated }: { opened: boolean; onClose(): void; onRotated(): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const rotation = useChannelMutation('users:rotateKey');

  const close = () => {
    setError(null);
    onClose();
  };

  const rotate = async () => {
    setError(null);
    try {
      await rotation.mutateAsync({});
      onRotated();
    } catch (caught) {
      setError(asAppError(caught));
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('users.rotateTitle')} size="lg">
      <Stack>
        <Text size="sm">{t('users.rotateText')}</Text>
        <Alert color="yellow" variant="light" role="note">
          {t('users.rotateBackups')}
        </Alert>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color="orange" loading={rotation.isPending} onClick={() => void rotate()}>
            {t('users.rotateConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
