import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { ProfiledReport } from '../../../shared/reports/profile';
import { bundleParts, makeBundle } from '../../bundles/bundle';
import { writeZip } from '../../bundles/zip-write';
import { keyIdHex } from '../../bundles/minisign';
import type { BaseContext, FeatureHandlers } from '../../kernel/context';
import { getSetting, putSetting } from '../../store/settings';
import { refuse } from '../persons/persons.repository';
import { recordRelease, releases } from './releases.repository';
import { buildReport } from './report-build';
import { caseLevelExport, caseLevelRows } from './case-level';
import { outputFiles, reportJson, reportStem, type CaseFiles } from '../../documents/reports/report-files';
import { createKey, currentKey, currentSecret, previousKeys, rotateKey } from './signing-keys.repository';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A publication with a small count no hiding protects does not leave: the officer merges categories or waits. */
function refuseUnprotected(built: ProfiledReport): void {
  if (built.unprotected.length > 0) refuse({ reason: 'unprotected_cells', details: { count: built.unprotected.length, tables: [...new Set(built.unprotected.map((c) => c.table))] } });
}

/**
 * The case-level export, when asked for: the Ministry's profile only (a publication holds aggregates alone), made
 * under a key used once (two exports cannot be joined to each other or to the register), and refused while any
 * combination of its quasi-identifiers is rarer than k. The refusal names how many, never which.
 */
function casesFor(ctx: BaseContext, built: ProfiledReport, outputs: readonly string[]): CaseFiles | undefined {
  if (!outputs.includes('cases')) return undefined;
  if (built.report.profile !== 'ministry') refuse({ reason: 'cases_ministry_only' });
  const db = ctx.core.requireStore().db;
  const k = getSetting(db, 'reportOptions').threshold;
  const made = caseLevelExport(caseLevelRows(db, built.report.period, randomBytes(32)), k);
  if (!made.ok) return refuse({ reason: 'cases_too_rare', details: { combinations: made.violations.length, k } });
  return { csv: made.csv, codebook: made.codebook };
}

/** Logs what left and audits it, in one transaction after the files were made. */
function release(ctx: BaseContext, built: ProfiledReport, form: 'files' | 'bundle', action: string, details: Record<string, unknown>): void {
  const store = ctx.core.requireStore();
  const report = built.report;
  store.db.transaction(() => {
    const id = recordRelease(store.db, {
      period: report.period,
      profile: report.profile,
      threshold: report.threshold,
      form,
      reportHash: sha256(reportJson(report)),
      auditCount: report.data.auditCount,
      tables: built.released.tables,
      suppressed: built.released.suppressed,
      at: ctx.core.deps.env.clock().toISOString(),
      by: ctx.session!.userId,
    });
    ctx.core.audit({ action, entity: 'report', entityId: id, details: { period: report.period.id, profile: report.profile, suppressed: built.suppressed.length, ...details } });
  })();
}

