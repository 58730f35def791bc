import type { Clock } from '../../../shared/case-procedure';
import { normalisePersonCode } from '../../../shared/domain/cases';
import type { OrganisationType } from '../../../shared/domain/organisations';
import type { DataCategory, DeclineReason, Outcome, ReferralState, RevokeReason, Service, Urgency } from '../../../shared/domain/referral-codes';
import type { Referral, ReferralCount, ReferralCounts, ReferralFilter, ReferralHistory, ReferralSummary, ReferralTotal, ServiceReceived } from '../../../shared/domain/referrals';
import { allowedEvents, answerDue, awaited, daysLeft, serviceDue, type ConsentFacts } from '../../../shared/referral-procedure';
import type { Db } from '../../store/connection';

/** «12/2026»: the sequence within the year of sending; a draft has none. */
export const referralNumber = (year: number | null, seq: number | null): string => (year && seq ? `${seq}/${year}` : '');

const SUMMARY_COLUMNS = `r.id, r.person_id AS personId, p.code, r.number_year AS numberYear, r.number_seq AS numberSeq, r.to_organisation_id AS toOrganisationId,
  o.name AS toName, r.urgency, r.state, r.sent_on AS sentOn, r.due_kind AS dueKind, r.due_on AS dueOn, r.consent_revoked_on AS consentRevokedOn,
  (SELECT json_group_array(n.service) FROM referral_needs n WHERE n.referral_id = r.id) AS needs`;
const SUMMARY_FROM = 'FROM referrals r JOIN persons p ON p.id = r.person_id JOIN organisations o ON o.id = r.to_organisation_id';

interface SummaryRow {
  id: string;
  personId: string;
  code: string;
  numberYear: number | null;
  numberSeq: number | null;
  toOrganisationId: string;
  toName: string;
  urgency: Urgency;
  state: ReferralState;
  sentOn: string | null;
  dueKind: 'answer' | 'service' | null;
  dueOn: string | null;
  consentRevokedOn: string | null;
  needs: string;
}

function toSummary(r: SummaryRow, today: string): ReferralSummary {
  return {
    id: r.id,
    personId: r.personId,
    code: r.code,
    number: referralNumber(r.numberYear, r.numberSeq),
    toOrganisationId: r.toOrganisationId,
    toName: r.toName,
    needs: JSON.parse(r.needs) as Service[],
    urgency: r.urgency,
    state: r.state,
    sentOn: r.sentOn,
    dueKind: r.dueKind,
    dueOn: r.dueOn,
    daysLeft: daysLeft(r.dueOn, today),
    consentRevoked: r.consentRevokedOn !== null,
  };
}

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One page of the referral list and the total under the same filter, newest first; the name is never read here. */
export function listReferrals(db: Db, filter: ReferralFilter, today: string): { total: number; rows: ReferralSummary[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = { today, limit: filter.limit, offset: filter.offset };
  if (filter.states?.length === 1) {
    // One state walks its own index in the list's order; several are read and sorted.
    where.push('r.state = @state');
    params.state = filter.states[0];
  } else if (filter.states?.length) {
    where.push('r.state IN (SELECT value FROM json_each(@states))');
    params.states = JSON.stringify(filter.states);
  }
  if (filter.overdue) where.push('r.due_on < @today');
  if (filter.organisationId) {
    where.push('r.to_organisation_id = @organisationId');
    params.organisationId = filter.organisationId;
  }
  if (filter.service) {
    where.push('r.id IN (SELECT referral_id FROM referral_needs WHERE service = @service)');
    params.service = filter.service;
  }
  if (filter.personId) {
    where.push('r.person_id = @personId');
    params.personId = filter.personId;
  }
  if (filter.query) {
    where.push("(p.code LIKE @code ESCAPE '\\' OR (CAST(r.number_seq AS TEXT) || '/' || CAST(r.number_year AS TEXT)) LIKE @query ESCAPE '\\')");
    params.code = like(normalisePersonCode(filter.query));
    params.query = like(filter.query);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const counted = filter.query ? 'FROM referrals r JOIN persons p ON p.id = r.person_id' : 'FROM referrals r';
  const total = (db.prepare(`SELECT COUNT(*) ${counted} ${clause}`).pluck().get(params) as number) ?? 0;
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} ${clause} ORDER BY r.created_at DESC, r.id DESC LIMIT @limit OFFSET @offset`).all(params) as SummaryRow[];
  return { total, rows: rows.map((r) => toSummary(r, today)) };
}

/** The referrals of one person, newest first, on the person index. */
export function referralsOfPerson(db: Db, personId: string, today: string): ReferralSummary[] {
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE r.person_id = ? ORDER BY r.created_at DESC, r.id DESC`).all(personId) as SummaryRow[];
  return rows.map((r) => toSummary(r, today));
}

