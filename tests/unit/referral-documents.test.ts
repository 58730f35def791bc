import { describe, expect, it } from 'vitest';
import { DECLINE_REASON_WORDS, OUTCOME_WORDS, SERVICE_WORDS } from '../../src/shared/domain/referral-codes';
import type { Disclosure, TimelineEntry } from '../../src/shared/domain/referrals';
import { pack } from '../../src/main/documents/minutes/minutes.docx';
import type { Block } from '../../src/main/documents/minutes/minutes.model';
import { referralDocumentBlocks, REFERRAL_DOCUMENT_SPECS, TIMELINE_TITLE, timelineDocumentBlocks } from '../../src/main/documents/referrals/referral-documents';
import { WITHHELD_LINE, type ReferralLetterData } from '../../src/main/documents/referrals/referral-letter';
import type { TimelineDocumentData } from '../../src/main/documents/referrals/timeline';
import { docxText } from '../fixtures/docx';

const LETTERHEAD = {
  body: 'Полтавська обласна військова адміністрація',
  unit: 'Департамент соціального захисту населення',
  address: 'вул. Соборності, 45, м. Полтава, 36000',
  phone: '(0532) 56-00-00',
  email: 'dszn@poltava-ova.gov.ua',
  code: '12345678',
  signerPosition: 'Директор департаменту',
  signerName: 'Олена ПЕТРЕНКО',
};

/** Strings found nowhere else in the documents, so finding one means it leaked. */
const PLANTED = {
  surname: 'Зорепадна',
  name: 'Зорепадна Віталіна Орестівна',
  phone: '+380 67 314 15 92',
  email: 'vitalina.zorepad@example.org',
  address: 'вул. Вигадана, 77, с. Уявне',
  languages: 'ромська, українська',
  birthDate: '1999-03-27',
  representative: 'Зорепадний Орест Ілліч',
  circumstances: 'Утримувалася на птахофермі під Сандомиром з березня',
  document: 'довідка лікарні Х-4711 про огляд',
};

const BROAD: Disclosure = {
  code: 'PL-2026-0042',
  number: '12/2026',
  fromName: 'Департамент соціального захисту населення Полтавської ОВА',
  toName: 'Полтавський обласний центр соціальних служб',
  needs: ['psychological', 'accommodation', 'legal'],
  urgency: 'urgent',
  child: true,
  name: PLANTED.name,
  contacts: { phone: PLANTED.phone, email: PLANTED.email, address: PLANTED.address, languages: PLANTED.languages, interpreterNeeded: true },
  representative: { name: PLANTED.representative, relation: 'батько', contacts: '+380 50 271 82 81' },
  birthDate: PLANTED.birthDate,
  circumstances: PLANTED.circumstances,
  documents: [PLANTED.document],
  officerName: 'Савченко Ірина Миколаївна',
  officerContact: 'тел. (0532) 56-01-23, savchenko@poltava-ova.gov.ua',
  answerDueOn: '2026-11-13',
  withheld: [],
};

const NARROW: Disclosure = {
  ...BROAD,
  child: false,
  name: null,
  contacts: null,
  representative: null,
  birthDate: null,
  circumstances: null,
  documents: null,
  withheld: ['name_contacts', 'birth_date', 'circumstances', 'documents'],
};

const letterData = (disclosure: Disclosure, sentOn: string | null = '2026-11-12'): ReferralLetterData => ({ letterhead: LETTERHEAD, disclosure, sentOn, today: '2026-11-12' });

/** The documents keep «№ 12» with a no-break space; the checks read it as a space. */
const flat = (text: string): string => text.replace(/\u00a0/g, ' ');

async function docx(blocks: Block[], title: string): Promise<string> {
  return flat(docxText(await pack(blocks, title)));
}

const letter = (disclosure: Disclosure, sentOn?: string | null) => docx(referralDocumentBlocks('letter', letterData(disclosure, sentOn)), REFERRAL_DOCUMENT_SPECS.letter.title);
const acknowledgement = (disclosure: Disclosure) => docx(referralDocumentBlocks('acknowledgement', letterData(disclosure)), REFERRAL_DOCUMENT_SPECS.acknowledgement.title);

/** Every planted string in the forms a document could print it: as typed, and a date as the documents write it. */
const LEAKS = [...Object.values(PLANTED), '27.03.1999', '+380 50 271 82 81'];

