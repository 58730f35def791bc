import { randomInt } from 'node:crypto';
import { certificateValidUntil, dueDateOf, ordered, procedureView, type Clock, type ProcedureStep, type ProcedureView } from '../../../shared/case-procedure';
import { CITIZENSHIP_UNKNOWN, UKRAINE, type EndReason } from '../../../shared/domain/case-codes';
import { normalisePersonCode } from '../../../shared/domain/cases';
import type {
  Aid,
  Case,
  CaseFields,
  CaseFilter,
  CaseState,
  CaseSummary,
  Person,
  PersonHit,
  PersonIdentityDraft,
  Step,
  StepKind,
} from '../../../shared/domain/cases';
import { daysBetween } from '../../../shared/terms';
import type { Db } from '../../store/connection';
import { clockOf, decidingBodyAt } from '../parameters/parameters.repository';

/** Crockford's base32 without I, L, O, U: nothing to misread when a code is dictated over the phone. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random code («ОС-7K3M-Q9XA»): 40 bits, so neither the count of persons nor their order shows through. */
export function newPersonCode(db: Db): string {
  for (;;) {
    const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    const code = `ОС-${chars.slice(0, 4)}-${chars.slice(4)}`;
    if (!db.prepare('SELECT 1 FROM persons WHERE code = ?').get(code)) return code;
  }
}