/** The nearest awaited answers and services up to a date, overdue first: a walk of the due-date index that stops at `limit`. */
export function referralDueRows(db: Db, today: string, until: string, limit: number): ReferralSummary[] {
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM} WHERE r.due_on <= @until ORDER BY r.due_on, r.id LIMIT @limit`).all({ until, limit }) as SummaryRow[];
  return rows.map((r) => toSummary(r, today));
}

export function referralDueCounts(db: Db, today: string, soonUntil: string): { overdueAnswers: number; overdueServices: number; dueSoon: number } {
  const row = db
    .prepare(
      `SELECT SUM(CASE WHEN due_on < @today AND due_kind = 'answer' THEN 1 ELSE 0 END) AS overdueAnswers,
              SUM(CASE WHEN due_on < @today AND due_kind = 'service' THEN 1 ELSE 0 END) AS overdueServices,
              SUM(CASE WHEN due_on >= @today THEN 1 ELSE 0 END) AS dueSoon
       FROM referrals WHERE due_on <= @until`,
    )
    .get({ today, until: soonUntil }) as Record<string, number | null>;
  return { overdueAnswers: row.overdueAnswers ?? 0, overdueServices: row.overdueServices ?? 0, dueSoon: row.dueSoon ?? 0 };
}

export interface ReferralRow {
  id: string;
  person_id: string;
  assessment_id: string;
  number_year: number | null;
  number_seq: number | null;
  from_organisation_id: string;
  to_organisation_id: string;
  urgency: Urgency;
  officer_id: string;
  officer_contact: string;
  disclose: string;
  circumstances: string;
  documents: string;
  note: string;
  state: ReferralState;
  sent_on: string | null;
  accepted_on: string | null;
  answer_due_on: string | null;
  service_due_on: string | null;
  due_kind: 'answer' | 'service' | null;
  due_on: string | null;
  consent_id: string | null;
  consent_revoked_on: string | null;
  decline_reason: DeclineReason | null;
  outcome: Outcome | null;
  revoke_reason: RevokeReason | null;
  last_date: string;
  updated_at: string;
}

export function findReferral(db: Db, id: string): ReferralRow | undefined {
  return db.prepare('SELECT * FROM referrals WHERE id = ?').get(id) as ReferralRow | undefined;
}

export function needsOf(db: Db, referralId: string): Service[] {
  return db.prepare('SELECT service FROM referral_needs WHERE referral_id = ? ORDER BY rowid').pluck().all(referralId) as Service[];
}

const organisationName = (db: Db, id: string | null) => (id ? ((db.prepare('SELECT name FROM organisations WHERE id = ?').pluck().get(id) as string | undefined) ?? '') : '');
const userName = (db: Db, id: string) => (db.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(id) as string | undefined) ?? '';

export function historyOf(db: Db, referralId: string): ReferralHistory[] {
  return db
    .prepare(
      `SELECT e.id, e.kind, e.state, e.date, e.reason, e.outcome, e.note, u.display_name AS recordedBy, e.recorded_at AS recordedAt
       FROM referral_events e LEFT JOIN users u ON u.id = e.recorded_by WHERE e.referral_id = ? ORDER BY e.seq`,
    )
    .all(referralId)
    .map((r) => {
      const row = r as ReferralHistory & { recordedBy: string | null };
      return { ...row, recordedBy: row.recordedBy ?? '' };
    });
}

export function servicesOfReferral(db: Db, referralId: string): ServiceReceived[] {
  return servicesWhere(db, 's.referral_id = ?', referralId);
}

export function servicesOfPerson(db: Db, personId: string): ServiceReceived[] {
  return servicesWhere(db, 's.person_id = ?', personId);
}

function servicesWhere(db: Db, where: string, value: string): ServiceReceived[] {
  return (
    db
      .prepare(
        `SELECT s.id, s.date, s.provider_organisation_id AS providerOrganisationId, o.name AS providerName, s.service, s.description, s.referral_id AS referralId,
           r.number_year AS numberYear, r.number_seq AS numberSeq
         FROM services_received s JOIN organisations o ON o.id = s.provider_organisation_id LEFT JOIN referrals r ON r.id = s.referral_id
         WHERE ${where} ORDER BY s.date, s.created_at`,
      )
      .all(value) as (Omit<ServiceReceived, 'referralNumber'> & { numberYear: number | null; numberSeq: number | null })[]
  ).map(({ numberYear, numberSeq, ...s }) => ({ ...s, referralNumber: s.referralId ? referralNumber(numberYear, numberSeq) : null }));
}

export function loadReferral(db: Db, id: string, today: string): Referral | undefined {
  const r = findReferral(db, id);
  if (!r) return undefined;
  const code = db.prepare('SELECT code FROM persons WHERE id = ?').pluck().get(r.person_id) as string;
  return {
    id: r.id,
    personId: r.person_id,
    code,
    number: referralNumber(r.number_year, r.number_seq),
    toOrganisationId: r.to_organisation_id,
    toName: organisationName(db, r.to_organisation_id),
    needs: needsOf(db, r.id),
    urgency: r.urgency,
    state: r.state,
    sentOn: r.sent_on,
    dueKind: r.due_kind,
    dueOn: r.due_on,
    daysLeft: daysLeft(r.due_on, today),
    consentRevoked: r.consent_revoked_on !== null,
    assessmentId: r.assessment_id,
    fromOrganisationId: r.from_organisation_id,
    fromName: organisationName(db, r.from_organisation_id),
    officerId: r.officer_id,
    officerName: userName(db, r.officer_id),
    officerContact: r.officer_contact,
    disclose: JSON.parse(r.disclose) as DataCategory[],
    circumstances: r.circumstances,
    documents: JSON.parse(r.documents) as string[],
    note: r.note,
    answerDueOn: r.answer_due_on,
    serviceDueOn: r.service_due_on,
    consentId: r.consent_id,
    consentRevokedOn: r.consent_revoked_on,
    declineReason: r.decline_reason,
    outcome: r.outcome,
    revokeReason: r.revoke_reason,
    allowedEvents: allowedEvents({ state: r.state, lastDate: r.last_date, answerDueOn: r.answer_due_on }, today),
    history: historyOf(db, r.id),
    services: servicesOfReferral(db, r.id),
    updatedAt: r.updated_at,
  };
}

/**
 * The due dates after a change: the answer counts from the sending, the service from the acceptance, each with the
 * term version in force that day; what is awaited follows the state.
 */
export function dueColumns(state: ReferralState, urgency: Urgency, sentOn: string | null, acceptedOn: string | null, clock: Clock) {
  const answerDueOn = sentOn ? answerDue(sentOn, urgency, clock) : null;
  const serviceDueOn = acceptedOn ? serviceDue(acceptedOn, urgency, clock) : null;
  const now = awaited(state, answerDueOn, serviceDueOn);
  return { answerDueOn, serviceDueOn, dueKind: now?.kind ?? null, dueOn: now?.dueOn ?? null };
}

/**
 * Recounts the due dates of every referral still awaiting something, after a change of the days off, the terms or
 * the day-off rule: the answer and the service stay due as the office counts them now.
 */
export function refreshLiveReferrals(db: Db, clock: Clock): number {
  const rows = db
    .prepare("SELECT id, state, urgency, sent_on AS sentOn, accepted_on AS acceptedOn FROM referrals WHERE state IN ('sent', 'accepted', 'in_progress')")
    .all() as { id: string; state: ReferralState; urgency: Urgency; sentOn: string | null; acceptedOn: string | null }[];
  const update = db.prepare('UPDATE referrals SET answer_due_on = @answerDueOn, service_due_on = @serviceDueOn, due_kind = @dueKind, due_on = @dueOn WHERE id = @id');
  for (const r of rows) update.run({ id: r.id, ...dueColumns(r.state, r.urgency, r.sentOn, r.acceptedOn, clock) });
  return rows.length;
}

/** The consents of a person as the pure rules read them. */
export function consentFactsOf(db: Db, personId: string): ConsentFacts[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.date, c.valid_until AS validUntil, c.revoked_on AS revokedOn, c.organisation_types AS types, c.categories,
         (SELECT json_group_array(organisation_id) FROM consent_organisations WHERE consent_id = c.id) AS ids
       FROM consents c WHERE c.person_id = ? ORDER BY c.date, c.created_at`,
    )
    .all(personId) as { id: string; date: string; validUntil: string | null; revokedOn: string | null; types: string; categories: string; ids: string }[];
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    validUntil: r.validUntil,
    revokedOn: r.revokedOn,
    organisationIds: JSON.parse(r.ids) as string[],
    organisationTypes: JSON.parse(r.types) as OrganisationType[],
    categories: JSON.parse(r.categories) as DataCategory[],
  }));
}

