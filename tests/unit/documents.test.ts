import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { genitiveMembers, nameInGenitive, positionInGenitive } from '../../src/main/documents/minutes/declension';
import { bodyNameGenitive, lowerFirst, plural, signatureName, voteTally } from '../../src/main/documents/minutes/format';
import { renderExtractDocx, renderMinutesDocx } from '../../src/main/documents/minutes/minutes.docx';
import { renderExtractHtml, renderMinutesHtml } from '../../src/main/documents/minutes/minutes.html';
import { buildExtractModel, buildMinutesModel, positionNamesOrganisation } from '../../src/main/documents/minutes/minutes.model';
import { loadMinutesData } from '../../src/main/features/meetings/meetings.documents';
import { CARRY_OVER_TITLE } from '../../src/shared/domain/meetings';
import { docxText } from '../fixtures/docx';
import { draftOf, holdMeeting, seatGroup } from '../fixtures/meetings';
import { adminRuntime, call, cleanupTempDirs, tempDir, type TestRuntime } from '../fixtures/store';

afterEach(cleanupTempDirs);

const TODAY = '2026-11-20';
/** Set by scripts/render-sample-minutes.mjs to keep the rendered files for a visual check. */
const SAMPLES = process.env.ZLAGODA_SAMPLES_DIR;
const POPPLER = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');
const PLANTED = 'Оприлюднити інформацію <script>alert("x")</script> на сайті ОВА.';

function save(name: string, data: string | Buffer): void {
  if (!SAMPLES) return;
  mkdirSync(SAMPLES, { recursive: true });
  writeFileSync(join(SAMPLES, name), data);
}

/** What the meetings feature loads for a document, read from the real store. */
function data(rt: TestRuntime, meetingId: string) {
  const store = rt.core.requireStore();
  return loadMinutesData(store, meetingId);
}

/** The same, with the members declined as the export does before building. */
async function declined(rt: TestRuntime, meetingId: string) {
  const loaded = data(rt, meetingId);
  loaded.genitive = await genitiveMembers(loaded.members);
  return loaded;
}

function htmlText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Fails naming the first string that is missing or out of order. */
function expectInOrder(text: string, needles: string[]): void {
  let at = 0;
  for (const needle of needles) {
    const found = text.indexOf(needle, at);
    expect(found, `«${needle}» after position ${at}`).toBeGreaterThanOrEqual(0);
    at = found + needle.length;
  }
}

/**
 * Meeting № 1 gives an assignment; meeting № 2 reviews it in the carry-over item, decides on two items,
 * gives two more assignments and has a guest. Meeting № 2 is the one rendered.
 */
async function sampleMeeting() {
  const rt = await adminRuntime();
  const { orgs, members } = await seatGroup(rt);
  const org = (short: string) => orgs.find((o) => o.shortName === short)!.id;
  const first = await holdMeeting(rt, '2026-03-12', 7);
  const carried = await call(rt, 'assignments:create', {
    decisionId: first.agenda[1]!.decisions[1]!.id,
    text: 'Провести навчання для фахівців громад з виявлення постраждалих осіб.',
    leadOrganisationId: org('ОЦСС'),
    leadPerson: 'Олійник М. С.',
    coExecutorIds: [org('ГУНП')],
    dueDate: '2026-05-29',
  });
  const held = await holdMeeting(rt, '2026-06-11', 7);
  expect(held.agenda[0]!.reviewedAssignmentIds).toEqual([carried.id]);
  const agenda = held.agenda.map((item, i) =>
    i === 0
      ? {
          ...item,
          rapporteurMemberId: members[1]!.id,
          heard: 'Про виконання доручень засідання від 12.03.2026 № 1.',
          decisions: [{ id: '', number: '', text: 'Доручення п. 2.2 протоколу № 1/2026 залишити на контролі.', votesFor: 7, votesAgainst: 0, votesAbstained: 0 }],
        }
      : {
          ...item,
          rapporteurMemberId: members[3]!.id,
          speeches: [...item.speeches, { id: 's2', speaker: 'Ткаченко С. М.', summary: 'Про кримінальні провадження за ст. 149 ККУ (справа К-2026-014).' }],
          decisions: [item.decisions[0]!, { ...item.decisions[1]!, text: PLANTED }],
        },
  );
  // The fixture marks present whoever comes first; the sample fixes who is absent so the text is stable.
  const attendance = held.attendance.map((a) => ({ ...a, present: a.memberId !== members[7]!.id }));
  const draft = draftOf(held, { agenda, attendance });
  const meeting = await call(rt, 'meetings:update', { ...draft, guests: [{ name: 'Гриценко Л. А.', role: 'Представниця МОМ в Україні' }] });
  await call(rt, 'assignments:create', {
    decisionId: meeting.agenda[1]!.decisions[1]!.id,
    text: 'Розмістити інформацію про «гарячу лінію» 527 на офіційному вебсайті.',
    leadOrganisationId: org('ДСЗН ОВА'),
    coExecutorIds: [org('ССД ОВА'), org('ГУНП')],
    dueDate: '2026-07-15',
  });
  return { rt, org, members, meeting };
}

