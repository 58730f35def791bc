import { Alert, Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PageId } from './navigation';
import { formatKyivDateTime } from '../components/format';
import { useChannelQuery } from './data';
import { useNavigation } from './navigation';

/** After an unlock: the drafts a lock kept for this user, each leading to its record (where it is offered back). */
export function KeptDraftsOffer() {
  const { t } = useTranslation();
  const { route, open } = useNavigation();
  const list = useChannelQuery('drafts:list', {});
  const here = `${route.page}:${route.id ?? ''}`;
  const drafts = (list.data ?? []).filter((d) => d.key !== here);
  if (drafts.length === 0) return null;
  return (
    <Alert color="orange" variant="light" title={t('drafts.offerTitle')} mb="md" data-testid="kept-drafts">
      <List size="sm" spacing={4}>
        {drafts.map((draft) => {
          const [page, id] = draft.key.split(':') as [PageId, string];
          return (
            <List.Item key={draft.key}>
              <Text size="sm" span>
                {t('drafts.offerText', { time: formatKyivDateTime(draft.savedAt), label: draft.label })}{' '}
              </Text>
              <Anchor component="button" size="sm" onClick={() => open(page, id)}>
                {t('drafts.offerOpen')}
              </Anchor>
            </List.Item>
          );
        })}
      </List>
    </Alert>
  );
}
