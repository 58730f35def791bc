import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { kyivDate } from '../../../shared/time';
import type { FeatureHandlers, TxContext } from '../../kernel/context';
import type { Db } from '../../store/connection';
import { putSetting } from '../../store/settings';
import { refreshOpenCases } from '../cases/cases.repository';
import { refreshLiveReferrals } from '../referrals/referrals.repository';
import { clockOf, loadParameters } from './parameters.repository';

/** Every stored due date counted anew with the office's calendar and terms as they now stand: the cases' and the referrals'. */
function refreshClocks(db: Db, today: string): void {
  refreshOpenCases(db, today);
  refreshLiveReferrals(db, clockOf(db, today));
}

/** A new version applies from today on: a date in the past would reach back into cases already counted. */
function fromTodayOn(validFrom: string, today: string): void {
  if (validFrom < today) throw new AppError('INVALID_STATE', 'a parameter cannot apply retroactively', { reason: 'retroactive', today });
}

/** A version already in force counted someone's term: it stays, and a newer one replaces it from its date. */
function notYetInForce(validFrom: string | undefined, today: string): void {
  if (validFrom === undefined) throw new AppError('NOT_FOUND', 'no such version');
  if (validFrom <= today) throw new AppError('INVALID_STATE', 'a version in force is kept', { reason: 'in_force' });
}

const todayOf = (ctx: TxContext) => kyivDate(ctx.now);

