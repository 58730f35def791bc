import { describe, expect, it, vi } from 'vitest';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (...args: unknown[]) => ({ ok: true, value: args }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke, send: vi.fn(), on: vi.fn() },
}));

await import('../../../src/preload/index');
const { CHANNELS } = await import('../../../src/shared/contract');

describe('preload bridge', () => {
  it('exposes one object with one function, and no ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['zlagoda']);
    const api = exposed.get('zlagoda') as Record<string, unknown>;
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(typeof api['invoke']).toBe('function');
  });

  it('passes contract channels through to ipcRenderer.invoke', async () => {
    const api = exposed.get('zlagoda') as { invoke(channel: string, input?: unknown): Promise<unknown> };
    for (const channel of CHANNELS) await api.invoke(channel, { x: 1 });
    expect(invoke).toHaveBeenCalledTimes(CHANNELS.length);
    expect(invoke).toHaveBeenCalledWith(CHANNELS[0], { x: 1 });
  });

  it('rejects channels outside the contract without reaching the main process', async () => {
    invoke.mockClear();
    const api = exposed.get('zlagoda') as { invoke(channel: unknown, input?: unknown): Promise<unknown> };
    await expect(api.invoke('shell:openExternal', {})).rejects.toThrow(/unknown channel/);
    await expect(api.invoke('__proto__', {})).rejects.toThrow(/unknown channel/);
    await expect(api.invoke(42, {})).rejects.toThrow(/unknown channel/);
    expect(invoke).not.toHaveBeenCalled();
  });
});
