import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The modules under test import electron for types only; the mock proves nothing at run time needs it.
vi.mock('electron', () => ({}));

const {
  APP_URL,
  PRODUCTION_CSP,
  createAppProtocolHandler,
  hardenAllWebContents,
  hardenSession,
  hardenWebContents,
  registerAppScheme,
} = await import('../../../src/main/app/security');

let root: string;
let outside: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'zlagoda-proto-'));
  root = join(base, 'renderer');
  outside = base;
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Zlagoda</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'do not serve');
  writeFileSync(join(base, 'renderer-evil.txt'), 'sibling with a shared prefix');
  handler = createAppProtocolHandler(root);
});

afterAll(() => rmSync(outside, { recursive: true, force: true }));

function get(url: string): Promise<Response> {
  return handler(new Request(url));
}

describe('app:// protocol', () => {
  it('serves index.html at the root with the production CSP header', async () => {
    const res = await get(APP_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('Zlagoda');
  });

  it('serves assets with their type and the CSP header', async () => {
    const res = await get('app://bundle/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
  });

  it('has the exact production CSP', () => {
    expect(PRODUCTION_CSP).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; worker-src 'self'",
    );
    expect(PRODUCTION_CSP).not.toMatch(/script-src[^;]*unsafe/);
  });

  it.each([
    'app://bundle/..%2fsecret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/assets/..%2f..%2fsecret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/%2e%2e/renderer-evil.txt',
    'app://bundle/..%2frenderer-evil.txt',
    'app://bundle/index.html%00.js',
  ])('refuses traversal %s', async (url) => {
    const res = await get(url);
    expect([403, 404]).toContain(res.status);
    const body = await res.text();
    expect(body).not.toContain('do not serve');
    expect(body).not.toContain('shared prefix');
    expect(res.headers.get('content-security-policy')).toBe(PRODUCTION_CSP);
  });

  it('refuses a foreign host on the same scheme', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
  });

  it('answers 404 for a missing asset and the app for a missing route', async () => {
    expect((await get('app://bundle/assets/missing.js')).status).toBe(404);
    const route = await get('app://bundle/users/list');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('Zlagoda');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await handler(new Request('app://bundle/', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('registers app as a standard, secure scheme', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });
});

describe('session permissions', () => {
  const requestHandler = vi.fn();
  const checkHandler = vi.fn();
  const deviceHandler = vi.fn();
  hardenSession({
    setPermissionRequestHandler: requestHandler,
    setPermissionCheckHandler: checkHandler,
    setDevicePermissionHandler: deviceHandler,
  });

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'midi', 'pointerLock'])(
    'denies the request for %s',
    (permission) => {
      const fn = requestHandler.mock.calls[0]![0] as (wc: unknown, p: string, cb: (granted: boolean) => void, details: unknown) => void;
      const callback = vi.fn();
      fn({}, permission, callback, { requestingUrl: APP_URL });
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'camera'])('denies the check for %s', (permission) => {
    const fn = checkHandler.mock.calls[0]![0] as (wc: unknown, p: string, origin: string, details: unknown) => boolean;
    expect(fn({}, permission, 'app://bundle', {})).toBe(false);
  });

  it('denies device access (USB, HID, serial)', () => {
    const fn = deviceHandler.mock.calls[0]![0] as (details: unknown) => boolean;
    expect(fn({ deviceType: 'usb', origin: 'app://bundle' })).toBe(false);
  });
});

type Listener = (...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    on: vi.fn((event: string, fn: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), fn]);
    }),
    setWindowOpenHandler: vi.fn((fn: (details: { url: string }) => { action: string }) => {
      openHandler = fn;
    }),
    emit(event: string): { preventDefault: ReturnType<typeof vi.fn> } {
      const e = { preventDefault: vi.fn() };
      for (const fn of listeners.get(event) ?? []) fn(e, 'https://evil.example/');
      return e;
    },
    open(url: string) {
      return openHandler?.({ url });
    },
    count(event: string) {
      return listeners.get(event)?.length ?? 0;
    },
  };
}

describe('web contents guard', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('prevents %s, even to our own origin', (event) => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    expect(contents.emit(event).preventDefault).toHaveBeenCalled();
  });

  it('denies every new window', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    for (const url of ['https://evil.example/', APP_URL, 'about:blank', 'file:///etc/passwd']) {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    }
  });

  it('prevents attaching a webview', () => {
    const contents = fakeContents();
    hardenWebContents(contents as never);
    expect(contents.emit('will-attach-webview').preventDefault).toHaveBeenCalled();
  });

  it('applies the guard to every web contents the app creates', () => {
    const appListeners = new Map<string, Listener>();
    hardenAllWebContents({ on: (event: string, fn: Listener) => appListeners.set(event, fn) } as never);
    const contents = fakeContents();
    appListeners.get('web-contents-created')!({}, contents);
    expect(contents.count('will-navigate')).toBe(1);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.emit('will-attach-webview').preventDefault).toHaveBeenCalled();
  });
});
