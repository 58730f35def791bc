import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { InboxRefusal, ReceivedStatus } from '../../../shared/domain/inbox';
import { reportSchema, type Report } from '../../../shared/reports/report';
import { DATA_NAME, SIGNATURE, TAG_FILES } from '../../bundles/bundle';
import { parseComment } from '../../bundles/bundle-header';
import { keyIdHex, parseSignature } from '../../bundles/minisign';
import { verifyBundle, type BundleRefusal, type TrustedKey } from '../../bundles/verify-bundle';
import { DEFAULT_LIMITS, readZip } from '../../bundles/zip-read';

/**
 * What the recipient does with each bundle it is given, without a store: the bundle checked before anything in it is
 * read, then its signer held to the sender it names, then its report parsed and held to its header, then its place
 * among the bundles already received (security.md §5.3, and S5: replay and rollback). The app's import and the
 * `zlagoda consolidate` command both run this; only where the ledger lives differs.
 */

export const REPORT_JSON = 'data/report.json';

/** A key of the register: whose it is, and when it may sign. */
export interface RegisteredKey extends TrustedKey {
  sender: string;
}

export type Refusal = BundleRefusal | InboxRefusal;

/** What a bundle says of itself: verified for an accepted one, only claimed (from its signature line) otherwise. */
export interface Claim {
  sender: string | null;
  period: string | null;
  profile: string | null;
  generatedAt: string | null;
  keyId: string | null;
}

export type Check = { ok: true; claim: Claim & { sender: string; period: string; profile: string; generatedAt: string; keyId: string }; report: Report; reportJson: string } | { ok: false; reason: Refusal; detail: string; claim: Claim };

