import { randomUUID } from 'node:crypto';
import type { OrganisationType } from '../../../shared/domain/organisations';
import type { ClientGroup, DataCategory } from '../../../shared/domain/referral-codes';
import type { ReferralDraft, ReferralEventInput } from '../../../shared/domain/referrals';
import { AppError } from '../../../shared/errors';
import { coveringConsent, disclosedCategories, eventRefusal, nearness, serves, STATE_AFTER } from '../../../shared/referral-procedure';
import { kyivDate } from '../../../shared/time';
import type { FeatureHandlers, TxContext } from '../../kernel/context';
import type { Db } from '../../store/connection';
import { clockOf } from '../parameters/parameters.repository';
import { livePerson, personFacts, refuse, requireOrganisation } from '../persons/persons.repository';
import { consentFor, disclosureOf } from './referrals.disclosure';
import { referralDocumentHandlers } from './referrals.documents';
import { consentFactsOf, dueColumns, findReferral, listReferrals, loadReferral, nextEventSeq, referralCounts, type ReferralRow } from './referrals.repository';

/** The audit action of each change: one literal per event, so every one has its label in the log. */
const ACTION_OF = { send: 'referral.sent', accept: 'referral.accepted', decline: 'referral.declined', start: 'referral.started', complete: 'referral.completed', revoke: 'referral.revoked', close: 'referral.closed' } as const; // audit action

function requireReferral(db: Db, id: string): ReferralRow {
  const found = findReferral(db, id);
  if (!found) throw new AppError('NOT_FOUND', 'no such referral');
  return found;
}

/** A recipient must be a subject of the mechanism and still active; the sender only has to exist. */
function checkDraft(db: Db, input: ReferralDraft, today: string): { assessmentDate: string } {
  livePerson(db, input.personId, today);
  const assessment = db.prepare('SELECT person_id AS personId, date, needs FROM needs_assessments WHERE id = ?').get(input.assessmentId) as
    | { personId: string; date: string; needs: string }
    | undefined;
  if (!assessment) throw new AppError('NOT_FOUND', 'no such assessment', { field: 'assessmentId' });
  if (assessment.personId !== input.personId) refuse({ reason: 'referral_other_person' });
  const assessed = JSON.parse(assessment.needs) as string[];
  const unassessed = input.needs.filter((n) => !assessed.includes(n));
  if (unassessed.length) refuse({ reason: 'needs_not_assessed', details: { services: unassessed } });
  requireOrganisation(db, input.fromOrganisationId, 'fromOrganisationId');
  const to = requireOrganisation(db, input.toOrganisationId, 'toOrganisationId');
  if (!to.active) refuse({ reason: 'organisation_inactive' });
  if (!to.nrmSubject) refuse({ reason: 'not_a_subject' });
  const officer = db.prepare('SELECT roles, removed_at AS removedAt FROM users WHERE id = ?').get(input.officerId) as { roles: string; removedAt: string | null } | undefined;
  if (!officer || officer.removedAt || !(JSON.parse(officer.roles) as string[]).includes('case_officer')) refuse({ reason: 'officer_not_case_officer' });
  return { assessmentDate: assessment.date };
}

