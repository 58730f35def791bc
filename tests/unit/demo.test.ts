import { afterEach, describe, expect, it } from 'vitest';
import { fillDemo } from '../../src/main/cli/demo';
import type { OrganisationType } from '../../src/shared/domain/organisations';
import { adminRuntime, call, cleanupTempDirs, type TestRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

/** What a position in each kind of organisation names: the body the person works for. */
const POSITION_OF: Partial<Record<OrganisationType, RegExp>> = {
  state_admin: /(Департаменту соціального захисту населення )?Полтавської обласної державної адміністрації$/,
  police: /протидії торгівлі людьми Головного управління Національної поліції в Полтавській області$/,
  prosecutor: /Полтавської обласної прокуратури$/,
  children_service: /Служби у справах дітей Полтавської обласної державної адміністрації$/,
  social_services_centre: /Полтавського обласного центру соціальних служб$/,
  employment: /Полтавського обласного центру зайнятості$/,
  legal_aid: /безоплатної правничої допомоги в Полтавській області$/,
  ngo: /«Ла Страда-Україна»$/,
};

async function demoStore(oblast?: string): Promise<TestRuntime> {
  const rt = await adminRuntime();
  await fillDemo(rt.dispatch, { scale: 2, today: new Date('2026-11-20T09:00:00Z'), ...(oblast ? { oblast } : {}) });
  return rt;
}

describe('the demo store', () => {
  it('is one oblast’s group: the administration by name, each position in its own organisation, online meetings without a hall, speeches of their own', async () => {
    const rt = await demoStore();
    const orgs = await call(rt, 'organisations:list', { includeInactive: true });
    const administration = orgs.filter((o) => o.type === 'state_admin' && o.shortName === 'ОДА');
    expect(administration.map((o) => o.name)).toEqual(['Полтавська обласна державна адміністрація']);
    expect(administration[0]).toMatchObject({ katottg: 'UA53000000000028050', territoryName: 'Полтавська область' });
    expect(orgs.map((o) => o.name).join('\n')).not.toMatch(/військов/);
    expect((await call(rt, 'group:get', {})).parentBody).toBe('Полтавська обласна державна адміністрація');

    const members = await call(rt, 'group:members', { on: '2026-11-20' });
    expect(members.length).toBeGreaterThanOrEqual(10);
    const typeOf = new Map(orgs.map((o) => [o.id, o.type] as const));
    for (const m of members) {
      const type = typeOf.get(m.organisationId ?? '')!;
      expect(POSITION_OF[type], `${m.surname}: ${type}`).toBeDefined();
      expect(m.position, `${m.surname} in ${m.organisationName}`).toMatch(POSITION_OF[type]!);
    }
    expect(members.find((m) => m.role === 'chair')?.position).toBe('Заступник голови Полтавської обласної державної адміністрації');

    const meetings = await call(rt, 'meetings:list', {});
    expect(new Set(meetings.map((m) => m.format))).toEqual(new Set(['in_person', 'mixed', 'online']));
    for (const m of meetings) {
      if (m.format === 'online') expect(m.place).toBe('м. Полтава, відеоконференція (Zoom)');
      else expect(m.place).toBe('м. Полтава, вул. Соборності, 45, зал засідань');
    }

    const speeches = [];
    for (const summary of meetings.filter((m) => m.status !== 'planned')) speeches.push(...(await call(rt, 'meetings:get', { id: summary.id })).agenda.flatMap((i) => i.speeches));
    expect(speeches.length).toBeGreaterThan(10);
    expect(new Set(speeches.map((s) => s.summary)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(speeches.map((s) => s.speaker)).size).toBeGreaterThanOrEqual(5);
    // «Підтримала» for a woman, «Підтримав» for a man: the verb agrees with the speaker.
    const female = new Set(members.filter((m) => /вна$/.test(m.patronymic)).map((m) => `${m.surname} ${m.givenName[0]}. ${m.patronymic[0]}.`));
    for (const s of speeches) expect(s.summary.split(' ')[0]!.endsWith(female.has(s.speaker) ? 'ла' : 'в'), `${s.speaker}: ${s.summary}`).toBe(true);
  });

  it('names another oblast’s bodies with its own words', async () => {
    const rt = await demoStore('Вінницька');
    const names = (await call(rt, 'organisations:list', {})).map((o) => o.name);
    expect(names).toContain('Вінницька обласна державна адміністрація');
    expect(names).toContain('Головне управління Національної поліції у Вінницькій області');
    expect(names).toContain('Вінницький обласний центр соціальних служб');
    const meetings = await call(rt, 'meetings:list', {});
    expect(meetings.find((m) => m.format === 'in_person')?.place).toBe('м. Вінниця, приміщення обласної державної адміністрації, зал засідань');
  });

  it('holds status cases in every step and outcome, children and foreigners among them, under invented names', async () => {
    const rt = await demoStore();
    const { total, rows } = await call(rt, 'cases:list', { limit: 200 });
    expect(total).toBe(36);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['open', 'incomplete', 'granted', 'refused', 'ended']));
    expect(new Set(rows.map((r) => r.nextStep))).toEqual(new Set([null, 'interview', 'police_request', 'police_answer', 'forwarded', 'decision', 'notified', 'certificate']));
    expect(rows.some((r) => r.child) && rows.some((r) => r.foreigner)).toBe(true);
    expect(rows.some((r) => r.daysLeft !== null && r.daysLeft < 0)).toBe(true);
    const cards = await Promise.all(rows.map((r) => call(rt, 'cases:get', { id: r.id })));
    const kinds = new Set(cards.flatMap((c) => c.steps.map((s) => s.kind)));
    expect([...kinds].sort()).toEqual(
      ['appeal', 'certificate', 'decision', 'ended', 'extension', 'file_compiled', 'foreigner_certificate', 'forwarded', 'interview', 'interview_waived', 'notified', 'police_answer', 'police_request', 'registration', 'undertaking'].sort(),
    );
    expect(new Set(cards.map((c) => c.endReason))).toEqual(new Set([null, 'deprivation', 'expired']));
    expect(cards.filter((c) => c.aid).length).toBeGreaterThan(0);
    expect((await call(rt, 'cases:anonymisable', {})).length).toBe(2);
    const surnames = (await call(rt, 'cases:search', { name: 'енко' })).map((h) => h.surname);
    expect(surnames.length).toBeGreaterThan(0);
    for (const s of surnames) expect(s).toMatch(/^(Прикладенко|Умовненко|Ескізенко)$/);
    expect((await call(rt, 'dashboard:get', {})).cases?.overdue).toBeGreaterThan(0);
  });

  it('holds referrals in every state, with consents (one revoked under a referral at work), around presumed victims', async () => {
    const rt = await demoStore();
    const { total, rows } = await call(rt, 'referrals:list', { limit: 200 });
    expect(total).toBe(26);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['draft', 'sent', 'accepted', 'declined', 'in_progress', 'completed', 'revoked', 'closed']));
    expect(rows.some((r) => r.consentRevoked)).toBe(true);
    expect(rows.some((r) => r.dueKind === 'answer' && r.daysLeft! < 0) && rows.some((r) => r.dueKind === 'service' && r.daysLeft! < 0)).toBe(true);
    expect((await call(rt, 'persons:list', { withoutCase: true })).total).toBe(24);
    const dashboard = (await call(rt, 'dashboard:get', {})).referrals!;
    expect(dashboard.overdueAnswers + dashboard.overdueServices).toBeGreaterThan(0);
  });
});

