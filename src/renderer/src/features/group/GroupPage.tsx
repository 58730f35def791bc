import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { formatDate } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { GroupSettingsPanel } from './GroupSettingsPanel';
import { MembersPanel } from './MembersPanel';

/** The council itself: its membership, and its regulation and rules of work. */
export function GroupPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  // The overview's set-up steps open the council's rules directly.
  const { route } = useNavigation();
  const canWrite = can(session, 'meetings.write');
  const settings = useChannelQuery('group:get', {});
  // Members valid today: the count the quorum is reckoned from. Without it the sentence just omits the numbers.
  const members = useChannelQuery('group:members', { all: false });

  return (
    <Stack>
      <div>
        <Title order={1} size="h2">{t('group.title')}</Title>
        {settings.data ? (
          <Text size="sm" c="dimmed">
            {settings.data.name}
            {settings.data.orderNumber && settings.data.orderDate
              ? ` · ${t('group.order', { number: settings.data.orderNumber, date: formatDate(settings.data.orderDate) })}`
              : ''}
          </Text>
        ) : null}
      </div>
      <Tabs defaultValue={route.page === 'group' && route.id === 'settings' ? 'settings' : 'members'}>
        <Tabs.List>
          <Tabs.Tab value="members">{t('group.tabs.members')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('group.tabs.settings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <MembersPanel canWrite={canWrite} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <LoadStatus query={settings} />
          {settings.data ? <GroupSettingsPanel settings={settings.data} memberCount={members.data?.length ?? null} canWrite={canWrite} /> : null}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