function insertEvent(db: Db, referralId: string, kind: string, state: string, change: { date: string; note: string; reason?: string | null; outcome?: string | null }, ctx: TxContext): void {
  db.prepare(
    `INSERT INTO referral_events (id, referral_id, seq, kind, state, date, reason, outcome, note, recorded_by, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(randomUUID(), referralId, nextEventSeq(db, referralId), kind, state, change.date, change.reason ?? null, change.outcome ?? null, change.note, ctx.session.userId, ctx.now.toISOString());
}

/** The next number of the year the letter goes out in: «seq/year», in the order of sending. */
function nextNumber(db: Db, year: number): number {
  return ((db.prepare('SELECT MAX(number_seq) FROM referrals WHERE number_year = ?').pluck().get(year) as number | null) ?? 0) + 1;
}

/**
 * Sending checks what only the moment of sending can: the recipient still takes referrals, and a consent covers it
 * all on the day it went out and still stands today (a letter recorded late never rides on a consent revoked or run
 * out since: its letter could not be printed, and the person has said no).
 */
function sendColumns(db: Db, row: ReferralRow, date: string, today: string) {
  const to = requireOrganisation(db, row.to_organisation_id, 'toOrganisationId');
  if (!to.active) refuse({ reason: 'organisation_inactive' });
  if (!to.nrmSubject) refuse({ reason: 'not_a_subject' });
  const consents = consentFactsOf(db, row.person_id);
  const recipient = { id: row.to_organisation_id, type: to.type as OrganisationType };
  const categories = disclosedCategories(JSON.parse(row.disclose) as DataCategory[]);
  const standing = consents.filter((c) => !(c.revokedOn && c.revokedOn <= today) && !(c.validUntil && c.validUntil < today));
  const found = coveringConsent(standing, recipient, categories, date);
  if ('refusal' in found) {
    // A consent that covered it on the day but was revoked or ran out since: said as such, with that day.
    const since = coveringConsent(consents, recipient, categories, date);
    if ('consent' in since) refuse({ reason: 'consent_ended_since', details: { date: since.consent.revokedOn ?? since.consent.validUntil } });
    refuse(since.refusal);
  }
  const year = Number(date.slice(0, 4));
  return { consent_id: found.consent.id, sent_on: date, number_year: year, number_seq: nextNumber(db, year) };
}

function changeColumns(db: Db, row: ReferralRow, change: ReferralEventInput, today: string): Record<string, unknown> {
  switch (change.event) {
    case 'send':
      return sendColumns(db, row, change.date, today);
    case 'accept':
      return { accepted_on: change.date };
    case 'decline':
      return { decline_reason: change.reason };
    case 'complete':
      return { outcome: change.outcome };
    case 'revoke':
      return { revoke_reason: change.reason };
    default:
      return {};
  }
}

/**
 * Referrals. A draft is free to change; from sending on, every change is a recorded event (who, when, why) that
 * the pure rules allow, and the due dates follow in Kyiv time with the term versions in force on the day.
 */
export const referralsHandlers = {
  'referrals:list': (input, ctx) => listReferrals(ctx.store.db, input, kyivDate(ctx.now)),

  'referrals:get': (input, ctx) => {
    const found = loadReferral(ctx.store.db, input.id, kyivDate(ctx.now));
    if (!found) throw new AppError('NOT_FOUND', 'no such referral');
    // The card names no one, but its circumstances and notes may say who: a view is logged.
    ctx.auditRead('referral', found.id);
    return found;
  },

  'referrals:save': (input, ctx) => {
    const db = ctx.store.db;
    const today = kyivDate(ctx.now);
    const { assessmentDate } = checkDraft(db, input, today);
    const stamp = ctx.now.toISOString();
    const id = input.id ?? randomUUID();
    const values = {
      id,
      personId: input.personId,
      assessmentId: input.assessmentId,
      from: input.fromOrganisationId,
      to: input.toOrganisationId,
      urgency: input.urgency,
      officerId: input.officerId,
      officerContact: input.officerContact,
      disclose: JSON.stringify(input.disclose.filter((c) => c !== 'needs')),
      circumstances: input.disclose.includes('circumstances') ? input.circumstances : '',
      documents: JSON.stringify(input.disclose.includes('documents') ? input.documents : []),
      note: input.note,
      // Nothing about a referral can be dated before the assessment it answers.
      lastDate: assessmentDate,
      stamp,
    };
    if (input.id) {
      const old = requireReferral(db, input.id);
      if (old.person_id !== input.personId) refuse({ reason: 'referral_other_person' });
      if (old.state !== 'draft') refuse({ reason: 'not_draft' });
      db.prepare(
        `UPDATE referrals SET assessment_id = @assessmentId, from_organisation_id = @from, to_organisation_id = @to, urgency = @urgency, officer_id = @officerId,
           officer_contact = @officerContact, disclose = @disclose, circumstances = @circumstances, documents = @documents, note = @note, last_date = @lastDate,
           updated_at = @stamp WHERE id = @id`,
      ).run(values);
      db.prepare('DELETE FROM referral_needs WHERE referral_id = ?').run(id);
    } else {
      db.prepare(
        `INSERT INTO referrals (id, person_id, assessment_id, from_organisation_id, to_organisation_id, urgency, officer_id, officer_contact, disclose,
           circumstances, documents, note, state, last_date, created_at, updated_at)
         VALUES (@id, @personId, @assessmentId, @from, @to, @urgency, @officerId, @officerContact, @disclose, @circumstances, @documents, @note, 'draft',
           @lastDate, @stamp, @stamp)`,
      ).run(values);
      insertEvent(db, id, 'created', 'draft', { date: today, note: '' }, ctx);
    }
    const need = db.prepare('INSERT INTO referral_needs (referral_id, service) VALUES (?, ?)');
    for (const service of new Set(input.needs)) need.run(id, service);
    ctx.audit({ action: input.id ? 'referral.updated' : 'referral.created', entity: 'referral', entityId: id, details: { personId: input.personId, needs: input.needs, urgency: input.urgency } });
    return loadReferral(db, id, today)!;
  },

  'referrals:removeDraft': (input, ctx) => {
    const db = ctx.store.db;
    const row = requireReferral(db, input.id);
    if (row.state !== 'draft') refuse({ reason: 'not_draft' });
    db.prepare('UPDATE services_received SET referral_id = NULL WHERE referral_id = ?').run(input.id);
    db.prepare('DELETE FROM referrals WHERE id = ?').run(input.id);
    ctx.audit({ action: 'referral.removed', entity: 'referral', entityId: input.id, details: { personId: row.person_id } });
    return { id: input.id };
  },

  'referrals:preview': (input, ctx) => {
    const db = ctx.store.db;
    const today = kyivDate(ctx.now);
    const referral = loadReferral(db, input.id, today);
    if (!referral) throw new AppError('NOT_FOUND', 'no such referral');
    const { consent, refusal } = consentFor(db, referral, today);
    const facts = personFacts(db, referral.personId, today)!;
    ctx.auditRead('person', referral.personId);
    return {
      disclosure: disclosureOf(db, referral, consent, facts.child),
      consent: consent ? { id: consent.id, date: consent.date, validUntil: consent.validUntil } : null,
      refusal: refusal ? { reason: refusal.reason, details: refusal.details ?? {} } : null,
    };
  },

  'referrals:advance': (input, ctx) => {
    const db = ctx.store.db;
    const today = kyivDate(ctx.now);
    const row = requireReferral(db, input.id);
    const { change } = input;
    // Nothing new is written about a person whose data were erased.
    livePerson(db, row.person_id, today);
    const refusal = eventRefusal({ state: row.state, lastDate: row.last_date, answerDueOn: row.answer_due_on }, change.event, change.date, today);
    if (refusal) refuse(refusal);
    const columns = changeColumns(db, row, change, today);
    const state = STATE_AFTER[change.event];
    const merged = { ...row, ...columns } as ReferralRow;
    const due = dueColumns(state, row.urgency, merged.sent_on, merged.accepted_on, clockOf(db, today));
    const set = {
      ...columns,
      state,
      answer_due_on: due.answerDueOn,
      service_due_on: due.serviceDueOn,
      due_kind: due.dueKind,
      due_on: due.dueOn,
      last_date: change.date,
      updated_at: ctx.now.toISOString(),
    };
    db.prepare(`UPDATE referrals SET ${Object.keys(set).map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...set, id: row.id });
    const reason = 'reason' in change ? change.reason : null;
    const outcome = change.event === 'complete' ? change.outcome : null;
    insertEvent(db, row.id, change.event, state, { date: change.date, note: change.note, reason, outcome }, ctx);
    ctx.audit({ action: ACTION_OF[change.event], entity: 'referral', entityId: row.id, details: { date: change.date, state, ...(reason ? { reason } : {}), ...(outcome ? { outcome } : {}) } });
    return loadReferral(db, row.id, today)!;
  },

  'referrals:suggest': (input, ctx) => {
    const db = ctx.store.db;
    const person = personFacts(db, input.personId, kyivDate(ctx.now));
    if (!person) throw new AppError('NOT_FOUND', 'no such person');
    const rows = db
      .prepare(
        `SELECT o.id, o.name, o.short_name AS shortName, o.type, o.territory_name AS territoryName, o.katottg, o.client_groups AS clientGroups
         FROM organisation_services s JOIN organisations o ON o.id = s.organisation_id
         WHERE s.service = ? AND o.active = 1 AND o.nrm_subject = 1 AND o.merged_into_id IS NULL`,
      )
      .all(input.service) as { id: string; name: string; shortName: string; type: OrganisationType; territoryName: string; katottg: string; clientGroups: string }[];
    return rows
      .map(({ katottg, clientGroups, ...o }) => ({ ...o, nearness: nearness(person.katottg, katottg), serves: serves(JSON.parse(clientGroups) as ClientGroup[], person) }))
      .sort((a, b) => Number(b.serves) - Number(a.serves) || b.nearness - a.nearness || a.name.localeCompare(b.name, 'uk'));
  },

  'referrals:counts': (input, ctx) => referralCounts(ctx.store.db, input.from, input.to),

  ...referralDocumentHandlers,
} satisfies FeatureHandlers<'referrals'>;