describe('formatting helpers', () => {
  it('prints Ukrainian forms', () => {
    expect(signatureName('Мар’яна', 'Олійник')).toBe('Мар’яна ОЛІЙНИК');
    expect(voteTally({ votesFor: 7, votesAgainst: 0, votesAbstained: 1 })).toBe('за — 7, проти — 0, утрималися — 1');
    expect(voteTally({ votesFor: null, votesAgainst: null, votesAbstained: null })).toBeNull();
    expect([1, 2, 5, 11, 21, 22].map((n) => plural(n, 'особа', 'особи', 'осіб'))).toEqual(['особа', 'особи', 'осіб', 'осіб', 'особа', 'особи']);
    expect(lowerFirst('Начальник відділу')).toBe('начальник відділу');
    expect(lowerFirst('ГУНП в області')).toBe('ГУНП в області');
    expect(bodyNameGenitive('Обласна координаційна рада з питань сім’ї')).toBe('обласної координаційної ради з питань сім’ї');
    expect(bodyNameGenitive('Міжвідомча робоча група з питань протидії торгівлі людьми')).toBe('міжвідомчої робочої групи з питань протидії торгівлі людьми');
    expect(bodyNameGenitive('Координаційний штаб при ОВА')).toBe('координаційного штабу при ОВА');
    expect(bodyNameGenitive('Рада Полтавської області')).toBe('ради Полтавської області');
  });
});

