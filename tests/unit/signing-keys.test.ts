import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parsePublicKey, publicKeyBase64, sign, verify } from '../../src/main/bundles/minisign';
import { currentSecret } from '../../src/main/features/reports/signing-keys.repository';
import { becomeReportingOfficer } from '../fixtures/reports';
import { adminRuntime, call, cleanupTempDirs, failure, type TestRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

const MINISIGN = '/usr/bin/minisign';
const db = (rt: TestRuntime) => rt.core.requireStore().db;
const secretSeed = (rt: TestRuntime) => (JSON.parse(db(rt).prepare('SELECT secret FROM signing_keys WHERE retired_at IS NULL').pluck().get() as string) as { seed: string }).seed;
const publicFile = async (rt: TestRuntime) => Buffer.from((await call(rt, 'reports:publicKeyFile', {})).base64, 'base64').toString('utf8');

async function officer(): Promise<TestRuntime> {
  const rt = await adminRuntime();
  await call(rt, 'territories:saveOptions', { oblast: 'UA53000000000028050' });
  await becomeReportingOfficer(rt);
  return rt;
}

describe('the oblast’s signing key', () => {
  it('is made once by a reporting officer, shown by its public half and fingerprint, and never returned or audited in secret', async () => {
    const rt = await officer();
    expect((await call(rt, 'reports:keys', {})).current).toBeNull();
    expect((await failure(rt, 'reports:publicKeyFile', {})).code).toBe('NOT_FOUND');
    const key = await call(rt, 'reports:createKey', {});
    expect(key.keyId).toMatch(/^[0-9A-F]{16}$/);
    expect(key.fingerprint.startsWith(key.keyId)).toBe(true);
    expect((await failure(rt, 'reports:createKey', {})).details).toMatchObject({ reason: 'key_exists' });
    const pub = await publicFile(rt);
    expect(pub).toMatch(new RegExp(`^untrusted comment: minisign public key ${key.keyId}\\n`));
    expect(parsePublicKey(pub)).not.toBeNull();
    const seed = secretSeed(rt);
    const shown = JSON.stringify([await call(rt, 'reports:keys', {}), key, pub]);
    expect(shown).not.toContain(seed);
    const audit = db(rt).prepare("SELECT action, details FROM audit_events WHERE action LIKE 'signing_key.%'").all() as { action: string; details: string }[];
    expect(audit.map((a) => a.action)).toEqual(['signing_key.created']);
    expect(JSON.stringify(db(rt).prepare('SELECT details FROM audit_events').pluck().all())).not.toContain(seed);
  });

  it.runIf(existsSync(MINISIGN))('signs so that stock minisign accepts it with the exported .pub file (skipped where /usr/bin/minisign is absent)', async () => {
    const rt = await officer();
    await call(rt, 'reports:createKey', {});
    const dir = mkdtempSync(join(tmpdir(), 'zlagoda-key-'));
    const message = new TextEncoder().encode('manifest line\n');
    writeFileSync(join(dir, 'file.txt'), message);
    writeFileSync(join(dir, 'file.txt.minisig'), sign(message, currentSecret(db(rt))!, 'zlagoda-test'));
    writeFileSync(join(dir, 'oblast.pub'), await publicFile(rt));
    expect(execFileSync(MINISIGN, ['-Vm', join(dir, 'file.txt'), '-p', join(dir, 'oblast.pub')], { encoding: 'utf8' })).toContain('zlagoda-test');
  });

  it('rotates: a new key announced by a statement the old key signs; the old key is kept, retired', async () => {
    const rt = await officer();
    expect((await failure(rt, 'reports:rotateKey', {})).details).toMatchObject({ reason: 'no_key' });
    const first = await call(rt, 'reports:createKey', {});
    const firstPublic = parsePublicKey(first.publicKey)!;
    const second = await call(rt, 'reports:rotateKey', {});
    expect(second.keyId).not.toBe(first.keyId);
    const keys = await call(rt, 'reports:keys', {});
    expect(keys.current?.keyId).toBe(second.keyId);
    expect(keys.previous.map((k) => [k.keyId, k.retiredAt !== null])).toEqual([[first.keyId, true]]);
    // The statement names the oblast and the new key, and only the old key's signature makes it true.
    expect(second.statement).toContain('oblast: UA53000000000028050');
    expect(second.statement).toContain(`new-public-key: ${publicKeyBase64(parsePublicKey(second.publicKey)!)}`);
    const verdict = verify(new TextEncoder().encode(second.statement), second.statementSignature, firstPublic);
    expect(verdict).toMatchObject({ ok: true, keyId: first.keyId });
    expect(verify(new TextEncoder().encode(second.statement.replace('oblast: UA53', 'oblast: UA05')), second.statementSignature, firstPublic).ok).toBe(false);
    expect(verify(new TextEncoder().encode(second.statement), second.statementSignature, parsePublicKey(second.publicKey)!).ok).toBe(false);
    const audit = db(rt).prepare("SELECT details FROM audit_events WHERE action = 'signing_key.rotated'").pluck().all() as string[];
    expect(audit.map((d) => JSON.parse(d) as unknown)).toEqual([{ from: first.keyId, to: second.keyId }]);
  });

  it('is made and rotated only by a reporting officer; an analyst sees the public key, a member nothing', async () => {
    const rt = await adminRuntime();
    for (const [login, roles] of [
      ['analyst1', ['analyst']],
      ['member1', ['member']],
    ] as const) {
      await call(rt, 'users:add', { login, displayName: 'Тестовий Користувач', roles: [...roles], initialPassphrase: 'тимчасовий пароль 12345' });
    }
    await becomeReportingOfficer(rt);
    await call(rt, 'reports:createKey', {});
    for (const [login, canRead] of [
      ['analyst1', true],
      ['member1', false],
    ] as const) {
      await call(rt, 'session:lock', {});
      await call(rt, 'session:unlock', { login, passphrase: 'тимчасовий пароль 12345' });
      await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль 12345', next: 'зовсім інший власний пароль користувача' });
      expect((await failure(rt, 'reports:createKey', {})).code).toBe('FORBIDDEN');
      expect((await failure(rt, 'reports:rotateKey', {})).code).toBe('FORBIDDEN');
      if (canRead) expect((await call(rt, 'reports:keys', {})).current).not.toBeNull();
      else expect((await failure(rt, 'reports:keys', {})).code).toBe('FORBIDDEN');
    }
  });
});
