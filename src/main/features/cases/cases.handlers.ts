import { randomUUID } from 'node:crypto';
import { certificateValidUntil, ordered, stepRefusal, type Clock, type ProcedureFacts, type Refusal } from '../../../shared/case-procedure';
import { AID_MULTIPLIER } from '../../../shared/domain/case-codes';
import type { CaseFields, PersonIdentityDraft, Step, StepInput } from '../../../shared/domain/cases';
import { AppError } from '../../../shared/errors';
import { LIVE_STATES } from '../../../shared/referral-procedure';
import { addMonths } from '../../../shared/terms';
import { kyivDate } from '../../../shared/time';
import type { FeatureHandlers, TxContext } from '../../kernel/context';
import type { Db } from '../../store/connection';
import { getSetting } from '../../store/settings';
import { clockOf, decidingBodyAt, minimumAt } from '../parameters/parameters.repository';
import { assertKnownTerritory } from '../territories/territories.repository';
import {
  ageAt,
  asProcedure,
  caseExists,
  caseIdsOfPerson,
  caseFieldValues,
  closedOnOf,
  findPerson,
  identifiedOn,
  insertPerson,
  isForeigner,
  listCases,
  loadCase,
  loadPerson,
  loadSteps,
  refreshCase,
  searchPersons,
  writeIdentity,
} from './cases.repository';
import { caseDocumentHandlers } from './cases.documents';

const clockFor = (ctx: TxContext): Clock => clockOf(ctx.store.db, kyivDate(ctx.now));

function refuse(refusal: Refusal): never {
  throw new AppError('INVALID_STATE', `step refused: ${refusal.reason}`, { reason: refusal.reason, ...refusal.details });
}

function requireCase(db: Db, id: string) {
  const found = caseExists(db, id);
  if (!found) throw new AppError('NOT_FOUND', 'no such case');
  return found;
}

function requireLivePerson(db: Db, id: string) {
  const person = findPerson(db, id);
  if (!person) throw new AppError('NOT_FOUND', 'no such person');
  if (person.anonymised_at) throw new AppError('INVALID_STATE', 'the person was anonymised', { reason: 'anonymised' });
  return person;
}

function checkFields(db: Db, fields: CaseFields, today: string, exceptCaseId?: string): void {
  if (fields.registrationDate > today) throw new AppError('INVALID_STATE', 'registered in the future', { reason: 'future_date' });
  if (fields.arrival === 'referred' && !db.prepare('SELECT 1 FROM organisations WHERE id = ?').get(fields.referredByOrganisationId)) {
    throw new AppError('NOT_FOUND', 'no such organisation', { field: 'referredByOrganisationId' });
  }
  const clash = db
    .prepare('SELECT id FROM cases WHERE registration_year = ? AND registration_number = ? AND id <> ?')
    .get(Number(fields.registrationDate.slice(0, 4)), fields.registrationNumber, exceptCaseId ?? '');
  if (clash) throw new AppError('CONFLICT', 'registration number taken', { field: 'registrationNumber', reason: 'registration_number_taken' });
}

/** Child and age follow the person's age on the day of registration; an unknown age counts as a child (Law art. 3(3)). */
function ageFacts(person: Pick<PersonIdentityDraft, 'birthDate' | 'ageAtIdentification'>, registrationDate: string, firstIdentified = registrationDate) {
  const age = ageAt(person, registrationDate, firstIdentified);
  return { age, child: age === null || age < 18 };
}

function identityOf(db: Db, personId: string): Pick<PersonIdentityDraft, 'birthDate' | 'ageAtIdentification'> {
  return (db.prepare('SELECT birth_date AS birthDate, age_at_identification AS ageAtIdentification FROM person_identities WHERE person_id = ?').get(personId) as
    | Pick<PersonIdentityDraft, 'birthDate' | 'ageAtIdentification'>
    | undefined) ?? { birthDate: null, ageAtIdentification: null };
}