describe('Ukrainian declension in the minutes', () => {
  it('puts the rapporteur and the position in the genitive by the library, whatever the holder’s gender', async () => {
    expect(await nameInGenitive({ surname: 'Шевчук', givenName: 'Андрій', patronymic: 'Петрович' })).toBe('Шевчука А. П.');
    expect(await nameInGenitive({ surname: 'Бондар', givenName: 'Ігор', patronymic: 'Васильович' })).toBe('Бондаря І. В.');
    expect(await nameInGenitive({ surname: 'Олійник', givenName: 'Мар’яна', patronymic: 'Степанівна' })).toBe('Олійник М. С.');
    expect(await nameInGenitive({ surname: 'Кравець', givenName: 'Олег', patronymic: 'Романович' })).toBe('Кравця О. Р.');
    expect(await nameInGenitive({ surname: 'Ткаченко', givenName: 'Світлана', patronymic: 'Миколаївна' })).toBe('Ткаченко С. М.');
    expect(await positionInGenitive('Начальник відділу протидії торгівлі людьми ГУНП')).toBe('Начальника відділу протидії торгівлі людьми ГУНП');
    expect(await positionInGenitive('головний спеціаліст відділу з питань сім’ї')).toBe('головного спеціаліста відділу з питань сім’ї');
    expect(await positionInGenitive('Заступник голови обласної військової адміністрації')).toBe('Заступника голови обласної військової адміністрації');
    expect(await positionInGenitive('Координаторка ГО «Ла Страда-Україна» в області')).toBe('Координаторки ГО «Ла Страда-Україна» в області');
    expect(await positionInGenitive('Уповноважений з прав дитини')).toBe('Уповноваженого з прав дитини');
    expect(await positionInGenitive('провідна спеціалістка відділу')).toBe('провідної спеціалістки відділу');
    expect(await positionInGenitive('старшина поліції')).toBe('старшини поліції');
    expect(await positionInGenitive('лікар-педіатр дитячої лікарні')).toBe('лікаря-педіатра дитячої лікарні');
  });

  it('does not name the rapporteur twice, and names the organisation only where the position does not', async () => {
    const { rt, members } = await sampleMeeting();
    const held = await holdMeeting(rt, '2026-09-17', 7);
    const [carry, item] = held.agenda;
    const saved = await call(rt, 'meetings:update', draftOf(held, { agenda: [carry!, { ...item!, rapporteurMemberId: members[3]!.id, heard: 'Бондар І. В. поінформував про 14 виявлених випадків.' }] }));
    const model = buildMinutesModel(await declined(rt, saved.id), TODAY);
    expect(model.items[1]!.heardSpeaker).toBeNull();
    expect(positionNamesOrganisation('Начальник служби у справах дітей', { name: 'Служба у справах дітей обласної військової адміністрації' })).toBe(true);
    expect(positionNamesOrganisation('Координаторка в області', { name: 'Громадська організація «Ла Страда-Україна»' })).toBe(false);
  });

  it('a substitute for the absent chair presides and signs «за дорученням» of the chair', async () => {
    const { rt, meeting, members } = await sampleMeeting();
    const chair = members[0]!.id;
    const attendance = meeting.attendance.map((a) => (a.memberId === chair ? { ...a, present: false, absenceReason: 'відрядження', substitute: 'Гончар В. П., заступник голови ОВА' } : a));
    const saved = await call(rt, 'meetings:update', draftOf(meeting, { attendance }));
    const model = buildMinutesModel(await declined(rt, saved.id), TODAY);
    expect(model.chair).toMatchObject({ label: 'Головуючий', name: 'Гончар В. П., заступник голови ОВА (за дорученням Мельник О. І.)', signatureName: 'Гончар В. П., заступник голови ОВА' });
  });

  it('prints the reason of an absence, and a substitute among those present «за дорученням»', async () => {
    const { rt, meeting, members } = await sampleMeeting();
    const away = members[7]!.id;
    const attendance = meeting.attendance.map((a) => (a.memberId === away ? { ...a, present: false, absenceReason: 'відпустка', substitute: 'Гончар В. П., юристка ГО «Ла Страда-Україна»' } : a));
    const saved = await call(rt, 'meetings:update', draftOf(meeting, { attendance }));
    const model = buildMinutesModel(await declined(rt, saved.id), TODAY);
    expect(model.absent.map((a) => a.name)).toEqual(['Лисенко Т. Ю. (відпустка)']);
    expect(model.present.list.at(-1)).toEqual({ position: 'за дорученням Лисенко Т. Ю.', name: 'Гончар В. П., юристка ГО «Ла Страда-Україна»' });
    expect(model.present.text).toBe('7 членів із 8');
  });
});

