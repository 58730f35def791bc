import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../src/shared/contract';
import { ROLE_PERMISSIONS, ROLES, type Role } from '../../src/shared/permissions';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { handlers } from '../../src/main/ipc/handlers';
import { createFileLogger } from '../../src/main/kernel/log';
import { refusedLongAgo } from '../fixtures/channel-examples';
import { FIELDS, forwardedCase, PERSON, PLANTED, registerCase, step } from '../fixtures/cases';
import { holdMeeting, seatGroup } from '../fixtures/meetings';
import { ADMIN, adminRuntime, call, cleanupTempDirs, failure, tempDir, type TestRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

const DAY = 86_400_000;

/** The reason a step is refused with, and that the refusal left no trace: no step, no audit event. */
async function refusedStep(rt: TestRuntime, caseId: string, input: Parameters<typeof step>[2]): Promise<string> {
  const db = rt.core.requireStore().db;
  const before = { steps: db.prepare('SELECT COUNT(*) FROM case_steps').pluck().get(), events: db.prepare('SELECT COUNT(*) FROM audit_events').pluck().get() };
  const error = await failure(rt, 'cases:addStep', { caseId, step: { official: 'Савченко Ірина Миколаївна', ...input } });
  expect(error.code).toBe('INVALID_STATE');
  expect({ steps: db.prepare('SELECT COUNT(*) FROM case_steps').pluck().get(), events: db.prepare('SELECT COUNT(*) FROM audit_events').pluck().get() }).toEqual(before);
  return String(error.details.reason);
}

/** A user holding only `role`, signed in with their own passphrase. */
async function signInAs(rt: TestRuntime, role: Role, login = `only.${role}`): Promise<void> {
  await call(rt, 'users:add', { login, displayName: `Користувач ${role}`, roles: [role], initialPassphrase: 'тимчасовий пароль 12345' });
  await call(rt, 'session:lock', {});
  await call(rt, 'session:unlock', { login, passphrase: 'тимчасовий пароль 12345' });
  await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль 12345', next: 'зовсім інший власний пароль 2026' });
}

async function signInAdmin(rt: TestRuntime): Promise<void> {
  if (rt.core.session) await call(rt, 'session:lock', {});
  await call(rt, 'session:unlock', { login: ADMIN.login, passphrase: ADMIN.passphrase });
}

/** Days later: the idle lock has closed the store meanwhile, so the admin signs in again. */
async function daysLater(rt: TestRuntime, days: number): Promise<void> {
  rt.clock.advance(days * DAY);
  await rt.dispatch('session:status', {});
  await signInAdmin(rt);
}

/** Every row of every table as text: where a planted name must not be. */
function everyTable(rt: TestRuntime, except: string[] = []): Record<string, string> {
  const db = rt.core.requireStore().db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return Object.fromEntries(tables.filter((t) => !except.includes(t)).map((t) => [t, JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())]));
}

const leaks = (texts: Record<string, string>) =>
  Object.entries(texts)
    .filter(([, text]) => Object.values(PLANTED).some((word) => text.includes(word)))
    .map(([name]) => name);

