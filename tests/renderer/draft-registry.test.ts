import { describe, expect, it } from 'vitest';
import type { AppApi } from '../../src/renderer/src/app/api';
import { DraftRegistry } from '../../src/renderer/src/app/drafts';

/** An api that records the calls it gets and answers them as the main process would. */
function recordingApi() {
  const calls: [string, unknown][] = [];
  const api = {
    call: (channel: string, input: unknown) => {
      calls.push([channel, input]);
      return Promise.resolve(channel === 'drafts:save' ? { savedAt: '2026-11-29T10:00:00.000Z' } : { discarded: true });
    },
  } as unknown as AppApi;
  return { api, calls };
}

describe('the draft registry', () => {
  it('keeps a dirty form when it changed since it was last kept, and drops the draft once the form is saved', async () => {
    const { api, calls } = recordingApi();
    const drafts = new DraftRegistry();
    let values: string | null = '{"place":"Зал 1"}';
    drafts.register({ key: 'meetings:m-1', label: 'засідання № 4/2026', read: () => values });

    expect(await drafts.keepChanged(api)).toBe(1);
    expect(await drafts.keepChanged(api)).toBe(0);
    values = '{"place":"Зал 2"}';
    expect(await drafts.keepChanged(api)).toBe(1);
    expect(calls.map(([channel]) => channel)).toEqual(['drafts:save', 'drafts:save']);

    await drafts.forget(api, 'meetings:m-1');
    expect(calls.at(-1)).toEqual(['drafts:discard', { key: 'meetings:m-1' }]);
    // Nothing kept any more: forgetting again calls nothing; a clean form is never written.
    await drafts.forget(api, 'meetings:m-1');
    values = null;
    expect(await drafts.keepChanged(api)).toBe(0);
    expect(calls).toHaveLength(3);
  });
});
