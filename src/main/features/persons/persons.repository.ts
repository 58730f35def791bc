import type { Refusal } from '../../../shared/case-procedure';
import type { StepKind } from '../../../shared/domain/cases';
import { normalisePersonCode } from '../../../shared/domain/cases';
import type { OrganisationType } from '../../../shared/domain/organisations';
import type { ConsentForm, ConsentGiver, DataCategory, Service, Urgency } from '../../../shared/domain/referral-codes';
import type { Assessment, Consent, PersonFile, PersonRow, ReferralEvent, TimelineEntry } from '../../../shared/domain/referrals';
import { AppError } from '../../../shared/errors';
import { consentInForce } from '../../../shared/referral-procedure';
import type { Db } from '../../store/connection';
import { ageAt, effectiveState, identifiedOn, isForeigner } from '../cases/cases.repository';
import { referralNumber, referralsOfPerson, servicesOfPerson } from '../referrals/referrals.repository';

/**
 * A person as the referral mechanism reads them: by code, with what the rules need (child, incapable, sex,
 * foreigner, where identified) and everything recorded around them. Never the name.
 */

export interface PersonFacts {
  id: string;
  code: string;
  child: boolean;
  /** The day they come of age; null while the age is not established. */
  adultOn: string | null;
  incapable: boolean;
  sex: string | null;
  foreigner: boolean;
  katottg: string;
  anonymised: boolean;
}

/** Before any date: a person already of age when first seen counts as one on every day. */
const EVER = '0000-01-01';

/**
 * The first day `years` whole years after `from`, as ageAt counts them: the same day number, and for 29 February in a
 * year without one, 1 March.
 */
function anniversary(from: string, years: number): string {
  const year = Number(from.slice(0, 4)) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = from.slice(5) === '02-29' && !leap ? '03-01' : from.slice(5);
  return `${String(year).padStart(4, '0')}-${day}`;
}

/**
 * The facts the rules need on `today`: a child while under 18 or of unknown age (Law art. 3(3)); once anonymised, as
 * the person's latest case recorded. Undefined for an unknown person.
 */
export function personFacts(db: Db, id: string, today: string): PersonFacts | undefined {
  const p = db
    .prepare(
      `SELECT p.id, p.code, p.sex, p.citizenship, p.anonymised_at AS anonymisedAt, p.identified_katottg AS katottg, i.birth_date AS birthDate,
         i.age_at_identification AS ageAtIdentification, i.incapable, i.person_id AS identity,
         (SELECT identification_katottg FROM cases WHERE person_id = p.id AND identification_katottg <> '' ORDER BY registration_date DESC LIMIT 1) AS caseKatottg,
         (SELECT child FROM cases WHERE person_id = p.id ORDER BY registration_date DESC LIMIT 1) AS caseChild
       FROM persons p LEFT JOIN person_identities i ON i.person_id = p.id WHERE p.id = ?`,
    )
    .get(id) as
    | {
        id: string;
        code: string;
        sex: string | null;
        citizenship: string;
        anonymisedAt: string | null;
        katottg: string;
        birthDate: string | null;
        ageAtIdentification: number | null;
        incapable: number | null;
        identity: string | null;
        caseKatottg: string | null;
        caseChild: number | null;
      }
    | undefined;
  if (!p) return undefined;
  const firstIdentified = identifiedOn(db, id, today);
  const age = p.identity ? ageAt({ birthDate: p.birthDate, ageAtIdentification: p.ageAtIdentification }, today, firstIdentified) : null;
  const adultOn = p.birthDate
    ? anniversary(p.birthDate, 18)
    : p.ageAtIdentification === null
      ? null
      : // ageAt counts an age given at identification up by whole years from that day, and never down before it.
        p.ageAtIdentification >= 18
        ? EVER
        : anniversary(firstIdentified, 18 - p.ageAtIdentification);
  return {
    id: p.id,
    code: p.code,
    child: p.identity ? age === null || age < 18 : p.caseChild === 1,
    adultOn: p.identity ? adultOn : null,
    incapable: p.incapable === 1,
    sex: p.sex,
    foreigner: isForeigner(p.citizenship),
    katottg: p.katottg || p.caseKatottg || '',
    anonymised: p.anonymisedAt !== null,
  };
}

