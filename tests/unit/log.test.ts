import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import type { Handlers } from '../../src/main/kernel/context';
import { createFileLogger } from '../../src/main/kernel/log';
import { createRuntime } from '../../src/main/runtime';
import { TEST_KDF } from '../../src/main/store/crypto';
import { adminRuntime, call, cleanupTempDirs, MIGRATIONS, tempDir } from '../fixtures/store';

afterEach(cleanupTempDirs);

const CANARY = 'Коваленко Ганна Канарка';

describe('the log of failed calls', () => {
  it('holds the channel, the code and the correlation id the user reads out, never the input', async () => {
    const rt = await adminRuntime();
    const dir = tempDir();
    const logger = createFileLogger(dir);
    const dispatch = createDispatcher({
      core: rt.core,
      logger,
      validateOutput: true,
      contract: {
        'test:fault': { input: z.object({ name: z.string() }).strict(), output: z.null(), access: 'session', kind: 'query' },
        'test:refuse': { input: z.object({ name: z.string().max(5) }).strict(), output: z.null(), access: 'session', kind: 'query' },
      },
      handlers: {
        'test:fault': (input: { name: string }) => {
          throw new TypeError(`cannot read ${input.name}`);
        },
        'test:refuse': () => null,
      } as unknown as Handlers,
    });
    const fault = await dispatch('test:fault', { name: CANARY });
    const refused = await dispatch('test:refuse', { name: CANARY });
    expect(fault.ok || refused.ok).toBe(false);
    const lines = readFileSync(logger.path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    const faultId = fault.ok ? '' : fault.error.correlationId;
    const refusedId = refused.ok ? '' : refused.error.correlationId;
    expect(lines.find((l) => l.correlationId === faultId)).toMatchObject({ level: 'error', channel: 'test:fault', code: 'INTERNAL', fault: expect.stringContaining('TypeError') });
    expect(lines.find((l) => l.correlationId === refusedId)).toMatchObject({ level: 'info', channel: 'test:refuse', code: 'VALIDATION' });
    expect(readFileSync(logger.path, 'utf8')).not.toContain('Канарка');
    // The user is told the id, not the message of the fault.
    expect(fault.ok ? null : fault.error.details).toEqual({});
    await call(rt, 'session:lock', {});
  });

  it('rotates by size, keeping a fixed number of older files', () => {
    const dir = tempDir();
    const logger = createFileLogger(dir, { maxBytes: 400, keep: 2 });
    for (let i = 0; i < 40; i++) logger.warn('call refused', { channel: 'meetings:update', code: 'CONFLICT', correlationId: `c${i}` });
    expect(readdirSync(dir).sort()).toEqual(['zlagoda.1.log', 'zlagoda.2.log', 'zlagoda.log']);
    expect(readFileSync(join(dir, 'zlagoda.log'), 'utf8')).toContain('"correlationId":"c39"');
    expect(existsSync(join(dir, 'zlagoda.3.log'))).toBe(false);
  });

  it('a runtime given the app’s log folder writes there what its dispatcher refused', async () => {
    const dir = tempDir();
    const rt = createRuntime({ storeDir: join(tempDir(), 'store'), migrationsFolder: MIGRATIONS, version: 'test', kdf: TEST_KDF, logDir: dir });
    const result = await rt.dispatch('users:list', {});
    expect(result.ok ? 'ok' : result.error.code).toBe('LOCKED');
    const id = result.ok ? '' : result.error.correlationId;
    expect(readFileSync(join(dir, 'zlagoda.log'), 'utf8')).toContain(`"correlationId":"${id}"`);
  });
});
