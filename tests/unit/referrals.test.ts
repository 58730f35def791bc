import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS, contract } from '../../src/shared/contract';
import { clockFrom } from '../../src/shared/case-procedure';
import { DEFAULT_TERMS } from '../../src/shared/domain/parameters';
import { REFERRAL_STATES } from '../../src/shared/domain/referral-codes';
import { REFERRAL_EVENTS } from '../../src/shared/domain/referrals';
import {
  allowedEvents,
  answerDue,
  coveringConsent,
  daysLeft,
  eventRefusal,
  giverRefusal,
  nearness,
  NEXT_EVENTS,
  serves,
  serviceDue,
  type ConsentFacts,
} from '../../src/shared/referral-procedure';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../../src/shared/permissions';
import { anonymisePerson } from '../../src/main/features/cases/cases.handlers';
import { docxText } from '../fixtures/docx';
import { PERSON, PLANTED, registerCase } from '../fixtures/cases';
import { assessed, consented, draftReferral, organisationOf, OFFICER_CONTACT, presumedVictim, sentReferral } from '../fixtures/referrals';
import { ADMIN, adminRuntime, call, cleanupTempDirs, failure, type TestRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

const clock = clockFrom(DEFAULT_TERMS, [], true, '2026-11-20');

async function signInAs(rt: TestRuntime, role: Role): Promise<void> {
  const login = `only.${role}`;
  await call(rt, 'users:add', { login, displayName: `Користувач ${role}`, roles: [role], initialPassphrase: 'тимчасовий пароль 12345' });
  await call(rt, 'session:lock', {});
  await call(rt, 'session:unlock', { login, passphrase: 'тимчасовий пароль 12345' });
  await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль 12345', next: 'зовсім інший власний пароль 2026' });
}

/** Moves the clock to an instant; the idle lock has closed the store meanwhile, so the admin signs in again. */
async function at(rt: TestRuntime, iso: string): Promise<void> {
  rt.clock.ms = Date.parse(iso);
  await rt.dispatch('session:status', {});
  if (!rt.core.session) await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
}

/** The reason a change is refused with, and that it left no trace: the referral as it was, no audit event. */
async function refused(rt: TestRuntime, channel: string, input: unknown): Promise<{ reason: string; details: Record<string, unknown> }> {
  const db = rt.core.requireStore().db;
  const snapshot = () => ({
    referrals: db.prepare('SELECT id, state, consent_id, number_seq FROM referrals ORDER BY id').all(),
    events: db.prepare('SELECT COUNT(*) FROM referral_events').pluck().get(),
    audit: db.prepare('SELECT COUNT(*) FROM audit_events').pluck().get(),
  });
  const before = snapshot();
  const error = await failure(rt, channel, input);
  expect(error.code).toBe('INVALID_STATE');
  expect(snapshot()).toEqual(before);
  return { reason: String(error.details.reason), details: error.details };
}

const send = (id: string, date = '2026-11-07') => ({ id, change: { event: 'send' as const, date } });

describe('the order of a referral (pure rules)', () => {
  const facts = (state: (typeof REFERRAL_STATES)[number]) => ({ state, lastDate: '2026-11-07', answerDueOn: '2026-11-11' });

  it.each(REFERRAL_STATES)('from %s only the listed changes are allowed, each with its reason otherwise', (state) => {
    for (const event of REFERRAL_EVENTS) {
      const refusal = eventRefusal(facts(state), event, '2026-11-12', '2026-11-20');
      if (NEXT_EVENTS[state].includes(event)) expect([event, refusal]).toEqual([event, null]);
      else expect([event, refusal?.reason]).toEqual([event, 'event_not_allowed']);
    }
  });

  it('declined, completed, revoked and closed are final', () => {
    expect(['declined', 'completed', 'revoked', 'closed'].map((s) => NEXT_EVENTS[s as 'declined'].length)).toEqual([0, 0, 0, 0]);
  });

  it('refuses a change in the future, before the last one, and closing before the answer is overdue', () => {
    expect(eventRefusal(facts('sent'), 'accept', '2026-11-21', '2026-11-20')?.reason).toBe('future_date');
    expect(eventRefusal(facts('sent'), 'accept', '2026-11-06', '2026-11-20')).toEqual({ reason: 'before_previous', details: { date: '2026-11-07' } });
    expect(eventRefusal(facts('sent'), 'close', '2026-11-11', '2026-11-20')).toEqual({ reason: 'answer_not_overdue', details: { dueOn: '2026-11-11' } });
    expect(eventRefusal(facts('sent'), 'close', '2026-11-12', '2026-11-20')).toBeNull();
    expect(allowedEvents(facts('sent'), '2026-11-10')).toEqual(['accept', 'decline', 'revoke']);
  });

  it('counts the answer from the sending and the service from the acceptance, urgent ones by their own terms', () => {
    // Saturday 07.11: three working days are Monday to Wednesday.
    expect(answerDue('2026-11-07', 'normal', clock)).toBe('2026-11-11');
    expect(answerDue('2026-11-07', 'urgent', clock)).toBe('2026-11-09');
    expect(serviceDue('2026-11-10', 'normal', clock)).toBe('2026-12-10');
    expect(serviceDue('2026-11-10', 'urgent', clock)).toBe('2026-11-13');
    expect([daysLeft('2026-11-20', '2026-11-20'), daysLeft('2026-11-20', '2026-11-21')]).toEqual([0, -1]);
  });

  it('a consent covers a recipient by name or by kind, and every category disclosed', () => {
    const consent = (over: Partial<ConsentFacts>): ConsentFacts => ({
      id: 'c',
      date: '2026-11-06',
      validUntil: null,
      revokedOn: null,
      organisationIds: [],
      organisationTypes: ['ngo'],
      categories: ['needs', 'name_contacts'],
      ...over,
    });
    const ngo = { id: 'o-ngo', type: 'ngo' as const };
    const clinic = { id: 'o-clinic', type: 'health' as const };
    expect(coveringConsent([], ngo, ['needs'], '2026-11-07')).toEqual({ refusal: { reason: 'consent_missing' } });
    expect(coveringConsent([consent({})], clinic, ['needs'], '2026-11-07')).toEqual({ refusal: { reason: 'consent_recipient', details: { recipientType: 'health' } } });
    expect('consent' in coveringConsent([consent({ organisationTypes: [], organisationIds: ['o-clinic'] })], clinic, ['needs'], '2026-11-07')).toBe(true);
    expect(coveringConsent([consent({})], ngo, ['needs', 'birth_date', 'circumstances'], '2026-11-07')).toEqual({
      refusal: { reason: 'consent_categories', details: { categories: ['birth_date', 'circumstances'], consentDate: '2026-11-06' } },
    });
    expect(coveringConsent([consent({ validUntil: '2026-11-06' })], ngo, ['needs'], '2026-11-07')).toEqual({ refusal: { reason: 'consent_not_in_force' } });
    expect(coveringConsent([consent({ revokedOn: '2026-11-07' })], ngo, ['needs'], '2026-11-07')).toEqual({ refusal: { reason: 'consent_not_in_force' } });
    expect(coveringConsent([consent({ date: '2026-11-08' })], ngo, ['needs'], '2026-11-07')).toEqual({ refusal: { reason: 'consent_not_in_force' } });
  });

  it('a child consents through the representative or the children’s service; a capable adult personally', () => {
    expect(giverRefusal('person', { child: true, incapable: false })?.reason).toBe('consent_child_giver');
    expect(giverRefusal('children_service', { child: true, incapable: false })).toBeNull();
    expect(giverRefusal('representative', { child: false, incapable: false })?.reason).toBe('consent_adult_giver');
    expect(giverRefusal('person', { child: false, incapable: true })?.reason).toBe('consent_incapable_giver');
    expect(giverRefusal('representative', { child: false, incapable: true })).toBeNull();
  });

  it('measures nearness by КАТОТТГ level, and who a provider serves', () => {
    const poltava = 'UA53080370010073240';
    expect(nearness(poltava, poltava)).toBe(4);
    expect(nearness(poltava, 'UA53080370020012345')).toBe(3);
    expect(nearness(poltava, 'UA53080110000012345')).toBe(2);
    expect(nearness(poltava, 'UA53020000000012345')).toBe(1);
    expect(nearness(poltava, 'UA32000000000012345')).toBe(0);
    expect(nearness('', poltava)).toBe(0);
    const adultWoman = { child: false, sex: 'female', foreigner: false };
    expect(serves([], adultWoman)).toBe(true);
    expect(serves(['children'], adultWoman)).toBe(false);
    expect(serves(['adults', 'men'], adultWoman)).toBe(false);
    expect(serves(['foreigners'], adultWoman)).toBe(false);
    expect(serves(['adults', 'women', 'foreigners'], adultWoman)).toBe(true);
  });
});

describe('a presumed victim, before any case', () => {
  it('is recorded with who identified them, when and where, by code; a case opened later joins the same history', async () => {
    const rt = await adminRuntime();
    const person = await presumedVictim(rt);
    expect(person.code).toMatch(/^ОС-/);
    expect(person.identification).toMatchObject({ identifiedOn: '2026-11-05', identifiedByName: 'Головне управління Національної поліції в області' });
    expect(person.timeline.map((e) => e.kind)).toEqual(['identified']);
    const list = await call(rt, 'persons:list', { withoutCase: true });
    expect(list.rows.map((r) => r.code)).toEqual([person.code]);
    expect(JSON.stringify(list)).not.toContain(PLANTED.surname);
    await call(rt, 'cases:create', {
      personId: person.id,
      fields: { receivingBodyKind: 'state_administration', receivingBodyName: 'Полтавська районна державна адміністрація', registrationNumber: '9', registrationDate: '2026-11-10' },
      official: 'Савченко Ірина Миколаївна',
    });
    const file = await call(rt, 'persons:get', { id: person.id });
    expect(file.cases).toHaveLength(1);
    expect(file.timeline.map((e) => [e.date, e.kind, e.event])).toEqual([
      ['2026-11-05', 'identified', null],
      ['2026-11-10', 'case_step', 'registration'],
    ]);
    expect((await call(rt, 'persons:list', { withoutCase: true })).total).toBe(0);
  });

  it('an age given at identification grows from the identification date', async () => {
    const rt = await adminRuntime();
    // 17 when identified in November 2024: an adult two years on, so consent is hers to give.
    const person = await presumedVictim(rt, { birthDate: null, ageAtIdentification: 17 });
    await call(rt, 'persons:saveIdentification', { personId: person.id, identification: { identifiedOn: '2024-11-05', identifiedByOrganisationId: null } });
    expect((await call(rt, 'persons:get', { id: person.id })).child).toBe(false);
    const child = await presumedVictim(rt, { birthDate: '2012-01-01' });
    expect(child.child).toBe(true);
    expect((await refused(rt, 'persons:saveConsent', { personId: child.id, date: '2026-11-06', form: 'written', givenBy: 'person', organisationTypes: ['ngo'], categories: ['needs'] })).reason).toBe(
      'consent_child_giver',
    );
  });
});

describe('sending a referral', () => {
  it('no referral leaves without a consent that covers its recipient and every field it discloses; the refusal says which', async () => {
    const rt = await adminRuntime();
    const person = await presumedVictim(rt);
    const assessment = await assessed(rt, person.id);
    const toNgo = await draftReferral(rt, person.id, assessment, { disclose: ['name_contacts', 'birth_date'] });
    expect((await refused(rt, 'referrals:advance', send(toNgo.id))).reason).toBe('consent_missing');
    await consented(rt, person.id, { organisationTypes: ['health'], categories: ['needs', 'name_contacts'] });
    expect(await refused(rt, 'referrals:advance', send(toNgo.id))).toMatchObject({ reason: 'consent_recipient', details: { recipientType: 'ngo' } });
    await consented(rt, person.id, { organisationTypes: [], organisationIds: [toNgo.toOrganisationId], categories: ['needs', 'name_contacts'] });
    expect(await refused(rt, 'referrals:advance', send(toNgo.id))).toMatchObject({ reason: 'consent_categories', details: { categories: ['birth_date'] } });
    const preview = await call(rt, 'referrals:preview', { id: toNgo.id });
    expect(preview.refusal?.reason).toBe('consent_categories');
    expect(preview.disclosure.name).toBeNull();
    // The officer narrows the disclosure to what the consent covers: now it goes, numbered and with its answer due.
    const narrowed = await call(rt, 'referrals:save', { ...draftOf(toNgo), disclose: ['name_contacts'] });
    const sent = await call(rt, 'referrals:advance', send(narrowed.id));
    expect(sent).toMatchObject({ state: 'sent', number: '1/2026', sentOn: '2026-11-07', answerDueOn: '2026-11-11', dueKind: 'answer', dueOn: '2026-11-11', daysLeft: -9 });
    expect(sent.consentId).toBe((await call(rt, 'persons:get', { id: person.id })).consents[1]!.id);
    expect(sent.history.map((h) => [h.kind, h.state, h.recordedBy])).toEqual([
      ['created', 'draft', ADMIN.displayName],
      ['send', 'sent', ADMIN.displayName],
    ]);
  });

  it('refuses a recipient outside the mechanism, needs not assessed, a sent referral’s edit, and a draft of another person', async () => {
    const rt = await adminRuntime();
    const person = await presumedVictim(rt);
    const assessment = await assessed(rt, person.id, ['medical']);
    expect((await refused(rt, 'referrals:save', await draftInput(rt, person.id, assessment, { needs: ['legal'], toOrganisationId: await organisationOf(rt, 'health') }))).details.services).toEqual(['legal']);
    const prosecutor = await organisationOf(rt, 'prosecutor');
    expect((await refused(rt, 'referrals:save', await draftInput(rt, person.id, assessment, { needs: ['medical'], toOrganisationId: prosecutor }))).reason).toBe('not_a_subject');
    const other = await presumedVictim(rt);
    expect((await refused(rt, 'referrals:save', await draftInput(rt, other.id, assessment, { needs: ['medical'] }))).reason).toBe('referral_other_person');
    await consented(rt, person.id);
    const sent = await call(rt, 'referrals:advance', send((await draftReferral(rt, person.id, assessment, { needs: ['medical'], toOrganisationId: await organisationOf(rt, 'health') })).id));
    expect((await refused(rt, 'referrals:save', { ...draftOf(sent), note: 'зміна' })).reason).toBe('not_draft');
    expect((await refused(rt, 'referrals:removeDraft', { id: sent.id })).reason).toBe('not_draft');
  });

  it('records each answer with who, when and why, refuses impossible orders, and follows the due dates', async () => {
    const rt = await adminRuntime();
    const referral = await sentReferral(rt);
    expect((await refused(rt, 'referrals:advance', { id: referral.id, change: { event: 'complete', date: '2026-11-12', outcome: 'received_full' } })).reason).toBe('event_not_allowed');
    expect((await refused(rt, 'referrals:advance', { id: referral.id, change: { event: 'accept', date: '2026-11-06' } })).reason).toBe('before_previous');
    expect((await refused(rt, 'referrals:advance', { id: referral.id, change: { event: 'accept', date: '2026-11-21' } })).reason).toBe('future_date');
    const accepted = await call(rt, 'referrals:advance', { id: referral.id, change: { event: 'accept', date: '2026-11-10', note: 'Прийнято на консультацію' } });
    expect(accepted).toMatchObject({ state: 'accepted', dueKind: 'service', serviceDueOn: '2026-12-10', dueOn: '2026-12-10', daysLeft: 20, allowedEvents: ['start', 'complete', 'revoke'] });
    await call(rt, 'referrals:advance', { id: referral.id, change: { event: 'start', date: '2026-11-11' } });
    const done = await call(rt, 'referrals:advance', { id: referral.id, change: { event: 'complete', date: '2026-11-19', outcome: 'received_part', note: 'Дві консультації з трьох' } });
    expect(done).toMatchObject({ state: 'completed', outcome: 'received_part', dueOn: null, dueKind: null, allowedEvents: [] });
    expect(done.history.map((h) => [h.kind, h.date, h.outcome, h.note])).toEqual([
      ['created', '2026-11-20', null, ''],
      ['send', '2026-11-07', null, ''],
      ['accept', '2026-11-10', null, 'Прийнято на консультацію'],
      ['start', '2026-11-11', null, ''],
      ['complete', '2026-11-19', 'received_part', 'Дві консультації з трьох'],
    ]);
    const db = rt.core.requireStore().db;
    expect(db.prepare("SELECT action FROM audit_events WHERE entity = 'referral' AND entity_id = ? ORDER BY seq").pluck().all(referral.id)).toEqual([
      'referral.created',
      'referral.sent',
      'referral.accepted',
      'referral.started',
      'referral.completed',
    ]);
  });

  it('a declined one carries its coded reason; one without an answer is closed only after its term', async () => {
    const rt = await adminRuntime();
    const declined = await call(rt, 'referrals:advance', { id: (await sentReferral(rt)).id, change: { event: 'decline', date: '2026-11-09', reason: 'no_capacity', note: 'Немає місць' } });
    expect(declined).toMatchObject({ state: 'declined', declineReason: 'no_capacity', dueOn: null });
    const silent = await sentReferral(rt);
    expect((await refused(rt, 'referrals:advance', { id: silent.id, change: { event: 'close', date: '2026-11-11' } })).reason).toBe('answer_not_overdue');
    expect((await call(rt, 'referrals:advance', { id: silent.id, change: { event: 'close', date: '2026-11-12' } })).state).toBe('closed');
  });

  it('an answer is overdue from Kyiv’s midnight after its due date, in the list and on the dashboard', async () => {
    const rt = await adminRuntime();
    const person = await presumedVictim(rt);
    await consented(rt, person.id);
    const draft = await draftReferral(rt, person.id, await assessed(rt, person.id));
    // Tuesday 17.11 + three working days: due on Friday 20.11.
    const sent = await call(rt, 'referrals:advance', send(draft.id, '2026-11-17'));
    expect(sent.dueOn).toBe('2026-11-20');
    await at(rt, '2026-11-20T21:59:00Z');
    expect((await call(rt, 'referrals:get', { id: sent.id })).daysLeft).toBe(0);
    expect((await call(rt, 'referrals:list', { overdue: true })).total).toBe(0);
    expect((await call(rt, 'dashboard:get', {})).referrals).toMatchObject({ overdueAnswers: 0, dueSoon: 1 });
    await at(rt, '2026-11-20T22:00:00Z');
    expect((await call(rt, 'referrals:get', { id: sent.id })).daysLeft).toBe(-1);
    expect((await call(rt, 'referrals:list', { overdue: true })).rows.map((r) => r.id)).toEqual([sent.id]);
    const dashboard = (await call(rt, 'dashboard:get', {})).referrals!;
    expect(dashboard).toMatchObject({ overdueAnswers: 1, overdueServices: 0, dueSoon: 0 });
    expect(dashboard.rows.map((r) => [r.code, r.dueKind, r.daysLeft])).toEqual([[person.code, 'answer', -1]]);
    expect(JSON.stringify(dashboard)).not.toContain(PLANTED.surname);
  });
});

describe('revoking consent', () => {
  it('stops the referrals at work under it from sharing more, and is recorded on each; a finished one is left as it was', async () => {
    const rt = await adminRuntime();
    const person = await presumedVictim(rt);
    const assessment = await assessed(rt, person.id);
    const file = await consented(rt, person.id);
    const atWork = await call(rt, 'referrals:advance', send((await draftReferral(rt, person.id, assessment)).id));
    const finished = await call(rt, 'referrals:advance', send((await draftReferral(rt, person.id, assessment, { toOrganisationId: await organisationOf(rt, 'health'), needs: ['medical'] })).id));
    await call(rt, 'referrals:advance', { id: finished.id, change: { event: 'decline', date: '2026-11-09', reason: 'not_provided', note: 'Такої допомоги не надають' } });
    const waiting = await draftReferral(rt, person.id, assessment);
    expect((await call(rt, 'referrals:document', { id: atWork.id, document: 'letter', format: 'docx' })).fileName).toBe(`napravlennia-${person.code}.docx`);
    await call(rt, 'persons:revokeConsent', { consentId: file.consents[0]!.id, date: '2026-11-15', note: 'Особа відкликала згоду телефоном' });
    const revoked = await call(rt, 'referrals:get', { id: atWork.id });
    expect(revoked).toMatchObject({ consentRevoked: true, consentRevokedOn: '2026-11-15', state: 'sent' });
    expect(revoked.history.at(-1)).toMatchObject({ kind: 'consent_revoked', date: '2026-11-15', note: 'Особа відкликала згоду телефоном' });
    expect((await call(rt, 'referrals:get', { id: finished.id })).history.map((h) => h.kind)).toEqual(['created', 'send', 'decline']);
    expect((await refused(rt, 'referrals:document', { id: atWork.id, document: 'letter', format: 'docx' })).reason).toBe('consent_revoked');
    expect((await call(rt, 'referrals:preview', { id: atWork.id })).refusal?.reason).toBe('consent_revoked');
    expect((await refused(rt, 'referrals:advance', send(waiting.id, '2026-11-16'))).reason).toBe('consent_not_in_force');
    // The recipient's answer may still be recorded: it shares nothing.
    expect((await call(rt, 'referrals:advance', { id: atWork.id, change: { event: 'accept', date: '2026-11-16' } })).state).toBe('accepted');
    expect((await refused(rt, 'persons:revokeConsent', { consentId: file.consents[0]!.id, date: '2026-11-16' })).reason).toBe('consent_already_revoked');
  });
});

describe('the letter carries only what the consent and the need require', () => {
  async function letterText(rt: TestRuntime, id: string): Promise<string> {
    const file = await call(rt, 'referrals:document', { id, document: 'letter', format: 'docx' });
    return docxText(Buffer.from(file.base64, 'base64'));
  }

  it('for a narrow consent: the code, the needs and the officer, no name, contacts or birth date; no personal.read for the person', async () => {
    const rt = await adminRuntime();
    const person = await presumedVictim(rt);
    await consented(rt, person.id, { categories: ['needs'] });
    const referral = await call(rt, 'referrals:advance', send((await draftReferral(rt, person.id, await assessed(rt, person.id), { disclose: [] })).id));
    const text = await letterText(rt, referral.id);
    expect(text).toContain(person.code);
    expect(text).toContain('психологічна допомога');
    expect(text).toContain(OFFICER_CONTACT);
    for (const secret of [PLANTED.surname, PLANTED.givenName, PERSON.phone!, '12.04.1998']) expect(text).not.toContain(secret);
    const db = rt.core.requireStore().db;
    expect(db.prepare("SELECT COUNT(*) FROM audit_events WHERE action = 'personal.read' AND entity_id = ? AND details LIKE '%referrals:document%'").pluck().get(person.id)).toBe(0);
  });

  it('for a broad one: the name, contacts and birth date as chosen, and the export is a read of personal data', async () => {
    const rt = await adminRuntime();
    const person = await presumedVictim(rt);
    await consented(rt, person.id, { categories: ['needs', 'name_contacts', 'birth_date', 'circumstances'] });
    const draft = await draftReferral(rt, person.id, await assessed(rt, person.id), { disclose: ['name_contacts', 'birth_date', 'circumstances'], circumstances: 'Потребує супроводу до лікаря' });
    const referral = await call(rt, 'referrals:advance', send(draft.id));
    const text = await letterText(rt, referral.id);
    for (const shown of [PLANTED.surname, PLANTED.givenName, PERSON.phone!, '12.04.1998', 'Потребує супроводу до лікаря']) expect(text).toContain(shown);
    const ack = docxText(Buffer.from((await call(rt, 'referrals:document', { id: referral.id, document: 'acknowledgement', format: 'docx' })).base64, 'base64'));
    expect(ack).toContain(person.code);
    expect(ack).not.toContain(PLANTED.surname);
    const db = rt.core.requireStore().db;
    expect(db.prepare("SELECT COUNT(*) FROM audit_events WHERE action = 'personal.read' AND entity_id = ? AND details LIKE '%referrals:document%'").pluck().get(person.id)).toBe(1);
    expect(db.prepare("SELECT action FROM audit_events WHERE action LIKE 'document.referral%' ORDER BY seq").pluck().all()).toEqual(['document.referral_letter', 'document.referral_acknowledgement']);
  });
});

describe('who may see what', () => {
  const personal = CHANNELS.filter((c) => c.startsWith('persons:') || c.startsWith('referrals:'));

  /** A valid call of every person and referral channel, so only the access rule can refuse it. */
  const inputs = (r: { id: string; personId: string; assessmentId: string; toOrganisationId: string; fromOrganisationId: string; officerId: string }): Record<string, unknown> => ({
    'persons:list': {},
    'persons:record': { person: PERSON, identification: { identifiedOn: '2026-11-05' } },
    'persons:saveIdentification': { personId: r.personId, identification: { identifiedOn: '2026-11-04' } },
    'persons:get': { id: r.personId },
    'persons:saveAssessment': { personId: r.personId, date: '2026-11-06', assessedBy: 'Хтось Інший', needs: ['legal'] },
    'persons:saveConsent': { personId: r.personId, date: '2026-11-06', form: 'written', givenBy: 'person', organisationTypes: ['ngo'], categories: ['needs'] },
    'persons:revokeConsent': { consentId: r.id, date: '2026-11-10' },
    'persons:saveService': { personId: r.personId, date: '2026-11-10', providerOrganisationId: r.toOrganisationId, service: 'legal' },
    'persons:timelineDocument': { personId: r.personId, format: 'docx' },
    'referrals:list': {},
    'referrals:get': { id: r.id },
    'referrals:save': { personId: r.personId, assessmentId: r.assessmentId, fromOrganisationId: r.fromOrganisationId, toOrganisationId: r.toOrganisationId, needs: ['psychological'], officerId: r.officerId, officerContact: OFFICER_CONTACT },
    'referrals:removeDraft': { id: r.id },
    'referrals:preview': { id: r.id },
    'referrals:advance': { id: r.id, change: { event: 'accept', date: '2026-11-10' } },
    'referrals:suggest': { personId: r.personId, service: 'legal' },
    'referrals:document': { id: r.id, document: 'letter', format: 'docx' },
    'referrals:counts': { from: '2026-01', to: '2026-12' },
  });

  it('every person and referral channel has its call here', () => {
    expect(Object.keys(inputs({ id: '', personId: '', assessmentId: '', toOrganisationId: '', fromOrganisationId: '', officerId: '' })).sort()).toEqual([...personal].sort());
  });

  it.each(ROLES.filter((r) => r !== 'case_officer'))('%s is refused every person and referral channel it lacks, audited, and reads nothing', async (role) => {
    const rt = await adminRuntime();
    const referral = await sentReferral(rt);
    const calls = inputs(referral);
    await signInAs(rt, role);
    const db = rt.core.requireStore().db;
    const count = (action: string) => db.prepare('SELECT COUNT(*) FROM audit_events WHERE action = ?').pluck().get(action) as number;
    const reads = count('personal.read');
    let refusedCalls = 0;
    for (const channel of personal) {
      const access = contract[channel].access;
      if (ROLE_PERMISSIONS[role].includes(access as never)) continue;
      const denied = count('access.denied');
      const error = await failure(rt, channel, calls[channel]);
      expect([channel, error.code]).toEqual([channel, 'FORBIDDEN']);
      expect(count('access.denied')).toBe(denied + 1);
      refusedCalls += 1;
    }
    // Those who read the reports may count referrals (no person in the counts); nothing else.
    expect(refusedCalls).toBe(ROLE_PERMISSIONS[role].includes('reports.read') ? personal.length - 1 : personal.length);
    expect(count('personal.read')).toBe(reads);
    expect((await call(rt, 'dashboard:get', {})).referrals).toBeNull();
  });

  it('a case officer’s reads of the person file, the referral card and the preview each write personal.read by identifier only', async () => {
    const rt = await adminRuntime();
    const referral = await sentReferral(rt);
    const db = rt.core.requireStore().db;
    const reads = () => db.prepare("SELECT entity, entity_id AS id, details FROM audit_events WHERE action = 'personal.read' ORDER BY seq").all() as { entity: string; id: string; details: string }[];
    const before = reads().length;
    await call(rt, 'persons:get', { id: referral.personId });
    await call(rt, 'referrals:get', { id: referral.id });
    await call(rt, 'referrals:preview', { id: referral.id });
    const added = reads().slice(before);
    expect(added.map((r) => [r.entity, r.id])).toEqual([
      ['person', referral.personId],
      ['referral', referral.id],
      ['person', referral.personId],
    ]);
    expect(JSON.stringify(added)).not.toContain(PLANTED.surname);
  });

  it('the analyst counts referrals by month, service, kind of recipient, state and outcome, with no person in them', async () => {
    const rt = await adminRuntime();
    const first = await sentReferral(rt);
    await call(rt, 'referrals:advance', { id: first.id, change: { event: 'accept', date: '2026-11-09' } });
    await call(rt, 'referrals:advance', { id: first.id, change: { event: 'complete', date: '2026-11-12', outcome: 'received_full' } });
    await sentReferral(rt, { needs: ['psychological', 'legal'] });
    await signInAs(rt, 'analyst');
    const counts = await call(rt, 'referrals:counts', { from: '2026-01', to: '2026-12' });
    expect(counts.byNeed).toEqual([
      { month: '2026-11', service: 'legal', recipientType: 'ngo', state: 'sent', outcome: null, count: 1 },
      { month: '2026-11', service: 'psychological', recipientType: 'ngo', state: 'completed', outcome: 'received_full', count: 1 },
      { month: '2026-11', service: 'psychological', recipientType: 'ngo', state: 'sent', outcome: null, count: 1 },
    ]);
    // The referral with two needs counts once here.
    expect(counts.referrals).toEqual([
      { month: '2026-11', recipientType: 'ngo', state: 'completed', outcome: 'received_full', count: 1 },
      { month: '2026-11', recipientType: 'ngo', state: 'sent', outcome: null, count: 1 },
    ]);
    expect(JSON.stringify(counts)).not.toMatch(/ОС-|personId|Вигаданенко/);
    expect(await call(rt, 'referrals:counts', { from: '2026-12', to: '2026-12' })).toEqual({ byNeed: [], referrals: [] });
  });
});

describe('the service directory', () => {
  it('keeps each organisation’s profile, and suggests the providers of a need that serve the person, nearest first', async () => {
    const rt = await adminRuntime();
    const person = await presumedVictim(rt);
    const save = (name: string, katottg: string, clientGroups: ('adults' | 'children' | 'women')[] = []) =>
      call(rt, 'organisations:save', { name, type: 'health', katottg, nrmSubject: true, ownership: 'communal', services: ['medical'], clientGroups });
    const far = await save('Обласна клінічна лікарня', 'UA53020000000034761');
    const near = await save('Полтавська міська лікарня № 1', 'UA53080370010073240', ['adults', 'women']);
    const children = await save('Полтавська дитяча лікарня', 'UA53080370010073240', ['children']);
    await call(rt, 'organisations:save', { name: 'Лікарня, що не бере направлень', type: 'health', katottg: 'UA53080370010073240', services: ['medical'] });
    expect((await call(rt, 'organisations:list', {})).find((o) => o.id === near.id)).toMatchObject({ nrmSubject: true, ownership: 'communal', services: ['medical'], clientGroups: ['adults', 'women'] });
    const suggested = await call(rt, 'referrals:suggest', { personId: person.id, service: 'medical' });
    const ours = suggested.filter((s) => [far.id, near.id, children.id].includes(s.id));
    expect(ours.map((s) => [s.name, s.nearness, s.serves])).toEqual([
      ['Полтавська міська лікарня № 1', 4, true],
      ['Обласна клінічна лікарня', 1, true],
      ['Полтавська дитяча лікарня', 4, false],
    ]);
    expect(suggested.map((s) => s.name)).not.toContain('Лікарня, що не бере направлень');
  });

  it('merging a duplicate moves its referrals, consents and services over', async () => {
    const rt = await adminRuntime();
    const duplicate = await call(rt, 'organisations:save', { name: 'ГО «Вектор надії»', type: 'ngo', nrmSubject: true, services: ['legal'] });
    const keep = await call(rt, 'organisations:save', { name: 'Громадська організація «Вектор надії»', type: 'ngo', nrmSubject: true, services: ['psychological'] });
    const person = await presumedVictim(rt);
    await consented(rt, person.id, { organisationTypes: [], organisationIds: [duplicate.id] });
    const referral = await call(rt, 'referrals:advance', send((await draftReferral(rt, person.id, await assessed(rt, person.id), { toOrganisationId: duplicate.id })).id));
    const merged = await call(rt, 'organisations:merge', { keepId: keep.id, duplicateId: duplicate.id });
    expect(merged.services.sort()).toEqual(['legal', 'psychological']);
    expect((await call(rt, 'referrals:get', { id: referral.id })).toOrganisationId).toBe(keep.id);
    expect((await call(rt, 'persons:get', { id: person.id })).consents[0]!.organisations.map((o) => o.id)).toEqual([keep.id]);
  });
});

describe('the person’s timeline', () => {
  it('shows every assessment, consent, referral event, service and status step in date order, and prints by code', async () => {
    const rt = await adminRuntime();
    const referral = await sentReferral(rt);
    await call(rt, 'referrals:advance', { id: referral.id, change: { event: 'accept', date: '2026-11-09' } });
    await call(rt, 'persons:saveService', { personId: referral.personId, date: '2026-11-12', providerOrganisationId: referral.toOrganisationId, service: 'psychological', description: 'Консультація психолога', referralId: referral.id });
    const file = await call(rt, 'persons:get', { id: referral.personId });
    expect(file.timeline.map((e) => [e.date, e.kind, e.event])).toEqual([
      ['2026-11-05', 'identified', null],
      ['2026-11-06', 'assessment', null],
      ['2026-11-06', 'consent', null],
      ['2026-11-07', 'referral', 'send'],
      ['2026-11-09', 'referral', 'accept'],
      ['2026-11-12', 'service', null],
    ]);
    expect(file.services[0]).toMatchObject({ referralNumber: '1/2026', providerName: referral.toName });
    const printed = docxText(Buffer.from((await call(rt, 'persons:timelineDocument', { personId: referral.personId, format: 'docx' })).base64, 'base64'));
    expect(printed).toContain(file.code);
    expect(printed).toContain('Консультація психолога');
    expect(printed).not.toContain(PLANTED.surname);
  });

  it('an assessment keeps the needs a referral was made for', async () => {
    const rt = await adminRuntime();
    const referral = await sentReferral(rt);
    const file = await call(rt, 'persons:get', { id: referral.personId });
    const assessment = file.assessments[0]!;
    const input = { id: assessment.id, personId: referral.personId, date: assessment.date, assessedBy: assessment.assessedBy, needs: ['medical' as const], urgency: assessment.urgency };
    expect((await refused(rt, 'persons:saveAssessment', input)).details.services).toEqual(['psychological']);
    const grown = await call(rt, 'persons:saveAssessment', { ...input, needs: ['psychological', 'employment'] });
    expect(grown.assessments[0]!.needs).toEqual(['psychological', 'employment']);
  });
});

describe('anonymisation', () => {
  it('erases the words recorded around the person and keeps the dates, codes and outcomes', async () => {
    const rt = await adminRuntime();
    const c = await registerCase(rt);
    await consented(rt, c.personId, { note: `Згоду дала ${PLANTED.surname}`, categories: ['needs', 'circumstances'] });
    const assessment = (await call(rt, 'persons:saveAssessment', { personId: c.personId, date: '2026-11-06', assessedBy: 'Мельник Оксана Іванівна', needs: ['legal'], notes: `${PLANTED.givenName} потребує юриста` })).assessments[0]!.id;
    const referral = await draftReferral(rt, c.personId, assessment, { needs: ['legal'], disclose: ['circumstances'], circumstances: `${PLANTED.patronymic}: обставини`, note: PLANTED.surname });
    await call(rt, 'referrals:advance', { id: referral.id, change: { event: 'send', date: '2026-11-07', note: PLANTED.surname } });
    await call(rt, 'persons:saveService', { personId: c.personId, date: '2026-11-12', providerOrganisationId: referral.toOrganisationId, service: 'legal', description: PLANTED.surname });
    const db = rt.core.requireStore().db;
    db.transaction(() => anonymisePerson(db, c.personId, '2026-11-20T09:00:00.000Z'))();
    const tables = ['needs_assessments', 'consents', 'referrals', 'referral_events', 'services_received'];
    const texts = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t}`).all())).join('\n');
    for (const word of Object.values(PLANTED)) expect(texts).not.toContain(word);
    expect(db.prepare('SELECT state, number_seq AS seq FROM referrals').get()).toEqual({ state: 'sent', seq: 1 });
  });
});

/** A saved referral as the input that would save it again. */
function draftOf(r: Awaited<ReturnType<typeof draftReferral>>) {
  return {
    id: r.id,
    personId: r.personId,
    assessmentId: r.assessmentId,
    fromOrganisationId: r.fromOrganisationId,
    toOrganisationId: r.toOrganisationId,
    needs: r.needs,
    urgency: r.urgency,
    officerId: r.officerId,
    officerContact: r.officerContact,
    disclose: r.disclose,
    circumstances: r.circumstances,
    documents: r.documents,
    note: r.note,
  };
}

async function draftInput(rt: TestRuntime, personId: string, assessmentId: string, over: Record<string, unknown>) {
  return {
    personId,
    assessmentId,
    fromOrganisationId: await organisationOf(rt, 'state_admin'),
    toOrganisationId: await organisationOf(rt, 'ngo'),
    needs: ['psychological'],
    officerId: rt.core.session!.userId,
    officerContact: OFFICER_CONTACT,
    ...over,
  };
}

describe('what the first review found', () => {
  it('a send dated back past a consent revoked since is refused; a finished referral’s letter stops once its consent is revoked or runs out', async () => {
    const rt = await adminRuntime();
    const person = await presumedVictim(rt);
    const assessment = await assessed(rt, person.id);
    const file = await consented(rt, person.id, { validUntil: '2026-11-30' });
    const done = await call(rt, 'referrals:advance', send((await draftReferral(rt, person.id, assessment)).id));
    await call(rt, 'referrals:advance', { id: done.id, change: { event: 'decline', date: '2026-11-08', reason: 'no_capacity', note: 'Немає місць' } });
    const late = await draftReferral(rt, person.id, assessment);
    await call(rt, 'persons:revokeConsent', { consentId: file.consents[0]!.id, date: '2026-11-10' });
    // The letter was on paper before the revocation, but its consent no longer stands: it is not recorded as sent under it.
    expect(await refused(rt, 'referrals:advance', send(late.id, '2026-11-07'))).toMatchObject({ reason: 'consent_ended_since', details: { date: '2026-11-10' } });
    // The acknowledgement form carries only the code and the needs: it is still made.
    expect((await call(rt, 'referrals:document', { id: done.id, document: 'acknowledgement', format: 'docx' })).fileName).toMatch(/^vidpovid-na-napravlennia-/);
    expect((await refused(rt, 'referrals:document', { id: done.id, document: 'letter', format: 'docx' })).reason).toBe('consent_revoked');
    expect((await call(rt, 'referrals:preview', { id: done.id })).disclosure.name).toBeNull();

    const other = await presumedVictim(rt);
    const expiring = await consented(rt, other.id, { validUntil: '2026-11-25' });
    const sent = await call(rt, 'referrals:advance', send((await draftReferral(rt, other.id, await assessed(rt, other.id))).id));
    expect(expiring.consents[0]!.active).toBe(true);
    await at(rt, '2026-11-26T09:00:00Z');
    expect(await refused(rt, 'referrals:document', { id: sent.id, document: 'letter', format: 'docx' })).toMatchObject({ reason: 'consent_expired', details: { date: '2026-11-25' } });
  });

  it('a letter that discloses the birth date without the name is a read of personal data too', async () => {
    const rt = await adminRuntime();
    const person = await presumedVictim(rt);
    await consented(rt, person.id, { categories: ['needs', 'birth_date'] });
    const referral = await call(rt, 'referrals:advance', send((await draftReferral(rt, person.id, await assessed(rt, person.id), { disclose: ['birth_date'] })).id));
    await call(rt, 'referrals:document', { id: referral.id, document: 'letter', format: 'docx' });
    const db = rt.core.requireStore().db;
    expect(db.prepare("SELECT COUNT(*) FROM audit_events WHERE action = 'personal.read' AND entity_id = ? AND details LIKE '%referrals:document%'").pluck().get(person.id)).toBe(1);
  });

  it('a new day off moves the answers still awaited', async () => {
    const rt = await adminRuntime();
    const person = await presumedVictim(rt);
    await consented(rt, person.id);
    // Monday 16.11 + three working days: Thursday 19.11, or Friday 20.11 once 18.11 is a day off.
    const sent = await call(rt, 'referrals:advance', send((await draftReferral(rt, person.id, await assessed(rt, person.id))).id, '2026-11-16'));
    expect(sent.dueOn).toBe('2026-11-19');
    await call(rt, 'users:setRoles', { userId: rt.core.session!.userId, roles: ['admin', 'case_officer'] });
    await call(rt, 'parameters:saveDayOff', { date: '2026-11-18', name: 'Вихідний за рішенням установи' });
    expect((await call(rt, 'referrals:get', { id: sent.id })).dueOn).toBe('2026-11-20');
  });

  it('retention weighs a presumed victim without a case, and never a person with a referral at work', async () => {
    const rt = await adminRuntime();
    const quiet = await presumedVictim(rt);
    await call(rt, 'persons:saveIdentification', { personId: quiet.id, identification: { identifiedOn: '2019-05-06' } });
    const busy = await presumedVictim(rt);
    await call(rt, 'persons:saveIdentification', { personId: busy.id, identification: { identifiedOn: '2019-05-06' } });
    await consented(rt, busy.id, { date: '2019-05-06' });
    await call(rt, 'referrals:advance', send((await draftReferral(rt, busy.id, await call(rt, 'persons:saveAssessment', { personId: busy.id, date: '2019-05-06', assessedBy: 'Мельник Оксана Іванівна', needs: ['psychological'] }).then((f) => f.assessments[0]!.id))).id, '2019-05-07'));
    const eligible = await call(rt, 'cases:anonymisable', {});
    expect(eligible.map((e) => [e.personId, e.closedOn])).toEqual([[quiet.id, '2019-05-06']]);
  });

  it('nothing new is written about an erased person; a merge that would make a referral to oneself is refused', async () => {
    const rt = await adminRuntime();
    const referral = await sentReferral(rt);
    const db = rt.core.requireStore().db;
    const file = await call(rt, 'persons:get', { id: referral.personId });
    db.transaction(() => anonymisePerson(db, referral.personId, '2026-11-20T09:00:00.000Z'))();
    expect((await refused(rt, 'referrals:advance', { id: referral.id, change: { event: 'accept', date: '2026-11-10', note: 'примітка' } })).reason).toBe('anonymised');
    expect((await refused(rt, 'persons:revokeConsent', { consentId: file.consents[0]!.id, date: '2026-11-10', note: 'примітка' })).reason).toBe('anonymised');
    const error = await failure(rt, 'organisations:merge', { keepId: referral.fromOrganisationId, duplicateId: referral.toOrganisationId });
    expect([error.code, error.details.reason, error.details.count]).toEqual(['INVALID_STATE', 'referrals_between', 1]);
  });

  it('a service comes from a referral that went out and answers one of its needs; an assessment is not dated after its referral', async () => {
    const rt = await adminRuntime();
    const referral = await sentReferral(rt);
    const service = { personId: referral.personId, date: '2026-11-12', providerOrganisationId: referral.toOrganisationId, service: 'legal' as const, referralId: referral.id };
    expect(await refused(rt, 'persons:saveService', service)).toMatchObject({ reason: 'service_not_referred', details: { services: ['psychological'] } });
    const draft = await draftReferral(rt, referral.personId, referral.assessmentId, { needs: ['legal'] });
    expect((await refused(rt, 'persons:saveService', { ...service, referralId: draft.id })).reason).toBe('referral_not_sent');
    const assessment = (await call(rt, 'persons:get', { id: referral.personId })).assessments[0]!;
    const moved = { id: assessment.id, personId: referral.personId, date: '2026-11-08', assessedBy: assessment.assessedBy, needs: assessment.needs, urgency: assessment.urgency };
    expect(await refused(rt, 'persons:saveAssessment', moved)).toMatchObject({ reason: 'assessment_after_referral', details: { date: '2026-11-07' } });
  });
});

describe('what the second review found', () => {
  it('a leap-day birth comes of age on 1 March in a common year: the person file says when, as the consent rule counts', async () => {
    const rt = await adminRuntime();
    const leap = await presumedVictim(rt, { birthDate: '2008-02-29' });
    expect(leap.adultOn).toBe('2026-03-01');
    expect((await refused(rt, 'persons:saveConsent', { personId: leap.id, date: '2026-02-28', form: 'written', givenBy: 'person', organisationTypes: ['ngo'], categories: ['needs'] })).reason).toBe(
      'consent_child_giver',
    );
    expect((await call(rt, 'persons:saveConsent', { personId: leap.id, date: '2026-03-01', form: 'written', givenBy: 'person', organisationTypes: ['ngo'], categories: ['needs'] })).consents).toHaveLength(1);
    const grown = await presumedVictim(rt, { birthDate: null, ageAtIdentification: 30 });
    expect(grown.adultOn! < '2000-01-01').toBe(true);
    expect((await presumedVictim(rt, { birthDate: null, ageAtIdentification: null })).adultOn).toBeNull();
  });

  it('a decline without the recipient’s words is refused before anything changes', async () => {
    const rt = await adminRuntime();
    const referral = await sentReferral(rt);
    const error = await failure(rt, 'referrals:advance', { id: referral.id, change: { event: 'decline', date: '2026-11-09', reason: 'no_capacity' } });
    expect(error.code).toBe('VALIDATION');
    expect((await call(rt, 'referrals:get', { id: referral.id })).state).toBe('sent');
  });

  it('the file a person asks for names who received their data through referrals, and the work on their referrals and consents in words', async () => {
    const rt = await adminRuntime();
    const referral = await sentReferral(rt);
    const file = await call(rt, 'cases:subjectAccess', { personId: referral.personId });
    // The documents' typography puts no-break spaces after «№» and in dates: compared as plain spaces.
    const text = docxText(Buffer.from(file.base64, 'base64')).replace(/\s/g, ' ');
    expect(text).toContain(`${referral.toName}: направлення від 07.11.2026 № 1/2026`);
    for (const words of ['Згоду на передавання даних внесено', 'Оцінку потреб внесено', 'Направлення створено', 'Направлення надіслано', 'Ймовірно постраждалу особу внесено до обліку']) expect(text).toContain(words);
    expect(text).not.toMatch(/referral\.sent|consent\.given|assessment\.created/);
  });
});
