import {
  AppShell,
  Button,
  Center,
  Group,
  Kbd,
  Loader,
  NavLink,
  Stack,
  Text,
} from "@mantine/core";
import { DatesProvider } from "@mantine/dates";
import "@mantine/dates/styles.css";
import { QueryClientProvider } from "@tanstack/react-query";
import "dayjs/locale/uk";
import {
  Suspense,
  useEffect,
  useMemo,
  useRef,
  useState,
  useTransition,
} from "react";
import { useTranslation } from "react-i18next";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { RoleBadges } from "../components/RoleBadges";
import { createQueryClient } from "./data";
import {
  NavigationContext,
  type LeaveGuard,
  type Navigation,
  type Route,
} from "./navigation";
import { PageBoundary } from "./PageBoundary";
import { PAGES } from "./pages";
import { mayOpen, useSession } from "./session-context";
import { KeptDraftsOffer } from "./KeptDraftsOffer";

// This module loads while the unlock is under way: the first page's code comes with it rather than after.
void PAGES[0]?.load();

/**
 * The unlocked window. Everything it shows lives inside it, the data layer's cache included, so unmounting it
 * on lock forgets it all.
 */
export function Shell() {
  const { t, i18n } = useTranslation();
  const { session, lock } = useSession();
  const [client] = useState(createQueryClient);
  useEffect(() => () => client.clear(), [client]);
  const pages = PAGES.filter((page) => mayOpen(session, page));
  // Once the first page is drawn, the other pages' code comes while the user reads it, so no click waits for it.
  useEffect(() => {
    const timer = setTimeout(() => {
      for (const p of pages) void p.load();
    }, 500);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per unlock
  }, []);
  // Every role reads meetings, so the dashboard is the first page after unlock.
  const [route, setRoute] = useState<Route>({ page: pages[0]!.id });
  // A page whose code is still on its way: the current one stays on screen, its nav link spinning, until the
  // new one can be drawn whole, rather than a blank loader in between.
  const [opening, startOpening] = useTransition();
  const [requested, setRequested] = useState<Route["page"] | null>(null);
  const page = pages.find((p) => p.id === route.page) ?? pages[0]!;
  const Current = page.component;
  // A ref, not state: setting or clearing a guard must not re-render the page that sets it.
  const leaveGuard = useRef<LeaveGuard | null>(null);
  const navigation = useMemo<Navigation>(
    () => ({
      route,
      open: (next, id) => {
        const go = () => {
          setRequested(next);
          startOpening(() => setRoute({ page: next, id }));
        };
        if (leaveGuard.current) leaveGuard.current(go);
        else go();
      },
      setLeaveGuard: (guard) => {
        leaveGuard.current = guard;
      },
    }),
    [route],
  );
  const pageKey = `${page.id}:${route.id ?? ""}`;

  return (
    <QueryClientProvider client={client}>
      {/* Calendars in the interface language, weeks from Monday. */}
      <DatesProvider
        settings={{
          locale: i18n.language === "en" ? "en" : "uk",
          firstDayOfWeek: 1,
        }}
      >
        <AppShell
          header={{ height: 60 }}
          navbar={{ width: 230, breakpoint: 0 }}
          padding="md"
        >
          <AppShell.Header>
            <Group h="100%" px="md" justify="space-between" wrap="nowrap">
              <Group gap="sm" wrap="nowrap">
                {/* The app's name is a masthead, not a heading: the page's own title is its one h1. */}
                <Text fz="h3" fw={700} lh={1.4} c="blue.8">
                  {t("common.appName")}
                </Text>
              </Group>
              <Group gap="md" wrap="nowrap">
                <Stack gap={2} align="flex-end">
                  <Text size="sm" fw={600} data-testid="current-user">
                    {session.displayName}
                  </Text>
                  <RoleBadges roles={session.roles} />
                </Stack>
                <LanguageSwitch />
                <Button
                  variant="default"
                  onClick={lock}
                  title={t("common.lockHint")}
                  rightSection={<Kbd size="xs">Ctrl+L</Kbd>}
                >
                  {t("common.lock")}
                </Button>
              </Group>
            </Group>
          </AppShell.Header>
          {/* The list outgrows a laptop's 768 px: it scrolls on its own, the page beside it stays put. */}
          <AppShell.Navbar p="xs" aria-label={t("shell.navLabel")} style={{ overflowY: "auto" }}>
            {pages.map((p) => (
              <NavLink
                key={p.id}
                component="button"
                label={t(`${p.id}.nav`)}
                active={p.id === page.id}
                aria-current={p.id === page.id ? "page" : undefined}
                onClick={() => navigation.open(p.id)}
                rightSection={
                  opening && requested === p.id ? (
                    <Loader size={14} aria-label={t("common.loading")} />
                  ) : undefined
                }
              />
            ))}
          </AppShell.Navbar>
          <AppShell.Main>
            <NavigationContext.Provider value={navigation}>
              <KeptDraftsOffer />
              <PageBoundary
                resetKey={pageKey}
                onHome={() => setRoute({ page: pages[0]!.id })}
              >
                <Suspense
                  fallback={
                    <Center mih={200}>
                      <Loader aria-label={t("common.loading")} />
                    </Center>
                  }
                >
                  {/* A new key per record: opening another record starts its page afresh. */}
                  <Current key={pageKey} />
                </Suspense>
              </PageBoundary>
            </NavigationContext.Provider>
          </AppShell.Main>
        </AppShell>
      </DatesProvider>
    </QueryClientProvider>
  );
}
