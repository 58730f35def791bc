import canonicalize from 'canonicalize';
import { afterEach, describe, expect, it } from 'vitest';
import { formatPublicKey, generateKeyPair, keyIdHex, publicKeyBase64, type MinisignSecretKey } from '../../src/main/bundles/minisign';
import { consolidatedReport } from '../../src/main/features/inbox/inbox.consolidation';
import { isSuppressed } from '../../src/shared/reports/tables';
import { base64, KYIV, POLTAVA, registerKey, rotation, senderBundle, senderReport, ZHYTOMYR } from '../fixtures/inbox';
import { becomeReportingOfficer } from '../fixtures/reports';
import { adminRuntime, call, cleanupTempDirs, failure, type TestRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

const db = (rt: TestRuntime) => rt.core.requireStore().db;

async function officer(): Promise<TestRuntime> {
  const rt = await adminRuntime();
  await becomeReportingOfficer(rt);
  return rt;
}

async function importOne(rt: TestRuntime, bytes: Uint8Array, name = 'bundle.zip') {
  const result = await call(rt, 'inbox:import', { files: [{ name, data: base64(bytes) }] });
  return result.files[0]!;
}

describe('the register of trusted keys', () => {
  it('adds a sender’s key from its .pub file, lists it by sender, and refuses a malformed key or one taken by another sender', async () => {
    const rt = await officer();
    const key = generateKeyPair();
    const added = await call(rt, 'inbox:addKey', { senderCode: POLTAVA.code, senderName: POLTAVA.name, publicKey: formatPublicKey(key) });
    expect(added).toMatchObject({ keyId: keyIdHex(key.keyId), validFrom: '2026-11-20T09:00:00.000Z', validTo: null, source: 'added' });
    expect(added.fingerprint.startsWith(keyIdHex(key.keyId))).toBe(true);
    // The bare base64 line, as `minisign -P` takes it, is a key too.
    const other = generateKeyPair();
    await call(rt, 'inbox:addKey', { senderCode: KYIV.code, senderName: KYIV.name, publicKey: publicKeyBase64(other), validFrom: '2026-01-01T00:00:00Z' });
    const senders = await call(rt, 'inbox:keys', {});
    expect(senders.map((s) => [s.code, s.name, s.keys.map((k) => k.keyId)])).toEqual([
      [KYIV.code, KYIV.name, [keyIdHex(other.keyId)]],
      [POLTAVA.code, POLTAVA.name, [keyIdHex(key.keyId)]],
    ]);

    const malformed = await failure(rt, 'inbox:addKey', { senderCode: POLTAVA.code, senderName: POLTAVA.name, publicKey: 'untrusted comment: x\nnot a key\n' });
    expect([malformed.code, malformed.details.reason]).toEqual(['INVALID_STATE', 'key_malformed']);
    const taken = await failure(rt, 'inbox:addKey', { senderCode: KYIV.code, senderName: KYIV.name, publicKey: formatPublicKey(key) });
    expect([taken.details.reason, taken.details.sender]).toEqual(['key_taken', POLTAVA.code]);
    const again = await failure(rt, 'inbox:addKey', { senderCode: POLTAVA.code, senderName: POLTAVA.name, publicKey: formatPublicKey(key) });
    expect(again.details.reason).toBe('key_registered');

    const retired = await call(rt, 'inbox:retireKey', { keyId: keyIdHex(key.keyId), validTo: '2026-12-01T00:00:00Z' });
    expect(retired.validTo).toBe('2026-12-01T00:00:00Z');
    expect((await failure(rt, 'inbox:retireKey', { keyId: keyIdHex(key.keyId) })).details.reason).toBe('key_retired');
    expect((await failure(rt, 'inbox:retireKey', { keyId: '0000000000000000' })).code).toBe('NOT_FOUND');

    const audit = db(rt).prepare("SELECT action, details FROM audit_events WHERE action LIKE 'inbox%' ORDER BY seq").all() as { action: string; details: string }[];
    expect(audit.map((a) => a.action)).toEqual(['inbox_key.added', 'inbox_key.added', 'inbox_key.retired']);
    // Public halves and ids only: never a key's bytes in the log.
    for (const a of audit) expect(a.details).not.toContain(publicKeyBase64(key));
  });

  it('refuses key changes to a user without reports.sign, and lets an analyst read', async () => {
    const rt = await adminRuntime();
    await call(rt, 'users:add', { login: 'analityk', displayName: 'Аналітик Звітів', roles: ['analyst'], initialPassphrase: 'тимчасовий пароль 12345' });
    await call(rt, 'session:lock', {});
    await call(rt, 'session:unlock', { login: 'analityk', passphrase: 'тимчасовий пароль 12345' });
    await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль 12345', next: 'власний пароль аналітика' });
    expect(await call(rt, 'inbox:keys', {})).toEqual([]);
    expect((await call(rt, 'inbox:status', { period: '2026-Q3' })).senders).toEqual([]);
    expect((await failure(rt, 'inbox:addKey', { senderCode: POLTAVA.code, senderName: POLTAVA.name, publicKey: formatPublicKey(generateKeyPair()) })).code).toBe('FORBIDDEN');
    expect((await failure(rt, 'inbox:import', { files: [{ name: 'a.zip', data: base64(senderBundle(generateKeyPair())) }] })).code).toBe('FORBIDDEN');
  });
});

describe('import', () => {
  it('accepts a valid bundle, keeps its report, and refuses a replay, a rollback, and supersedes with a newer one', async () => {
    const rt = await officer();
    const key = generateKeyPair();
    await registerKey(rt, key);
    const first = await importOne(rt, senderBundle(key), 'poltava-1.zip');
    expect(first).toEqual({ name: 'poltava-1.zip', status: 'accepted', reason: null, reasonWords: null, sender: POLTAVA.code, period: '2026-Q3', profile: 'ministry', generatedAt: '2026-10-05T09:30:00Z' });
    const stored = db(rt).prepare("SELECT report_json FROM received_bundles WHERE status = 'accepted'").pluck().get() as string;
    expect(stored).toBe(canonicalize(senderReport()));

    const replay = await importOne(rt, senderBundle(key), 'poltava-1-again.zip');
    expect([replay.status, replay.reason]).toEqual(['invalid', 'replay']);
    expect(replay.reasonWords).toMatch(/уже отримано/);
    const newer = await importOne(rt, senderBundle(key, { generatedAt: '2026-10-07T10:00:00Z', seed: 8 }), 'poltava-2.zip');
    expect(newer.status).toBe('accepted');
    const rollback = await importOne(rt, senderBundle(key, { generatedAt: '2026-10-06T10:00:00Z' }), 'poltava-between.zip');
    expect([rollback.status, rollback.reason]).toEqual(['invalid', 'rollback']);
    // The superseded one played again is a replay still, not a way back.
    expect((await importOne(rt, senderBundle(key), 'poltava-1-third.zip')).reason).toBe('replay');

    const status = await call(rt, 'inbox:status', { period: '2026-Q3' });
    expect(status.senders).toHaveLength(1);
    const row = status.senders[0]!;
    expect(row).toMatchObject({ sender: POLTAVA, state: 'received', superseded: 1 });
    expect(row.accepted.map((a) => [a.fileName, a.generatedAt, a.keyId])).toEqual([['poltava-2.zip', '2026-10-07T10:00:00Z', keyIdHex(key.keyId)]]);
    expect(row.latestInvalid).toMatchObject({ fileName: 'poltava-1-third.zip', reason: 'replay' });
    expect((await call(rt, 'inbox:status', { period: '2026-Q2' })).senders[0]!.state).toBe('missing');

    const audits = db(rt).prepare("SELECT details FROM audit_events WHERE action = 'inbox.imported' ORDER BY seq").pluck().all() as string[];
    expect(audits).toHaveLength(5);
    expect(JSON.parse(audits[2]!)).toEqual({ files: 1, accepted: 1, invalid: 0, superseded: 1, reasons: [] });
    expect(JSON.parse(audits[1]!)).toMatchObject({ files: 1, accepted: 0, invalid: 1, reasons: ['replay'] });
  });

  it('orders one batch by generation: the older of two is superseded, not a rollback, whatever the file names', async () => {
    const rt = await officer();
    const key = generateKeyPair();
    await registerKey(rt, key);
    const result = await call(rt, 'inbox:import', {
      files: [
        { name: 'a-newer.zip', data: base64(senderBundle(key, { generatedAt: '2026-10-09T00:00:00Z' })) },
        { name: 'b-older.zip', data: base64(senderBundle(key, { generatedAt: '2026-10-02T00:00:00Z' })) },
        { name: 'c-same-as-newer.zip', data: base64(senderBundle(key, { generatedAt: '2026-10-09T00:00:00Z' })) },
      ],
    });
    expect(result.files.map((f) => [f.name, f.status, f.reason])).toEqual([
      ['a-newer.zip', 'accepted', null],
      ['b-older.zip', 'superseded', null],
      ['c-same-as-newer.zip', 'invalid', 'replay'],
    ]);
    expect([result.accepted, result.invalid]).toEqual([2, 1]);
  });

  it('refuses a bundle signed by a key registered to another sender, and a key outside its validity', async () => {
    const rt = await officer();
    const poltava = generateKeyPair();
    const kyiv = generateKeyPair();
    await registerKey(rt, poltava);
    await registerKey(rt, kyiv, KYIV);
    // Kyiv's key signing a bundle in Poltava's name: the signature is good, the sender is not.
    const forged = await importOne(rt, senderBundle(kyiv, { sender: POLTAVA }));
    expect([forged.status, forged.reason, forged.sender]).toEqual(['invalid', 'wrong_sender', KYIV.code]);

    await call(rt, 'inbox:retireKey', { keyId: keyIdHex(poltava.keyId), validTo: '2026-10-06T00:00:00Z' });
    const late = await importOne(rt, senderBundle(poltava, { generatedAt: '2026-10-06T00:00:00Z' }));
    expect([late.status, late.reason, late.sender]).toEqual(['invalid', 'key_not_valid_then', POLTAVA.code]);
    expect((await importOne(rt, senderBundle(poltava, { generatedAt: '2026-10-05T23:59:59Z' }))).status).toBe('accepted');
    const early = generateKeyPair();
    await registerKey(rt, early, ZHYTOMYR, '2026-10-10T00:00:00Z');
    expect((await importOne(rt, senderBundle(early, { sender: ZHYTOMYR }))).reason).toBe('key_not_valid_then');

    const status = await call(rt, 'inbox:status', { period: '2026-Q3' });
    const states = Object.fromEntries(status.senders.map((s) => [s.sender.code, [s.state, s.latestInvalid?.reason ?? null]]));
    expect(states).toEqual({ [POLTAVA.code]: ['received', 'key_not_valid_then'], [KYIV.code]: ['invalid', 'wrong_sender'], [ZHYTOMYR.code]: ['invalid', 'key_not_valid_then'] });
  });

  it('refuses a report that is malformed or disagrees with its signed header, and an unknown sender', async () => {
    const rt = await officer();
    const key = generateKeyPair();
    await registerKey(rt, key);
    const other = canonicalize(senderReport({ period: '2026-Q2' }))!;
    expect((await importOne(rt, senderBundle(key, { reportJson: other }))).reason).toBe('report_mismatch');
    expect((await importOne(rt, senderBundle(key, { reportJson: '{"format":"zlagoda-report/1"}', generatedAt: '2026-10-05T09:31:00Z' }))).reason).toBe('report_malformed');
    const pretty = JSON.stringify(senderReport(), null, 2);
    expect((await importOne(rt, senderBundle(key, { reportJson: pretty, generatedAt: '2026-10-05T09:32:00Z' }))).reason).toBe('report_malformed');
    const stranger = await importOne(rt, senderBundle(generateKeyPair(), { sender: ZHYTOMYR }), 'stranger.zip');
    expect([stranger.reason, stranger.sender, stranger.period]).toEqual(['unknown_key', ZHYTOMYR.code, '2026-Q3']);
    const broken = await importOne(rt, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'broken.zip');
    expect([broken.status, broken.sender, broken.period]).toEqual(['invalid', null, null]);
    expect(broken.reasonWords).toBeTruthy();

    const status = await call(rt, 'inbox:status', { period: '2026-Q3' });
    expect(status.senders[0]).toMatchObject({ state: 'invalid', latestInvalid: { reason: 'report_malformed' } });
    expect(status.unknown.map((u) => [u.fileName, u.sender, u.reason])).toEqual([
      ['stranger.zip', ZHYTOMYR.code, 'unknown_key'],
      ['broken.zip', null, broken.reason],
    ]);
    expect(db(rt).prepare('SELECT count(*) FROM received_bundles WHERE report_json IS NOT NULL').pluck().get()).toBe(0);
  });

  it('refuses input that is not a zip’s base64 as a whole, before anything is stored', async () => {
    const rt = await officer();
    expect((await failure(rt, 'inbox:import', { files: [{ name: 'a.zip', data: 'aGVsbG8=' }] })).code).toBe('VALIDATION');
    expect((await failure(rt, 'inbox:import', { files: Array.from({ length: 21 }, (_, i) => ({ name: `${i}.zip`, data: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' })) })).code).toBe('VALIDATION');
    // An empty zip is a zip: refused as a bundle, with its reason, and recorded.
    const empty = await call(rt, 'inbox:import', { files: [{ name: 'empty.zip', data: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' }] });
    expect(empty.files[0]).toMatchObject({ status: 'invalid', reason: 'missing_signature' });
  });
});

describe('key rotation', () => {
  it('trusts the new key from the statement’s date on the old key’s word, and closes the old one then', async () => {
    const rt = await officer();
    const old = generateKeyPair();
    const next = generateKeyPair();
    await registerKey(rt, old);
    const at = '2026-10-06T12:00:00.000Z';
    const { statement, signature } = rotation(POLTAVA.code, old, next, at);

    // Refusals first: another sender's statement, a statement altered, a signature by a key not this sender's.
    await registerKey(rt, generateKeyPair(), KYIV);
    expect((await failure(rt, 'inbox:applyRotation', { senderCode: KYIV.code, statement, signature })).details.reason).toBe('rotation_sender');
    expect((await failure(rt, 'inbox:applyRotation', { senderCode: POLTAVA.code, statement: statement.replace('2026-10-06', '2026-10-01'), signature })).details.reason).toBe('rotation_bad_signature');
    const stranger = generateKeyPair();
    expect((await failure(rt, 'inbox:applyRotation', { senderCode: POLTAVA.code, ...rotation(POLTAVA.code, stranger, next, at) })).details.reason).toBe('rotation_unknown_key');
    expect((await failure(rt, 'inbox:applyRotation', { senderCode: ZHYTOMYR.code, statement, signature })).details.reason).toBe('sender_unknown');

    const added = await call(rt, 'inbox:applyRotation', { senderCode: POLTAVA.code, statement, signature });
    expect(added).toMatchObject({ keyId: keyIdHex(next.keyId), validFrom: at, validTo: null, source: 'rotation' });
    const keys = (await call(rt, 'inbox:keys', {})).find((s) => s.code === POLTAVA.code)!.keys;
    expect(keys.map((k) => [k.keyId, k.validTo])).toEqual([
      [keyIdHex(old.keyId), at],
      [keyIdHex(next.keyId), null],
    ]);
    expect((await failure(rt, 'inbox:applyRotation', { senderCode: POLTAVA.code, statement, signature })).details.reason).toBe('key_registered');

    expect((await importOne(rt, senderBundle(next, { generatedAt: '2026-10-07T08:00:00Z' }), 'new-key.zip')).status).toBe('accepted');
    const byOld = await importOne(rt, senderBundle(old, { generatedAt: '2026-10-08T08:00:00Z' }), 'old-key-after.zip');
    expect([byOld.status, byOld.reason]).toEqual(['invalid', 'key_not_valid_then']);
    // Before the rotation the old key was good (another period, so no rollback).
    expect((await importOne(rt, senderBundle(old, { period: '2026-Q2', generatedAt: '2026-07-03T08:00:00Z' }), 'old-key-before.zip')).status).toBe('accepted');

    // A rotation signed by a key no longer valid on the statement's date is refused.
    const third = generateKeyPair();
    const late = rotation(POLTAVA.code, old, third, '2026-10-09T00:00:00.000Z');
    expect((await failure(rt, 'inbox:applyRotation', { senderCode: POLTAVA.code, ...late })).details.reason).toBe('rotation_key_not_valid');
    const actions = db(rt).prepare("SELECT action FROM audit_events WHERE action = 'inbox_key.rotated'").pluck().all();
    expect(actions).toHaveLength(1);
  });
});

describe('the consolidated report', () => {
  it('sums the accepted ministry bundles of the period, and suppresses the publication after summing', async () => {
    const rt = await officer();
    expect((await failure(rt, 'inbox:consolidated', { period: '2026-Q3', profile: 'ministry' })).details.reason).toBe('nothing_received');
    const keys: [typeof POLTAVA, MinisignSecretKey][] = [POLTAVA, KYIV, ZHYTOMYR].map((s) => [s, generateKeyPair()]);
    for (const [sender, key] of keys) await registerKey(rt, key, sender);
    const result = await call(rt, 'inbox:import', {
      files: keys.map(([sender, key], i) => ({ name: `${sender.code}.zip`, data: base64(senderBundle(key, { sender, seed: 30 + i })) })),
    });
    expect(result.accepted).toBe(3);
    // A publication bundle is accepted and kept, but not summed.
    await importOne(rt, senderBundle(keys[0]![1], { profile: 'publication', generatedAt: '2026-10-05T09:40:00Z' }));

    const ministry = await call(rt, 'inbox:consolidated', { period: '2026-Q3', profile: 'ministry' });
    const expected = consolidatedReport(
      keys.map(([sender], i) => canonicalize(senderReport({ sender, seed: 30 + i }))!),
      { code: 'UA00000000000000000', name: 'Україна' },
      { profile: 'ministry', computedAt: ministry.computedAt, softwareVersion: ministry.softwareVersion },
    );
    expect(ministry).toEqual(expected);
    expect(ministry.senders).toEqual([ZHYTOMYR.code, KYIV.code, POLTAVA.code]);
    const apps = (r: typeof ministry) => r.tables.find((t) => t.name === 'status.applications')!.current.total;
    const single = (i: number) => apps(senderReport({ sender: keys[i]![0], seed: 30 + i })) as number;
    expect(apps(ministry)).toBe(single(0) + single(1) + single(2));

    const publication = await call(rt, 'inbox:consolidated', { period: '2026-Q3', profile: 'publication' });
    expect(publication.profile).toBe('publication');
    expect(publication.threshold).toBe(5);
    const cells = publication.tables.filter((t) => t.protected).flatMap((t) => [...t.current.cells.flat(), ...t.current.rowTotals]);
    for (const cell of cells) if (!isSuppressed(cell)) expect(cell === 0 || cell >= 5).toBe(true);
  });
});
