import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { App, Protocol, Session, WebContents } from 'electron';

/**
 * The renderer is served from a custom scheme instead of file:// (Electron checklist item 18): a header
 * CSP becomes possible, and the page gets a real origin that IPC sender checks can compare against.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

/** Headers on every app:// response. */
const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};
// Mantine injects its styles at run time, hence 'unsafe-inline' for styles only; scripts stay 'self'.
// Kept as one string literal in an assignment: that is the form Electronegativity finds, so its CSP
// evaluator judges the real policy instead of reporting that the app has none.
SECURITY_HEADERS['Content-Security-Policy'] =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; worker-src 'self'";

export const PRODUCTION_CSP: string = SECURITY_HEADERS['Content-Security-Policy'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Must run before the app is ready: privileges cannot be granted to a scheme later. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

type Body = ConstructorParameters<typeof Response>[0];

function respond(status: number, body: Body, type = 'text/plain; charset=utf-8'): Response {
  return new Response(body, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': type },
  });
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

/**
 * Maps app://bundle/<path> to a file under rootDir. Anything that resolves outside rootDir is refused,
 * whatever encoding it arrived in, because the path is checked after decoding and resolving.
 */
export function createAppProtocolHandler(rootDir: string, read: ReadFile = readFile): (request: Request) => Promise<Response> {
  const root = resolve(rootDir);
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return respond(400, 'bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return respond(404, 'not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'method not allowed');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return respond(400, 'bad request');
    }
    if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) return respond(403, 'forbidden');
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = resolve(root, relative);
    if (!file.startsWith(root + sep)) return respond(403, 'forbidden');
    const ext = extname(file).toLowerCase();
    try {
      const body = await read(file);
      return respond(200, request.method === 'HEAD' ? null : body, TYPES[ext] ?? 'application/octet-stream');
    } catch {
      // A client-side route reloaded by path still gets the app; a missing asset stays a 404.
      if (ext !== '') return respond(404, 'not found');
      try {
        return respond(200, await read(resolve(root, 'index.html')), TYPES['.html']);
      } catch {
        return respond(404, 'not found');
      }
    }
  };
}

export function installAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir));
}

/** Electron grants every permission unless told otherwise; the app needs none. */
export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

type HardenedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Nothing in the app navigates: screens change inside the page, and a lock reloads it through
 * webContents.reload(), which these events do not see. So every navigation attempt is refused.
 */
export function hardenWebContents(contents: HardenedContents): void {
  const refuse = (event: { preventDefault(): void }): void => event.preventDefault();
  contents.on('will-navigate', refuse);
  contents.on('will-frame-navigate', refuse);
  contents.on('will-redirect', refuse);
  contents.on('will-attach-webview', refuse);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Also covers contents the app did not create itself (devtools, anything a future change adds). */
export function hardenAllWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
