import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { formatKyivDateTime } from '../components/format';
import { useChannelMutation, useChannelQuery } from './data';

/**
 * On a record's page: the edits a lock kept for it, offered back once. «Відновити» puts them into the form
 * (`restore`, which leaves it unsaved), «Відкинути» drops them; either way the draft is gone from the store.
 */
export function KeptDraftNotice({ draftKey, onRestore }: { draftKey: string; onRestore(payload: string): void }) {
  const { t } = useTranslation();
  const kept = useChannelQuery('drafts:get', { key: draftKey });
  const discard = useChannelMutation('drafts:discard', { invalidates: ['drafts'] });
  const draft = kept.data;
  if (!draft) return null;
  return (
    <Alert color="orange" variant="light" title={t('drafts.offerTitle')} data-testid="kept-draft">
      <Text size="sm">{t('drafts.restoreText', { time: formatKyivDateTime(draft.savedAt) })}</Text>
      <Group gap="xs" mt="xs">
        <Button
          size="xs"
          loading={discard.isPending}
          onClick={() => {
            onRestore(draft.payload);
            void discard.mutateAsync({ key: draftKey, restored: true }).then(() => notifications.show({ color: 'orange', message: t('drafts.restored') }));
          }}
        >
          {t('drafts.restore')}
        </Button>
        <Button size="xs" variant="subtle" color="gray" disabled={discard.isPending} onClick={() => void discard.mutateAsync({ key: draftKey, restored: false })}>
          {t('drafts.discard')}
        </Button>
      </Group>
    </Alert>
  );
}