// The office documents are zips themselves: only these two payload names may hold one.
const LIMITS = { ...DEFAULT_LIMITS, mayBeArchive: (name: string) => name === 'data/report.xlsx' || name === 'data/report.docx' };
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function checkBundle(bytes: Uint8Array, keys: readonly RegisteredKey[]): Check {
  const verdict = verifyBundle(bytes, keys, { limits: LIMITS });
  if (!verdict.ok) return { ok: false, reason: verdict.reason, detail: verdict.detail, claim: claimOf(bytes, keys) };
  const h = verdict.header;
  const claim = { sender: h.oblast, period: h.period, profile: h.profile, generatedAt: h.generatedAt, keyId: verdict.keyId };
  const refuse = (reason: InboxRefusal, detail: string, sender = h.oblast): Check => ({ ok: false, reason, detail, claim: { ...claim, sender } });

  // A key speaks only for its own sender: a raion's key signing a bundle in another's name is refused, and the
  // refusal is put down to the signer, the one party the signature proves.
  const owner = keys.find((k) => k.keyId.toUpperCase() === verdict.keyId)!.sender;
  if (owner !== h.oblast) return refuse('wrong_sender', `signed by ${verdict.keyId} of ${owner}, names ${h.oblast}`, owner);

  const raw = verdict.files.get(REPORT_JSON);
  if (!raw) return refuse('report_malformed', `no ${REPORT_JSON}`);
  let text: string;
  let parsed: unknown;
  try {
    text = decoder.decode(raw);
    parsed = JSON.parse(text);
  } catch {
    return refuse('report_malformed', 'not UTF-8 JSON');
  }
  if (text.startsWith('\uFEFF')) return refuse('report_malformed', 'byte order mark');
  // Signed bytes are canonical JSON (RFC 8785): anything else was not made by the app, whatever it parses to.
  if (canonicalize(parsed) !== text) return refuse('report_malformed', 'not canonical JSON (RFC 8785)');
  const report = reportSchema.safeParse(parsed);
  if (!report.success) {
    const issue = report.error.issues[0];
    return refuse('report_malformed', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`.slice(0, 300));
  }
  const r = report.data;
  const mismatch = [
    r.oblast.code !== h.oblast && `oblast ${r.oblast.code}`,
    r.period.id !== h.period && `period ${r.period.id}`,
    r.profile !== h.profile && `profile ${r.profile}`,
  ].filter(Boolean);
  if (mismatch.length > 0) return refuse('report_mismatch', `the report says ${mismatch.join(', ')}; the signed header says ${h.oblast} ${h.period} ${h.profile}`);
  return { ok: true, claim, report: r, reportJson: text };
}

/**
 * For a refused bundle, what it claims to be, to place the refusal in the status table: the trusted comment of its
 * signature file (read within the same limits, parsed by the same strict rules), else the register's owner of the
 * key id it names. Never used to accept anything.
 */
function claimOf(bytes: Uint8Array, keys: readonly RegisteredKey[]): Claim {
  const none: Claim = { sender: null, period: null, profile: null, generatedAt: null, keyId: null };
  const names = new Set<string>([...TAG_FILES, SIGNATURE]);
  const read = readZip(bytes, { ...LIMITS, allow: (name) => names.has(name) || DATA_NAME.test(name) });
  const signature = read.ok ? read.entries.get(SIGNATURE) : undefined;
  if (!signature) return none;
  let parsed: ReturnType<typeof parseSignature>;
  try {
    parsed = parseSignature(decoder.decode(signature));
  } catch {
    return none;
  }
  if (typeof parsed === 'string') return none;
  const keyId = keyIdHex(parsed.keyId);
  const comment = parseComment(parsed.trustedComment);
  const owner = keys.find((k) => k.keyId.toUpperCase() === keyId)?.sender ?? null;
  if (!comment) return { ...none, sender: owner, keyId };
  return { sender: comment.oblast, period: comment.period, profile: comment.profile, generatedAt: comment.generatedAt, keyId };
}

/** A bundle already in the ledger of (sender, period, profile). */
export interface PriorBundle {
  id: string;
  generatedAt: string;
  status: 'accepted' | 'superseded';
}

/** Which of the ledger's bundles of a sender, period and profile were accepted before (accepted or superseded). */
export type Lookup = (sender: string, period: string, profile: string) => PriorBundle[];

export interface Incoming {
  /** The id its record will have. */
  id: string;
  name: string;
  /** null: the window sent something that is not base64. */
  bytes: Uint8Array | null;
}

export interface Decision {
  id: string;
  name: string;
  sha256: string;
  size: number;
  status: ReceivedStatus;
  reason: Refusal | null;
  detail: string;
  claim: Claim;
  report: Report | null;
  reportJson: string | null;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * A batch of bundles against the ledger. Bundles that check are placed in the order they were generated, so that a
 * folder holding an older and a newer bundle of one sender gives the newer one accepted and the older superseded,
 * whichever file name sorts first. The same (sender, period, profile, generated-at) again is a replay; an older
 * generated-at than the one accepted is a rollback; a newer one is accepted and the accepted one superseded.
 * Returns the decisions in the order given, and the ledger's ids that the batch supersedes.
 */
export function receive(files: readonly Incoming[], keys: readonly RegisteredKey[], lookup: Lookup): { decisions: Decision[]; superseded: string[] } {
  const decisions: Decision[] = files.map((f) => {
    const bytes = f.bytes ?? new Uint8Array();
    const base = { id: f.id, name: f.name, sha256: sha256(bytes), size: bytes.length, report: null, reportJson: null };
    if (!f.bytes) return { ...base, status: 'invalid', reason: 'not_zip', detail: 'not base64', claim: { sender: null, period: null, profile: null, generatedAt: null, keyId: null } };
    const check = checkBundle(f.bytes, keys);
    if (!check.ok) return { ...base, status: 'invalid', reason: check.reason, detail: check.detail, claim: check.claim };
    return { ...base, status: 'accepted', reason: null, detail: '', claim: check.claim, report: check.report, reportJson: check.reportJson };
  });

  const batch = new Map<string, PriorBundle[]>();
  const superseded: string[] = [];
  const ordered = decisions.filter((d) => d.status === 'accepted').sort((a, b) => Date.parse(a.claim.generatedAt!) - Date.parse(b.claim.generatedAt!) || (a.name < b.name ? -1 : 1));
  for (const d of ordered) {
    const { sender, period, profile, generatedAt } = d.claim as { sender: string; period: string; profile: string; generatedAt: string };
    const key = `${sender}|${period}|${profile}`;
    const known = batch.get(key) ?? lookup(sender, period, profile).map((p) => ({ ...p }));
    batch.set(key, known);
    const at = Date.parse(generatedAt);
    const same = known.find((p) => Date.parse(p.generatedAt) === at);
    const accepted = known.find((p) => p.status === 'accepted');
    if (same) Object.assign(d, { status: 'invalid', reason: 'replay', detail: `${sender} ${period} ${profile} generated ${generatedAt} was received before`, report: null, reportJson: null });
    else if (accepted && at < Date.parse(accepted.generatedAt)) Object.assign(d, { status: 'invalid', reason: 'rollback', detail: `generated ${generatedAt}, before the accepted ${accepted.generatedAt}`, report: null, reportJson: null });
    else {
      if (accepted) {
        accepted.status = 'superseded';
        const inBatch = decisions.find((x) => x.id === accepted.id);
        if (inBatch) inBatch.status = 'superseded';
        else superseded.push(accepted.id);
      }
      known.push({ id: d.id, generatedAt, status: 'accepted' });
    }
  }
  return { decisions, superseded };
}