describe('minutes', () => {
  it('DOCX holds the requisites, the agenda and every item in order, and A4 with ДСТУ margins', async () => {
    const { rt, meeting } = await sampleMeeting();
    const model = buildMinutesModel(await declined(rt, meeting.id), TODAY);
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    expect(model.heading).toBe('засідання обласної координаційної ради з питань сім’ї, ґендерної рівності, запобігання та протидії домашньому насильству і протидії торгівлі людьми');
    const docx = await renderMinutesDocx(model);
    save('minutes.docx', docx);
    const text = docxText(docx);
    expectInOrder(text, [
      'ПРОЄКТ',
      'ОБЛАСНА ВІЙСЬКОВА АДМІНІСТРАЦІЯ',
      'ПРОТОКОЛ',
      '11.06.2026',
      '№ 2',
      'м. Полтава',
      'засідання обласної координаційної ради з питань',
      'Голова — заступник голови обласної військової адміністрації Мельник О. І.',
      'Секретар — головний спеціаліст відділу з питань сім’ї Коваль Н. О.',
      'Присутні: ',
      '7 членів із 8',
      'Директор департаменту соціального захисту населення\u00a0—',
      'Шевчук А. П.',
      'Відсутні: ',
      'Лисенко Т. Ю.',
      'Запрошені:',
      'Представниця МОМ в Україні\u00a0—',
      'Гриценко Л. А.',
      'ПОРЯДОК ДЕННИЙ',
      `1. ${CARRY_OVER_TITLE}`,
      'Доповідач — Шевчук А. П., директор департаменту',
      '2. Про стан протидії торгівлі людьми в області за ІІІ квартал',
      'Доповідач — Бондар І. В., начальник відділу протидії торгівлі людьми ГУНП.',
      '1. СЛУХАЛИ: ',
      CARRY_OVER_TITLE,
      'Шевчука А. П., директора департаменту соціального захисту населення — Про виконання доручень',
      '1) Провести навчання для фахівців громад з виявлення постраждалих осіб (протокол № 1/2026, п. 2.2;',
      'строк: 29.05.2026; стан: строк виконання минув',
      'УХВАЛИЛИ:',
      '1.1. Доручення п. 2.2 протоколу № 1/2026 залишити на контролі.',
      'Голосували: за — 7, проти — 0, утрималися — 0.',
      '2. СЛУХАЛИ: ',
      'Про стан протидії торгівлі людьми в області за ІІІ квартал',
      'Бондаря І. В., начальника відділу протидії торгівлі людьми ГУНП — Про виявлені випадки та перенаправлення постраждалих осіб.',
      'ВИСТУПИЛИ:',
      'Олійник М. С. — Про надані соціальні послуги.',
      'Ткаченко С. М. — Про кримінальні провадження',
      'УХВАЛИЛИ:',
      '2.1. Інформацію взяти до відома.',
      'Голосували: за — 6, проти — 0, утрималися — 1.',
      `2.2. ${PLANTED}`,
      'Доручення: Розмістити інформацію про «гарячу лінію» 527 на офіційному вебсайті.',
      'Відповідальний виконавець: Департамент соціального захисту населення обласної військової адміністрації; співвиконавці: ',
      'Служба у справах дітей обласної військової адміністрації',
      'строк — до 15.07.2026.',
      'Голова',
      'Заступник голови обласної військової адміністрації',
      'Оксана МЕЛЬНИК',
      'Секретар',
      'Наталія КОВАЛЬ',
    ]);
    // Decision 2.2 recorded no vote: no tally is invented for it.
    expect(text.slice(text.indexOf('2.2. Оприлюднити'))).not.toContain('Голосували');
    expect(text).not.toContain('ЗМІНИ, ВНЕСЕНІ');

    const files = unzipSync(new Uint8Array(docx));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="567" w:bottom="1134" w:left="1701"/);
    expect(xml).toContain('<w:titlePg/>');
    expect(strFromU8(files['word/styles.xml']!)).toContain('Times New Roman');
    expect(xml).not.toContain('<script>');
    const headers = Object.keys(files).filter((f) => /^word\/header\d+\.xml$/.test(f));
    expect(headers.some((h) => strFromU8(files[h]!).includes('PAGE'))).toBe(true);
  });

  it(`HTML holds the same in order, escapes planted markup and prints to a PDF${POPPLER ? ' with the text' : ' (text check skipped: poppler-utils missing)'}`, async () => {
    const { rt, meeting } = await sampleMeeting();
    const html = renderMinutesHtml(buildMinutesModel(await declined(rt, meeting.id), TODAY));
    save('minutes.html', html);
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('@page { size: A4; margin: 20mm 10mm 20mm 30mm;');
    expectInOrder(htmlText(html), [
      'ОБЛАСНА ВІЙСЬКОВА АДМІНІСТРАЦІЯ',
      'ПРОТОКОЛ',
      '11.06.2026',
      '№ 2',
      'Присутні: ',
      'ПОРЯДОК ДЕННИЙ',
      `1. ${CARRY_OVER_TITLE}`,
      '2. Про стан протидії торгівлі людьми',
      '1. СЛУХАЛИ: ',
      'УХВАЛИЛИ:',
      '1.1. Доручення',
      '2. СЛУХАЛИ: ',
      'ВИСТУПИЛИ:',
      'УХВАЛИЛИ:',
      '2.1. Інформацію взяти до відома.',
      `2.2. ${PLANTED}`,
      'Оксана МЕЛЬНИК',
      'Наталія КОВАЛЬ',
    ]);

    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      save('minutes.chromium.pdf', pdf);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (!POPPLER) return;
      const file = join(tempDir(), 'minutes.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expectInOrder(text, ['ПРОТОКОЛ', 'ПОРЯДОК ДЕННИЙ', 'СЛУХАЛИ', 'УХВАЛИЛИ', 'Оксана МЕЛЬНИК']);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('a draft with nobody marked present prints the count with a full stop, no dangling colon', async () => {
    const rt = await adminRuntime();
    await seatGroup(rt);
    const empty = await holdMeeting(rt, '2026-09-17', 0);
    const blank = buildMinutesModel(await declined(rt, empty.id), TODAY);
    const text = docxText(await renderMinutesDocx(blank));
    expect(text).toContain('Присутні: 0 членів із 8.');
    expect(text).not.toMatch(/Присутні: 0 членів із 8:/);
  });

  it('a long attendance prints the count and puts the list in an annex', async () => {
    const rt = await adminRuntime();
    const { orgs } = await seatGroup(rt);
    const more = ['Гончаренко', 'Савченко', 'Руденко', 'Мороз', 'Павленко', 'Кузьменко', 'Литвиненко', 'Марченко', 'Поліщук'];
    for (const [i, surname] of more.entries()) {
      await call(rt, 'group:saveMember', { surname, givenName: 'Ірина', patronymic: 'Олексіївна', position: 'Начальник відділу', role: 'member', organisationId: orgs[i]!.id, validFrom: '2026-01-01' });
    }
    const meeting = await holdMeeting(rt, '2026-03-12', 17);
    const model = buildMinutesModel(await declined(rt, meeting.id), TODAY);
    expect(model.present).toMatchObject({ count: 17, inAnnex: true, list: [] });
    const docx = await renderMinutesDocx(model);
    save('minutes-long.docx', docx);
    const text = docxText(docx);
    expectInOrder(text, ['Присутні: ', '17 осіб (список додається).', 'ПОРЯДОК ДЕННИЙ', 'Наталія КОВАЛЬ', 'Додаток', 'до протоколу від 12.03.2026 № 1', 'СПИСОК', '1.', 'Мельник О. І.', '17.']);
    // The names are printed once, in the annex, not before the agenda.
    expect(text.slice(0, text.indexOf('ПОРЯДОК ДЕННИЙ'))).not.toContain('Поліщук І. О.');
    expect(text.slice(text.indexOf('СПИСОК'))).toContain('Поліщук І. О.');
    expect(strFromU8(unzipSync(new Uint8Array(docx))['word/document.xml']!)).toContain('<w:br w:type="page"/>');
    expectInOrder(htmlText(renderMinutesHtml(model)), ['17 осіб (список додається).', 'Додаток', 'СПИСОК', 'Поліщук І. О.']);
  });

  it('a deputy who chairs the meeting is «Головуючий» and signs as such', async () => {
    const rt = await adminRuntime();
    const { members } = await seatGroup(rt);
    const held = await holdMeeting(rt, '2026-03-12', 8);
    const meeting = await call(rt, 'meetings:update', draftOf(held, { chairMemberId: members[1]!.id }));
    const text = docxText(await renderMinutesDocx(buildMinutesModel(await declined(rt, meeting.id), TODAY)));
    expectInOrder(text, ['Головуючий — директор департаменту соціального захисту населення Шевчук А. П.', 'Головуючий', 'Андрій ШЕВЧУК']);
    expect(text).not.toContain('Оксана МЕЛЬНИК');
  });

  it('amendments are printed after approval, numbered with their reason; the draft mark goes', async () => {
    const { rt, meeting } = await sampleMeeting();
    await call(rt, 'meetings:approve', { id: meeting.id });
    await call(rt, 'meetings:amend', { id: meeting.id, reason: 'Описка в прізвищі доповідача', text: 'У п. 2 замість «Бондаренко» читати «Бондар».' });
    await call(rt, 'meetings:amend', { id: meeting.id, reason: 'Уточнення строку', text: 'У п. 2.2 строк — до 30.06.2026.' });
    const model = buildMinutesModel(await declined(rt, meeting.id), TODAY);
    expect(model.amendments.map((a) => a.number)).toEqual([1, 2]);
    const text = docxText(await renderMinutesDocx(model));
    expect(text).not.toContain('ПРОЄКТ');
    expectInOrder(text, [
      'Наталія КОВАЛЬ',
      'ЗМІНИ, ВНЕСЕНІ ДО ПРОТОКОЛУ ПІСЛЯ ЙОГО ЗАТВЕРДЖЕННЯ',
      '1. У п. 2 замість «Бондаренко» читати «Бондар».',
      'Підстава: Описка в прізвищі доповідача. Дата внесення: 20.11.2026.',
      '2. У п. 2.2 строк — до 30.06.2026.',
      'Підстава: Уточнення строку.',
    ]);
    expectInOrder(htmlText(renderMinutesHtml(model)), ['Наталія КОВАЛЬ', 'ЗМІНИ, ВНЕСЕНІ', '1. У п. 2', '2. У п. 2.2']);
  });
});

