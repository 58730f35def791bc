import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { asAppError } from '../../components/describe-error';
import { ReferralErrorAlert } from './ReferralErrorAlert';

/** Removes a draft that was never sent; a sent referral is revoked or closed instead, and the modal says so. */
export function RemoveDraftModal({ referralId, opened, onClose, onRemoved }: { referralId: string; opened: boolean; onClose(): void; onRemoved(): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError | null>(null);
  const remove = useChannelMutation('referrals:removeDraft', { invalidates: ['persons', 'dashboard'] });
  return (
    <Modal opened={opened} onClose={onClose} title={t('referrals.remove.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('referrals.remove.text')}</Text>
        <ReferralErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={async () => {
              setError(null);
              try {
                await remove.mutateAsync({ id: referralId });
                onRemoved();
              } catch (caught) {
                setError(asAppError(caught));
              }
            }}
          >
            {t('referrals.remove.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
