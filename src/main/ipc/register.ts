import { randomUUID } from 'node:crypto';
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { CHANNELS } from '../../shared/contract';
import { AppError, serializeError, type Result } from '../../shared/errors';
import { APP_URL } from '../app/security';
import type { Dispatch } from './dispatcher';

export interface TrustedWindow {
  isDestroyed(): boolean;
  webContents: { mainFrame: WebFrameMain };
}

export interface RegisterIpcOptions {
  ipcMain: Pick<IpcMain, 'handle'>;
  dispatch: Dispatch;
  getWindow: () => TrustedWindow | null;
  /** Base URLs whose pages may call; app://bundle/ always, plus the dev server in development. */
  allowedUrls?: string[];
  channels?: readonly string[];
  onRejected?: (channel: string, reason: string) => void;
}

interface Allowed {
  protocol: string;
  host: string;
}

function toAllowed(url: string): Allowed {
  const parsed = new URL(url);
  // Compare protocol and host, not origin: the origin of a custom scheme such as app: is the opaque "null".
  return { protocol: parsed.protocol, host: parsed.host };
}

/**
 * Only our window's top frame, showing our own page, may call the main process (Electron checklist
 * item 17). A sub-frame, a page navigated elsewhere or a frame already gone is refused.
 */
export function senderProblem(frame: WebFrameMain | null | undefined, win: TrustedWindow | null, allowed: Allowed[]): string | null {
  if (!frame) return 'no sender frame';
  if (!win || win.isDestroyed()) return 'no window';
  if (frame !== win.webContents.mainFrame) return 'not the main frame';
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return 'unparsable sender URL';
  }
  if (!allowed.some((a) => a.protocol === url.protocol && a.host === url.host)) return 'foreign origin';
  return null;
}

function forbidden(): Result<never> {
  return { ok: false, error: serializeError(new AppError('FORBIDDEN', 'the caller is not this application'), randomUUID().slice(0, 8)) };
}

export function registerIpc(options: RegisterIpcOptions): void {
  const allowed = (options.allowedUrls ?? [APP_URL]).map(toAllowed);
  for (const channel of options.channels ?? CHANNELS) {
    options.ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const problem = senderProblem(event.senderFrame, options.getWindow(), allowed);
      if (problem) {
        options.onRejected?.(channel, problem);
        return forbidden();
      }
      return options.dispatch(channel, input);
    });
  }
}