describe('extracts', () => {
  it('an extract of one item holds only that item, with the intro as a count and a certification', async () => {
    const { rt, meeting } = await sampleMeeting();
    const model = buildExtractModel(await declined(rt, meeting.id), { item: 2 }, TODAY);
    const docx = await renderExtractDocx(model);
    save('extract-item2.docx', docx);
    save('extract-item2.html', renderExtractHtml(model));
    const text = docxText(docx);
    expectInOrder(text, [
      'ОБЛАСНА ВІЙСЬКОВА АДМІНІСТРАЦІЯ',
      'ВИТЯГ З ПРОТОКОЛУ',
      '11.06.2026',
      '№ 2',
      'засідання обласної координаційної ради',
      'Голова — ',
      'Секретар — ',
      'Присутні: 7 членів із 8.',
      '2. СЛУХАЛИ: Про стан протидії торгівлі людьми',
      'ВИСТУПИЛИ:',
      'УХВАЛИЛИ:',
      '2.1. Інформацію взяти до відома.',
      '2.2. Оприлюднити',
      'Згідно з оригіналом',
      'Секретар',
      'Наталія КОВАЛЬ',
      '20.11.2026',
    ]);
    expect(text).not.toContain(CARRY_OVER_TITLE);
    expect(text).not.toContain('1.1.');
    expect(text).not.toContain('ПОРЯДОК ДЕННИЙ');
    expect(text).not.toContain('Шевчук А. П.');
    expect(htmlText(renderExtractHtml(model))).not.toContain(CARRY_OVER_TITLE);
  });

  it('an executor’s extract holds only the decisions that give it an assignment', async () => {
    const { rt, org, meeting } = await sampleMeeting();
    // The children's service is only a co-executor of 2.2; the centre of social services leads the reviewed assignment.
    const forCo = buildExtractModel(await declined(rt, meeting.id), { organisationId: org('ССД ОВА') });
    const text = docxText(await renderExtractDocx(forCo));
    save('extract-executor.docx', await renderExtractDocx(forCo));
    expectInOrder(text, ['ВИТЯГ З ПРОТОКОЛУ', '2. СЛУХАЛИ:', '2.2. Оприлюднити', 'співвиконавці: ', 'Служба у справах дітей', 'Згідно з оригіналом']);
    expect(text).not.toContain('2.1.');
    expect(text).not.toContain(CARRY_OVER_TITLE);

    const forLead = docxText(await renderExtractDocx(buildExtractModel(await declined(rt, meeting.id), { organisationId: org('ОЦСС') })));
    expectInOrder(forLead, ['1. СЛУХАЛИ:', 'Провести навчання для фахівців громад', '1.1. Доручення п. 2.2 протоколу № 1/2026 залишити на контролі.']);
    expect(forLead).not.toContain('2. СЛУХАЛИ:');

    const uninvolved = buildExtractModel(await declined(rt, meeting.id), { organisationId: org('ОЦЗ') });
    expect(uninvolved.items).toEqual([]);
  });
});