describe('referral letter', () => {
  it('carries only the code, the age group, the needs, the term and the officer when the consent covers nothing more', async () => {
    const text = await letter(NARROW);
    for (const needle of [
      'НАПРАВЛЕННЯ',
      '№ 12/2026 від 12.11.2026',
      BROAD.toName,
      'ПОЛТАВСЬКА ОБЛАСНА ВІЙСЬКОВА АДМІНІСТРАЦІЯ',
      'Код особи: PL-2026-0042',
      'Вікова категорія: повнолітня особа',
      ...NARROW.needs.map((n) => SERVICE_WORDS[n].uk),
      'Терміновість: невідкладно',
      '13.11.2026',
      BROAD.officerName,
      BROAD.officerContact,
      WITHHELD_LINE,
      'Закону України «Про протидію торгівлі людьми» від 20 вересня 2011 р. № 3739-VI',
      'є конфіденційною',
      'форма відповіді на направлення',
    ])
      expect(text).toContain(needle);
    for (const leak of LEAKS) expect(text, leak).not.toContain(leak);
    // Not even the label of what was withheld: that there is something to withhold is itself a disclosure.
    for (const label of ['прізвище', 'дата народження', 'телефон', 'електронна пошта', 'адреса місця', 'законний представник', 'обставини', 'перекладач'])
      expect(text.toLocaleLowerCase('uk'), label).not.toContain(label);
    expect(text.split(WITHHELD_LINE)).toHaveLength(2);
  });

  it('carries who the person is and what the officer chose to share when the consent covers it', async () => {
    const text = await letter(BROAD);
    for (const needle of [
      `Прізвище, ім’я, по батькові: ${PLANTED.name}`,
      'Вікова категорія: дитина',
      'Дата народження: 27.03.1999',
      `Телефон: ${PLANTED.phone}`,
      `Електронна пошта: ${PLANTED.email}`,
      PLANTED.address,
      PLANTED.languages,
      'Потреба в перекладачеві: потрібен перекладач',
      `Законний представник: ${PLANTED.representative} (батько), +380 50 271 82 81`,
      PLANTED.circumstances,
      PLANTED.document,
      ...BROAD.needs.map((n) => SERVICE_WORDS[n].uk),
    ])
      expect(text).toContain(needle);
    expect(text).not.toContain(WITHHELD_LINE);
    expect(text).not.toContain('1999-03-27');
  });

  it('leaves the number and date blank for a draft', async () => {
    const text = await letter({ ...NARROW, number: '' }, null);
    expect(text).toMatch(/№ _+ від _+/);
    expect(text).not.toContain('12.11.2026');
  });
});

describe('acknowledgement form', () => {
  it('names the person by code only, even when the letter named them, and offers every coded answer', async () => {
    const text = await acknowledgement(BROAD);
    expect(text).toContain('ВІДПОВІДЬ');
    expect(text).toContain('на направлення № 12/2026 від 12.11.2026');
    expect(text).toContain('Код особи: PL-2026-0042');
    expect(text).toContain(BROAD.toName);
    for (const n of BROAD.needs) expect(text).toContain(SERVICE_WORDS[n].uk);
    for (const w of Object.values(DECLINE_REASON_WORDS)) expect(text).toContain(`☐ ${w.uk}`);
    for (const w of Object.values(OUTCOME_WORDS)) expect(text).toContain(`☐ ${w.uk}`);
    for (const needle of ['☐ направлення прийнято', '☐ у прийнятті направлення відмовлено', '☐ надання допомоги розпочато', 'Пояснення причини відмови', 'Посада', 'Підпис'])
      expect(text).toContain(needle);
    expect(text).toContain(`${BROAD.officerName}, ${BROAD.officerContact} (${BROAD.fromName})`);
    expect(text).toContain('до 13.11.2026');
    for (const leak of LEAKS) expect(text, leak).not.toContain(leak);
  });
});

const entry = (e: Partial<TimelineEntry> & Pick<TimelineEntry, 'date' | 'kind'>): TimelineEntry => ({
  recordId: `r-${e.date}-${e.kind}`,
  referralId: null,
  caseId: null,
  event: null,
  services: [],
  organisationName: '',
  detail: '',
  text: '',
  ...e,
});

const TO = 'Полтавський обласний центр соціальних служб';