export function assessmentsOf(db: Db, personId: string): Assessment[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.date, a.assessed_by AS assessedBy, a.needs, a.urgency, a.notes, (SELECT COUNT(*) FROM referrals r WHERE r.assessment_id = a.id) AS referrals
       FROM needs_assessments a WHERE a.person_id = ? ORDER BY a.date, a.created_at`,
    )
    .all(personId) as (Omit<Assessment, 'needs'> & { needs: string })[];
  return rows.map((r) => ({ ...r, needs: JSON.parse(r.needs) as Service[], urgency: r.urgency as Urgency }));
}

export function consentsOf(db: Db, personId: string, today: string): Consent[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.date, c.form, c.witness, c.given_by AS givenBy, c.organisation_types AS types, c.categories, c.valid_until AS validUntil, c.note,
         c.revoked_on AS revokedOn, c.revocation_note AS revocationNote,
         (SELECT json_group_array(json_object('id', o.id, 'name', o.name)) FROM consent_organisations co JOIN organisations o ON o.id = co.organisation_id
          WHERE co.consent_id = c.id) AS organisations
       FROM consents c WHERE c.person_id = ? ORDER BY c.date, c.created_at`,
    )
    .all(personId) as {
    id: string;
    date: string;
    form: ConsentForm;
    witness: string;
    givenBy: ConsentGiver;
    types: string;
    categories: string;
    validUntil: string | null;
    note: string;
    revokedOn: string | null;
    revocationNote: string;
    organisations: string;
  }[];
  return rows.map(({ types, categories, organisations, ...r }) => {
    const consent = {
      ...r,
      organisations: JSON.parse(organisations) as { id: string; name: string }[],
      organisationTypes: JSON.parse(types) as OrganisationType[],
      categories: JSON.parse(categories) as DataCategory[],
    };
    return { ...consent, active: consentInForce({ ...consent, organisationIds: [] }, today) };
  });
}

function identificationOf(db: Db, personId: string) {
  const row = db
    .prepare(
      `SELECT p.identified_on AS identifiedOn, p.identified_by_organisation_id AS identifiedByOrganisationId, COALESCE(o.name, '') AS identifiedByName,
         p.identified_katottg AS identifiedKatottg
       FROM persons p LEFT JOIN organisations o ON o.id = p.identified_by_organisation_id WHERE p.id = ?`,
    )
    .get(personId) as PersonFile['identification'];
  return row;
}

function casesOf(db: Db, personId: string, today: string): PersonFile['cases'] {
  const rows = db
    .prepare('SELECT id, registration_number AS registrationNumber, registration_date AS registrationDate, state, valid_until AS validUntil FROM cases WHERE person_id = ? ORDER BY registration_date')
    .all(personId) as (PersonFile['cases'][number] & { validUntil: string | null })[];
  return rows.map(({ validUntil, ...c }) => ({ ...c, state: effectiveState(c.state as never, validUntil, today) }));
}

/** The order of entries within one day: what came first in the work of that day. */
const KIND_ORDER: Record<TimelineEntry['kind'], number> = { identified: 0, case_step: 1, assessment: 2, consent: 3, referral: 4, service: 5, consent_revoked: 6 };

function timelineOf(db: Db, file: Omit<PersonFile, 'timeline'>): TimelineEntry[] {
  const blank = { referralId: null, caseId: null, event: null, services: [], organisationName: '', detail: '', text: '' };
  const entries: TimelineEntry[] = [];
  const id = file.identification;
  if (id.identifiedOn) entries.push({ ...blank, date: id.identifiedOn, kind: 'identified', recordId: file.id, organisationName: id.identifiedByName, detail: id.identifiedKatottg });
  const steps = db
    .prepare(
      `SELECT s.id, s.case_id AS caseId, s.kind, s.date, s.note, s.number, COALESCE(s.outcome, s.end_reason, '') AS detail
       FROM case_steps s JOIN cases c ON c.id = s.case_id WHERE c.person_id = ? ORDER BY s.date, s.seq`,
    )
    .all(file.id) as { id: string; caseId: string; kind: StepKind; date: string; note: string; number: string; detail: string }[];
  for (const s of steps) entries.push({ ...blank, date: s.date, kind: 'case_step', recordId: s.id, caseId: s.caseId, event: s.kind, detail: s.detail || s.number, text: s.note });
  for (const a of file.assessments) entries.push({ ...blank, date: a.date, kind: 'assessment', recordId: a.id, services: a.needs, detail: a.urgency, text: a.notes, organisationName: a.assessedBy });
  for (const c of file.consents) {
    const scope = c.organisations.map((o) => o.name).join('; ');
    entries.push({ ...blank, date: c.date, kind: 'consent', recordId: c.id, organisationName: scope, detail: c.givenBy, text: c.note });
    if (c.revokedOn) entries.push({ ...blank, date: c.revokedOn, kind: 'consent_revoked', recordId: c.id, organisationName: scope, text: c.revocationNote });
  }
  // A draft's creation is the office's own work, not a step in the person's help: the referral's history keeps it.
  const events = db
    .prepare(
      `SELECT e.id, e.referral_id AS referralId, e.kind, e.date, COALESCE(e.outcome, e.reason, '') AS detail, e.note, o.name AS organisationName,
         r.number_year AS numberYear, r.number_seq AS numberSeq
       FROM referral_events e JOIN referrals r ON r.id = e.referral_id JOIN organisations o ON o.id = r.to_organisation_id
       WHERE r.person_id = ? AND e.kind <> 'created' ORDER BY e.date, e.recorded_at, e.seq`,
    )
    .all(file.id) as { id: string; referralId: string; kind: ReferralEvent | 'created' | 'consent_revoked'; date: string; detail: string; note: string; organisationName: string; numberYear: number | null; numberSeq: number | null }[];
  const needs = new Map(file.referrals.map((r) => [r.id, r.needs]));
  for (const e of events) {
    entries.push({
      ...blank,
      date: e.date,
      kind: 'referral',
      recordId: e.id,
      referralId: e.referralId,
      event: e.kind,
      services: needs.get(e.referralId) ?? [],
      organisationName: e.organisationName,
      detail: e.detail || referralNumber(e.numberYear, e.numberSeq),
      text: e.note,
    });
  }
  for (const s of file.services) entries.push({ ...blank, date: s.date, kind: 'service', recordId: s.id, referralId: s.referralId, services: [s.service], organisationName: s.providerName, detail: s.referralNumber ?? '', text: s.description });
  return entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.date.localeCompare(b.e.date) || KIND_ORDER[a.e.kind] - KIND_ORDER[b.e.kind] || a.i - b.i).map((x) => x.e);
}