describe('documents:minutes channel', () => {
  it('returns the DOCX and the print HTML, audits each export, and refuses an unknown item', async () => {
    const { adminRuntime, call, failure } = await import('../fixtures/store');
    const { seatGroup, holdMeeting } = await import('../fixtures/meetings');
    const rt = await adminRuntime();
    await seatGroup(rt);
    const meeting = await holdMeeting(rt, '2026-03-12', 6);
    const docx = await call(rt, 'meetings:minutes', { meetingId: meeting.id, format: 'docx' });
    expect(docx.fileName).toBe('protokol-2026-01.docx');
    const xml = new TextDecoder().decode(unzipSync(Buffer.from(docx.base64, 'base64'))['word/document.xml']);
    expect(xml).toContain('ПРОТОКОЛ');
    const html = await call(rt, 'meetings:minutes', { meetingId: meeting.id, format: 'html', item: 2 });
    expect(Buffer.from(html.base64, 'base64').toString('utf8')).toContain('ВИТЯГ З ПРОТОКОЛУ');
    expect((await failure(rt, 'meetings:minutes', { meetingId: meeting.id, format: 'docx', item: 9 })).code).toBe('NOT_FOUND');
    const events = (await call(rt, 'audit:list', {})).rows.filter((r) => r.action.startsWith('document.'));
    expect(events.map((e) => e.action)).toEqual(['document.extract', 'document.minutes']);
  });
});

