import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/shared/permissions';
import { certificatesOfYear, completedHours, listTrainings, participantsOf, traineesByKey } from '../../src/main/features/trainings/trainings.repository';
import { organisationOf, POLTAVA } from '../fixtures/referrals';
import { adminRuntime, call, cleanupTempDirs, failure, type TestRuntime } from '../fixtures/store';
import { addParticipant, ANDRIIVKA_RESHETYLIVSKA, becomeCoordinator, certifiedTraining, newTraining, participantInput, PEOPLE, PROGRAMME_PDF, RESHETYLIVSKA, trainingInput } from '../fixtures/trainings';

afterEach(cleanupTempDirs);

async function signInAs(rt: TestRuntime, role: Role): Promise<void> {
  const login = `only.${role}`;
  await call(rt, 'users:add', { login, displayName: `Користувач ${role}`, roles: [role], initialPassphrase: 'тимчасовий пароль 12345' });
  await call(rt, 'session:lock', {});
  await call(rt, 'session:unlock', { login, passphrase: 'тимчасовий пароль 12345' });
  await call(rt, 'session:changePassphrase', { current: 'тимчасовий пароль 12345', next: 'зовсім інший власний пароль 2026' });
}

const db = (rt: TestRuntime) => rt.core.requireStore().db;

describe('trainings: the card', () => {
  it('saves a training with its topics, organisers in order, venue and its hromada, and audits ids only', async () => {
    const rt = await adminRuntime();
    const second = await organisationOf(rt, 'police');
    const t = await newTraining(rt, { organiserIds: [await organisationOf(rt, 'state_admin'), second] });
    expect(t).toMatchObject({ kind: 'training', topics: ['identification', 'nrm'], hours: 16, venue: POLTAVA, participants: 0, certificates: 0, minSharePercent: 80 });
    expect(t.organisers.map((o) => o.id)[1]).toBe(second);
    expect(t.partners).toHaveLength(1);
    expect(t.trainers[0]!.name).toBe('Тренерська Олена Іванівна');
    const row = db(rt).prepare('SELECT venue_hromada AS h, search_title AS s FROM trainings WHERE id = ?').get(t.id) as { h: string; s: string };
    expect(row).toEqual({ h: 'UA53080370000025447', s: 'ідентифікація постраждалих від торгівлі людьми' });
    const audit = db(rt).prepare("SELECT details FROM audit_events WHERE action = 'training.created'").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ kind: 'training', hours: 16 });

    const changed = await call(rt, 'trainings:save', { ...(await trainingInput(rt)), id: t.id, topics: ['labour'], venue: RESHETYLIVSKA, title: 'Трудова експлуатація' });
    expect(changed).toMatchObject({ id: t.id, topics: ['labour'], title: 'Трудова експлуатація' });
    expect(db(rt).prepare('SELECT venue_hromada FROM trainings WHERE id = ?').pluck().get(t.id)).toBe(RESHETYLIVSKA);
  });

  it('refuses unknown organisations, unknown or retired topics and unknown venues; keeps a topic retired since', async () => {
    const rt = await adminRuntime();
    await becomeCoordinator(rt);
    expect((await failure(rt, 'trainings:save', await trainingInput(rt, { organiserIds: ['nope'] }))).code).toBe('NOT_FOUND');
    const unknownTopic = await failure(rt, 'trainings:save', await trainingInput(rt, { topics: ['no_such_topic'] }));
    expect(unknownTopic.details).toMatchObject({ field: 'topics', issues: [{ key: 'unknownTopic' }] });
    const closed = await call(rt, 'organisations:save', { name: 'Закрита установа', type: 'other', active: false });
    expect((await failure(rt, 'trainings:save', await trainingInput(rt, { partnerIds: [closed.id] }))).details).toMatchObject({ reason: 'organisation_inactive', field: 'partnerIds' });
    const badVenue = await failure(rt, 'trainings:save', await trainingInput(rt, { venue: 'UA99999999999999999' }));
    expect(badVenue.details).toMatchObject({ reason: 'unknown_territory', field: 'venue' });

    const t = await call(rt, 'trainings:save', await trainingInput(rt, { topics: ['labour'] }));
    await call(rt, 'trainings:saveTopic', { code: 'labour', uk: 'Трудова експлуатація', en: 'Labour exploitation', active: false });
    const retired = await failure(rt, 'trainings:save', await trainingInput(rt, { topics: ['labour'] }));
    expect(retired.details).toMatchObject({ issues: [{ key: 'topicRetired' }] });
    // The training that had it is saved unchanged.
    await expect(call(rt, 'trainings:save', await trainingInput(rt, { id: t.id, topics: ['labour'], note: 'уточнено' }))).resolves.toMatchObject({ note: 'уточнено' });
  });

  it('lists newest first with counts, filters by title words (Cyrillic case), year, kind and topic, and pages', async () => {
    const rt = await adminRuntime();
    const a = await certifiedTraining(rt);
    const b = await newTraining(rt, { title: 'Трудова ЕКСПЛУАТАЦІЯ: вербування', topics: ['labour'], kind: 'seminar', startsOn: '2026-12-01', endsOn: '2026-12-01', hours: 4 });
    await newTraining(rt, { title: 'Старий семінар', topics: ['law'], startsOn: '2025-03-01', endsOn: '2025-03-01', hours: 4 });
    const all = await call(rt, 'trainings:list', {});
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.id).slice(0, 2)).toEqual([b.id, a.id]);
    expect(all.rows[1]).toMatchObject({ participants: 3, certificates: 2, topics: ['identification', 'nrm'] });
    expect((await call(rt, 'trainings:list', { query: 'експлуатація вербув' })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await call(rt, 'trainings:list', { year: 2025 })).total).toBe(1);
    expect((await call(rt, 'trainings:list', { kind: 'seminar' })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await call(rt, 'trainings:list', { topic: 'nrm' })).rows.map((r) => r.id)).toEqual([a.id]);
    const page = await call(rt, 'trainings:list', { offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, rows: [{ id: a.id }] });
  });

  it('asks SQL for the list, the card, the matches and the register on indexes, never sorting in a temp b-tree', async () => {
    const rt = await adminRuntime();
    const d = db(rt);
    const prepare = d.prepare.bind(d);
    const seen: string[] = [];
    (d as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
      seen.push(sql);
      return prepare(sql);
    };
    const filters = [{}, { query: 'тренінг', year: 2026, kind: 'seminar' as const }, { topic: 'nrm' }];
    for (const f of filters) listTrainings(d, { query: '', year: null, kind: null, topic: null, offset: 0, limit: 50, ...f });
    traineesByKey(d, 'коваль ірина');
    participantsOf(d, { id: 'x', hours: 8 }, 80);
    certificatesOfYear(d, 2026);
    expect(seen.length).toBeGreaterThanOrEqual(9);
    for (const sql of seen) {
      const bound = sql.replace(/@(limit|offset)\b/g, '1').replace(/@\w+/g, "'2026'").replace(/\?/g, "'x'");
      const plan = (prepare(`EXPLAIN QUERY PLAN ${bound}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');
      expect(plan, sql).not.toContain('TEMP B-TREE');
      expect(plan, sql).not.toMatch(/SCAN (t|p|e|trainings|training_participants)( |$)(?!USING)/);
    }
  });

  it('lists on the index: no temp b-tree for the order, the year as a range of trainings_starts', () => {
    return adminRuntime().then((rt) => {
      const plan = (sql: string) => (db(rt).prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');
      const list = plan("SELECT t.id FROM trainings t WHERE t.starts_on >= '2026-01-01' AND t.starts_on < '2027-01-01' ORDER BY t.starts_on DESC, t.id DESC LIMIT 50");
      expect(list).toContain('trainings_starts');
      expect(list).not.toContain('TEMP B-TREE');
      const counts = plan("SELECT COUNT(*) FROM training_participants p WHERE p.training_id = 'x'");
      expect(counts).toContain('training_participants_training');
      expect(plan("SELECT MAX(certificate_seq) FROM training_participants WHERE certificate_year = 2026")).toContain('training_participants_certificate');
      expect(plan("SELECT id FROM trainees WHERE match_key = 'x'")).toContain('trainees_match_key');
    });
  });

  it('removes a training without certificates (its participants and lonely trainees with it), refuses one with', async () => {
    const rt = await adminRuntime();
    const t = await newTraining(rt);
    await addParticipant(rt, t.id);
    await call(rt, 'trainings:remove', { id: t.id });
    expect(db(rt).prepare('SELECT COUNT(*) FROM training_participants').pluck().get()).toBe(0);
    expect(db(rt).prepare('SELECT COUNT(*) FROM trainees').pluck().get()).toBe(0);
    const c = await certifiedTraining(rt);
    const refused = await failure(rt, 'trainings:remove', { id: c.id });
    expect(refused.details).toMatchObject({ reason: 'certificates_issued' });
    expect((await call(rt, 'trainings:get', { id: c.id })).participants).toBe(3);
  });
});

describe('trainings: permissions', () => {
  it('a member reads but cannot write; an admin and a case officer cannot read', async () => {
    const rt = await adminRuntime();
    const t = await newTraining(rt);
    const input = await trainingInput(rt);
    await signInAs(rt, 'member');
    await expect(call(rt, 'trainings:get', { id: t.id })).resolves.toMatchObject({ id: t.id });
    expect((await failure(rt, 'trainings:save', input)).code).toBe('FORBIDDEN');
    expect((await failure(rt, 'trainings:issueCertificates', { trainingId: t.id, issuedOn: '2026-11-12' })).code).toBe('FORBIDDEN');

    const admin = await adminRuntime();
    expect((await failure(admin, 'trainings:list', {})).code).toBe('FORBIDDEN');
    await signInAs(admin, 'case_officer');
    expect((await failure(admin, 'trainings:list', {})).code).toBe('FORBIDDEN');
    expect((await failure(admin, 'trainings:register', { year: 2026 })).code).toBe('FORBIDDEN');
  });

  it('a secretary writes', async () => {
    const rt = await adminRuntime();
    const input = await trainingInput(rt);
    await signInAs(rt, 'secretary');
    await expect(call(rt, 'trainings:save', input)).resolves.toMatchObject({ title: input.title });
  });
});

describe('trainings: participants', () => {
  it('adds a participant with the organisation type of the moment, the hromada, a new trainee; counts other trainings', async () => {
    const rt = await adminRuntime();
    const t = await newTraining(rt);
    const card = await addParticipant(rt, t.id);
    const p = card.participantList[0]!;
    expect(p).toMatchObject({ surname: PEOPLE[0].surname, organisationType: 'social_services_centre', territory: ANDRIIVKA_RESHETYLIVSKA, completed: true, certificate: null, otherTrainings: 0 });
    expect(db(rt).prepare('SELECT hromada_code FROM training_participants WHERE id = ?').pluck().get(p.id)).toBe(RESHETYLIVSKA);
    expect(db(rt).prepare('SELECT match_key FROM trainees WHERE id = ?').pluck().get(p.traineeId)).toBe('вигадайло зоряна');

    const other = await newTraining(rt, { title: 'Другий тренінг' });
    const again = await addParticipant(rt, other.id, 0, { traineeId: p.traineeId });
    expect(again.participantList[0]!.otherTrainings).toBe(1);
    const twice = await failure(rt, 'trainings:saveParticipant', { trainingId: other.id, participant: await participantInput(rt, 0, { traineeId: p.traineeId }) });
    expect(twice.details).toMatchObject({ reason: 'already_participant' });
    expect((await failure(rt, 'trainings:saveParticipant', { trainingId: other.id, participant: await participantInput(rt, 1, { traineeId: 'nobody' }) })).code).toBe('NOT_FOUND');
  });

  it('refuses more hours than the training, records absence as zero hours, sorts by surname', async () => {
    const rt = await adminRuntime();
    const t = await newTraining(rt);
    const over = await failure(rt, 'trainings:saveParticipant', { trainingId: t.id, participant: await participantInput(rt, 0, { hoursAttended: 16.5 }) });
    expect(over.code).toBe('VALIDATION');
    expect(over.details).toMatchObject({ field: 'hoursAttended', issues: [{ path: 'participant.hoursAttended', key: 'hoursOver' }] });
    const card = await addParticipant(rt, t.id, 1, { attendance: 'absent', hoursAttended: 8 });
    expect(card.participantList[0]).toMatchObject({ hoursAttended: 0, completed: false });
    const sorted = await addParticipant(rt, t.id, 0);
    expect(sorted.participantList.map((x) => x.surname)).toEqual(['Вигадайло', 'Небувайко']);
    const badPlace = await failure(rt, 'trainings:saveParticipant', { trainingId: t.id, participant: await participantInput(rt, 2, { territory: 'UA99999999999999999' }) });
    expect(badPlace.details).toMatchObject({ reason: 'unknown_territory' });
  });

  it('completes at exactly the minimum share and not half an hour below', async () => {
    expect(completedHours(12.5, 16, 80)).toBe(false);
    expect(completedHours(13, 16, 80)).toBe(true);
    const rt = await adminRuntime();
    // 7.5 hours × 80 % = 6 hours exactly.
    const t = await newTraining(rt, { hours: 7.5, startsOn: '2026-11-10', endsOn: '2026-11-10' });
    const card = await addParticipant(rt, t.id, 0, { attendance: 'partial', hoursAttended: 6 });
    await addParticipant(rt, t.id, 1, { attendance: 'partial', hoursAttended: 5.5 });
    const after = await call(rt, 'trainings:get', { id: card.id });
    expect(after.participantList.map((x) => [x.surname, x.completed])).toEqual([
      ['Вигадайло', true],
      ['Небувайко', false],
    ]);
    await call(rt, 'trainings:saveOptions', { minSharePercent: 70 });
    expect((await call(rt, 'trainings:get', { id: card.id })).participantList.every((x) => x.completed)).toBe(true);
  });

  it('keeps a certified participant: no removal, no hours below the share; others are removed', async () => {
    const rt = await adminRuntime();
    const t = await certifiedTraining(rt);
    const holder = t.participantList.find((x) => x.certificate)!;
    const { id: _id, certificate: _c, completed: _d, otherTrainings: _o, organisationName: _n, organisationType: _t, ...rest } = holder;
    expect((await failure(rt, 'trainings:removeParticipant', { trainingId: t.id, participantId: holder.id })).details).toMatchObject({ reason: 'certificate_issued' });
    const lowered = await failure(rt, 'trainings:saveParticipant', { trainingId: t.id, participant: { ...rest, id: holder.id, attendance: 'partial', hoursAttended: 10 } });
    expect(lowered.details).toMatchObject({ reason: 'certificate_issued' });
    const shorter = await failure(rt, 'trainings:save', { ...(await trainingInput(rt)), id: t.id, hours: 15.5 });
    expect(shorter.details).toMatchObject({ issues: [{ key: 'hoursBelowAttended' }] });
    const other = t.participantList.find((x) => !x.certificate)!;
    const left = await call(rt, 'trainings:removeParticipant', { trainingId: t.id, participantId: other.id });
    expect(left.participants).toBe(2);
  });

  it('a share raised after the certificates leaves the holders and the training open to corrections that change no hours', async () => {
    const rt = await adminRuntime();
    const draft = await newTraining(rt);
    await addParticipant(rt, draft.id, 0, { attendance: 'partial', hoursAttended: 13 });
    // 13 of 16 hours: enough at 80 %, not at 90 %.
    const t = (await call(rt, 'trainings:issueCertificates', { trainingId: draft.id, issuedOn: draft.endsOn })).training;
    const holder = t.participantList.find((x) => x.certificate)!;
    const { id: _id, certificate: _c, completed: _d, otherTrainings: _o, organisationName: _n, organisationType: _t, ...rest } = holder;
    await call(rt, 'trainings:saveOptions', { minSharePercent: 90 });
    // Holders with fewer hours than the new share asks: a new position, a corrected title, still saved.
    const kept = await call(rt, 'trainings:saveParticipant', { trainingId: t.id, participant: { ...rest, id: holder.id, position: 'головна спеціалістка' } });
    expect(kept.participantList.find((x) => x.id === holder.id)).toMatchObject({ position: 'головна спеціалістка', certificate: holder.certificate });
    const retitled = await call(rt, 'trainings:save', { ...(await trainingInput(rt)), id: t.id, title: 'Виправлена назва' });
    expect(retitled.title).toBe('Виправлена назва');
  });
});

describe('trainings: certificates', () => {
  it('numbers in card order within the year the training ended, across trainings; a new year restarts at 1; never reuses', async () => {
    const rt = await adminRuntime();
    const first = await certifiedTraining(rt);
    expect(first.participantList.map((x) => x.certificate?.number ?? null)).toEqual(['2026/001', '2026/002', null]);
    const second = await certifiedTraining(rt, { title: 'Другий', startsOn: '2026-11-16', endsOn: '2026-11-17' });
    expect(second.participantList.map((x) => x.certificate?.number ?? null)).toEqual(['2026/003', '2026/004', null]);
    // Ends in the next year: its own numbering. The clock moves on so the date is not in the future.
    rt.clock.ms = Date.parse('2027-01-10T09:00:00Z');
    await call(rt, 'session:unlock', { login: 'olena', passphrase: 'весна у Полтаві 2026 року' }).catch(() => undefined);
    const third = await certifiedTraining(rt, { title: 'Новорічний', startsOn: '2026-12-30', endsOn: '2027-01-05' });
    expect(third.participantList.filter((x) => x.certificate).map((x) => x.certificate!.number)).toEqual(['2027/001', '2027/002']);

    // A second issue numbers only the newly completed, after the highest number of the year.
    const late = first.participantList.find((x) => !x.certificate)!;
    const { id: _i, certificate: _c, completed: _d, otherTrainings: _o, organisationName: _n, organisationType: _t, ...rest } = late;
    await call(rt, 'trainings:saveParticipant', { trainingId: first.id, participant: { ...rest, id: late.id, attendance: 'full', hoursAttended: 16 } });
    const again = await call(rt, 'trainings:issueCertificates', { trainingId: first.id, issuedOn: '2027-01-10' });
    expect(again.issued).toBe(1);
    expect(again.training.participantList.map((x) => x.certificate!.number)).toEqual(['2026/001', '2026/002', '2026/005']);
    const audit = db(rt).prepare("SELECT details FROM audit_events WHERE action = 'training.certificates_issued' ORDER BY seq DESC").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ issued: 1, year: 2026, firstSeq: 5, lastSeq: 5 });
  });

  it('refuses an issue date before the end or in the future, and an issue with nobody due', async () => {
    const rt = await adminRuntime();
    const t = await newTraining(rt);
    await addParticipant(rt, t.id);
    expect((await failure(rt, 'trainings:issueCertificates', { trainingId: t.id, issuedOn: '2026-11-10' })).details).toMatchObject({ reason: 'issued_before_end' });
    expect((await failure(rt, 'trainings:issueCertificates', { trainingId: t.id, issuedOn: '2026-11-21' })).details).toMatchObject({ reason: 'future_date' });
    await call(rt, 'trainings:issueCertificates', { trainingId: t.id, issuedOn: '2026-11-20' });
    expect((await failure(rt, 'trainings:issueCertificates', { trainingId: t.id, issuedOn: '2026-11-20' })).details).toMatchObject({ reason: 'no_certificates_due' });
  });
});

describe('trainings: programme, topics, options', () => {
  it('attaches, downloads and removes the programme file; the audit holds no content', async () => {
    const rt = await adminRuntime();
    const t = await newTraining(rt);
    const card = await call(rt, 'trainings:attachProgramme', { trainingId: t.id, fileName: 'Програма.PDF', base64: PROGRAMME_PDF });
    expect(card.programmeFile).toEqual({ fileName: 'Програма.PDF', size: Buffer.from(PROGRAMME_PDF, 'base64').length });
    const file = await call(rt, 'trainings:programmeFile', { id: t.id });
    expect(file).toEqual({ fileName: 'Програма.PDF', mimeType: 'application/pdf', base64: PROGRAMME_PDF });
    const audit = db(rt).prepare("SELECT details FROM audit_events WHERE action = 'training.programme_attached'").pluck().get() as string;
    expect(audit).not.toContain('програма');
    const notPdf = await failure(rt, 'trainings:attachProgramme', { trainingId: t.id, fileName: 'programa.pdf', base64: Buffer.from('просто текст').toString('base64') });
    expect(notPdf.details).toMatchObject({ field: 'base64', issues: [{ key: 'programmeFileContent' }] });
    const damaged = await failure(rt, 'trainings:attachProgramme', { trainingId: t.id, fileName: 'programa.txt', base64: 'не base64' });
    expect(damaged.details).toMatchObject({ issues: [{ key: 'fileDamaged' }] });
    await expect(call(rt, 'trainings:attachProgramme', { trainingId: t.id, fileName: 'programa.txt', base64: Buffer.from('Програма: 1. Вступ').toString('base64') })).resolves.toMatchObject({
      programmeFile: { fileName: 'programa.txt' },
    });
    expect((await call(rt, 'trainings:removeProgramme', { id: t.id })).programmeFile).toBeNull();
    expect((await failure(rt, 'trainings:programmeFile', { id: t.id })).code).toBe('NOT_FOUND');
  });

  it('adds a topic with a code from the English name, renames and retires it', async () => {
    const rt = await adminRuntime();
    await becomeCoordinator(rt);
    const topics = await call(rt, 'trainings:saveTopic', { uk: 'Кібербезпека', en: 'Cyber security & online risks' });
    expect(topics.at(-1)).toEqual({ code: 'cyber_security_online_risks', uk: 'Кібербезпека', en: 'Cyber security & online risks', active: true });
    const twice = await call(rt, 'trainings:saveTopic', { uk: 'Кібербезпека 2', en: 'Cyber security & online risks' });
    expect(twice.at(-1)!.code).toBe('cyber_security_online_risks_2');
    const retired = await call(rt, 'trainings:saveTopic', { code: 'cyber_security_online_risks', uk: 'Кібербезпека дітей', en: 'Cyber security', active: false });
    expect(retired.find((x) => x.code === 'cyber_security_online_risks')).toMatchObject({ uk: 'Кібербезпека дітей', active: false });
    expect(await call(rt, 'trainings:options', {})).toEqual({ minSharePercent: 80 });
    expect(await call(rt, 'trainings:saveOptions', { minSharePercent: 75 })).toEqual({ minSharePercent: 75 });
    expect((await failure(rt, 'trainings:saveOptions', { minSharePercent: 0 })).code).toBe('VALIDATION');
  });
});

describe('trainings: an organisation merged into another', () => {
  it('moves organisers, partners, participants and prevention organisers to the one kept, without doubling a role', async () => {
    const rt = await adminRuntime();
    const keep = await call(rt, 'organisations:save', { name: 'Громадська організація «Вектор надії»', type: 'ngo' });
    const duplicate = await call(rt, 'organisations:save', { name: 'ГО "Вектор надії"', type: 'ngo' });
    const both = await newTraining(rt, { organiserIds: [keep.id, duplicate.id], partnerIds: [] });
    const partnered = await newTraining(rt, { title: 'Другий', partnerIds: [duplicate.id] });
    await addParticipant(rt, both.id, 0, { organisationId: duplicate.id });
    const d = db(rt);
    d.prepare(
      `INSERT INTO prevention_events (id, kind, title, date, territory, groups, people, created_by, created_at, updated_at)
       VALUES ('ev1', 'round_table', 'Круглий стіл', '2026-11-05', '', '{}', 10, ?, '2026-11-05', '2026-11-05')`,
    ).run(rt.core.session!.userId);
    const link = d.prepare("INSERT INTO prevention_organisations (event_id, role, organisation_id, position) VALUES ('ev1', 'organiser', ?, ?)");
    link.run(keep.id, 0);
    link.run(duplicate.id, 1);

    await call(rt, 'organisations:merge', { keepId: keep.id, duplicateId: duplicate.id });
    const first = await call(rt, 'trainings:get', { id: both.id });
    expect(first.organisers.map((o) => o.id)).toEqual([keep.id]);
    expect(first.participantList[0]).toMatchObject({ organisationId: keep.id, organisationType: 'ngo' });
    expect((await call(rt, 'trainings:get', { id: partnered.id })).partners.map((o) => o.id)).toEqual([keep.id]);
    expect(d.prepare("SELECT organisation_id FROM prevention_organisations WHERE event_id = 'ev1'").pluck().all()).toEqual([keep.id]);
    for (const table of ['training_organisations', 'training_participants', 'prevention_organisations']) {
      expect(d.prepare(`SELECT COUNT(*) FROM ${table} WHERE organisation_id = ?`).pluck().get(duplicate.id)).toBe(0);
    }
    const audit = d.prepare("SELECT details FROM audit_events WHERE action = 'organisation.merged'").pluck().get() as string;
    expect(JSON.parse(audit)).toMatchObject({ trainings: 1, participants: 1, preventionEvents: 0 });
  });
});