/** Everything recorded around a person, by code; undefined for an unknown person. */
export function loadPersonFile(db: Db, id: string, today: string): PersonFile | undefined {
  const facts = personFacts(db, id, today);
  if (!facts) return undefined;
  const file = {
    id,
    code: facts.code,
    child: facts.child,
    incapable: facts.incapable,
    adultOn: facts.adultOn,
    anonymised: facts.anonymised,
    identification: identificationOf(db, id),
    cases: casesOf(db, id, today),
    assessments: assessmentsOf(db, id),
    consents: consentsOf(db, id, today),
    services: servicesOfPerson(db, id),
    referrals: referralsOfPerson(db, id, today),
  };
  return { ...file, timeline: timelineOf(db, file) };
}

/** One page of persons, newest first on the creation index, by code only. */
export function listPersons(db: Db, filter: { query: string; withoutCase: boolean; offset: number; limit: number }): { total: number; rows: PersonRow[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: filter.limit, offset: filter.offset };
  if (filter.query) {
    where.push("p.code LIKE @code ESCAPE '\\'");
    params.code = `%${normalisePersonCode(filter.query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (filter.withoutCase) where.push('NOT EXISTS (SELECT 1 FROM cases c WHERE c.person_id = p.id)');
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT COUNT(*) FROM persons p ${clause}`).pluck().get(params) as number;
  const rows = db
    .prepare(
      `SELECT p.id, p.code, COALESCE(p.identified_on, (SELECT MIN(registration_date) FROM cases WHERE person_id = p.id)) AS identifiedOn,
         COALESCE(o.name, '') AS identifiedByName, (SELECT COUNT(*) FROM cases c WHERE c.person_id = p.id) AS cases,
         (SELECT COUNT(*) FROM referrals r WHERE r.person_id = p.id AND r.state IN ('draft', 'sent', 'accepted', 'in_progress')) AS openReferrals
       FROM persons p LEFT JOIN organisations o ON o.id = p.identified_by_organisation_id ${clause}
       ORDER BY p.created_at DESC, p.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params) as PersonRow[];
  return { total, rows };
}

/** The checks the person's records and their referrals share; a refusal carries its reason for the window's sentence. */

export function refuse(refusal: Refusal): never {
  throw new AppError('INVALID_STATE', `refused: ${refusal.reason}`, { reason: refusal.reason, ...refusal.details });
}

/** A person records may be added to: known, and not anonymised (nothing new is written about an erased person). */
export function livePerson(db: Db, id: string, today: string): PersonFacts {
  const facts = personFacts(db, id, today);
  if (!facts) throw new AppError('NOT_FOUND', 'no such person');
  if (facts.anonymised) refuse({ reason: 'anonymised' });
  return facts;
}

export function notFuture(date: string, today: string): void {
  if (date > today) refuse({ reason: 'future_date' });
}

export function requireOrganisation(db: Db, id: string, field: string): { type: string; active: boolean; nrmSubject: boolean } {
  const row = db.prepare('SELECT type, active, nrm_subject AS nrmSubject FROM organisations WHERE id = ?').get(id) as { type: string; active: number; nrmSubject: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'no such organisation', { field });
  return { type: row.type, active: row.active === 1, nrmSubject: row.nrmSubject === 1 };
}