describe('documents:notice channel', () => {
  it('announces date, time, place and the agenda with rapporteurs, signed by the secretary', async () => {
    const { adminRuntime, call } = await import('../fixtures/store');
    const { seatGroup, holdMeeting } = await import('../fixtures/meetings');
    const rt = await adminRuntime();
    await seatGroup(rt);
    const meeting = await holdMeeting(rt, '2026-03-12', 6);
    const file = await call(rt, 'meetings:notice', { meetingId: meeting.id, format: 'docx' });
    expect(file.fileName).toBe('povidomlennia-2026-01.docx');
    const xml = new TextDecoder().decode(unzipSync(Buffer.from(file.base64, 'base64'))['word/document.xml']);
    const text = xml.replace(/<[^>]+>/g, '');
    const order = ['ПОВІДОМЛЕННЯ', 'про засідання № 1', 'Повідомляємо, що 12.03.2026 о 10:00', 'Місце проведення', 'ПОРЯДОК ДЕННИЙ', '1. Про стан виконання доручень', '2. Про стан протидії торгівлі людьми', 'Доповідач — ', 'Наталія КОВАЛЬ'];
    let at = -1;
    for (const part of order) {
      const next = text.indexOf(part, at + 1);
      expect(next, part).toBeGreaterThan(at);
      at = next;
    }
    if (process.env.ZLAGODA_SAMPLES_DIR) writeFileSync(join(process.env.ZLAGODA_SAMPLES_DIR, 'notice.docx'), Buffer.from(file.base64, 'base64'));
  });
});

describe('PDF export', () => {
  it('prints the very print HTML to PDF and audits it; without a printer it says so and audits nothing', async () => {
    const { adminRuntime, call, failure } = await import('../fixtures/store');
    const { seatGroup, holdMeeting } = await import('../fixtures/meetings');
    const printed: string[] = [];
    const rt = await adminRuntime({ pdf: { print: async (html) => (printed.push(html), Buffer.from('%PDF-1.7 printed', 'latin1')) } });
    await seatGroup(rt);
    const meeting = await holdMeeting(rt, '2026-03-12', 6);
    const pdf = await call(rt, 'meetings:minutes', { meetingId: meeting.id, format: 'pdf' });
    expect(pdf).toMatchObject({ fileName: 'protokol-2026-01.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(pdf.base64, 'base64').toString('latin1')).toBe('%PDF-1.7 printed');
    const html = await call(rt, 'meetings:minutes', { meetingId: meeting.id, format: 'html' });
    expect(printed[0]).toBe(Buffer.from(html.base64, 'base64').toString('utf8'));
    expect((await call(rt, 'meetings:notice', { meetingId: meeting.id, format: 'pdf' })).fileName).toBe('povidomlennia-2026-01.pdf');
    expect(printed[1]).toContain('ПОВІДОМЛЕННЯ');
    const audited = (await call(rt, 'audit:list', {})).rows.filter((r) => r.action.startsWith('document.'));
    expect(audited.map((e) => e.action)).toEqual(['document.notice', 'document.minutes', 'document.minutes']);

    const plain = await adminRuntime();
    await seatGroup(plain);
    const other = await holdMeeting(plain, '2026-03-12', 6);
    expect((await failure(plain, 'meetings:minutes', { meetingId: other.id, format: 'pdf' })).code).toBe('PDF_UNAVAILABLE');
    expect((await call(plain, 'audit:list', {})).rows.filter((r) => r.action.startsWith('document.'))).toEqual([]);
  });
});
