import { AppShell, Button, Group, Kbd, NavLink, Stack, Text, Title } from '@mantine/core';
import { useMemo, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { RoleBadges } from '../components/RoleBadges';
import { AboutPage } from '../features/about/AboutPage';
import { AssignmentsPage } from '../features/assignments/AssignmentsPage';
import { AuditPage } from '../features/audit/AuditPage';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { GroupPage } from '../features/group/GroupPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { OrganisationsPage } from '../features/organisations/OrganisationsPage';
import { MyPassphrasePage } from '../features/passphrase/MyPassphrasePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { UsersPage } from '../features/users/UsersPage';
import { NavigationContext, type LeaveGuard, type Navigation, type PageId, type Route } from './navigation';
import { can, useSession } from './session-context';

interface Page {
  id: PageId;
  label: string;
  permission?: string;
  component: ComponentType;
}

const PAGES: Page[] = [
  { id: 'dashboard', label: 'nav.dashboard', permission: 'meetings.read', component: DashboardPage },
  { id: 'meetings', label: 'nav.meetings', permission: 'meetings.read', component: MeetingsPage },
  { id: 'assignments', label: 'nav.assignments', permission: 'meetings.read', component: AssignmentsPage },
  { id: 'organisations', label: 'nav.organisations', permission: 'meetings.read', component: OrganisationsPage },
  { id: 'group', label: 'nav.group', permission: 'meetings.read', component: GroupPage },
  { id: 'users', label: 'nav.users', permission: 'users.read', component: UsersPage },
  { id: 'audit', label: 'nav.audit', permission: 'audit.read', component: AuditPage },
  { id: 'settings', label: 'nav.settings', permission: 'settings.write', component: SettingsPage },
  { id: 'passphrase', label: 'nav.myPassphrase', component: MyPassphrasePage },
  { id: 'about', label: 'nav.about', component: AboutPage },
];

/** The unlocked window. Everything it shows lives inside it, so unmounting it on lock forgets it all. */
export function Shell() {
  const { t } = useTranslation();
  const { session, lock } = useSession();
  const pages = PAGES.filter((page) => !page.permission || can(session, page.permission));
  // Every role reads meetings, so the dashboard is the first page after unlock.
  const [route, setRoute] = useState<Route>({ page: pages[0]!.id });
  const page = pages.find((p) => p.id === route.page) ?? pages[0]!;
  const Current = page.component;
  // A ref, not state: setting or clearing a guard must not re-render the page that sets it.
  const leaveGuard = useRef<LeaveGuard | null>(null);
  const navigation = useMemo<Navigation>(
    () => ({
      route,
      open: (next, id) => {
        const go = () => setRoute({ page: next, id });
        if (leaveGuard.current) leaveGuard.current(go);
        else go();
      },
      setLeaveGuard: (guard) => {
        leaveGuard.current = guard;
      },
    }),
    [route],
  );

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 230, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Title order={3} c="blue.8">
              {t('common.appName')}
            </Title>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Stack gap={2} align="flex-end">
              <Text size="sm" fw={600} data-testid="current-user">
                {session.displayName}
              </Text>
              <RoleBadges roles={session.roles} />
            </Stack>
            <LanguageSwitch />
            <Button variant="default" onClick={lock} title={t('common.lockHint')} rightSection={<Kbd size="xs">Ctrl+L</Kbd>}>
              {t('common.lock')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        <nav>
          {pages.map((p) => (
            <NavLink
              key={p.id}
              component="button"
              label={t(p.label)}
              active={p.id === page.id}
              aria-current={p.id === page.id ? 'page' : undefined}
              onClick={() => navigation.open(p.id)}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main>
        <NavigationContext.Provider value={navigation}>
          {/* A new key per record: opening another record starts its page afresh. */}
          <Current key={`${page.id}:${route.id ?? ''}`} />
        </NavigationContext.Provider>
      </AppShell.Main>
    </AppShell>
  );
}