/** What the app adds to a step: the deciding body then in force, the status's end. */
function computed(input: StepInput, others: readonly Step[], db: Db, clock: Clock) {
  if (input.kind === 'forwarded') return { decidingBody: decidingBodyAt(db, input.date), validUntil: null };
  if (input.kind === 'certificate') {
    const grant = [...others].reverse().find((s) => s.kind === 'decision' && s.outcome === 'granted');
    return { decidingBody: '', validUntil: grant ? certificateValidUntil(grant.date, clock) : null };
  }
  if (input.kind === 'extension') return { decidingBody: '', validUntil: input.validUntil };
  // The body that decided is the one the file went to, kept with the decision too.
  if (input.kind === 'decision') return { decidingBody: [...others].reverse().find((s) => s.kind === 'forwarded')?.decidingBody ?? decidingBodyAt(db, input.date), validUntil: null };
  return { decidingBody: '', validUntil: null };
}

/** Every step in order must stand on the ones before it: the check after a step is changed or removed. */
function sequenceRefusal(steps: readonly Step[], facts: ProcedureFacts, clock: Clock): Refusal | null {
  const procedure = asProcedure(ordered(steps));
  for (let i = 1; i < procedure.length; i += 1) {
    // The registration sorted after a step means that step is dated before the application was registered.
    if (procedure[i]!.kind === 'registration') return { reason: 'before_registration', details: { date: procedure[i]!.date } };
    const refusal = stepRefusal(procedure.slice(0, i), procedure[i]!, facts, clock);
    if (refusal) return refusal;
  }
  return null;
}

/** A recorded step that may be corrected or removed: any but the registration, which the application's date sets. */
function editableStep(steps: readonly Step[], id: string): Step {
  const step = steps.find((s) => s.id === id);
  if (!step) throw new AppError('NOT_FOUND', 'no such step');
  if (step.kind === 'registration') refuse({ reason: 'registration_fixed' });
  return step;
}

function stepColumns(input: StepInput, extra: { decidingBody: string; validUntil: string | null }) {
  return {
    kind: input.kind,
    date: input.date,
    official: input.official,
    documents: JSON.stringify(input.documents),
    note: input.note,
    number: 'number' in input ? input.number : '',
    waiverReason: input.kind === 'interview_waived' ? input.waiverReason : null,
    proceedings: input.kind === 'police_answer' ? (input.proceedings ? 1 : 0) : null,
    proceedingsNumber: input.kind === 'police_answer' && input.proceedings ? input.proceedingsNumber : '',
    outcome: input.kind === 'decision' ? input.outcome : null,
    refusalReason: input.kind === 'decision' && input.outcome === 'refused' ? input.refusalReason : null,
    decidingBody: extra.decidingBody,
    validUntil: extra.validUntil,
    endReason: input.kind === 'ended' ? input.endReason : null,
    court: input.kind === 'appeal' ? input.court : '',
  };
}

function asStep(id: string, input: StepInput, extra: { decidingBody: string; validUntil: string | null }): Step {
  const c = stepColumns(input, extra);
  return {
    id,
    kind: c.kind,
    date: c.date,
    official: c.official,
    documents: input.documents,
    note: c.note,
    number: c.number,
    waiverReason: c.waiverReason,
    proceedings: c.proceedings === null ? null : c.proceedings === 1,
    proceedingsNumber: c.proceedingsNumber,
    outcome: c.outcome,
    refusalReason: c.refusalReason,
    decidingBody: c.decidingBody,
    validUntil: c.validUntil,
    endReason: c.endReason,
    court: c.court,
    dueOn: null,
    daysLate: 0,
    recordedBy: '',
    recordedAt: '',
  };
}

function cardOf(ctx: TxContext, id: string, clock: Clock) {
  return loadCase(ctx.store.db, id, clock)!;
}

