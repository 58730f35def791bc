import { createHash, randomUUID } from 'node:crypto';
import type { InboxStatus, StatusRow } from '../../../shared/domain/inbox';
import { AppError } from '../../../shared/errors';
import { ConsolidationError } from '../../../shared/reports/consolidate';
import { parsePeriod, previousPeriod, yearEarlier } from '../../../shared/reports/periods';
import type { ProfiledReport } from '../../../shared/reports/profile';
import type { ReportProfile } from '../../../shared/reports/report';
import { relatedReleases, recordRelease } from '../reports/releases.repository';
import { writeZip } from '../../bundles/zip-write';
import { outputFiles, reportJson, reportStem } from '../../documents/reports/report-files';
import type { FeatureHandlers } from '../../kernel/context';
import type { Db } from '../../store/connection';
import { formatPublicKey, keyIdHex, parsePublicKey } from '../../bundles/minisign';
import { getSetting } from '../../store/settings';
import { refuse } from '../persons/persons.repository';
import { getTerritories } from '../territories/territories.repository';
import { receive, type Incoming } from './inbox.check';
import { consolidatedProfiled, NATIONAL } from './inbox.consolidation';
import {
  acceptedReports,
  closeKey,
  findKey,
  findSender,
  insertKey,
  insertReceived,
  listSenders,
  markSuperseded,
  priorBundles,
  receivedInPeriod,
  receivedOf,
  registeredKeys,
  saveSender,
  statementApplied,
  unplacedRefusals,
} from './inbox.repository';
import { checkRotation } from './inbox.rotation';
import { inboxRefusalWords } from './inbox.words';

/** How many refusals with no period the status table shows beside the period's own. */
const UNPLACED_SHOWN = 20;

/** Base64 as the window sends it; anything that does not read back the same is not taken as bytes. */
function strictBase64(text: string): Uint8Array | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? new Uint8Array(bytes) : null;
}

/**
 * The recipient's inbox. Every attempt is stored with its verdict (a refusal is evidence too); audit details carry
 * codes, key ids and counts only: bundles hold aggregates, and nothing secret crosses here.
 */