describe('the demo’s trainings and coverage', () => {
  it('spreads two years of trainings and events over the real hromadas of the oblast, with gaps, coordinators and agreements in about half', async () => {
    const rt = await demoStore();
    expect((await call(rt, 'territories:options', {})).oblast).toBe('UA53000000000028050');
    const trainings = await call(rt, 'trainings:list', { limit: 200 });
    // 12 a year at scale 2 over two years, and one planned ahead of today.
    expect(trainings.total).toBe(25);
    expect(trainings.rows.filter((t) => t.endsOn > '2026-11-20')).toHaveLength(1);
    const held = trainings.rows.filter((t) => t.endsOn <= '2026-11-20');
    expect(held.every((t) => t.participants >= 8 && t.participants <= 25)).toBe(true);
    expect(held.filter((t) => t.certificates > 0).length).toBeGreaterThanOrEqual(held.length - 1);
    expect(new Set(held.map((t) => t.kind)).size).toBeGreaterThanOrEqual(4);
    const card = await call(rt, 'trainings:get', { id: held[0]!.id });
    expect(card.participantList.every((p) => /^[А-ЯІЇЄҐ][а-яіїєґ’]+$/.test(p.surname) && /(вна|ич)$/.test(p.patronymic))).toBe(true);
    expect((await call(rt, 'prevention:list', { limit: 200 })).total).toBe(40);

    const c = await call(rt, 'coverage:get', {});
    expect(c.total).toBe(60);
    const old = (d: string | undefined) => d !== undefined && d < c.since;
    const never = c.hromadas.filter((h) => !h.lastTraining && !h.lastEvent);
    const eventsOnly = c.hromadas.filter((h) => !h.lastTraining && h.lastEvent);
    const longAgo = c.hromadas.filter((h) => (h.lastTraining || h.lastEvent) && [h.lastTraining?.date, h.lastEvent?.date].every((d) => d === undefined || old(d)));
    const recent = c.hromadas.filter((h) => h.lastTraining && !old(h.lastTraining.date));
    expect(never.length).toBeGreaterThanOrEqual(15);
    expect(never.length).toBeLessThanOrEqual(25);
    expect(eventsOnly.length).toBeGreaterThan(0);
    expect(longAgo.length).toBeGreaterThan(0);
    expect(recent.length).toBeGreaterThan(10);
    const setUp = c.hromadas.filter((h) => h.coordinator || h.agreement).length;
    expect(setUp).toBeGreaterThanOrEqual(20);
    expect(setUp).toBeLessThanOrEqual(40);
    expect(c.raions.map((r) => r.name)).toEqual(['Кременчуцький', 'Лубенський', 'Миргородський', 'Полтавський']);
  });
});
