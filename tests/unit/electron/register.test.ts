import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { CHANNELS } = await import('../../../src/shared/contract');
const { registerIpc } = await import('../../../src/main/ipc/register');

type Handler = (event: unknown, input: unknown) => unknown;

function frame(url: string) {
  return { url } as never;
}

function setup(options: { allowedUrls?: string[] } = {}) {
  const handlers = new Map<string, Handler>();
  const handle = vi.fn((channel: string, fn: Handler) => {
    if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    handlers.set(channel, fn);
  });
  const mainFrame = frame('app://bundle/index.html');
  const win = { isDestroyed: () => false, webContents: { mainFrame } };
  const dispatch = vi.fn(async (_channel: string, input: unknown) => ({ ok: true as const, value: input }));
  const onRejected = vi.fn();
  registerIpc({ ipcMain: { handle } as never, dispatch, getWindow: () => win as never, onRejected, ...options });
  return { handlers, handle, win, mainFrame, dispatch, onRejected };
}

const channel = 'session:status';

describe('IPC registration', () => {
  it('registers every channel of the contract exactly once, and nothing else', () => {
    const { handle } = setup();
    const registered = handle.mock.calls.map((call) => call[0]);
    expect(registered.length).toBe(CHANNELS.length);
    expect(new Set(registered).size).toBe(registered.length);
    expect([...registered].sort()).toEqual([...CHANNELS].sort());
  });

  it('forwards a call from our window and origin to dispatch', async () => {
    const { handlers, mainFrame, dispatch } = setup();
    const result = await handlers.get(channel)!({ senderFrame: mainFrame }, { a: 1 });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith(channel, { a: 1 });
    expect(result).toEqual({ ok: true, value: { a: 1 } });
  });

  it('checks the URL the main frame has now, not the one it had', async () => {
    const { handlers, mainFrame, dispatch } = setup();
    (mainFrame as { url: string }).url = 'https://evil.example/';
    const result = (await handlers.get(channel)!({ senderFrame: mainFrame }, {})) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a call without a sender frame', async () => {
    const { handlers, dispatch, onRejected } = setup();
    for (const senderFrame of [null, undefined]) {
      const result = (await handlers.get(channel)!({ senderFrame }, {})) as { ok: boolean; error: { code: string } };
      expect(result.ok).toBe(false);
      expect(result.error.code).toBe('FORBIDDEN');
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(onRejected).toHaveBeenCalledWith(channel, 'no sender frame');
  });

  it('refuses a sub-frame, even one showing our own page', async () => {
    const { handlers, dispatch } = setup();
    const result = (await handlers.get(channel)!({ senderFrame: frame('app://bundle/index.html') }, {})) as { ok: boolean; error: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each(['https://evil.example/', 'file:///work/out/renderer/index.html', 'about:blank', 'app://other/index.html', 'http://localhost:5173/', 'not a url'])(
    'refuses the main frame when it shows %s',
    async (url) => {
      const { handlers, dispatch, win } = setup();
      (win.webContents.mainFrame as { url: string }).url = url;
      const result = (await handlers.get(channel)!({ senderFrame: win.webContents.mainFrame }, {})) as { ok: boolean; error: { code: string } };
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(dispatch).not.toHaveBeenCalled();
    },
  );

  it('refuses when the window is gone', async () => {
    const { handlers, dispatch, win } = setup();
    win.isDestroyed = () => true;
    const result = (await handlers.get(channel)!({ senderFrame: win.webContents.mainFrame }, {})) as { ok: boolean };
    expect(result.ok).toBe(false);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('accepts the dev server only when it is explicitly allowed', async () => {
    const { handlers, dispatch, win } = setup({ allowedUrls: ['app://bundle/', 'http://localhost:5173/'] });
    (win.webContents.mainFrame as { url: string }).url = 'http://localhost:5173/';
    await handlers.get(channel)!({ senderFrame: win.webContents.mainFrame }, {});
    expect(dispatch).toHaveBeenCalledOnce();
    (win.webContents.mainFrame as { url: string }).url = 'http://localhost:5174/';
    await handlers.get(channel)!({ senderFrame: win.webContents.mainFrame }, {});
    expect(dispatch).toHaveBeenCalledOnce();
  });
});
