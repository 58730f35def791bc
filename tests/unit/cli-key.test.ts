import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePublicKey } from '../../src/main/bundles/minisign';
import { call, cleanupTempDirs, FakeClock, tempDir, testRuntime } from '../fixtures/store';
import { buildCommand, runCommand } from '../fixtures/cli';

/** The real command as a user runs it: the built bundle, production key derivation, a separate process. */
const ADMIN_PASS = 'фраза адміністратора області 2026';
const OFFICER_PASS = 'власний пароль відповідальної за звіти';

let home: string;

function zlagoda(args: string[]) {
  return runCommand(home, args);
}

beforeAll(() => {
  buildCommand();
  home = tempDir('zlagoda-cli-key-');
});
afterAll(cleanupTempDirs);

describe('zlagoda key export', () => {
  it('makes the key on first use for a reporting officer, writes the standard .pub file and prints the fingerprint; the admin may not', async () => {
    const store = join(home, 'store');
    const rt = testRuntime(store, new FakeClock(Date.now()));
    await call(rt, 'session:setup', { login: 'admin', displayName: 'Адміністратор Сховища', passphrase: ADMIN_PASS });
    await call(rt, 'users:add', { login: 'zvity', displayName: 'Відповідальна За Звіти', roles: ['reporting_officer'], initialPassphrase: 'тимчасовий пароль звітності' });
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: 'zvity', passphrase: 'тимчасовий пароль звітності' });
    await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль звітності', next: OFFICER_PASS });
    rt.core.close();
    const officer = join(home, 'officer.pass');
    writeFileSync(officer, `${OFFICER_PASS}\n`);
    const admin = join(home, 'admin.pass');
    writeFileSync(admin, `${ADMIN_PASS}\n`);

    const out = join(home, 'oblast.pub');
    const made = zlagoda(['key', 'export', '--store', store, '--user', 'zvity', '--out', out, '--passphrase-file', officer]);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('Ключ підпису звітів створено');
    const text = readFileSync(out, 'utf8');
    const key = parsePublicKey(text)!;
    expect(key).not.toBeNull();
    const fingerprint = /Відбиток ключа .*: ([0-9A-F]{16} [A-Z2-7-]+)$/m.exec(made.stdout)?.[1];
    expect(fingerprint?.slice(0, 16)).toBe(/public key ([0-9A-F]{16})/.exec(text)?.[1]);

    // The same key the second time, into another file; an existing file is never overwritten.
    const again = zlagoda(['key', 'export', '--store', store, '--user', 'zvity', '--out', join(home, 'copy.pub'), '--passphrase-file', officer]);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('створено');
    expect(readFileSync(join(home, 'copy.pub'), 'utf8')).toBe(text);
    expect(zlagoda(['key', 'export', '--store', store, '--user', 'zvity', '--out', out, '--passphrase-file', officer]).code).toBe(1);
    const refused = zlagoda(['key', 'export', '--store', store, '--user', 'admin', '--out', join(home, 'admin.pub'), '--passphrase-file', admin]);
    expect(refused.code).toBe(1);
    expect(zlagoda(['key', 'import', '--store', store, '--user', 'zvity', '--out', out]).code).toBe(2);
  });
});