export const casesHandlers = {
  'cases:list': (input, ctx) => listCases(ctx.store.db, input, kyivDate(ctx.now)),

  'cases:get': (input, ctx) => {
    const found = loadCase(ctx.store.db, input.id, clockFor(ctx));
    if (!found) throw new AppError('NOT_FOUND', 'no such case');
    // The card names no one, but its notes, documents and proceedings numbers may say who: a view is logged.
    ctx.auditRead('case', found.id);
    return found;
  },

  'cases:person': (input, ctx) => {
    const person = loadPerson(ctx.store.db, input.id, kyivDate(ctx.now));
    if (!person) throw new AppError('NOT_FOUND', 'no such person');
    ctx.auditRead('person', person.id);
    return person;
  },

  'cases:search': (input, ctx) => {
    const hits = searchPersons(ctx.store.db, input.name);
    for (const hit of hits) ctx.auditRead('person', hit.id);
    // A search that finds no one still shows that someone looked: the event names no record and holds no words.
    if (hits.length === 0) ctx.auditRead('person', '');
    return hits;
  },

  'cases:savePerson': (input, ctx) => {
    const db = ctx.store.db;
    requireLivePerson(db, input.id);
    const stamp = ctx.now.toISOString();
    writeIdentity(db, input.id, input.person, stamp);
    // Age and citizenship decide the child and foreigner flags of the person's cases.
    const cases = db.prepare('SELECT id, registration_date AS date FROM cases WHERE person_id = ? ORDER BY registration_date').all(input.id) as { id: string; date: string }[];
    const clock = clockFor(ctx);
    for (const c of cases) {
      const { age, child } = ageFacts(input.person, c.date, cases[0]!.date);
      db.prepare('UPDATE cases SET child = ?, age_at_registration = ?, foreigner = ?, updated_at = ? WHERE id = ?').run(child ? 1 : 0, age, isForeigner(input.person.citizenship) ? 1 : 0, stamp, c.id);
      refreshCase(db, c.id, clock);
    }
    ctx.audit({ action: 'person.updated', entity: 'person', entityId: input.id, details: {} });
    ctx.auditRead('person', input.id);
    return loadPerson(db, input.id, kyivDate(ctx.now))!;
  },

  'cases:create': (input, ctx) => {
    const db = ctx.store.db;
    const clock = clockFor(ctx);
    const stamp = ctx.now.toISOString();
    checkFields(db, input.fields, clock.today);
    assertKnownTerritory(db, ctx.now, 'fields.identificationKatottg', input.fields.identificationKatottg);
    let personId = input.personId;
    let identity: Pick<PersonIdentityDraft, 'birthDate' | 'ageAtIdentification'>;
    let citizenship: string;
    if (personId) {
      const person = requireLivePerson(db, personId);
      identity = identityOf(db, personId);
      citizenship = person.citizenship;
    } else {
      personId = randomUUID();
      const code = insertPerson(db, personId, input.person!, stamp);
      identity = input.person!;
      citizenship = input.person!.citizenship;
      ctx.audit({ action: 'person.created', entity: 'person', entityId: personId, details: { code } });
    }
    const id = randomUUID();
    const { age, child } = ageFacts(identity, input.fields.registrationDate, identifiedOn(db, personId, input.fields.registrationDate));
    db.prepare(
      `INSERT INTO cases (id, person_id, receiving_body_kind, receiving_body_name, registration_number, registration_date, registration_year, arrival,
         referred_by_organisation_id, identification_katottg, forms_version, forms, countries, exploitation_from, exploitation_to, documents_received,
         child, age_at_registration, foreigner, state, created_at, updated_at)
       VALUES (@id, @personId, @receivingBodyKind, @receivingBodyName, @registrationNumber, @registrationDate, @registrationYear, @arrival, @referredBy,
         @katottg, @formsVersion, @forms, @countries, @exploitationFrom, @exploitationTo, @documentsReceived, @child, @age, @foreigner, 'open', @stamp, @stamp)`,
    ).run({ id, personId, ...caseFieldValues(input.fields), child: child ? 1 : 0, age, foreigner: isForeigner(citizenship) ? 1 : 0, stamp });
    insertStep(db, id, 1, { kind: 'registration', date: input.fields.registrationDate, official: input.official, documents: [], note: '' }, { decidingBody: '', validUntil: null }, ctx);
    refreshCase(db, id, clock, stamp);
    ctx.audit({ action: 'case.created', entity: 'case', entityId: id, details: { personId, registrationDate: input.fields.registrationDate, child, foreigner: isForeigner(citizenship) } });
    return cardOf(ctx, id, clock);
  },

  'cases:update': (input, ctx) => {
    const db = ctx.store.db;
    const clock = clockFor(ctx);
    const found = requireCase(db, input.id);
    checkFields(db, input.fields, clock.today, input.id);
    const had = db.prepare('SELECT identification_katottg FROM cases WHERE id = ?').pluck().get(input.id) as string;
    assertKnownTerritory(db, ctx.now, 'fields.identificationKatottg', input.fields.identificationKatottg, had);
    const steps = loadSteps(db, input.id);
    const firstAfter = steps.find((s) => s.kind !== 'registration');
    if (firstAfter && input.fields.registrationDate > firstAfter.date) refuse({ reason: 'after_steps', details: { date: firstAfter.date } });
    const stamp = ctx.now.toISOString();
    const { age, child } = ageFacts(identityOf(db, found.personId), input.fields.registrationDate, identifiedOn(db, found.personId, input.fields.registrationDate));
    db.prepare(
      `UPDATE cases SET receiving_body_kind = @receivingBodyKind, receiving_body_name = @receivingBodyName, registration_number = @registrationNumber,
         registration_date = @registrationDate, registration_year = @registrationYear, arrival = @arrival, referred_by_organisation_id = @referredBy,
         identification_katottg = @katottg, forms_version = @formsVersion, forms = @forms, countries = @countries, exploitation_from = @exploitationFrom,
         exploitation_to = @exploitationTo, documents_received = @documentsReceived, child = @child, age_at_registration = @age, updated_at = @stamp WHERE id = @id`,
    ).run({ id: input.id, ...caseFieldValues(input.fields), child: child ? 1 : 0, age, stamp });
    db.prepare("UPDATE case_steps SET date = ? WHERE case_id = ? AND kind = 'registration'").run(input.fields.registrationDate, input.id);
    refreshCase(db, input.id, clock, stamp);
    ctx.audit({ action: 'case.updated', entity: 'case', entityId: input.id, details: { registrationDate: input.fields.registrationDate } });
    return cardOf(ctx, input.id, clock);
  },

  'cases:addStep': (input, ctx) => {
    const db = ctx.store.db;
    const clock = clockFor(ctx);
    const found = requireCase(db, input.caseId);
    const steps = loadSteps(db, input.caseId);
    const extra = computed(input.step, steps, db, clock);
    const facts = { foreigner: found.foreigner, age: found.age };
    const refusal = stepRefusal(asProcedure(steps), { ...input.step, ...extra }, facts, clock);
    if (refusal) refuse(refusal);
    // Checked against the steps dated after it too: a step slipped in between must leave every later one standing.
    const inSequence = sequenceRefusal([...steps, asStep('new', input.step, extra)], facts, clock);
    if (inSequence) refuse(inSequence);
    const seq = ((db.prepare('SELECT MAX(seq) FROM case_steps WHERE case_id = ?').pluck().get(input.caseId) as number | null) ?? 0) + 1;
    // Its due date, like every step's, is set by refreshCase from the steps before it.
    const id = insertStep(db, input.caseId, seq, input.step, extra, ctx);
    refreshCase(db, input.caseId, clock, ctx.now.toISOString());
    ctx.audit({ action: 'case.step_added', entity: 'case', entityId: input.caseId, details: { stepId: id, kind: input.step.kind, date: input.step.date } });
    return cardOf(ctx, input.caseId, clock);
  },

  'cases:updateStep': (input, ctx) => {
    const db = ctx.store.db;
    const clock = clockFor(ctx);
    const found = requireCase(db, input.caseId);
    const steps = loadSteps(db, input.caseId);
    const old = editableStep(steps, input.stepId);
    if (old.kind !== input.step.kind) refuse({ reason: 'kind_changed' });
    const others = steps.filter((s) => s.id !== old.id);
    const extra = computed(input.step, others, db, clock);
    const refusal = sequenceRefusal(
      steps.map((s) => (s.id === old.id ? asStep(old.id, input.step, extra) : s)),
      { foreigner: found.foreigner, age: found.age },
      clock,
    );
    if (refusal) refuse(refusal);
    const c = stepColumns(input.step, extra);
    db.prepare(
      `UPDATE case_steps SET date = @date, official = @official, documents = @documents, note = @note, number = @number, waiver_reason = @waiverReason,
         proceedings = @proceedings, proceedings_number = @proceedingsNumber, outcome = @outcome, refusal_reason = @refusalReason, deciding_body = @decidingBody,
         valid_until = @validUntil, end_reason = @endReason, court = @court WHERE id = @id`,
    ).run({ ...c, id: old.id });
    refreshCase(db, input.caseId, clock, ctx.now.toISOString());
    ctx.audit({ action: 'case.step_updated', entity: 'case', entityId: input.caseId, details: { stepId: old.id, kind: old.kind, from: old.date, to: input.step.date } });
    return cardOf(ctx, input.caseId, clock);
  },

  'cases:removeStep': (input, ctx) => {
    const db = ctx.store.db;
    const clock = clockFor(ctx);
    const found = requireCase(db, input.caseId);
    const steps = loadSteps(db, input.caseId);
    const old = editableStep(steps, input.stepId);
    const refusal = sequenceRefusal(
      steps.filter((s) => s.id !== old.id),
      { foreigner: found.foreigner, age: found.age },
      clock,
    );
    if (refusal) refuse({ reason: 'others_depend', details: { on: refusal.reason } });
    db.prepare('DELETE FROM case_steps WHERE id = ?').run(old.id);
    refreshCase(db, input.caseId, clock, ctx.now.toISOString());
    ctx.audit({ action: 'case.step_removed', entity: 'case', entityId: input.caseId, details: { stepId: old.id, kind: old.kind, date: old.date } });
    return cardOf(ctx, input.caseId, clock);
  },

  'cases:saveAid': (input, ctx) => {
    const db = ctx.store.db;
    const clock = clockFor(ctx);
    const found = requireCase(db, input.caseId);
    const card = loadCase(db, input.caseId, clock)!;
    const grant = card.steps.find((s) => s.kind === 'decision' && s.outcome === 'granted');
    if (!grant) refuse({ reason: 'aid_without_status' });
    if (input.applicationDate < grant.date) refuse({ reason: 'aid_before_status', details: { date: grant.date } });
    if (card.endedOn && input.applicationDate >= card.endedOn) refuse({ reason: 'aid_after_status', details: { date: card.endedOn } });
    // The category follows the age on the application date where the age is known (CMU No. 660: the child's minimum by age).
    const age = ageAt(identityOf(db, found.personId), input.applicationDate, identifiedOn(db, found.personId, input.applicationDate));
    const childCategory = input.category === 'child_under_6' ? age !== null && age < 6 : input.category === 'child_6_18' ? age !== null && age >= 6 && age < 18 : age === null || age >= 18;
    if (age !== null && !childCategory) refuse({ reason: 'aid_category_age', details: { age } });
    if (input.applicationDate > clock.today || (input.paymentDate && input.paymentDate > clock.today)) refuse({ reason: 'future_date' });
    const minimum = minimumAt(db, input.category, input.applicationDate);
    if (minimum === null) refuse({ reason: 'no_minimum', details: { category: input.category, date: input.applicationDate } });
    const amount = minimum * AID_MULTIPLIER;
    db.prepare(
      `INSERT INTO case_aid (case_id, application_date, category, minimum_kop, amount_kop, paying_body, payment_date, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(case_id) DO UPDATE SET application_date = excluded.application_date, category = excluded.category,
         minimum_kop = excluded.minimum_kop, amount_kop = excluded.amount_kop, paying_body = excluded.paying_body, payment_date = excluded.payment_date,
         updated_at = excluded.updated_at`,
    ).run(input.caseId, input.applicationDate, input.category, minimum, amount, input.payingBody, input.paymentDate, ctx.now.toISOString());
    ctx.audit({ action: 'case.aid_saved', entity: 'case', entityId: input.caseId, details: { category: input.category, applicationDate: input.applicationDate, amountKop: amount } });
    return cardOf(ctx, input.caseId, clock);
  },

  'cases:anonymisable': (_input, ctx) => anonymisable(ctx.store.db, clockFor(ctx)),

  'cases:anonymise': (input, ctx) => {
    const db = ctx.store.db;
    const person = requireLivePerson(db, input.personId);
    if (person.code !== input.confirmCode) throw new AppError('VALIDATION', 'the code typed is not the person’s', { issues: [{ path: 'confirmCode', code: 'custom', key: 'confirmCode' }] });
    const eligible = anonymisable(db, clockFor(ctx)).some((a) => a.personId === person.id);
    if (!eligible) refuse({ reason: 'retention_not_over' });
    anonymisePerson(db, person.id, ctx.now.toISOString());
    ctx.audit({ action: 'person.anonymised', entity: 'person', entityId: person.id, details: { code: person.code } });
    return { personId: person.id, code: person.code };
  },

  ...caseDocumentHandlers,
} satisfies FeatureHandlers<'cases'>;