/** The full name folded for search: lower case, apostrophes alike. */
export function searchKey(...parts: string[]): string {
  return parts
    .join(' ')
    .toLocaleLowerCase('uk')
    .replace(/[’'ʼ`]/g, '’')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Full years between two dates. */
function yearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}

/**
 * The age on a date, from the birth date, or from the age at identification plus the years since the person was
 * identified (their first registration); null when not established.
 */
export function ageAt(person: Pick<PersonIdentityDraft, 'birthDate' | 'ageAtIdentification'>, date: string, identifiedOn: string = date): number | null {
  if (person.birthDate) return Math.max(0, yearsBetween(person.birthDate, date));
  if (person.ageAtIdentification === null) return null;
  return person.ageAtIdentification + (date > identifiedOn ? yearsBetween(identifiedOn, date) : 0);
}

/** The day the person was first identified: as a presumed victim, or their earliest registration; `fallback` for a new one. */
export function identifiedOn(db: Db, personId: string, fallback: string): string {
  const first = db
    .prepare('SELECT MIN(d) FROM (SELECT registration_date AS d FROM cases WHERE person_id = @id UNION ALL SELECT identified_on FROM persons WHERE id = @id)')
    .pluck()
    .get({ id: personId }) as string | null;
  return first && first < fallback ? first : fallback;
}

export const isForeigner = (citizenship: string) => citizenship !== UKRAINE && citizenship !== CITIZENSHIP_UNKNOWN;

interface IdentityRow {
  surname: string;
  given_name: string;
  patronymic: string;
  birth_date: string | null;
  age_at_identification: number | null;
  languages: string;
  interpreter_needed: number;
  phone: string;
  email: string;
  address: string;
  identity_document: string;
  incapable: number;
  representative_name: string;
  representative_relation: string;
  representative_contacts: string;
  updated_at: string;
}

export function insertPerson(db: Db, id: string, person: PersonIdentityDraft, stamp: string): string {
  const code = newPersonCode(db);
  db.prepare('INSERT INTO persons (id, code, sex, citizenship, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, code, person.sex, person.citizenship, stamp, stamp);
  writeIdentity(db, id, person, stamp, true);
  return code;
}

export function writeIdentity(db: Db, personId: string, p: PersonIdentityDraft, stamp: string, insert = false): void {
  const values = {
    personId,
    surname: p.surname,
    givenName: p.givenName,
    patronymic: p.patronymic,
    birthDate: p.birthDate,
    age: p.birthDate ? null : p.ageAtIdentification,
    languages: p.languages,
    interpreter: p.interpreterNeeded ? 1 : 0,
    phone: p.phone,
    email: p.email,
    address: p.address,
    document: p.identityDocument,
    incapable: p.incapable ? 1 : 0,
    repName: p.representative.name,
    repRelation: p.representative.relation,
    repContacts: p.representative.contacts,
    search: searchKey(p.surname, p.givenName, p.patronymic),
    stamp,
  };
  if (insert) {
    db.prepare(
      `INSERT INTO person_identities (person_id, surname, given_name, patronymic, birth_date, age_at_identification, languages, interpreter_needed,
         phone, email, address, identity_document, incapable, representative_name, representative_relation, representative_contacts, search_name, updated_at)
       VALUES (@personId, @surname, @givenName, @patronymic, @birthDate, @age, @languages, @interpreter, @phone, @email, @address, @document, @incapable,
         @repName, @repRelation, @repContacts, @search, @stamp)`,
    ).run(values);
  } else {
    db.prepare(
      `UPDATE person_identities SET surname = @surname, given_name = @givenName, patronymic = @patronymic, birth_date = @birthDate,
         age_at_identification = @age, languages = @languages, interpreter_needed = @interpreter, phone = @phone, email = @email, address = @address,
         identity_document = @document, incapable = @incapable, representative_name = @repName, representative_relation = @repRelation,
         representative_contacts = @repContacts, search_name = @search, updated_at = @stamp
       WHERE person_id = @personId`,
    ).run(values);
  }
  db.prepare('UPDATE persons SET sex = ?, citizenship = ?, updated_at = ? WHERE id = ?').run(p.sex, p.citizenship, stamp, personId);
}

export interface PersonRow {
  id: string;
  code: string;
  sex: 'female' | 'male' | null;
  citizenship: string;
  anonymised_at: string | null;
}

export function findPerson(db: Db, id: string): PersonRow | undefined {
  return db.prepare('SELECT id, code, sex, citizenship, anonymised_at FROM persons WHERE id = ?').get(id) as PersonRow | undefined;
}

/** Who the person is, with their cases; undefined for an unknown or anonymised person. */
export function loadPerson(db: Db, id: string, today: string): Person | undefined {
  const person = findPerson(db, id);
  const identity = db.prepare('SELECT * FROM person_identities WHERE person_id = ?').get(id) as IdentityRow | undefined;
  if (!person || !identity) return undefined;
  const refs = db.prepare('SELECT id, registration_number AS registrationNumber, registration_date AS registrationDate, state, valid_until AS validUntil FROM cases WHERE person_id = ? ORDER BY registration_date').all(id) as {
    id: string;
    registrationNumber: string;
    registrationDate: string;
    state: CaseState;
    validUntil: string | null;
  }[];
  return {
    id,
    code: person.code,
    surname: identity.surname,
    givenName: identity.given_name,
    patronymic: identity.patronymic,
    birthDate: identity.birth_date,
    ageAtIdentification: identity.age_at_identification,
    sex: person.sex ?? 'female',
    citizenship: person.citizenship,
    languages: identity.languages,
    interpreterNeeded: identity.interpreter_needed === 1,
    phone: identity.phone,
    email: identity.email,
    address: identity.address,
    identityDocument: identity.identity_document,
    incapable: identity.incapable === 1,
    representative: { name: identity.representative_name, relation: identity.representative_relation, contacts: identity.representative_contacts },
    cases: refs.map(({ validUntil, ...r }) => ({ ...r, state: effectiveState(r.state, validUntil, today) })),
    updatedAt: identity.updated_at,
  };
}

/** Persons whose name holds every word typed (in any order), at most 20. */
export function searchPersons(db: Db, name: string): PersonHit[] {
  const words = searchKey(name).split(' ').filter(Boolean).slice(0, 4);
  const where = words.map(() => "search_name LIKE ? ESCAPE '\\'").join(' AND ');
  const escaped = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return db
    .prepare(
      `SELECT p.id, p.code, i.surname, i.given_name AS givenName, i.patronymic, i.birth_date AS birthDate
       FROM person_identities i JOIN persons p ON p.id = i.person_id WHERE ${where} ORDER BY i.search_name LIMIT 20`,
    )
    .all(...escaped) as PersonHit[];
}

/** A granted status past its term reads as ended, though no change has touched the row since. */
export function effectiveState(state: CaseState, validUntil: string | null, today: string): CaseState {
  return state === 'granted' && validUntil !== null && validUntil < today ? 'ended' : state;
}

interface CaseRow {
  id: string;
  person_id: string;
  code: string;
  sex: 'female' | 'male' | null;
  anonymised_at: string | null;
  receiving_body_kind: Case['fields']['receivingBodyKind'];
  receiving_body_name: string;
  registration_number: string;
  registration_date: string;
  arrival: Case['fields']['arrival'];
  referred_by_organisation_id: string | null;
  referred_by_name: string | null;
  identification_katottg: string;
  forms_version: string;
  forms: string;
  countries: string;
  exploitation_from: string | null;
  exploitation_to: string | null;
  documents_received: string;
  child: number;
  age_at_registration: number | null;
  foreigner: number;
  updated_at: string;
}

interface StepRow {
  id: string;
  seq: number;
  kind: StepKind;
  date: string;
  official: string;
  documents: string;
  note: string;
  number: string;
  waiver_reason: string | null;
  proceedings: number | null;
  proceedings_number: string;
  outcome: Step['outcome'];
  refusal_reason: string | null;
  deciding_body: string;
  valid_until: string | null;
  end_reason: string | null;
  court: string;
  due_on: string | null;
  recorded_by: string;
  recorded_by_name: string | null;
  recorded_at: string;
}

function toStep(r: StepRow): Step {
  return {
    id: r.id,
    kind: r.kind,
    date: r.date,
    official: r.official,
    documents: JSON.parse(r.documents) as string[],
    note: r.note,
    number: r.number,
    waiverReason: r.waiver_reason,
    proceedings: r.proceedings === null ? null : r.proceedings === 1,
    proceedingsNumber: r.proceedings_number,
    outcome: r.outcome,
    refusalReason: r.refusal_reason,
    decidingBody: r.deciding_body,
    validUntil: r.valid_until,
    endReason: r.end_reason,
    court: r.court,
    dueOn: r.due_on,
    daysLate: r.due_on && r.date > r.due_on ? daysBetween(r.due_on, r.date) : 0,
    recordedBy: r.recorded_by_name ?? '',
    recordedAt: r.recorded_at,
  };
}

/** The steps of a case in the order they happened (by date, then as recorded). */
export function loadSteps(db: Db, caseId: string): Step[] {
  const rows = db
    .prepare('SELECT s.*, u.display_name AS recorded_by_name FROM case_steps s LEFT JOIN users u ON u.id = s.recorded_by WHERE s.case_id = ? ORDER BY s.seq')
    .all(caseId) as StepRow[];
  return ordered(rows.map(toStep));
}

export function asProcedure(steps: readonly Step[]): ProcedureStep[] {
  return steps.map((s) => ({ kind: s.kind, date: s.date, outcome: s.outcome, validUntil: s.validUntil, endReason: s.endReason as EndReason | null, waiverReason: s.waiverReason }));
}

function findCaseRow(db: Db, id: string): CaseRow | undefined {
  return db
    .prepare(
      `SELECT c.*, p.code, p.sex, p.anonymised_at, o.name AS referred_by_name
       FROM cases c JOIN persons p ON p.id = c.person_id LEFT JOIN organisations o ON o.id = c.referred_by_organisation_id WHERE c.id = ?`,
    )
    .get(id) as CaseRow | undefined;
}

export function caseExists(db: Db, id: string): { personId: string; foreigner: boolean; age: number | null; registrationDate: string } | undefined {
  const row = db.prepare('SELECT person_id AS personId, foreigner, age_at_registration AS age, registration_date AS registrationDate FROM cases WHERE id = ?').get(id) as
    | { personId: string; foreigner: number; age: number | null; registrationDate: string }
    | undefined;
  return row && { ...row, foreigner: row.foreigner === 1 };
}

function loadAid(db: Db, caseId: string): Aid | null {
  const row = db
    .prepare(
      'SELECT application_date AS applicationDate, category, minimum_kop AS minimumKop, amount_kop AS amountKop, paying_body AS payingBody, payment_date AS paymentDate FROM case_aid WHERE case_id = ?',
    )
    .get(caseId) as Aid | undefined;
  return row ?? null;
}

/** The case card as it stands on `clock.today`. */
export function loadCase(db: Db, id: string, clock: Clock): Case | undefined {
  const row = findCaseRow(db, id);
  if (!row) return undefined;
  const steps = loadSteps(db, id);
  const view = procedureView(asProcedure(steps), { foreigner: row.foreigner === 1, age: row.age_at_registration }, clock);
  return {
    id: row.id,
    personId: row.person_id,
    code: row.code,
    fields: {
      receivingBodyKind: row.receiving_body_kind,
      receivingBodyName: row.receiving_body_name,
      registrationNumber: row.registration_number,
      registrationDate: row.registration_date,
      arrival: row.arrival,
      referredByOrganisationId: row.referred_by_organisation_id,
      identificationKatottg: row.identification_katottg,
      formsVersion: row.forms_version,
      forms: JSON.parse(row.forms) as Case['fields']['forms'],
      countries: JSON.parse(row.countries) as string[],
      exploitationFrom: row.exploitation_from,
      exploitationTo: row.exploitation_to,
      documentsReceived: JSON.parse(row.documents_received) as string[],
    },
    referredByName: row.referred_by_name ?? '',
    child: row.child === 1,
    foreigner: row.foreigner === 1,
    sex: row.sex,
    ageAtRegistration: row.age_at_registration,
    ...view,
    steps,
    aid: loadAid(db, id),
    anonymised: row.anonymised_at !== null,
    updatedAt: row.updated_at,
  };
}

/** Writes what the list and the dashboard filter on, as computed now. */
export function storeView(db: Db, caseId: string, view: ProcedureView, closedOn: string | null, registrationDate: string, stamp?: string): void {
  db.prepare(`UPDATE cases SET state = ?, next_step = ?, due_on = ?, valid_until = ?, closed_on = ?, list_order = ?${stamp ? ', updated_at = ?' : ''} WHERE id = ?`).run(
    view.state,
    view.nextStep,
    view.dueOn,
    view.validUntil,
    closedOn,
    listOrderOf(view.dueOn, registrationDate),
    ...(stamp ? [stamp] : []),
    caseId,
  );
}

/** The list's key (migration 0011 fills it the same way): due first by date, then the rest newest first. */
export function listOrderOf(dueOn: string | null, registrationDate: string): string {
  return dueOn ?? `N${99_999_999 - Number(registrationDate.replaceAll('-', ''))}`;
}

/** When the case closed for the retention rule: the status ended, or the application was finally refused. */
export function closedOnOf(view: Pick<ProcedureView, 'state' | 'endedOn'>, steps: readonly Step[]): string | null {
  if (view.state === 'ended') return view.endedOn;
  if (view.state === 'refused') return [...steps].reverse().find((s) => s.kind === 'decision')?.date ?? null;
  return null;
}

/**
 * What each step takes from the steps before it, computed again: its due date, the certificate's term from the
 * grant, the deciding body of a forwarded file (by its date) and of the decision on it. A corrected date anywhere
 * flows on to every step after it.
 */
function recomputeSteps(db: Db, steps: readonly Step[], clock: Clock): boolean {
  const update = db.prepare('UPDATE case_steps SET due_on = ?, valid_until = ?, deciding_body = ? WHERE id = ?');
  let changed = false;
  steps.forEach((step, i) => {
    const before = steps.slice(0, i);
    const dueOn = step.kind === 'registration' ? null : dueDateOf(step.kind, asProcedure(before), clock);
    const grant = [...before].reverse().find((s) => s.kind === 'decision' && s.outcome === 'granted');
    const validUntil = step.kind === 'certificate' ? (grant ? certificateValidUntil(grant.date, clock) : step.validUntil) : step.validUntil;
    const forwarded = [...before].reverse().find((s) => s.kind === 'forwarded');
    const decidingBody = step.kind === 'forwarded' ? decidingBodyAt(db, step.date) : step.kind === 'decision' ? (forwarded?.decidingBody ?? step.decidingBody) : step.decidingBody;
    if (dueOn !== step.dueOn || validUntil !== step.validUntil || decidingBody !== step.decidingBody) {
      update.run(dueOn, validUntil, decidingBody, step.id);
      Object.assign(step, { dueOn, validUntil, decidingBody });
      changed = true;
    }
  });
  return changed;
}

/** Recomputes one case's steps and its stored view (after any of its steps, the days off or the options changed). */
export function refreshCase(db: Db, caseId: string, clock: Clock, stamp?: string): ProcedureView {
  const { foreigner, age, registrationDate } = caseExists(db, caseId)!;
  const steps = loadSteps(db, caseId);
  recomputeSteps(db, steps, clock);
  const view = procedureView(asProcedure(steps), { foreigner, age }, clock);
  storeView(db, caseId, view, closedOnOf(view, steps), registrationDate, stamp);
  return view;
}

/** After the days off or the options changed: the due dates of the cases still running follow. */
export function refreshOpenCases(db: Db, today: string): number {
  const clock = clockOf(db, today);
  const ids = db.prepare("SELECT id FROM cases WHERE state IN ('open', 'incomplete', 'granted', 'refused') AND next_step IS NOT NULL").pluck().all() as string[];
  for (const id of ids) refreshCase(db, id, clock);
  return ids.length;
}

export function caseFieldValues(fields: CaseFields) {
  return {
    receivingBodyKind: fields.receivingBodyKind,
    receivingBodyName: fields.receivingBodyName,
    registrationNumber: fields.registrationNumber,
    registrationDate: fields.registrationDate,
    registrationYear: Number(fields.registrationDate.slice(0, 4)),
    arrival: fields.arrival,
    referredBy: fields.arrival === 'referred' ? fields.referredByOrganisationId : null,
    katottg: fields.identificationKatottg,
    formsVersion: fields.formsVersion,
    forms: JSON.stringify([...new Set(fields.forms)]),
    countries: JSON.stringify([...new Set(fields.countries)]),
    exploitationFrom: fields.exploitationFrom,
    exploitationTo: fields.exploitationTo,
    documentsReceived: JSON.stringify(fields.documentsReceived),
  };
}

const SUMMARY_STATE = `CASE WHEN c.state = 'granted' AND c.valid_until IS NOT NULL AND c.valid_until < @today THEN 'ended' ELSE c.state END`;
/** A granted status whose term ended after the row was last computed: nothing is due on it any more. */
const EXPIRED = `(c.state = 'granted' AND c.valid_until IS NOT NULL AND c.valid_until < @today)`;

/** One page of the case list and the total under the same filter; the name is never read here. */
export function listCases(db: Db, filter: CaseFilter, today: string): { total: number; rows: CaseSummary[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = { today, limit: filter.limit, offset: filter.offset };
  if (filter.states?.length) {
    // On the stored state (indexed), with a granted status past its term read as ended.
    const asked = new Set(filter.states);
    const plain = [...asked].filter((st) => st !== 'granted' && st !== 'ended');
    const any: string[] = [];
    if (plain.length) {
      any.push('c.state IN (SELECT value FROM json_each(@states))');
      params.states = JSON.stringify(plain);
    }
    if (asked.has('granted')) any.push("(c.state = 'granted' AND (c.valid_until IS NULL OR c.valid_until >= @today))");
    if (asked.has('ended')) any.push("c.state = 'ended'", "(c.state = 'granted' AND c.valid_until < @today)");
    where.push(`(${any.join(' OR ')})`);
  }
  if (filter.step) {
    where.push('c.next_step = @step');
    params.step = filter.step;
  }
  if (filter.overdue) where.push(`c.due_on < @today AND NOT ${EXPIRED}`);
  if (filter.year) {
    where.push('c.registration_year = @year');
    params.year = filter.year;
  }
  if (filter.query) {
    // A code typed on either keyboard layout, or a registration number as the register writes it.
    const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push("(p.code LIKE @code ESCAPE '\\' OR c.registration_number LIKE @query ESCAPE '\\' OR c.registration_number LIKE @typed ESCAPE '\\')");
    params.code = like(normalisePersonCode(filter.query));
    params.query = like(filter.query.toLocaleUpperCase('uk'));
    // SQLite folds case for Latin letters only: a number with a Cyrillic letter («15/к») is matched as typed too.
    params.typed = like(filter.query.toLocaleLowerCase('uk'));
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const from = 'FROM cases c JOIN persons p ON p.id = c.person_id';
  // The code is the only column of persons a filter reads; without it the count needs the cases alone.
  const counted = filter.query ? from : 'FROM cases c';
  const total = (db.prepare(`SELECT COUNT(*) ${counted} ${clause}`).pluck().get(params) as number) ?? 0;
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} ${from} ${clause} ORDER BY c.list_order, c.id LIMIT @limit OFFSET @offset`).all(params) as SummaryRow[];
  return { total, rows: rows.map((r) => toSummary(r, today)) };
}

const SUMMARY_COLUMNS = `c.id, c.person_id AS personId, p.code, c.registration_number AS registrationNumber, c.registration_date AS registrationDate,
  ${SUMMARY_STATE} AS state, c.next_step AS nextStep, c.due_on AS dueOn, c.child, c.foreigner, c.valid_until AS validUntil`;
type SummaryRow = Omit<CaseSummary, 'child' | 'foreigner' | 'daysLeft'> & { child: number; foreigner: number };

function toSummary(r: SummaryRow, today: string): CaseSummary {
  const ended = r.state === 'ended';
  return {
    ...r,
    nextStep: ended ? null : r.nextStep,
    dueOn: ended ? null : r.dueOn,
    daysLeft: !ended && r.dueOn ? daysBetween(today, r.dueOn) : null,
    child: r.child === 1,
    foreigner: r.foreigner === 1,
  };
}

/** The nearest due steps up to a date, overdue first: a walk of the due-date index that stops at `limit`. */
export function dueRows(db: Db, today: string, until: string, limit: number): CaseSummary[] {
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM cases c JOIN persons p ON p.id = c.person_id
       WHERE c.due_on <= @until AND NOT ${EXPIRED} ORDER BY c.due_on, c.id LIMIT @limit`,
    )
    .all({ today, until, limit }) as SummaryRow[];
  return rows.map((r) => toSummary(r, today));
}

/** The counts of the dashboard: steps overdue and due within `days`, without a name or a code. */
export function dueCounts(db: Db, today: string, soonUntil: string): { overdue: number; dueSoon: number } {
  const row = db
    .prepare(
      `SELECT SUM(CASE WHEN due_on < @today THEN 1 ELSE 0 END) AS overdue, SUM(CASE WHEN due_on >= @today AND due_on <= @until THEN 1 ELSE 0 END) AS dueSoon
       FROM cases WHERE due_on IS NOT NULL AND due_on <= @until AND NOT (state = 'granted' AND valid_until IS NOT NULL AND valid_until < @today)`,
    )
    .get({ today, until: soonUntil }) as { overdue: number | null; dueSoon: number | null };
  return { overdue: row.overdue ?? 0, dueSoon: row.dueSoon ?? 0 };
}

/** «Прізвище Ім’я По батькові» of a person, or null once anonymised: what a register prints beside the code. */
export function personFullName(db: Db, personId: string): string | null {
  const row = db.prepare('SELECT surname, given_name AS givenName, patronymic FROM person_identities WHERE person_id = ?').get(personId) as
    | { surname: string; givenName: string; patronymic: string }
    | undefined;
  return row ? [row.surname, row.givenName, row.patronymic].map((s) => s.trim()).filter(Boolean).join(' ') : null;
}

/** The cases of a register's year: registered in it (applications), or with a certificate issued in it (certificates). */
export function registerCaseIds(db: Db, book: 'applications' | 'certificates', year: number): string[] {
  if (book === 'applications') return db.prepare('SELECT id FROM cases WHERE registration_year = ? ORDER BY registration_date, id').pluck().all(year) as string[];
  return db
    .prepare("SELECT DISTINCT case_id FROM case_steps WHERE kind = 'certificate' AND date >= ? AND date <= ? ORDER BY case_id")
    .pluck()
    .all(`${year}-01-01`, `${year}-12-31`) as string[];
}

export function caseIdsOfPerson(db: Db, personId: string): string[] {
  return db.prepare('SELECT id FROM cases WHERE person_id = ? ORDER BY registration_date, id').pluck().all(personId) as string[];
}

export interface PersonEvent {
  ts: string;
  action: string;
  details: Record<string, unknown>;
  userName: string | null;
  login: string | null;
}

/**
 * Every audit event about the person or one of their cases, oldest first: the reads of their data and every change
 * and export. The log has no index on the record, so this reads it whole; it answers a person's request, not a screen.
 */
export function personEvents(db: Db, personId: string, caseIds: readonly string[], referralIds: readonly string[] = []): PersonEvent[] {
  const rows = db
    .prepare(
      `SELECT e.ts, e.action, e.details, u.display_name AS userName, u.login FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
       WHERE (e.entity = 'person' AND e.entity_id = ?) OR (e.entity = 'case' AND e.entity_id IN (SELECT value FROM json_each(?)))
         OR (e.entity = 'referral' AND e.entity_id IN (SELECT value FROM json_each(?)))
         OR (e.entity IN ('assessment', 'consent', 'service_received', 'referral') AND json_extract(e.details, '$.personId') = ?)
       ORDER BY e.seq`,
    )
    .all(personId, JSON.stringify(caseIds), JSON.stringify(referralIds), personId) as (Omit<PersonEvent, 'details'> & { details: string })[];
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
}
