import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../shared/contract';

/**
 * The page gets one function and nothing else: no ipcRenderer, no send/on, no Node. Unknown channels are
 * refused here as well as in the main process, so a typo fails loudly in the page.
 */
const allowed = new Set<string>(CHANNELS);

const api = {
  invoke(channel: string, input?: unknown): Promise<unknown> {
    if (typeof channel !== 'string' || !allowed.has(channel)) return Promise.reject(new Error(`unknown channel: ${String(channel)}`));
    return ipcRenderer.invoke(channel, input);
  },
};

contextBridge.exposeInMainWorld('zlagoda', api);