function insertStep(
  db: Db,
  caseId: string,
  seq: number,
  input: StepInput | { kind: 'registration'; date: string; official: string; documents: string[]; note: string },
  extra: { decidingBody: string; validUntil: string | null },
  ctx: TxContext,
): string {
  const id = randomUUID();
  const c = input.kind === 'registration' ? { ...stepColumns({ ...input, kind: 'undertaking' }, extra), kind: 'registration' as const } : stepColumns(input, extra);
  db.prepare(
    `INSERT INTO case_steps (id, case_id, seq, kind, date, official, documents, note, number, waiver_reason, proceedings, proceedings_number, outcome,
       refusal_reason, deciding_body, valid_until, end_reason, court, due_on, recorded_by, recorded_at)
     VALUES (@id, @caseId, @seq, @kind, @date, @official, @documents, @note, @number, @waiverReason, @proceedings, @proceedingsNumber, @outcome,
       @refusalReason, @decidingBody, @validUntil, @endReason, @court, NULL, @recordedBy, @recordedAt)`,
  ).run({ id, caseId, seq, ...c, recordedBy: ctx.session.userId, recordedAt: ctx.now.toISOString() });
  return id;
}

/**
 * Persons whose file went quiet more than the retention term ago: every case closed (status ended, or finally
 * refused), no referral still at work, and nothing recorded around them since (identification, assessment, consent or
 * its revocation, a referral's last change, a service). A presumed victim who never applied is weighed the same way.
 */
