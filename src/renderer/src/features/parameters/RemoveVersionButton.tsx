import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { asAppError, describeError } from '../../components/describe-error';
import { useChannelMutation } from '../../app/data';

type RemoveChannel = 'parameters:removeTerm' | 'parameters:removeMinimum' | 'parameters:removeDecidingBody';

/**
 * Removes a version not yet in force (one in force stays in the history). Nothing has counted by it yet, so it goes
 * at once; a refusal (it came into force meanwhile) is said in a notification.
 */
export function RemoveVersionButton({ channel, id, label }: { channel: RemoveChannel; id: string; label: string }) {
  const { t } = useTranslation();
  const remove = useChannelMutation(channel, { invalidates: ['cases', 'dashboard'] });
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      color="red"
      loading={remove.isPending}
      aria-label={label}
      onClick={async () => {
        try {
          await remove.mutateAsync({ id });
          notifications.show({ color: 'green', message: t('parameters.removed') });
        } catch (caught) {
          const error = asAppError(caught);
          const sentence = error.details.reason === 'in_force' ? t('parameters.errors.in_force') : describeError(t, error);
          notifications.show({ color: 'red', message: sentence });
        }
      }}
    >
      {t('common.remove')}
    </Button>
  );
}
