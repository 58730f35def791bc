import { Button, Center, Loader, Stack } from "@mantine/core";
import { useHotkeys } from "@mantine/hooks";
import {
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import type { AppStatus, LockInfo, SessionInfo } from "../../../shared/domain/auth";
import type { AppError } from "../../../shared/errors";
import { CenteredCard } from "../components/CenteredCard";
import { asAppError } from "../components/describe-error";
import { ErrorAlert } from "../components/ErrorAlert";
import { ForcedChangeScreen } from "../features/session/passphrase/ForcedChangeScreen";
import { SetupWizard } from "../features/session/setup/SetupWizard";
import { UnlockScreen } from "../features/session/unlock/UnlockScreen";
import { useApi } from "./api-context";
import { SessionContext, type SessionControls } from "./session-context";
import { preloadable } from "./preloadable";
import { useActivityPing } from "./use-activity-ping";
import { DraftRegistry } from "./drafts";
import { IdleCountdown } from "./IdleCountdown";

export const STATUS_POLL_MS = 5_000;

/**
 * The unlocked window is a chunk of its own: the unlock screen loads without it, and starts fetching it at once,
 * so it is there by the time the key derivation has finished.
 */
const { component: Shell, load: loadShell } = preloadable(() =>
  import("./Shell").then((m) => ({ default: m.Shell })),
);

type View =
  | { kind: "loading" }
  | { kind: "failed"; error: AppError }
  | { kind: "setup" }
  | { kind: "locked"; lastLock: LockInfo | null }
  | { kind: "unlocked"; session: SessionInfo };

function viewOf(status: AppStatus): View {
  if (status.storeState === "absent") return { kind: "setup" };
  if (status.storeState === "unlocked" && status.session)
    return { kind: "unlocked", session: status.session };
  return { kind: "locked", lastLock: status.lastLock };
}

function sameSession(a: SessionInfo, b: SessionInfo): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Decides what the window may show. Whenever the store turns out to be locked (the poll, a LOCKED answer,
 * the Lock button, Ctrl+L) the unlocked tree is unmounted, which drops every piece of data it held.
 */
/** How often unsaved edits that changed are kept while the store is open; each keep is audited like any change. */
const DRAFT_KEEP_MS = 60_000;

export function AppGate() {
  const api = useApi();
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ kind: "loading" });
  const [drafts] = useState(() => new DraftRegistry());
  /** When the idle lock falls due (this window's clock), from the last status; null while unknown or locked. */
  const [idle, setIdle] = useState<{ deadline: number; warning: number } | null>(null);

  const load = useCallback(async () => {
    try {
      setView(viewOf(await api.call("session:status", {})));
    } catch (error) {
      setView({ kind: "failed", error: asAppError(error) });
    }
  }, [api]);

  useEffect(() => {
    void load();
    void loadShell();
  }, [load]);

  useEffect(
    () =>
      api.onError((error) => {
        // A LOCKED answer stands; the status then says why it locked (idle, the OS).
        if (error.code === "LOCKED") {
          setView({ kind: "locked", lastLock: null });
          api
            .call("session:status", {})
            .then((status) => {
              if (status.storeState === "locked") setView({ kind: "locked", lastLock: status.lastLock });
            })
            .catch(() => undefined);
        }
        else if (error.code === "PASSPHRASE_CHANGE_REQUIRED") void load();
      }),
    [api, load],
  );

  const unlocked = view.kind === "unlocked";

  useEffect(() => {
    if (!unlocked) return;
    const timer = window.setInterval(() => {
      api
        .call("session:status", {})
        .then((status) => {
          const next = viewOf(status);
          setIdle(
            status.idleLockInSeconds === null
              ? null
              : { deadline: Date.now() + status.idleLockInSeconds * 1000, warning: status.lockWarningSeconds },
          );
          // A poll that started before a lock must not bring the shell back.
          setView((previous) => {
            if (previous.kind !== "unlocked") return previous;
            if (
              next.kind === "unlocked" &&
              sameSession(previous.session, next.session)
            )
              return previous;
            return next;
          });
        })
        .catch(() => undefined);
    }, STATUS_POLL_MS);
    return () => window.clearInterval(timer);
  }, [api, unlocked]);

  useActivityPing(api, unlocked);

  // Unsaved edits are kept every minute too: a lock the window is not asked about (the computer locked or put
  // to sleep) finds them in the store already.
  useEffect(() => {
    if (!unlocked) return;
    const timer = window.setInterval(() => void drafts.keepChanged(api), DRAFT_KEEP_MS);
    return () => window.clearInterval(timer);
  }, [api, drafts, unlocked]);

  const lockingRef = useRef(false);
  const lock = useCallback(() => {
    if (lockingRef.current) return;
    lockingRef.current = true;
    // Unsaved edits first (a call or two), then everything leaves the screen and the store locks.
    void drafts
      .keepAll(api)
      .then((draftsKept) => {
        setView({ kind: "locked", lastLock: { reason: "manual", at: new Date().toISOString(), draftsKept } });
        setIdle(null);
        return api.call("session:lock", {});
      })
      .catch(() => undefined)
      .finally(() => {
        lockingRef.current = false;
      });
  }, [api, drafts]);

  // Staying counts as activity; the next status poll brings the new deadline.
  const stay = useCallback(() => {
    setIdle(null);
    api.call("session:activity", {}).catch(() => undefined);
  }, [api]);

  useHotkeys([["ctrl+L", () => unlocked && lock()]], [], true);

  const unlockedSession = view.kind === "unlocked" ? view.session : null;
  const controls = useMemo<SessionControls | null>(
    () =>
      unlockedSession
        ? {
            session: unlockedSession,
            lock,
            drafts,
            replaceSession: (session) => setView({ kind: "unlocked", session }),
          }
        : null,
    [unlockedSession, lock, drafts],
  );

  switch (view.kind) {
    case "loading":
      return (
        <Center mih="100vh">
          <Loader aria-label={t("common.loading")} />
        </Center>
      );
    case "failed":
      return (
        <CenteredCard>
          <Stack>
            <ErrorAlert error={view.error} />
            <Button onClick={() => void load()}>{t("common.retry")}</Button>
          </Stack>
        </CenteredCard>
      );
    case "setup":
      return (
        <SetupWizard
          onFinished={() => void load()}
          onStoreExists={() => void load()}
        />
      );
    case "locked":
      return (
        <UnlockScreen
          lastLock={view.lastLock}
          onUnlocked={(session) => setView({ kind: "unlocked", session })}
        />
      );
    case "unlocked":
      return (
        <SessionContext.Provider value={controls}>
          {view.session.mustChangePassphrase ? (
            <ForcedChangeScreen />
          ) : (
            <Suspense
              fallback={
                <Center mih="100vh">
                  <Loader aria-label={t("common.loading")} />
                </Center>
              }
            >
              <Shell
                key={`${view.session.userId}:${view.session.unlockedAt}`}
              />
            </Suspense>
          )}
          <IdleCountdown
            deadline={idle?.deadline ?? null}
            warningSeconds={idle?.warning ?? 60}
            onStay={stay}
            onKeepDrafts={() => void drafts.keepAll(api)}
          />
        </SessionContext.Provider>
      );
  }
}