/** Reports for the Ministry: the report of a period in two profiles, its outputs, signed bundles, and the key that signs them. */
export const reportsHandlers = {
  'reports:keys': (_input, { store }) => ({ current: currentKey(store.db), previous: previousKeys(store.db) }),

  'reports:createKey': (_input, { store, session, audit, now }) => {
    if (currentKey(store.db)) refuse({ reason: 'key_exists' });
    const key = createKey(store.db, session.userId, now.toISOString());
    audit({ action: 'signing_key.created', entity: 'signing_key', entityId: key.keyId, details: { keyId: key.keyId } });
    return key;
  },

  'reports:rotateKey': (_input, { store, session, audit, now }) => {
    const old = currentKey(store.db);
    const key = rotateKey(store.db, getSetting(store.db, 'territoryOptions').oblast, session.userId, now.toISOString());
    if (!old || !key) return refuse({ reason: 'no_key' });
    audit({ action: 'signing_key.rotated', entity: 'signing_key', entityId: key.keyId, details: { from: old.keyId, to: key.keyId } });
    return key;
  },

  'reports:publicKeyFile': (_input, { store }) => {
    const key = currentKey(store.db);
    if (!key) throw new AppError('NOT_FOUND', 'no signing key yet', { reason: 'no_key' });
    return { fileName: `zlagoda-${key.keyId}.pub`, mimeType: 'text/plain', base64: Buffer.from(key.publicKey, 'utf8').toString('base64') };
  },

  'reports:options': (_input, { store }) => getSetting(store.db, 'reportOptions'),

  'reports:saveOptions': (input, { store, audit, now }) => {
    putSetting(store.db, 'reportOptions', input, now);
    audit({ action: 'report_options.saved', entity: 'report', entityId: null, details: { threshold: input.threshold } });
    return input;
  },

  'reports:get': (input, { store, now, core }) => {
    const built = buildReport(store.db, input, now, core.deps.version);
    return { report: built.report, suppressed: built.suppressed.length, unprotected: built.unprotected, releases: releases(store.db, built.report.period.id) };
  },

  'reports:export': async (input, ctx) => {
    const store = ctx.core.requireStore();
    const now = ctx.core.deps.env.clock();
    const { built, cases } = store.db.transaction(() => {
      const made = buildReport(store.db, input, now, ctx.core.deps.version);
      refuseUnprotected(made);
      return { built: made, cases: casesFor(ctx, made, [input.output]) };
    })();
    const files = await outputFiles(built.report, input.output, cases);
    const single = files.length === 1 ? files[0]! : null;
    const stem = reportStem(built.report);
    const file = single
      ? { fileName: `${stem}-${single.name}`, mimeType: single.mimeType, bytes: single.bytes }
      : { fileName: `${stem}-${input.output}.zip`, mimeType: 'application/zip', bytes: writeZip(new Map(files.map((f) => [f.name, f.bytes]))) };
    release(ctx, built, 'files', 'report.exported', { output: input.output, sha256: sha256(file.bytes) });
    return { fileName: file.fileName, mimeType: file.mimeType, base64: Buffer.from(file.bytes).toString('base64') };
  },

  'reports:bundle': async (input, ctx) => {
    const store = ctx.core.requireStore();
    const now = ctx.core.deps.env.clock();
    const { built, secret, cases } = store.db.transaction(() => {
      const made = buildReport(store.db, input, now, ctx.core.deps.version);
      refuseUnprotected(made);
      const caseFiles = casesFor(ctx, made, input.outputs);
      // The key is made on first use when set-up did not make one: the officer signing is the one who may.
      if (!currentSecret(store.db)) {
        const key = createKey(store.db, ctx.session!.userId, now.toISOString());
        ctx.core.audit({ action: 'signing_key.created', entity: 'signing_key', entityId: key.keyId, details: { keyId: key.keyId } });
      }
      return { built: made, secret: currentSecret(store.db)!, cases: caseFiles };
    })();
    const report = built.report;
    const outputs = ['json' as const, ...input.outputs.filter((o) => o !== 'json')];
    const files = new Map<string, Uint8Array>();
    for (const output of outputs) for (const f of await outputFiles(report, output, cases)) files.set(`data/${f.name}`, f.bytes);
    const header = {
      oblast: report.oblast.code,
      period: report.period.id,
      profile: report.profile,
      generatedAt: report.computedAt,
      softwareVersion: report.softwareVersion,
      auditHead: { count: report.data.auditCount, hash: report.data.auditHash },
      keyId: keyIdHex(secret.keyId),
    };
    const zip = makeBundle({ files, ...bundleParts(header), secretKey: secret });
    release(ctx, built, 'bundle', 'report.bundled', { outputs, keyId: header.keyId, sha256: sha256(zip) });
    return { fileName: `${reportStem(report)}.zip`, mimeType: 'application/zip', base64: Buffer.from(zip).toString('base64') };
  },

  'reports:releases': (_input, { store }) => releases(store.db),
} satisfies FeatureHandlers<'reports'>;