export const parametersHandlers = {
  'parameters:get': (_input, ctx) => loadParameters(ctx.store.db, todayOf(ctx)),

  'parameters:saveTerm': (input, ctx) => {
    const today = todayOf(ctx);
    fromTodayOn(input.validFrom, today);
    const db = ctx.store.db;
    const existing = db.prepare('SELECT id FROM term_versions WHERE key = ? AND valid_from = ?').get(input.key, input.validFrom) as { id: string } | undefined;
    const id = existing?.id ?? randomUUID();
    db.prepare(
      `INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at)
       VALUES (@id, @key, @value, @unit, @dayKind, @countsFrom, @legalBasis, @confirmed, @validFrom, @createdAt)
       ON CONFLICT(key, valid_from) DO UPDATE SET value = excluded.value, unit = excluded.unit, day_kind = excluded.day_kind,
         counts_from = excluded.counts_from, legal_basis = excluded.legal_basis, confirmed = excluded.confirmed`,
    ).run({ id, ...input, confirmed: input.confirmed ? 1 : 0, createdAt: ctx.now.toISOString() });
    ctx.audit({ action: 'parameter.term_saved', entity: 'parameter', entityId: id, details: { key: input.key, value: input.value, unit: input.unit, dayKind: input.dayKind, validFrom: input.validFrom } });
    refreshClocks(ctx.store.db, today);
    return loadParameters(db, today);
  },

  'parameters:removeTerm': (input, ctx) => {
    const today = todayOf(ctx);
    const db = ctx.store.db;
    const row = db.prepare('SELECT key, valid_from AS validFrom FROM term_versions WHERE id = ?').get(input.id) as { key: string; validFrom: string } | undefined;
    notYetInForce(row?.validFrom, today);
    db.prepare('DELETE FROM term_versions WHERE id = ?').run(input.id);
    ctx.audit({ action: 'parameter.term_removed', entity: 'parameter', entityId: input.id, details: { key: row!.key, validFrom: row!.validFrom } });
    return loadParameters(db, today);
  },

  'parameters:saveDayOff': (input, ctx) => {
    const today = todayOf(ctx);
    const db = ctx.store.db;
    db.prepare('INSERT INTO days_off (date, name) VALUES (?, ?) ON CONFLICT(date) DO UPDATE SET name = excluded.name').run(input.date, input.name);
    ctx.audit({ action: 'parameter.day_off_saved', entity: 'parameter', entityId: input.date, details: { date: input.date } });
    refreshClocks(db, today);
    return loadParameters(db, today);
  },

  'parameters:removeDayOff': (input, ctx) => {
    const today = todayOf(ctx);
    const db = ctx.store.db;
    if (db.prepare('DELETE FROM days_off WHERE date = ?').run(input.date).changes === 0) throw new AppError('NOT_FOUND', 'no such day off');
    ctx.audit({ action: 'parameter.day_off_removed', entity: 'parameter', entityId: input.date, details: { date: input.date } });
    refreshClocks(db, today);
    return loadParameters(db, today);
  },

  'parameters:saveMinimum': (input, ctx) => {
    // A minimum may be entered after its date (the budget law comes late): aid already recorded keeps the minimum it
    // was computed with, so an earlier version changes no amount; only aid recorded from now on uses it.
    const today = todayOf(ctx);
    const db = ctx.store.db;
    const id = randomUUID();
    db.prepare(
      `INSERT INTO subsistence_minimums (id, category, valid_from, amount_kop, legal_basis) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(category, valid_from) DO UPDATE SET amount_kop = excluded.amount_kop, legal_basis = excluded.legal_basis`,
    ).run(id, input.category, input.validFrom, input.amountKop, input.legalBasis);
    ctx.audit({ action: 'parameter.minimum_saved', entity: 'parameter', entityId: `${input.category}:${input.validFrom}`, details: { category: input.category, validFrom: input.validFrom, amountKop: input.amountKop } });
    return loadParameters(db, today);
  },

  'parameters:removeMinimum': (input, ctx) => {
    const today = todayOf(ctx);
    const db = ctx.store.db;
    const row = db.prepare('SELECT category, valid_from AS validFrom FROM subsistence_minimums WHERE id = ?').get(input.id) as { category: string; validFrom: string } | undefined;
    notYetInForce(row?.validFrom, today);
    db.prepare('DELETE FROM subsistence_minimums WHERE id = ?').run(input.id);
    ctx.audit({ action: 'parameter.minimum_removed', entity: 'parameter', entityId: input.id, details: { category: row!.category, validFrom: row!.validFrom } });
    return loadParameters(db, today);
  },

  'parameters:saveDecidingBody': (input, ctx) => {
    const today = todayOf(ctx);
    fromTodayOn(input.validFrom, today);
    const db = ctx.store.db;
    const id = randomUUID();
    db.prepare('INSERT INTO deciding_bodies (id, name, valid_from) VALUES (?, ?, ?) ON CONFLICT(valid_from) DO UPDATE SET name = excluded.name').run(id, input.name, input.validFrom);
    ctx.audit({ action: 'parameter.deciding_body_saved', entity: 'parameter', entityId: input.validFrom, details: { validFrom: input.validFrom } });
    return loadParameters(db, today);
  },

  'parameters:removeDecidingBody': (input, ctx) => {
    const today = todayOf(ctx);
    const db = ctx.store.db;
    const row = db.prepare('SELECT valid_from AS validFrom FROM deciding_bodies WHERE id = ?').get(input.id) as { validFrom: string } | undefined;
    notYetInForce(row?.validFrom, today);
    db.prepare('DELETE FROM deciding_bodies WHERE id = ?').run(input.id);
    ctx.audit({ action: 'parameter.deciding_body_removed', entity: 'parameter', entityId: input.id, details: { validFrom: row!.validFrom } });
    return loadParameters(db, today);
  },

  'parameters:saveOptions': (input, ctx) => {
    const today = todayOf(ctx);
    const db = ctx.store.db;
    putSetting(db, 'caseOptions', input, ctx.now);
    ctx.audit({ action: 'parameter.options_saved', entity: 'parameter', entityId: 'options', details: { dueSoonDays: input.dueSoonDays, retentionYears: input.retentionYears, moveEndOffDays: input.moveEndOffDays } });
    refreshClocks(db, today);
    return loadParameters(db, today);
  },
} satisfies FeatureHandlers<'parameters'>;