export function anonymisable(db: Db, clock: Clock) {
  const years = getSetting(db, 'caseOptions').retentionYears;
  const people = db
    .prepare(
      `SELECT p.id AS personId, p.code,
         MAX(COALESCE(p.identified_on, ''),
             COALESCE((SELECT MAX(date) FROM needs_assessments WHERE person_id = p.id), ''),
             COALESCE((SELECT MAX(COALESCE(revoked_on, date)) FROM consents WHERE person_id = p.id), ''),
             COALESCE((SELECT MAX(last_date) FROM referrals WHERE person_id = p.id), ''),
             COALESCE((SELECT MAX(date) FROM services_received WHERE person_id = p.id), '')) AS lastActivity
       FROM persons p
       WHERE p.anonymised_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM referrals r WHERE r.person_id = p.id AND r.state IN (SELECT value FROM json_each(@live)))
         AND NOT EXISTS (
           SELECT 1 FROM cases r WHERE r.person_id = p.id
             AND (r.state IN ('open', 'incomplete') OR (r.state = 'granted' AND (r.valid_until IS NULL OR r.valid_until >= @today))))
       ORDER BY p.code`,
    )
    // A forgotten draft does not keep anyone's data: only a referral still at work does.
    .all({ today: clock.today, live: JSON.stringify(LIVE_STATES) }) as { personId: string; code: string; lastActivity: string }[];
  const result: { personId: string; code: string; closedOn: string; eligibleSince: string }[] = [];
  for (const { personId, code, lastActivity } of people) {
    // Only persons none of whose cases is still running are read case by case.
    const closed = caseIdsOfPerson(db, personId).map((id) => {
      const card = loadCase(db, id, clock)!;
      return closedOnOf(card, card.steps);
    });
    if (closed.some((c) => c === null)) continue;
    const closedOn = [...(closed as string[]), lastActivity].sort().at(-1)!;
    if (!closedOn) continue;
    const eligibleSince = addMonths(closedOn, years * 12);
    if (eligibleSince <= clock.today) result.push({ personId, code, closedOn, eligibleSince });
  }
  return result;
}