describe('registering an application', () => {
  it('keeps who the person is apart from the case, under a random code', async () => {
    const rt = await adminRuntime();
    const c = await registerCase(rt);
    expect(c.code).toMatch(/^ОС-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(JSON.stringify(c)).not.toContain(PLANTED.surname);
    expect(c.state).toBe('open');
    expect(c.steps.map((s) => s.kind)).toEqual(['registration']);
    // Registered Monday 02.11; the interview is due three working days on, and is overdue on 20.11.
    expect(c).toMatchObject({ nextStep: 'interview', dueOn: '2026-11-05', daysLeft: -15, child: false, foreigner: false, ageAtRegistration: 28 });
    const person = await call(rt, 'cases:person', { id: c.personId });
    expect(person).toMatchObject({ ...PLANTED, code: c.code, cases: [{ id: c.id, registrationNumber: '1', state: 'open' }] });
    const db = rt.core.requireStore().db;
    expect(leaks(everyTable(rt, ['person_identities']))).toEqual([]);
    expect(db.prepare('SELECT surname FROM person_identities').pluck().get()).toBe(PLANTED.surname);
  });

  it('codes reveal neither count nor order', async () => {
    const rt = await adminRuntime();
    const codes: string[] = [];
    for (let i = 1; i <= 12; i++) codes.push((await registerCase(rt, { registrationNumber: String(i) })).code);
    expect(new Set(codes).size).toBe(12);
    // Twelve random codes come out in creation order once in 12! (about 5·10⁸) runs; a counter always does.
    expect([...codes].sort()).not.toEqual(codes);
    // Found whatever layout the code is typed on: «ОС» in Latin, the body's letters in Cyrillic lookalikes, lower case.
    const latin = codes[3]!.replace('ОС', 'oc').toLowerCase();
    const cyrillic = codes[3]!.replace(/[ABCEHKMPTX]/g, (c) => 'АВСЕНКМРТХ'['ABCEHKMPTX'.indexOf(c)]!);
    for (const typed of [latin, cyrillic, codes[3]!.slice(3, 7)]) expect((await call(rt, 'cases:list', { query: typed })).rows.map((r) => r.code), typed).toContain(codes[3]);
    expect(codes.some((c) => /ОС-0{3}/.test(c) && codes.every((d) => d.slice(0, 6) === c.slice(0, 6)))).toBe(false);
  });

  it('a person of unknown age is a child until established; a birth date or an age decides otherwise; a foreigner by citizenship', async () => {
    const rt = await adminRuntime();
    const unknown = await registerCase(rt, { registrationNumber: '1' }, { birthDate: null, ageAtIdentification: null });
    const teen = await registerCase(rt, { registrationNumber: '2' }, { birthDate: '2010-12-01' });
    const adult = await registerCase(rt, { registrationNumber: '3' }, { birthDate: null, ageAtIdentification: 34, citizenship: 'MD' });
    const stateless = await registerCase(rt, { registrationNumber: '4' }, { citizenship: 'stateless' });
    expect([unknown, teen, adult, stateless].map((c) => [c.child, c.ageAtRegistration, c.foreigner])).toEqual([
      [true, null, false],
      [true, 15, false],
      [false, 34, true],
      [false, 28, true],
    ]);
    // Establishing the age later updates the flag of the case.
    const { id: _i, code: _c, cases: _cs, updatedAt: _u, ...identity } = await call(rt, 'cases:person', { id: unknown.personId });
    await call(rt, 'cases:savePerson', { id: unknown.personId, person: { ...identity, ageAtIdentification: 25 } });
    expect(await call(rt, 'cases:get', { id: unknown.id })).toMatchObject({ child: false, ageAtRegistration: 25 });
  });

  it('refuses a registration number taken this year, a future date and an unknown referring organisation', async () => {
    const rt = await adminRuntime();
    await registerCase(rt);
    const taken = await failure(rt, 'cases:create', { person: PERSON, fields: FIELDS, official: 'Савченко Ірина' });
    expect([taken.code, taken.details.reason]).toEqual(['CONFLICT', 'registration_number_taken']);
    expect(JSON.stringify(taken)).not.toContain(PLANTED.surname);
    const future = await failure(rt, 'cases:create', { person: PERSON, fields: { ...FIELDS, registrationNumber: '9', registrationDate: '2026-11-21' }, official: 'Савченко Ірина' });
    expect(future.details.reason).toBe('future_date');
    const unknownOrg = await failure(rt, 'cases:create', { person: PERSON, fields: { ...FIELDS, registrationNumber: '9', arrival: 'referred', referredByOrganisationId: 'nope' }, official: 'Савченко Ірина' });
    expect(unknownOrg.code).toBe('NOT_FOUND');
    const noOrg = await failure(rt, 'cases:create', { person: PERSON, fields: { ...FIELDS, registrationNumber: '9', arrival: 'referred' }, official: 'Савченко Ірина' });
    expect(noOrg.code).toBe('VALIDATION');
  });
});

describe('the order of the procedure', () => {
  it('refuses each impossible order with its reason, and records the possible ones', async () => {
    const rt = await adminRuntime();
    const c = await registerCase(rt);
    expect(await refusedStep(rt, c.id, { kind: 'decision', date: '2026-11-10', number: '1', outcome: 'granted' })).toBe('decision_before_interview');
    expect(await refusedStep(rt, c.id, { kind: 'police_request', date: '2026-11-10', number: '1' })).toBe('needs_interview');
    expect(await refusedStep(rt, c.id, { kind: 'police_answer', date: '2026-11-10', proceedings: false })).toBe('needs_police_request');
    expect(await refusedStep(rt, c.id, { kind: 'certificate', date: '2026-11-10', number: '1' })).toBe('certificate_without_grant');
    expect(await refusedStep(rt, c.id, { kind: 'foreigner_certificate', date: '2026-11-10', number: '1' })).toBe('not_foreigner');
    expect(await refusedStep(rt, c.id, { kind: 'interview', date: '2026-11-21' })).toBe('future_date');
    expect(await refusedStep(rt, c.id, { kind: 'interview', date: '2026-11-01' })).toBe('before_registration');
    expect(await refusedStep(rt, c.id, { kind: 'appeal', date: '2026-11-10', court: 'Київський районний суд м. Полтави' })).toBe('appeal_without_refusal');
    await step(rt, c.id, { kind: 'interview', date: '2026-11-03' });
    expect(await refusedStep(rt, c.id, { kind: 'interview_waived', date: '2026-11-04', waiverReason: 'young_age' })).toBe('interview_exists');
    expect(await refusedStep(rt, c.id, { kind: 'police_request', date: '2026-11-02', number: '1' })).toBe('before_previous');
    await step(rt, c.id, { kind: 'police_request', date: '2026-11-04', number: '01-15/233' });
    expect(await refusedStep(rt, c.id, { kind: 'forwarded', date: '2026-11-10', number: '2' })).toBe('needs_file');
    expect(await refusedStep(rt, c.id, { kind: 'decision', date: '2026-11-10', number: '1', outcome: 'granted' })).toBe('needs_forwarding');
    expect(await refusedStep(rt, c.id, { kind: 'police_answer', date: '2026-11-03', proceedings: false })).toBe('before_previous');
    await step(rt, c.id, { kind: 'police_answer', date: '2026-11-10', proceedings: false });
    expect(await refusedStep(rt, c.id, { kind: 'police_answer', date: '2026-11-11', proceedings: false })).toBe('police_answered');
    await step(rt, c.id, { kind: 'file_compiled', date: '2026-11-11' });
    await step(rt, c.id, { kind: 'forwarded', date: '2026-11-11', number: '01-15/240' });
    const refused = await step(rt, c.id, { kind: 'decision', date: '2026-11-16', number: '45', outcome: 'refused', refusalReason: 'not_classified_by_police' });
    expect(refused.state).toBe('refused');
    expect(await refusedStep(rt, c.id, { kind: 'certificate', date: '2026-11-17', number: '1' })).toBe('certificate_without_grant');
    expect(await refusedStep(rt, c.id, { kind: 'decision', date: '2026-11-17', number: '46', outcome: 'granted' })).toBe('decided');
    // An appeal reopens the decision: the court may send it back.
    const appealed = await step(rt, c.id, { kind: 'appeal', date: '2026-11-18', court: 'Октябрський районний суд м. Полтави' });
    expect(appealed.allowedSteps).toContain('forwarded');
  });

  it('a file returned for documents is forwarded again and decided again', async () => {
    const rt = await adminRuntime();
    const c = await forwardedCase(rt);
    const returned = await step(rt, c.id, { kind: 'decision', date: '2026-11-12', number: '40', outcome: 'incomplete', note: 'Додати копію трудового договору.' });
    expect(returned).toMatchObject({ state: 'incomplete', nextStep: 'forwarded' });
    expect(await refusedStep(rt, c.id, { kind: 'decision', date: '2026-11-13', number: '41', outcome: 'granted' })).toBe('needs_forwarding');
    await step(rt, c.id, { kind: 'forwarded', date: '2026-11-13', number: '01-15/250' });
    const granted = await step(rt, c.id, { kind: 'decision', date: '2026-11-16', number: '45', outcome: 'granted' });
    expect(granted.state).toBe('granted');
    // The deciding body in force when the file went (a dated setting) stays with the file and the decision.
    expect(granted.steps.filter((s) => s.kind === 'forwarded' || s.kind === 'decision').map((s) => s.decidingBody)).toEqual(Array(4).fill('Національна соціальна сервісна служба України'));
  });

  it('a certificate runs two years from the decision; an extension at most one more, a foreigner at risk until the danger ends', async () => {
    const rt = await adminRuntime();
    const c = await forwardedCase(rt);
    await step(rt, c.id, { kind: 'decision', date: '2026-11-16', number: '45', outcome: 'granted' });
    await step(rt, c.id, { kind: 'notified', date: '2026-11-17' });
    const certified = await step(rt, c.id, { kind: 'certificate', date: '2026-11-17', number: 'Д-12' });
    expect(certified.steps.find((s) => s.kind === 'certificate')!.validUntil).toBe('2028-11-16');
    expect(certified).toMatchObject({ state: 'granted', validUntil: '2028-11-16', nextStep: null, dueOn: null });
    expect(await refusedStep(rt, c.id, { kind: 'certificate', date: '2026-11-18', number: 'Д-13' })).toBe('already_recorded');
    const reasoning = 'Особа є потерпілою у кримінальному провадженні, яке триває.';
    expect(await refusedStep(rt, c.id, { kind: 'extension', date: '2026-11-19', number: 'П-1', validUntil: '2029-11-17', note: reasoning })).toBe('extension_too_long');
    expect(await refusedStep(rt, c.id, { kind: 'extension', date: '2026-11-19', number: 'П-1', validUntil: '2028-11-01', note: reasoning })).toBe('extension_not_later');
    expect(await refusedStep(rt, c.id, { kind: 'extension', date: '2026-11-19', number: 'П-1', validUntil: null, note: reasoning })).toBe('danger_foreigner_only');
    const extended = await step(rt, c.id, { kind: 'extension', date: '2026-11-19', number: 'П-1', validUntil: '2029-11-16', note: reasoning });
    expect(extended.validUntil).toBe('2029-11-16');
    expect(await refusedStep(rt, c.id, { kind: 'ended', date: '2026-11-20', endReason: 'danger_ended' })).toBe('danger_not_open');
    const tooShort = await failure(rt, 'cases:addStep', { caseId: c.id, step: { kind: 'ended', date: '2026-11-20', endReason: 'deprivation', official: 'Савченко Ірина', note: 'так' } });
    expect(tooShort.code).toBe('VALIDATION');
    const ended = await step(rt, c.id, { kind: 'ended', date: '2026-11-20', endReason: 'deprivation', note: 'Рішення ґрунтувалося на завідомо неправдивих відомостях.' });
    expect(ended).toMatchObject({ state: 'ended', endReason: 'deprivation', endedOn: '2026-11-20' });
    expect(await refusedStep(rt, c.id, { kind: 'extension', date: '2026-11-20', number: 'П-2', validUntil: '2029-11-16', note: reasoning })).toBe('status_ended');

    const foreign = await forwardedCase(rt, { registrationNumber: '2' });
    await call(rt, 'cases:savePerson', { id: foreign.personId, person: { ...PERSON, citizenship: 'UZ' } });
    await step(rt, foreign.id, { kind: 'foreigner_certificate', date: '2026-11-03', number: 'ДЗ-1' });
    await step(rt, foreign.id, { kind: 'decision', date: '2026-11-16', number: '47', outcome: 'granted' });
    await step(rt, foreign.id, { kind: 'certificate', date: '2026-11-17', number: 'Д-14' });
    const open = await step(rt, foreign.id, { kind: 'extension', date: '2026-11-18', number: 'П-3', validUntil: null, note: 'Повернення до країни походження небезпечне.' });
    expect(open.validUntil).toBeNull();
    expect(open.allowedSteps).not.toContain('extension');
    const over = await step(rt, foreign.id, { kind: 'ended', date: '2026-11-20', endReason: 'danger_ended' });
    expect(over.state).toBe('ended');
  });

  it('loss at the end of the term is computed, never recorded', async () => {
    const rt = await adminRuntime();
    const c = await forwardedCase(rt);
    await step(rt, c.id, { kind: 'decision', date: '2026-11-16', number: '45', outcome: 'granted' });
    await step(rt, c.id, { kind: 'notified', date: '2026-11-16' });
    await step(rt, c.id, { kind: 'certificate', date: '2026-11-17', number: 'Д-12' });
    // 16.11.2028, the last day of the term.
    await daysLater(rt, 727);
    expect((await call(rt, 'cases:get', { id: c.id })).state).toBe('granted');
    await daysLater(rt, 1);
    expect(await call(rt, 'cases:get', { id: c.id })).toMatchObject({ state: 'ended', endReason: 'expired', endedOn: '2028-11-17' });
    expect((await call(rt, 'cases:list', { states: ['ended'] })).total).toBe(1);
    expect((await call(rt, 'cases:list', { states: ['granted'] })).total).toBe(0);
  });

  it('a correction or removal is checked against the steps around it', async () => {
    const rt = await adminRuntime();
    const c = await forwardedCase(rt);
    const interview = c.steps.find((s) => s.kind === 'interview')!;
    const request = c.steps.find((s) => s.kind === 'police_request')!;
    // The undertaking (03.11) and the police request (04.11) stand on the interview: it cannot move after them.
    const late = await failure(rt, 'cases:updateStep', { caseId: c.id, stepId: interview.id, step: { kind: 'interview', date: '2026-11-05', official: 'Савченко Ірина' } });
    expect(late.details.reason).toBe('needs_interview');
    const kind = await failure(rt, 'cases:updateStep', { caseId: c.id, stepId: interview.id, step: { kind: 'undertaking', date: '2026-11-03', official: 'Савченко Ірина' } });
    expect(kind.details.reason).toBe('kind_changed');
    const dependents = await failure(rt, 'cases:removeStep', { caseId: c.id, stepId: request.id });
    expect(dependents.details.reason).toBe('others_depend');
    const moved = await call(rt, 'cases:updateStep', { caseId: c.id, stepId: request.id, step: { kind: 'police_request', date: '2026-11-05', number: '01-15/235', official: 'Савченко Ірина' } });
    expect(moved.steps.find((s) => s.id === request.id)).toMatchObject({ date: '2026-11-05', number: '01-15/235' });
    const forwarded = c.steps.find((s) => s.kind === 'forwarded')!;
    const back = await call(rt, 'cases:removeStep', { caseId: c.id, stepId: forwarded.id });
    expect(back.nextStep).toBe('forwarded');
    const registration = c.steps.find((s) => s.kind === 'registration')!;
    expect((await failure(rt, 'cases:removeStep', { caseId: c.id, stepId: registration.id })).details.reason).toBe('registration_fixed');
  });
});

describe('the deadline clock', () => {
  it('shows the next step, its due date and the days left; a step taken late says by how much; the whole procedure is a month from the interview', async () => {
    const rt = await adminRuntime();
    const c = await registerCase(rt);
    const interviewed = await step(rt, c.id, { kind: 'interview', date: '2026-11-09' });
    expect(interviewed.steps.find((s) => s.kind === 'interview')).toMatchObject({ dueOn: '2026-11-05', daysLate: 4 });
    // Three working days from Monday 09.11: Thursday 12.11; the procedure: one month, to 09.12.
    expect(interviewed).toMatchObject({ nextStep: 'police_request', dueOn: '2026-11-12', daysLeft: -8, procedureDueOn: '2026-12-09' });
    await step(rt, c.id, { kind: 'police_request', date: '2026-11-12', number: '01-15/233' });
    const asked = await call(rt, 'cases:get', { id: c.id });
    expect(asked).toMatchObject({ nextStep: 'police_answer', dueOn: '2026-11-23', daysLeft: 3 });
    expect(asked.steps.find((s) => s.kind === 'police_request')).toMatchObject({ dueOn: '2026-11-12', daysLate: 0 });
    // A holiday the office sets moves the due date of a running case.
    await call(rt, 'users:setRoles', { userId: rt.core.session!.userId, roles: ['admin', 'case_officer'] });
    await call(rt, 'parameters:saveDayOff', { date: '2026-11-23', name: 'День, оголошений вихідним' });
    expect(await call(rt, 'cases:get', { id: c.id })).toMatchObject({ dueOn: '2026-11-24' });
    const listed = await call(rt, 'cases:list', { step: 'police_answer' });
    expect(listed.rows.map((r) => [r.code, r.dueOn, r.daysLeft])).toEqual([[c.code, '2026-11-24', 4]]);
  });

  it('the steps due near the procedure’s end fall due with it', async () => {
    const rt = await adminRuntime();
    const c = await registerCase(rt, { registrationDate: '2026-10-01' });
    await step(rt, c.id, { kind: 'interview', date: '2026-10-02' });
    await step(rt, c.id, { kind: 'police_request', date: '2026-10-30', number: '1' });
    // The answer would be due 09.11, but the month from the interview ended on 02.11.
    expect(await call(rt, 'cases:get', { id: c.id })).toMatchObject({ nextStep: 'police_answer', dueOn: '2026-11-02', procedureDueOn: '2026-11-02' });
  });

  it('a parameter changes from its valid-from date and never rewrites a past case', async () => {
    const rt = await adminRuntime();
    const before = await registerCase(rt, { registrationNumber: '1', registrationDate: '2026-11-02' });
    await step(rt, before.id, { kind: 'interview', date: '2026-11-03' });
    expect((await call(rt, 'cases:get', { id: before.id })).dueOn).toBe('2026-11-06');
    const retro = await failure(rt, 'parameters:saveTerm', { key: 'police_request', value: 5, unit: 'days', dayKind: 'working', countsFrom: 'interview', legalBasis: 'Постанова КМУ № 417', validFrom: '2026-11-01' });
    expect([retro.code, retro.details.reason]).toEqual(['INVALID_STATE', 'retroactive']);
    const saved = await call(rt, 'parameters:saveTerm', { key: 'police_request', value: 5, unit: 'days', dayKind: 'working', countsFrom: 'interview', legalBasis: 'Постанова КМУ № 417', validFrom: '2026-11-20' });
    expect(saved.terms.filter((t) => t.key === 'police_request').map((t) => [t.value, t.validFrom])).toEqual([
      [3, '2012-05-23'],
      [5, '2026-11-20'],
    ]);
    expect((await call(rt, 'cases:get', { id: before.id })).dueOn).toBe('2026-11-06');
    const after = await registerCase(rt, { registrationNumber: '2', registrationDate: '2026-11-20' });
    await step(rt, after.id, { kind: 'interview', date: '2026-11-20' });
    expect((await call(rt, 'cases:get', { id: after.id })).dueOn).toBe('2026-11-27');
    // The deciding body too is a dated setting: a file forwarded from its date goes to the new one, earlier ones keep theirs.
    const early = await forwardedCase(rt, { registrationNumber: '3' });
    await call(rt, 'parameters:saveDecidingBody', { name: 'Робоча група Нацсоцслужби', validFrom: '2026-11-20' });
    await step(rt, after.id, { kind: 'police_request', date: '2026-11-20', number: '5' });
    await step(rt, after.id, { kind: 'file_compiled', date: '2026-11-20' });
    const sent = await step(rt, after.id, { kind: 'forwarded', date: '2026-11-20', number: '6' });
    expect(sent.steps.find((s) => s.kind === 'forwarded')!.decidingBody).toBe('Робоча група Нацсоцслужби');
    expect((await call(rt, 'cases:get', { id: early.id })).steps.find((s) => s.kind === 'forwarded')!.decidingBody).toBe('Національна соціальна сервісна служба України');
    const inForce = saved.terms.find((t) => t.key === 'police_request' && t.validFrom === '2026-11-20')!;
    expect((await failure(rt, 'parameters:removeTerm', { id: inForce.id })).details.reason).toBe('in_force');
  });
});

describe('one-time financial assistance', () => {
  it('is three subsistence minimums of the category in force on the application date, across a valid-from boundary', async () => {
    const rt = await adminRuntime();
    const c = await forwardedCase(rt);
    expect(await refusedStep(rt, c.id, { kind: 'certificate', date: '2026-11-16', number: '1' })).toBe('certificate_without_grant');
    const noStatus = await failure(rt, 'cases:saveAid', { caseId: c.id, applicationDate: '2026-11-18', category: 'working_age', payingBody: 'УСЗН' });
    expect(noStatus.details.reason).toBe('aid_without_status');
    await step(rt, c.id, { kind: 'decision', date: '2026-11-16', number: '45', outcome: 'granted' });
    await call(rt, 'parameters:saveMinimum', { category: 'working_age', validFrom: '2027-01-01', amountKop: 332800 });
    const first = await call(rt, 'cases:saveAid', { caseId: c.id, applicationDate: '2026-11-18', category: 'working_age', payingBody: 'Управління соціального захисту населення' });
    expect(first.aid).toMatchObject({ minimumKop: 302800, amountKop: 908400 });
    // The category follows the age: a 28-year-old gets the working-age minimum, not a child's.
    const child = await failure(rt, 'cases:saveAid', { caseId: c.id, applicationDate: '2026-11-18', category: 'child_under_6', payingBody: 'УСЗН' });
    expect([child.details.reason, child.details.age]).toEqual(['aid_category_age', 28]);
    await daysLater(rt, 45);
    const later = await call(rt, 'cases:saveAid', { caseId: c.id, applicationDate: '2027-01-01', category: 'working_age', payingBody: 'УСЗН', paymentDate: '2027-01-03' });
    expect(later.aid).toMatchObject({ minimumKop: 332800, amountKop: 998400, paymentDate: '2027-01-03' });
    const dec31 = await call(rt, 'cases:saveAid', { caseId: c.id, applicationDate: '2026-12-31', category: 'working_age', payingBody: 'УСЗН' });
    expect(dec31.aid!.amountKop).toBe(908400);
    const early = await failure(rt, 'cases:saveAid', { caseId: c.id, applicationDate: '2026-11-15', category: 'working_age', payingBody: 'УСЗН' });
    expect(early.details.reason).toBe('aid_before_status');
  });
});

/** Channels that carry who the person is: only holders of personal.read / personal.write get past the dispatcher. */
const PERSONAL: { channel: keyof typeof import('../../src/shared/contract').contract; input: (ids: { caseId: string; personId: string; code: string }) => unknown }[] = [
  { channel: 'cases:person', input: (ids) => ({ id: ids.personId }) },
  { channel: 'cases:search', input: () => ({ name: PLANTED.surname }) },
  { channel: 'cases:savePerson', input: (ids) => ({ id: ids.personId, person: PERSON }) },
  { channel: 'cases:create', input: () => ({ person: PERSON, fields: { ...FIELDS, registrationNumber: '99' }, official: 'Хтось Інший' }) },
  { channel: 'cases:anonymise', input: (ids) => ({ personId: ids.personId, confirmCode: ids.code }) },
  { channel: 'cases:document', input: (ids) => ({ caseId: ids.caseId, document: 'application', format: 'docx' }) },
  { channel: 'cases:registerBook', input: () => ({ book: 'applications', year: 2026, format: 'xlsx' }) },
  { channel: 'cases:subjectAccess', input: (ids) => ({ personId: ids.personId }) },
  { channel: 'cases:list', input: () => ({}) },
  { channel: 'cases:get', input: (ids) => ({ id: ids.caseId }) },
];

describe('personal data is for case officers only', () => {
  const without = ROLES.filter((r) => !ROLE_PERMISSIONS[r].includes('personal.read'));

  it('every role but the case officer lacks personal.read', () => {
    expect(without).toEqual(['admin', 'secretary', 'analyst', 'auditor', 'member', 'coordinator', 'reporting_officer']);
  });

  it.each(without)('a %s is refused every personal channel, and each refusal is audited', async (role) => {
    const rt = await adminRuntime();
    const c = await registerCase(rt);
    const ids = { caseId: c.id, personId: c.personId, code: c.code };
    await signInAs(rt, role);
    const db = rt.core.requireStore().db;
    for (const { channel, input } of PERSONAL) {
      const before = db.prepare("SELECT COUNT(*) FROM audit_events WHERE action = 'access.denied'").pluck().get() as number;
      const error = await failure(rt, channel, input(ids));
      expect([channel, error.code]).toEqual([channel, 'FORBIDDEN']);
      expect(db.prepare("SELECT COUNT(*) FROM audit_events WHERE action = 'access.denied'").pluck().get()).toBe(before + 1);
    }
    expect(db.prepare("SELECT COUNT(*) FROM audit_events WHERE action = 'personal.read'").pluck().get()).toBe(0);
  });

  it('a case officer’s every read of personal data writes a personal.read event naming the record, never the data', async () => {
    const rt = await adminRuntime();
    const first = await registerCase(rt, { registrationNumber: '1' });
    const second = await registerCase(rt, { registrationNumber: '2' }, { givenName: 'Мрія' });
    await signInAs(rt, 'case_officer', 'officer');
    const db = rt.core.requireStore().db;
    const reads = () => db.prepare("SELECT entity, entity_id AS id, details FROM audit_events WHERE action = 'personal.read' ORDER BY seq").all() as { entity: string; id: string; details: string }[];
    await call(rt, 'cases:person', { id: first.personId });
    expect(reads()).toEqual([{ entity: 'person', id: first.personId, details: JSON.stringify({ channel: 'cases:person' }) }]);
    const hits = await call(rt, 'cases:search', { name: PLANTED.surname.slice(0, 5) });
    expect(hits.map((h) => h.id).sort()).toEqual([first.personId, second.personId].sort());
    expect(reads().slice(1).map((r) => r.id).sort()).toEqual([first.personId, second.personId].sort());
    await call(rt, 'cases:search', { name: 'Ніхтоненко' });
    expect(reads().at(-1)).toEqual({ entity: 'person', id: '', details: JSON.stringify({ channel: 'cases:search' }) });
    // The list (codes only) is no read of personal data; the card is logged too, since its notes may say who.
    const count = reads().length;
    await call(rt, 'cases:list', {});
    expect(reads().length).toBe(count);
    await call(rt, 'cases:get', { id: first.id });
    expect(reads().at(-1)).toEqual({ entity: 'case', id: first.id, details: JSON.stringify({ channel: 'cases:get' }) });
    expect(db.prepare('SELECT details FROM audit_events').pluck().all().join('\n')).not.toMatch(new RegExp(Object.values(PLANTED).join('|')));
    // The auditor sees whose record was read by its code, and never who the person is.
    await signInAdmin(rt);
    await signInAs(rt, 'auditor');
    const log = await call(rt, 'audit:list', { limit: 50 });
    const read = log.rows.find((r) => r.action === 'personal.read' && r.entityId === first.personId)!;
    expect(read.record).toMatchObject({ entity: 'person', name: first.code });
    expect(log.rows.find((r) => r.action === 'case.created' && r.entityId === first.id)!.record).toMatchObject({ entity: 'case', name: first.code });
    expect(JSON.stringify(log)).not.toMatch(new RegExp(Object.values(PLANTED).join('|')));
  });

  it('search finds a name by any of its words, in any case, with the apostrophe typed either way', async () => {
    const rt = await adminRuntime();
    await registerCase(rt, { registrationNumber: '1' }, { surname: 'Мар’яненко', givenName: 'Олеся' });
    await registerCase(rt, { registrationNumber: '2' }, { surname: 'Вигаданенко', givenName: 'Олеся' });
    expect((await call(rt, 'cases:search', { name: "мар'ян" })).map((h) => h.surname)).toEqual(['Мар’яненко']);
    expect((await call(rt, 'cases:search', { name: 'олеся ВИГАДАН' })).map((h) => h.surname)).toEqual(['Вигаданенко']);
    expect(await call(rt, 'cases:search', { name: '%_' })).toEqual([]);
  });
});

describe('no person’s name where it does not belong', () => {
  it('never in the audit details, the log, error messages, another role’s dashboard or any table but the identities', async () => {
    const rt = await adminRuntime();
    const dir = tempDir();
    const logger = createFileLogger(dir);
    const dispatch = createDispatcher({ core: rt.core, handlers, validateOutput: true, logger });
    const run = async (channel: string, input: unknown) => dispatch(channel, input);
    const c = await forwardedCase(rt);
    const errors = [
      await run('cases:create', { person: PERSON, fields: FIELDS, official: 'Савченко Ірина' }),
      await run('cases:addStep', { caseId: c.id, step: { kind: 'certificate', date: '2026-11-12', number: '1', official: 'Савченко Ірина' } }),
      await run('cases:savePerson', { id: c.personId, person: { ...PERSON, surname: `${PLANTED.surname}\u202E` } }),
      await run('cases:search', { name: `${PLANTED.surname}${'я'.repeat(200)}` }),
      await run('cases:anonymise', { personId: c.personId, confirmCode: 'ОС-0000-0000' }),
    ];
    expect(errors.every((e) => !e.ok)).toBe(true);
    expect(JSON.stringify(errors)).not.toMatch(new RegExp(Object.values(PLANTED).join('|')));
    expect(readFileSync(logger.path, 'utf8')).not.toMatch(new RegExp(Object.values(PLANTED).join('|')));
    expect(leaks(everyTable(rt, ['person_identities']))).toEqual([]);
    // The minutes of a meeting held while the case runs: the council's documents never reach into a case.
    await seatGroup(rt);
    const meeting = await holdMeeting(rt, '2026-11-12', 6);
    const minutes = await call(rt, 'meetings:minutes', { meetingId: meeting.id, format: 'docx' });
    const xml = strFromU8(unzipSync(Buffer.from(minutes.base64, 'base64'))['word/document.xml']!);
    expect(xml).toContain('ПРОТОКОЛ');
    expect(xml).not.toMatch(new RegExp(Object.values(PLANTED).join('|')));
    for (const role of ['secretary', 'analyst', 'member'] as const) {
      await signInAs(rt, role);
      const dashboard = await call(rt, 'dashboard:get', {});
      expect(JSON.stringify(dashboard)).not.toMatch(new RegExp([...Object.values(PLANTED), c.code].join('|')));
      await signInAdmin(rt);
    }
  });
});

describe('the dashboard’s procedure clock', () => {
  it('case officers see the steps due soon and overdue by code; an analyst the overdue count only; others nothing', async () => {
    const rt = await adminRuntime();
    const overdue = await registerCase(rt, { registrationNumber: '1', registrationDate: '2026-11-02' });
    const soon = await registerCase(rt, { registrationNumber: '2', registrationDate: '2026-11-19' });
    const later = await registerCase(rt, { registrationNumber: '3', registrationDate: '2026-11-20' });
    await call(rt, 'parameters:saveOptions', { ...(await call(rt, 'parameters:get', {})).options, dueSoonDays: 3 });
    const officer = (await call(rt, 'dashboard:get', {})).cases!;
    // Interviews due 05.11 (overdue), 24.11 (in 4 days: beyond 3) and 25.11.
    expect(officer).toMatchObject({ days: 3, overdue: 1, dueSoon: 0 });
    expect(officer.rows.map((r) => r.code)).toEqual([overdue.code]);
    await call(rt, 'parameters:saveOptions', { ...(await call(rt, 'parameters:get', {})).options, dueSoonDays: 5 });
    const wider = (await call(rt, 'dashboard:get', {})).cases!;
    expect(wider).toMatchObject({ dueSoon: 2, overdue: 1 });
    expect(wider.rows.map((r) => r.code)).toEqual([overdue.code, soon.code, later.code]);
    await signInAs(rt, 'analyst');
    expect((await call(rt, 'dashboard:get', {})).cases).toEqual({ days: 5, dueSoon: null, overdue: 1, rows: [] });
    await signInAdmin(rt);
    await signInAs(rt, 'secretary');
    expect((await call(rt, 'dashboard:get', {})).cases).toBeNull();
  });
});

describe('anonymisation after the retention term', () => {
  it('is proposed only when every case of the person closed long enough ago; erases who they were and keeps the statistics', async () => {
    const rt = await adminRuntime();
    const old = await refusedLongAgo(rt);
    const running = await registerCase(rt, { registrationNumber: '5' }, { givenName: 'Мрія' });
    const proposals = await call(rt, 'cases:anonymisable', {});
    expect(proposals).toEqual([{ personId: old.personId, code: old.code, closedOn: '2020-03-20', eligibleSince: '2025-03-20' }]);
    const notYet = await failure(rt, 'cases:anonymise', { personId: running.personId, confirmCode: running.code });
    expect(notYet.details.reason).toBe('retention_not_over');
    const wrong = await failure(rt, 'cases:anonymise', { personId: old.personId, confirmCode: running.code });
    expect(wrong.code).toBe('VALIDATION');
    const statsBefore = await call(rt, 'cases:get', { id: old.id });
    // Typed on the Latin layout in lower case, the code is still this person's.
    await call(rt, 'cases:anonymise', { personId: old.personId, confirmCode: old.code.replace('ОС', 'oc').toLowerCase() } satisfies InputOf<'cases:anonymise'>);
    expect((await failure(rt, 'cases:person', { id: old.personId })).code).toBe('NOT_FOUND');
    const after = await call(rt, 'cases:get', { id: old.id });
    expect(after).toMatchObject({
      anonymised: true,
      sex: statsBefore.sex,
      child: statsBefore.child,
      ageAtRegistration: statsBefore.ageAtRegistration,
      foreigner: statsBefore.foreigner,
      state: 'refused',
      fields: { forms: statsBefore.fields.forms, countries: statsBefore.fields.countries, registrationDate: '2020-03-02', documentsReceived: [] },
    });
    expect(after.steps.map((s) => [s.kind, s.date, s.outcome])).toEqual(statsBefore.steps.map((s) => [s.kind, s.date, s.outcome]));
    // The running case's person keeps their name; the anonymised one's is nowhere, in any table.
    const db = rt.core.requireStore().db;
    expect(db.prepare('SELECT COUNT(*) FROM person_identities').pluck().get()).toBe(1);
    expect(db.prepare('SELECT given_name FROM person_identities').pluck().get()).toBe('Мрія');
    expect(leaks(everyTable(rt, ['person_identities']))).toEqual([]);
    expect(db.prepare("SELECT COUNT(*) FROM audit_events WHERE action = 'person.anonymised'").pluck().get()).toBe(1);
    expect(await call(rt, 'cases:anonymisable', {})).toEqual([]);
    expect((await failure(rt, 'cases:savePerson', { id: old.personId, person: PERSON })).details.reason).toBe('anonymised');
  });
});

describe('what a correction, an appeal or a new version must not get wrong', () => {
  it('a refusal under appeal stops the clock; a file sent back by the court runs again to a new decision', async () => {
    const rt = await adminRuntime();
    const c = await forwardedCase(rt);
    await step(rt, c.id, { kind: 'decision', date: '2026-11-12', number: '40', outcome: 'refused', refusalReason: 'grounds_not_confirmed' });
    await step(rt, c.id, { kind: 'notified', date: '2026-11-13' });
    const appealed = await step(rt, c.id, { kind: 'appeal', date: '2026-11-16', court: 'Октябрський районний суд м. Полтави' });
    expect(appealed).toMatchObject({ state: 'refused', nextStep: null, dueOn: null, procedureDueOn: null });
    expect(appealed.allowedSteps).toContain('forwarded');
    expect((await call(rt, 'cases:list', { overdue: true })).total).toBe(0);
    const back = await step(rt, c.id, { kind: 'forwarded', date: '2026-11-18', number: '01-15/260', note: 'Рішення суду: повторно розглянути.' });
    // Ten days from 18.11 end on Saturday 28.11, so on Monday 30.11.
    expect(back).toMatchObject({ state: 'open', nextStep: 'decision', dueOn: '2026-11-30' });
    const granted = await step(rt, c.id, { kind: 'decision', date: '2026-11-20', number: '52', outcome: 'granted' });
    expect(granted.state).toBe('granted');
  });

  it('a step slipped in between is checked against the steps after it', async () => {
    const rt = await adminRuntime();
    const c = await registerCase(rt);
    await step(rt, c.id, { kind: 'interview', date: '2026-11-03' });
    await step(rt, c.id, { kind: 'file_compiled', date: '2026-11-04' });
    await step(rt, c.id, { kind: 'police_request', date: '2026-11-10', number: '1' });
    // Forwarded on 05.11, before the police were asked on 10.11: refused, and the case stays correctable.
    expect(await refusedStep(rt, c.id, { kind: 'forwarded', date: '2026-11-05', number: '2' })).toBe('needs_police_request');
    const request = (await call(rt, 'cases:get', { id: c.id })).steps.find((s) => s.kind === 'police_request')!;
    await call(rt, 'cases:updateStep', { caseId: c.id, stepId: request.id, step: { kind: 'police_request', date: '2026-11-05', number: '1', official: 'Савченко Ірина' } });
  });

  it('a corrected date flows on: the certificate’s term follows the grant, a later step’s lateness its predecessor', async () => {
    const rt = await adminRuntime();
    const c = await forwardedCase(rt);
    const granted = await step(rt, c.id, { kind: 'decision', date: '2026-11-16', number: '45', outcome: 'granted' });
    await step(rt, c.id, { kind: 'certificate', date: '2026-11-17', number: 'Д-1' });
    const decision = granted.steps.find((s) => s.kind === 'decision')!;
    const moved = await call(rt, 'cases:updateStep', { caseId: c.id, stepId: decision.id, step: { kind: 'decision', date: '2026-11-13', number: '45', outcome: 'granted', official: 'Савченко Ірина' } });
    expect(moved.steps.find((s) => s.kind === 'certificate')!.validUntil).toBe('2028-11-13');
    expect(moved.validUntil).toBe('2028-11-13');
    // The answer (10.11) was due ten days after the request (04.11): Saturday 14.11, so Monday 16.11; in time.
    expect(moved.steps.find((s) => s.kind === 'police_answer')).toMatchObject({ dueOn: '2026-11-16', daysLate: 0 });
    // The registration moved back to Tuesday 20.10: the interview was due 23.10, and on 03.11 came 11 days late.
    const rewound = await call(rt, 'cases:update', { id: c.id, fields: { ...c.fields, registrationDate: '2026-10-20' } });
    expect(rewound.steps.find((s) => s.kind === 'interview')).toMatchObject({ dueOn: '2026-10-23', daysLate: 11 });
    // The answer moved to 19.11, three days past its due date; a request dated before the registration is refused.
    const answer = moved.steps.find((s) => s.kind === 'police_answer')!;
    const later = await call(rt, 'cases:updateStep', { caseId: c.id, stepId: answer.id, step: { kind: 'police_answer', date: '2026-11-19', proceedings: false, official: 'Савченко Ірина' } });
    expect(later.steps.find((s) => s.kind === 'police_answer')).toMatchObject({ dueOn: '2026-11-16', daysLate: 3 });
    const request = later.steps.find((s) => s.kind === 'police_request')!;
    const early = await failure(rt, 'cases:updateStep', { caseId: c.id, stepId: request.id, step: { kind: 'police_request', date: '2026-10-15', number: '1', official: 'Савченко Ірина' } });
    expect(early.details.reason).toBe('before_registration');
  });

  it('a new version counting from another event applies only to events from its date', async () => {
    const rt = await adminRuntime();
    const c = await forwardedCase(rt);
    expect((await call(rt, 'cases:get', { id: c.id })).dueOn).toBe('2026-11-23');
    await call(rt, 'parameters:saveTerm', { key: 'decision', value: 5, unit: 'days', dayKind: 'working', countsFrom: 'police_answer', legalBasis: 'Постанова КМУ № 417', validFrom: '2026-11-20' });
    // The answer (10.11) came before the new version: the old one (10 days from forwarding) still counts.
    expect((await call(rt, 'cases:get', { id: c.id })).dueOn).toBe('2026-11-23');
  });

  it('the Law’s own terms cannot be lengthened or counted from another event', async () => {
    const rt = await adminRuntime();
    const input = { key: 'status', value: 3, unit: 'years', countsFrom: 'decision', legalBasis: 'Закон № 3739-VI', validFrom: '2026-12-01' } as const;
    expect((await failure(rt, 'parameters:saveTerm', input)).details.issues).toEqual([expect.objectContaining({ path: 'value', key: 'lawLimit' })]);
    expect((await failure(rt, 'parameters:saveTerm', { ...input, value: 32, unit: 'days', key: 'procedure', countsFrom: 'interview' })).code).toBe('VALIDATION');
    expect((await failure(rt, 'parameters:saveTerm', { ...input, value: 1, countsFrom: 'certificate' })).details.issues).toEqual([expect.objectContaining({ path: 'countsFrom', key: 'lawCountsFrom' })]);
    const shorter = await call(rt, 'parameters:saveTerm', { ...input, value: 18, unit: 'months' });
    expect(shorter.terms.filter((t) => t.key === 'status').map((t) => `${t.value} ${t.unit}`)).toEqual(['2 years', '18 months']);
  });

  it('the interview is waived for young age only below 14; an age given once grows with the years', async () => {
    const rt = await adminRuntime();
    const adult = await registerCase(rt, { registrationNumber: '1' });
    expect(await refusedStep(rt, adult.id, { kind: 'interview_waived', date: '2026-11-03', waiverReason: 'young_age' })).toBe('not_young');
    await step(rt, adult.id, { kind: 'interview_waived', date: '2026-11-03', waiverReason: 'temporary_mental_disorder' });
    const child = await registerCase(rt, { registrationNumber: '2', registrationDate: '2024-05-02' }, { birthDate: null, ageAtIdentification: 16 });
    expect(child).toMatchObject({ child: true, ageAtRegistration: 16 });
    const again = await call(rt, 'cases:create', { personId: child.personId, fields: { ...FIELDS, registrationNumber: '3', registrationDate: '2026-11-10' }, official: 'Савченко Ірина' });
    expect(again).toMatchObject({ child: false, ageAtRegistration: 18 });
  });

  it('a minimum may be entered after its date; the state filter and the overdue filter agree with the card', async () => {
    const rt = await adminRuntime();
    await call(rt, 'parameters:saveMinimum', { category: 'working_age', validFrom: '2024-01-01', amountKop: 292000 });
    const c = await forwardedCase(rt);
    await step(rt, c.id, { kind: 'decision', date: '2026-11-16', number: '45', outcome: 'granted' });
    await step(rt, c.id, { kind: 'certificate', date: '2026-11-17', number: 'Д-1' });
    await call(rt, 'users:setRoles', { userId: rt.core.session!.userId, roles: ['admin', 'case_officer'] });
    const listed = async (input: InputOf<'cases:list'>) => (await call(rt, 'cases:list', input)).rows.map((r) => r.state);
    expect(await listed({ states: ['granted'] })).toEqual(['granted']);
    expect(await listed({ states: ['open', 'ended'] })).toEqual([]);
    // Nothing is notified yet: the notice is overdue on 20.11 while the status runs…
    expect(await listed({ overdue: true })).toEqual(['granted']);
    await daysLater(rt, 730);
    // …and once the term ended, nothing is due any more.
    expect(await listed({ states: ['ended'] })).toEqual(['ended']);
    expect(await listed({ overdue: true })).toEqual([]);
  });
});