/** Given out of order on purpose; each has its expected words and a note that marks its row. */
const ENTRIES: { e: TimelineEntry; words: string[] }[] = [
  { e: entry({ date: '2026-11-20', kind: 'referral', referralId: 'f1', event: 'complete', organisationName: TO, detail: 'received_part', text: 'примітка-завершення' }), words: ['Надання допомоги за направленням завершено', 'результат: допомогу отримано частково'] },
  { e: entry({ date: '2026-11-02', kind: 'identified', organisationName: 'ГУНП в Полтавській області', text: 'примітка-виявлення' }), words: ['Особу виявлено', 'ГУНП в Полтавській області'] },
  { e: entry({ date: '2026-11-03', kind: 'assessment', services: ['psychological', 'legal'], detail: 'urgent', text: 'примітка-оцінка' }), words: ['Оцінка потреб', 'потреби: психологічна допомога, правова допомога', 'терміновість: невідкладно'] },
  { e: entry({ date: '2026-11-04', kind: 'consent', detail: 'written', text: 'примітка-згода' }), words: ['Надано згоду на передавання даних', 'письмова'] },
  { e: entry({ date: '2026-11-05', kind: 'referral', referralId: 'f1', event: 'created', services: ['psychological'], organisationName: TO, text: 'примітка-створено' }), words: ['Складено направлення'] },
  { e: entry({ date: '2026-11-06', kind: 'referral', referralId: 'f1', event: 'send', organisationName: TO, detail: '12/2026', text: 'примітка-надіслано' }), words: ['Надіслано направлення', '№ 12/2026'] },
  { e: entry({ date: '2026-11-07', kind: 'referral', referralId: 'f2', event: 'decline', organisationName: 'ГО «Світанок»', detail: 'no_capacity', text: 'примітка-відхилено' }), words: ['Направлення відхилено', 'причина: немає вільних місць чи спроможності'] },
  { e: entry({ date: '2026-11-07', kind: 'referral', referralId: 'f1', event: 'accept', organisationName: TO, text: 'примітка-прийнято' }), words: ['Направлення прийнято'] },
  { e: entry({ date: '2026-11-09', kind: 'referral', referralId: 'f1', event: 'start', organisationName: TO, text: 'примітка-розпочато' }), words: ['Розпочато надання допомоги за направленням'] },
  { e: entry({ date: '2026-11-10', kind: 'case_step', caseId: 'c1', event: 'registration', detail: '7', text: 'примітка-реєстрація' }), words: ['Реєстрація заяви', '№ 7'] },
  { e: entry({ date: '2026-11-12', kind: 'service', services: ['medical'], organisationName: 'Полтавська обласна клінічна лікарня', text: 'примітка-послуга' }), words: ['Отримано допомогу', 'медична допомога'] },
  { e: entry({ date: '2026-11-14', kind: 'referral', referralId: 'f3', event: 'revoke', organisationName: 'Центр зайнятості', detail: 'person_left', text: 'примітка-відкликано' }), words: ['Направлення відкликано', 'причина: особа вибула'] },
  { e: entry({ date: '2026-11-15', kind: 'referral', referralId: 'f4', event: 'close', organisationName: 'Служба у справах дітей', text: 'примітка-закрито' }), words: ['Направлення закрито без відповіді'] },
  { e: entry({ date: '2026-11-16', kind: 'consent_revoked', text: 'примітка-згоду-відкликано' }), words: ['Згоду на передавання даних відкликано'] },
  { e: entry({ date: '2026-11-16', kind: 'referral', referralId: 'f1', event: 'consent_revoked', organisationName: TO, text: 'примітка-направлення-без-згоди' }), words: ['Згоду, на якій ґрунтувалося направлення, відкликано'] },
];

const TIMELINE: TimelineDocumentData = {
  letterhead: LETTERHEAD,
  code: 'PL-2026-0042',
  child: false,
  identification: { identifiedOn: '2026-11-02', identifiedByOrganisationId: 'o1', identifiedByName: 'ГУНП в Полтавській області', identifiedKatottg: '' },
  cases: [{ id: 'c1', registrationNumber: '7', registrationDate: '2026-11-10', state: 'open' }],
  entries: ENTRIES.map((x) => x.e),
  today: '2026-11-20',
};

describe('timeline', () => {
  it('lists every entry in its words, in date order, by code and never by name', async () => {
    const text = await docx(timelineDocumentBlocks(TIMELINE), TIMELINE_TITLE);
    for (const needle of ['ХРОНОЛОГІЯ ДОПОМОГИ', 'особі PL-2026-0042', '02.11.2026; виявив: ГУНП в Полтавській області', '№ 7 від 10.11.2026: заява розглядається', 'Сформовано 20.11.2026. Для службового користування.'])
      expect(text).toContain(needle);
    for (const { e, words } of ENTRIES) for (const w of words) expect(text, e.text).toContain(w);
    // The notes mark the rows: they must come in date order, a day's entries in the order recorded.
    const sorted = ENTRIES.map((x) => x.e)
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.date.localeCompare(b.e.date) || a.i - b.i)
      .map(({ e }) => e.text);
    const positions = sorted.map((note) => text.indexOf(note));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(text.indexOf('примітка-відхилено')).toBeLessThan(text.indexOf('примітка-прийнято'));
    for (const leak of LEAKS) expect(text, leak).not.toContain(leak);
    expect(text.toLocaleLowerCase('uk')).not.toContain('прізвище');
  });

  it('says so when nothing was recorded', async () => {
    const text = await docx(timelineDocumentBlocks({ ...TIMELINE, entries: [], cases: [], identification: { identifiedOn: null, identifiedByOrganisationId: null, identifiedByName: '', identifiedKatottg: '' } }), TIMELINE_TITLE);
    expect(text).toContain('Записів немає.');
    expect(text).toContain('не порушувалися');
  });
});
