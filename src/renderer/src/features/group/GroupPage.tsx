import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupSettings } from '../../../../shared/domain/group';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { can, useSession } from '../../app/session-context';
import { asAppError } from '../../components/describe-error';
import { LoadStatus } from '../../components/LoadStatus';
import { formatDate } from '../../components/format';
import { GroupSettingsPanel } from './GroupSettingsPanel';
import { MembersPanel } from './MembersPanel';

/** The council itself: its membership, and its regulation and rules of work. */
export function GroupPage() {
  const api = useApi();
  const { t } = useTranslation();
  const { session } = useSession();
  const canWrite = can(session, 'meetings.write');
  const [settings, setSettings] = useState<GroupSettings | null>(null);
  const [settingsError, setSettingsError] = useState<AppError | null>(null);
  const [memberCount, setMemberCount] = useState<number | null>(null);
  /** Bumped whenever the membership changes, so the quorum sentence counts the council as it is now. */
  const [membersVersion, setMembersVersion] = useState(0);

  const loadSettings = useCallback(async () => {
    try {
      setSettings(await api.call('group:get', {}));
      setSettingsError(null);
    } catch (caught) {
      setSettingsError(asAppError(caught));
    }
  }, [api]);

  useEffect(() => {
    void loadSettings();
  }, [loadSettings]);

  useEffect(() => {
    let live = true;
    // Members valid today: the count the quorum is reckoned from. Without it the sentence just omits the numbers.
    api.call('group:members', { all: false }).then(
      (members) => live && setMemberCount(members.length),
      () => live && setMemberCount(null),
    );
    return () => {
      live = false;
    };
  }, [api, membersVersion]);

  return (
    <Stack>
      <div>
        <Title order={2}>{t('group.title')}</Title>
        {settings ? (
          <Text size="sm" c="dimmed">
            {settings.name}
            {settings.orderNumber && settings.orderDate
              ? ` · ${t('group.order', { number: settings.orderNumber, date: formatDate(settings.orderDate) })}`
              : ''}
          </Text>
        ) : null}
      </div>
      <Tabs defaultValue="members">
        <Tabs.List>
          <Tabs.Tab value="members">{t('group.tabs.members')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('group.tabs.settings')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="members" pt="md">
          <MembersPanel canWrite={canWrite} onChanged={() => setMembersVersion((v) => v + 1)} />
        </Tabs.Panel>
        <Tabs.Panel value="settings" pt="md">
          <LoadStatus loading={settings === null} error={settingsError} onRetry={() => void loadSettings()} />
          {settings ? <GroupSettingsPanel settings={settings} memberCount={memberCount} canWrite={canWrite} onSaved={setSettings} /> : null}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
