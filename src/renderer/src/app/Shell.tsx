import { AppShell, Button, Group, Kbd, NavLink, Stack, Text, Title } from '@mantine/core';
import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { RoleBadges } from '../components/RoleBadges';
import { AboutPage } from '../features/about/AboutPage';
import { AuditPage } from '../features/audit/AuditPage';
import { HomePage } from '../features/home/HomePage';
import { MyPassphrasePage } from '../features/passphrase/MyPassphrasePage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { UsersPage } from '../features/users/UsersPage';
import { can, useSession } from './session-context';

interface Page {
  id: string;
  label: string;
  permission?: string;
  component: ComponentType;
}

const PAGES: Page[] = [
  { id: 'home', label: 'nav.home', component: HomePage },
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
  const [current, setCurrent] = useState('home');
  const page = pages.find((p) => p.id === current) ?? pages[0]!;
  const Current = page.component;

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
              onClick={() => setCurrent(p.id)}
            />
          ))}
        </nav>
      </AppShell.Navbar>
      <AppShell.Main>
        <Current />
      </AppShell.Main>
    </AppShell>
  );
}