export const inboxHandlers = {
  'inbox:keys': (_input, { store }) => listSenders(store.db),

  'inbox:addKey': (input, { store, session, audit, now }) => {
    const key = parsePublicKey(input.publicKey.trim());
    if (!key) return refuse({ reason: 'key_malformed' });
    const keyId = keyIdHex(key.keyId);
    const taken = findKey(store.db, keyId);
    if (taken) refuse({ reason: taken.senderCode === input.senderCode ? 'key_registered' : 'key_taken', details: { keyId, sender: taken.senderCode } });
    const at = now.toISOString();
    saveSender(store.db, input.senderCode, input.senderName, session.userId, at);
    const saved = insertKey(store.db, { keyId, senderCode: input.senderCode, publicKey: formatPublicKey(key), validFrom: input.validFrom ?? at, source: 'added' }, session.userId, at);
    audit({ action: 'inbox_key.added', entity: 'inbox_key', entityId: keyId, details: { sender: input.senderCode, keyId, validFrom: saved.validFrom } });
    return saved;
  },

  'inbox:retireKey': (input, { store, audit, now }) => {
    const key = findKey(store.db, input.keyId);
    if (!key) throw new AppError('NOT_FOUND', 'no such key');
    if (key.validTo) refuse({ reason: 'key_retired', details: { validTo: key.validTo } });
    const validTo = input.validTo ?? now.toISOString();
    if (Date.parse(validTo) <= Date.parse(key.validFrom)) refuse({ reason: 'validity_order' });
    closeKey(store.db, key.keyId, validTo);
    audit({ action: 'inbox_key.retired', entity: 'inbox_key', entityId: key.keyId, details: { sender: key.senderCode, keyId: key.keyId, validTo } });
    return findKey(store.db, key.keyId)!;
  },

  'inbox:applyRotation': (input, { store, session, audit, now }) => {
    if (!findSender(store.db, input.senderCode)) refuse({ reason: 'sender_unknown' });
    // The same statement again: its key is in already (its old key, closed at the date, would not verify it now).
    if (statementApplied(store.db, input.senderCode, input.statement)) refuse({ reason: 'key_registered' });
    const keys = registeredKeys(store.db).filter((k) => k.sender === input.senderCode);
    const checked = checkRotation(input.senderCode, input.statement, input.signature, keys);
    if (!checked.ok) return refuse({ reason: checked.reason, details: { detail: checked.detail } });
    const taken = findKey(store.db, checked.newKeyId);
    if (taken) refuse({ reason: taken.senderCode === input.senderCode ? 'key_registered' : 'key_taken', details: { keyId: checked.newKeyId, sender: taken.senderCode } });
    const old = findKey(store.db, checked.oldKeyId)!;
    // The old key signs nothing generated after the date it handed over; an earlier close stays.
    if (!old.validTo || Date.parse(old.validTo) > Date.parse(checked.date)) closeKey(store.db, old.keyId, checked.date);
    const saved = insertKey(
      store.db,
      { keyId: checked.newKeyId, senderCode: input.senderCode, publicKey: formatPublicKey(checked.newKey), validFrom: checked.date, source: 'rotation', statement: input.statement, statementSignature: input.signature },
      session.userId,
      now.toISOString(),
    );
    audit({ action: 'inbox_key.rotated', entity: 'inbox_key', entityId: checked.newKeyId, details: { sender: input.senderCode, from: checked.oldKeyId, to: checked.newKeyId, date: checked.date } });
    return saved;
  },

  'inbox:import': (input, { store, session, audit, now }) => {
    const files: Incoming[] = input.files.map((f) => ({ id: randomUUID(), name: f.name, bytes: strictBase64(f.data) }));
    const { decisions, superseded } = receive(files, registeredKeys(store.db), (sender, period, profile) => priorBundles(store.db, sender, period, profile));
    const at = now.toISOString();
    markSuperseded(store.db, superseded);
    for (const d of decisions) insertReceived(store.db, d, session.userId, at);
    const count = (status: string) => decisions.filter((d) => d.status === status).length;
    const accepted = count('accepted') + count('superseded');
    const invalid = count('invalid');
    audit({
      action: 'inbox.imported',
      entity: 'received_bundle',
      details: { files: decisions.length, accepted, invalid, superseded: superseded.length + count('superseded'), reasons: [...new Set(decisions.flatMap((d) => (d.reason ? [d.reason] : [])))] },
    });
    return {
      files: decisions.map((d) => ({
        name: d.name,
        status: d.status,
        reason: d.reason,
        reasonWords: d.reason ? inboxRefusalWords(d.reason) : null,
        sender: d.claim.sender,
        period: d.claim.period,
        profile: d.claim.profile,
        generatedAt: d.claim.generatedAt,
      })),
      accepted,
      invalid,
    };
  },

  'inbox:status': (input, { store }): InboxStatus => {
    const senders = listSenders(store.db);
    const rows = receivedInPeriod(store.db, input.period);
    const registered = new Set(senders.map((s) => s.code));
    const table: StatusRow[] = senders.map((s) => {
      const own = rows.filter((r) => r.senderCode === s.code);
      const accepted = own.filter((r) => r.status === 'accepted').map(receivedOf);
      const invalid = own.filter((r) => r.status === 'invalid');
      const latest = invalid.at(-1);
      return {
        sender: { code: s.code, name: s.name },
        state: accepted.length > 0 ? 'received' : invalid.length > 0 ? 'invalid' : 'missing',
        accepted,
        latestInvalid: latest ? receivedOf(latest) : null,
        superseded: own.filter((r) => r.status === 'superseded').length,
      };
    });
    const foreign = rows.filter((r) => !r.senderCode || !registered.has(r.senderCode)).reverse();
    const unknown = [...foreign, ...unplacedRefusals(store.db, UNPLACED_SHOWN)].map((r) => ({ ...receivedOf(r), sender: r.senderCode, period: r.period }));
    return { period: input.period, senders: table, unknown };
  },

  'inbox:consolidated': (input, { store, core, now }) => consolidatedOf(store.db, input, now, core.deps.version).report,

  'inbox:export': async (input, { core, session }) => {
    const store = core.requireStore();
    const now = core.deps.env.clock();
    const built = store.db.transaction(() => consolidatedOf(store.db, input, now, core.deps.version))();
    const report = built.report;
    const files = await outputFiles(report, input.output);
    const stem = reportStem(report);
    const file =
      files.length === 1
        ? { fileName: `${stem}-${files[0]!.name}`, mimeType: files[0]!.mimeType, bytes: files[0]!.bytes }
        : { fileName: `${stem}-${input.output}.zip`, mimeType: 'application/zip', bytes: writeZip(new Map(files.map((f) => [f.name, f.bytes]))) };
    // What left goes into the release log beside the office's own, so a later publication hides consistently with it.
    store.db.transaction(() => {
      const id = recordRelease(store.db, {
        period: report.period,
        profile: report.profile,
        threshold: report.threshold,
        form: 'files',
        reportHash: createHash('sha256').update(reportJson(report)).digest('hex'),
        auditCount: report.data.auditCount,
        tables: built.released.tables,
        suppressed: built.released.suppressed,
        at: now.toISOString(),
        by: session!.userId,
      });
      core.audit({
        action: 'document.consolidated_report',
        entity: 'received_bundle',
        entityId: id,
        details: { period: input.period, profile: input.profile, output: input.output, senders: report.senders?.length ?? 0 },
      });
    })();
    return { fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') };
  },
} satisfies FeatureHandlers<'inbox'>;

/**
 * The consolidation of the period's accepted ministry bundles, for the store's oblast (or Ukraine, at the Ministry),
 * with the office's k and, for a publication, the earlier publications of the release log.
 */
function consolidatedOf(db: Db, input: { period: string; profile: ReportProfile }, now: Date, softwareVersion: string): ProfiledReport {
  const reports = acceptedReports(db, input.period, 'ministry');
  if (reports.length === 0) refuse({ reason: 'nothing_received', details: { period: input.period } });
  const oblast = getSetting(db, 'territoryOptions').oblast;
  const recipient = oblast ? { code: oblast, name: getTerritories(db, [oblast])[0]?.name ?? oblast } : NATIONAL;
  const period = parsePeriod(input.period);
  const earliest = period ? [period.from, previousPeriod(period).from, yearEarlier(period).from].sort()[0]! : `${input.period.slice(0, 4)}-01-01`;
  try {
    return consolidatedProfiled(reports, recipient, {
      profile: input.profile,
      computedAt: now.toISOString(),
      softwareVersion,
      k: getSetting(db, 'reportOptions').threshold,
      related: input.profile === 'publication' ? relatedReleases(db, earliest) : [],
    });
  } catch (error) {
    if (error instanceof ConsolidationError) refuse({ reason: 'not_summable', details: { detail: error.message } });
    throw error;
  }
}