/**
 * Erases who the person is and every free text that may name them; keeps what the statistics count: sex,
 * citizenship, the child flag and age, forms and countries of exploitation, the dates and outcomes of the steps.
 */
export function anonymisePerson(db: Db, personId: string, stamp: string): void {
  db.prepare('DELETE FROM person_identities WHERE person_id = ?').run(personId);
  db.prepare('UPDATE persons SET anonymised_at = ?, updated_at = ? WHERE id = ?').run(stamp, stamp, personId);
  db.prepare("UPDATE cases SET documents_received = '[]', updated_at = ? WHERE person_id = ?").run(stamp, personId);
  db.prepare("UPDATE case_steps SET note = '', documents = '[]', number = '', proceedings_number = '', court = '' WHERE case_id IN (SELECT id FROM cases WHERE person_id = ?)").run(personId);
  db.prepare("UPDATE case_aid SET paying_body = '' WHERE case_id IN (SELECT id FROM cases WHERE person_id = ?)").run(personId);
  // What the referral mechanism recorded in words: the assessments' notes, the consents' notes and witnesses, the
  // referrals' circumstances, documents and notes, the descriptions of services. Dates, codes and outcomes stay.
  db.prepare("UPDATE needs_assessments SET notes = '', assessed_by = '' WHERE person_id = ?").run(personId);
  db.prepare("UPDATE consents SET note = '', witness = '', revocation_note = '' WHERE person_id = ?").run(personId);
  db.prepare("UPDATE referrals SET circumstances = '', documents = '[]', note = '', officer_contact = '' WHERE person_id = ?").run(personId);
  db.prepare("UPDATE referral_events SET note = '' WHERE referral_id IN (SELECT id FROM referrals WHERE person_id = ?)").run(personId);
  db.prepare("UPDATE services_received SET description = '' WHERE person_id = ?").run(personId);
  // The case screens keep no drafts; should one ever be kept for this person's cases, it goes with their name.
  db.prepare("DELETE FROM drafts WHERE key IN (SELECT 'cases:' || id FROM cases WHERE person_id = ?) OR key = 'cases:person:' || ?").run(personId, personId);
}