export function nextEventSeq(db: Db, referralId: string): number {
  return ((db.prepare('SELECT MAX(seq) FROM referral_events WHERE referral_id = ?').pluck().get(referralId) as number | null) ?? 0) + 1;
}

/**
 * The analyst's counts: referrals sent in the months asked, by month, kind of recipient, state and outcome, once
 * under each need and once in all. Two grouped queries over the sending-date index; no person, no organisation name.
 */
export function referralCounts(db: Db, from: string, to: string): ReferralCounts {
  const range = { from: `${from}-01`, until: nextMonth(to) };
  const byNeed = db
    .prepare(
      `SELECT substr(r.sent_on, 1, 7) AS month, n.service, o.type AS recipientType, r.state, r.outcome, COUNT(*) AS count
       FROM referrals r JOIN referral_needs n ON n.referral_id = r.id JOIN organisations o ON o.id = r.to_organisation_id
       WHERE r.sent_on >= @from AND r.sent_on < @until
       GROUP BY month, n.service, o.type, r.state, r.outcome ORDER BY month, n.service, o.type, r.state, r.outcome`,
    )
    .all(range) as ReferralCount[];
  const referrals = db
    .prepare(
      `SELECT substr(r.sent_on, 1, 7) AS month, o.type AS recipientType, r.state, r.outcome, COUNT(*) AS count
       FROM referrals r JOIN organisations o ON o.id = r.to_organisation_id
       WHERE r.sent_on >= @from AND r.sent_on < @until
       GROUP BY month, o.type, r.state, r.outcome ORDER BY month, o.type, r.state, r.outcome`,
    )
    .all(range) as ReferralTotal[];
  return { byNeed, referrals };
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The referrals that sent a person's data on, with the categories each disclosed beyond the needs. */
export function sentReferrals(db: Db, personId: string): { id: string; toName: string; sentOn: string; number: string; categories: DataCategory[] }[] {
  const rows = db
    .prepare(
      `SELECT r.id, o.name AS toName, r.sent_on AS sentOn, r.number_year AS numberYear, r.number_seq AS numberSeq, r.disclose
       FROM referrals r JOIN organisations o ON o.id = r.to_organisation_id WHERE r.person_id = ? AND r.sent_on IS NOT NULL ORDER BY r.sent_on, r.number_seq`,
    )
    .all(personId) as { id: string; toName: string; sentOn: string; numberYear: number; numberSeq: number; disclose: string }[];
  return rows.map((r) => ({ id: r.id, toName: r.toName, sentOn: r.sentOn, number: referralNumber(r.numberYear, r.numberSeq), categories: ['needs', ...(JSON.parse(r.disclose) as DataCategory[])] }));
}
