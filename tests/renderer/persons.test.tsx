import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PersonFile, PersonRow, ReferralSummary, TimelineEntry } from '../../src/shared/domain/referrals';
import { fail, fakeBridge, renderApp, sessionOf, unlockedShell, type Handlers } from './fake-api';
import { dataRows, describedText, fixToday, organisation, organisationOptionsOf, PARAMETERS, pick, typeDate } from './samples';
import { pickTerritory } from './territory-samples';

fixToday();

const ORGANISATIONS = [
  organisation('o-police', 'Головне управління Національної поліції в Полтавській області', { shortName: 'ГУНП', type: 'police' }),
  organisation('o-css', 'Полтавський обласний центр соціальних служб', { shortName: 'ОЦСС', type: 'social_services_centre', nrmSubject: true, services: ['social', 'psychological'] }),
];

const ROWS: PersonRow[] = [
  { id: 'p-1', code: 'ОС-7K2M-Q9XD', identifiedOn: '2026-03-02', identifiedByName: 'ГУНП', cases: 0, openReferrals: 2 },
  { id: 'p-2', code: 'ОС-3F8A-PQ2N', identifiedOn: null, identifiedByName: '', cases: 1, openReferrals: 0 },
];

function referral(id: string, overrides: Partial<ReferralSummary> = {}): ReferralSummary {
  return {
    id,
    personId: 'p-1',
    code: 'ОС-7K2M-Q9XD',
    number: '12/2026',
    toOrganisationId: 'o-css',
    toName: 'ОЦСС',
    needs: ['psychological'],
    urgency: 'normal',
    state: 'sent',
    sentOn: '2026-03-05',
    dueKind: 'answer',
    dueOn: '2026-03-12',
    daysLeft: 2,
    consentRevoked: false,
    ...overrides,
  };
}

function entry(date: string, kind: TimelineEntry['kind'], overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return { date, kind, recordId: `r-${date}-${kind}`, referralId: null, caseId: null, event: null, services: [], organisationName: '', detail: '', text: '', ...overrides };
}

/** An adult identified by the police on 02.03.2026, assessed, consenting, referred once, unless told otherwise. */
function personFile(overrides: Partial<PersonFile> = {}): PersonFile {
  return {
    id: 'p-1',
    code: 'ОС-7K2M-Q9XD',
    child: false,
    incapable: false,
    adultOn: '2016-05-01',
    anonymised: false,
    identification: { identifiedOn: '2026-03-02', identifiedByOrganisationId: 'o-police', identifiedByName: 'ГУНП', identifiedKatottg: 'UA53080370010073240' },
    cases: [],
    assessments: [{ id: 'a-1', date: '2026-03-03', assessedBy: 'Гнатюк М. І.', needs: ['psychological', 'legal'], urgency: 'urgent', notes: '', referrals: 1 }],
    consents: [
      {
        id: 'k-1',
        date: '2026-03-04',
        form: 'written',
        witness: '',
        givenBy: 'person',
        organisations: [{ id: 'o-css', name: 'ОЦСС' }],
        organisationTypes: [],
        categories: ['needs'],
        validUntil: null,
        note: '',
        revokedOn: null,
        revocationNote: '',
        active: true,
      },
    ],
    services: [],
    referrals: [referral('ref-1')],
    timeline: [
      entry('2026-03-02', 'identified', { organisationName: 'ГУНП' }),
      entry('2026-03-03', 'assessment', { services: ['psychological', 'legal'] }),
      entry('2026-03-05', 'referral', { referralId: 'ref-1', event: 'send', services: ['psychological'], organisationName: 'ОЦСС', detail: '12/2026' }),
      entry('2026-03-06', 'referral', { referralId: 'ref-1', event: 'decline', organisationName: 'ОЦСС', detail: 'no_capacity' }),
      entry('2026-03-07', 'case_step', { caseId: 'c-1', event: 'interview' }),
    ],
    ...overrides,
  };
}

function officer(extra: Handlers = {}, session = sessionOf(['case_officer'])): Handlers {
  return {
    ...unlockedShell(session),
    'persons:list': () => ({ total: 2, rows: ROWS }),
    'persons:get': () => personFile(),
    'organisations:options': () => organisationOptionsOf(ORGANISATIONS),
    'parameters:get': () => PARAMETERS,
    ...extra,
  };
}

async function openPersons() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Особи' }));
  const table = await screen.findByRole('table', { name: 'Особи' });
  return { user, table };
}

async function openFile(handlers: Handlers) {
  const bridge = fakeBridge(handlers);
  renderApp(bridge);
  const { user, table } = await openPersons();
  await user.click(dataRows(table)[0]!);
  await screen.findByRole('heading', { level: 1, name: 'Особа ОС-7K2M-Q9XD' });
  return { user, bridge };
}

const section = (name: string) => screen.getByRole('region', { name });

describe('the list of people', () => {
  it('shows codes, who identified them, cases and open referrals, never a name; filters by code and «лише без справи»', async () => {
    const bridge = fakeBridge(officer());
    renderApp(bridge);
    const { user, table } = await openPersons();
    const [first, second] = dataRows(table);
    expect(first!.textContent).toBe('ОС-7K2M-Q9XD02.03.2026ГУНПнемає2');
    expect(second!.textContent).toBe('ОС-3F8A-PQ2Nне вказаноне вказано10');
    expect(screen.getByText('Показано 1–2 з 2')).toBeTruthy();

    const last = () => bridge.callsOf('persons:list').at(-1);
    expect(last()).toEqual({ query: '', withoutCase: false, offset: 0, limit: 50 });
    await user.click(screen.getByRole('switch', { name: 'Лише без справи' }));
    await waitFor(() => expect(last()).toEqual({ query: '', withoutCase: true, offset: 0, limit: 50 }));
    await user.type(screen.getByRole('textbox', { name: 'Код особи' }), 'q9x');
    await waitFor(() => expect(last()).toEqual({ query: 'q9x', withoutCase: true, offset: 0, limit: 50 }));
  });

  it('records a presumed victim with who identified them, sends the channel its input, and opens the file by code', async () => {
    const recorded = personFile({ id: 'p-9', code: 'ОС-9Z1B-W4HT', assessments: [], consents: [], referrals: [], timeline: [] });
    const bridge = fakeBridge(officer({ 'persons:record': () => recorded, 'persons:get': () => recorded }));
    renderApp(bridge);
    const { user } = await openPersons();
    await user.click(screen.getByRole('button', { name: 'Внести ймовірно постраждалу особу' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ймовірно постраждала особа' });
    await user.type(within(dialog).getAllByRole('textbox', { name: /^Прізвище/ })[0]!, 'Коваленко');
    await user.type(within(dialog).getByRole('textbox', { name: /^Ім’я/ }), 'Марина');
    await pick(user, /^Стать/, 'жіноча', dialog);
    const identifiedOn = within(dialog).getByRole('textbox', { name: /^Дата виявлення/ });
    // A day still to come is refused before anything is sent.
    await typeDate(user, identifiedOn, '11.03.2026');
    await user.click(within(dialog).getByRole('button', { name: 'Внести особу' }));
    expect(await within(dialog).findByText('Дата ще не настала. Вкажіть сьогоднішню або минулу дату.')).toBeTruthy();
    expect(bridge.callsOf('persons:record')).toHaveLength(0);

    await typeDate(user, identifiedOn, '08.03.2026');
    await pick(user, /^Хто виявив/, /ГУНП/, dialog);
    // Found by its code as well as by its name.
    await pickTerritory(user, /^Код КАТОТТГ/, 'ua530803700100', /^м\. Полтава, Полтавська громада/, dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Внести особу' }));

    await waitFor(() => expect(bridge.callsOf('persons:record')).toHaveLength(1));
    const sent = bridge.callsOf('persons:record')[0] as { person: Record<string, unknown>; identification: unknown };
    expect(sent.identification).toEqual({ identifiedOn: '2026-03-08', identifiedByOrganisationId: 'o-police', identifiedKatottg: 'UA53080370010073240' });
    expect(sent.person).toMatchObject({ surname: 'Коваленко', givenName: 'Марина', sex: 'female', citizenship: 'UA' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Особа ОС-9Z1B-W4HT' })).toBeTruthy();
    expect(bridge.callsOf('persons:get')).toEqual([{ id: 'p-9' }]);
    // The notice names the code; the name is nowhere on the page once the form is gone.
    expect(await screen.findByText('Особу ОС-9Z1B-W4HT внесено.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.body.textContent).not.toContain('Коваленко');
  });

  it('shows no recording button to an officer who may not write personal data', async () => {
    renderApp(fakeBridge(officer({}, sessionOf(['case_officer'], { permissions: ['meetings.read', 'cases.read', 'cases.write'] }))));
    await openPersons();
    expect(screen.queryByRole('button', { name: 'Внести ймовірно постраждалу особу' })).toBeNull();
  });
});

describe('a person’s file', () => {
  it('offers for a child only the legal representative and the children’s service, with «потреби» ticked and explained', async () => {
    const { user } = await openFile(officer({ 'persons:get': () => personFile({ child: true, adultOn: '2027-06-01' }) }));
    expect(screen.getByText('Дитина')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Внести згоду' }));
    const form = await screen.findByRole('form', { name: 'Внести згоду' });
    const givers = within(within(form).getByRole('radiogroup', { name: /^Хто дав згоду/ })).getAllByRole('radio');
    expect(givers.map((r) => r.getAttribute('value'))).toEqual(['representative', 'children_service']);
    expect(within(form).getByRole('radio', { name: 'законний представник' })).toHaveProperty('checked', true);
    expect(within(form).queryByRole('radio', { name: 'особа' })).toBeNull();
    expect(within(form).getByText('За дитину згоду дає законний представник або служба у справах дітей.')).toBeTruthy();
    const needs = within(form).getByRole('checkbox', { name: 'потреби' }) as HTMLInputElement;
    expect(needs.checked).toBe(true);
    expect(within(form).getByText('Без «потреб» жодне направлення не можна надіслати: потреби передаються з кожним направленням.')).toBeTruthy();
  });

  it('offers the givers the person’s age allowed on the consent’s date, not today', async () => {
    // Of age since 01.02.2026: a consent given in January was a child's.
    const { user } = await openFile(officer({ 'persons:get': () => personFile({ adultOn: '2026-02-01' }) }));
    await user.click(screen.getByRole('button', { name: 'Внести згоду' }));
    const form = await screen.findByRole('form', { name: 'Внести згоду' });
    const givers = () => within(within(form).getByRole('radiogroup', { name: /^Хто дав згоду/ })).getAllByRole('radio').map((r) => r.getAttribute('value'));
    expect(givers()).toEqual(['person']);
    await typeDate(user, within(form).getByRole('textbox', { name: /^Дата згоди/ }), '15.01.2026');
    await waitFor(() => expect(givers()).toEqual(['representative', 'children_service']));
    expect(within(form).getByRole('radio', { name: 'законний представник' })).toHaveProperty('checked', true);
  });

  it('asks for the witness of an oral consent before sending, then sends the consent as the channel takes it', async () => {
    const { user, bridge } = await openFile(officer({ 'persons:saveConsent': () => personFile() }));
    await user.click(screen.getByRole('button', { name: 'Внести згоду' }));
    const form = await screen.findByRole('form', { name: 'Внести згоду' });
    // A capable adult consents personally: the one choice the rule leaves.
    const adult = within(within(form).getByRole('radiogroup', { name: /^Хто дав згоду/ })).getAllByRole('radio');
    expect(adult.map((r) => r.getAttribute('value'))).toEqual(['person']);
    await user.click(within(form).getByRole('radio', { name: 'усна, у присутності свідка' }));
    await pick(user, /^Кому можна передавати: види організацій/, 'Центр соціальних служб', form);
    await user.click(within(form).getByRole('button', { name: 'Зберегти' }));
    const witness = await within(form).findByRole('textbox', { name: /^Свідок усної згоди/ });
    await waitFor(() => expect(witness.getAttribute('aria-invalid')).toBe('true'));
    expect(describedText(witness)).toContain('Заповніть це поле.');
    expect(bridge.callsOf('persons:saveConsent')).toHaveLength(0);

    await user.type(witness, 'Савченко І. М.');
    await user.click(within(form).getByRole('checkbox', { name: 'дата народження' }));
    await user.click(within(form).getByRole('button', { name: 'Зберегти' }));
    await waitFor(() =>
      expect(bridge.callsOf('persons:saveConsent')).toEqual([
        {
          personId: 'p-1',
          date: '2026-03-10',
          form: 'oral',
          witness: 'Савченко І. М.',
          givenBy: 'person',
          organisationIds: [],
          organisationTypes: ['social_services_centre'],
          categories: ['needs', 'birth_date'],
          validUntil: null,
          note: '',
        },
      ]),
    );
  });

  it('says a server refusal in a sentence that says what to do', async () => {
    const { user, bridge } = await openFile(
      officer({
        // The file says the person was declared incapable; the main process, having it corrected since, disagrees.
        'persons:get': () => personFile({ incapable: true }),
        'persons:saveConsent': () => fail('INVALID_STATE', { reason: 'consent_adult_giver' }),
        'persons:revokeConsent': () => fail('INVALID_STATE', { reason: 'before_consent' }),
        'persons:saveAssessment': () => fail('INVALID_STATE', { reason: 'assessment_needs_in_use', services: ['legal'] }),
      }),
    );
    // A consent given by the wrong person.
    await user.click(screen.getByRole('button', { name: 'Внести згоду' }));
    const consent = await screen.findByRole('form', { name: 'Внести згоду' });
    expect(within(within(consent).getByRole('radiogroup', { name: /^Хто дав згоду/ })).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['representative']);
    await user.click(within(consent).getByRole('radio', { name: 'законний представник' }));
    await pick(user, /^Кому можна передавати: організації/, /ОЦСС/, consent);
    await user.click(within(consent).getByRole('button', { name: 'Зберегти' }));
    expect((await within(consent).findByRole('alert')).textContent).toBe(
      'Повнолітня дієздатна особа дає згоду сама. Оберіть «особа»; якщо особу визнано недієздатною, позначте це в картці особи.',
    );
    expect(bridge.callsOf('persons:saveConsent')[0]).toMatchObject({ givenBy: 'representative', organisationIds: ['o-css'] });

    // A revocation dated before the consent, with the consent's date from the screen.
    await user.click(screen.getByRole('button', { name: 'Відкликати згоду від 04.03.2026' }));
    const revoke = await screen.findByRole('dialog', { name: 'Відкликати згоду від 04.03.2026' });
    expect(revoke.textContent).toContain('Направлення, надіслані на підставі цієї згоди і ще не завершені, більше нічого не передаватимуть');
    await typeDate(user, within(revoke).getByRole('textbox', { name: /^Дата відкликання/ }), '01.03.2026');
    await user.click(within(revoke).getByRole('button', { name: 'Відкликати згоду' }));
    expect((await within(revoke).findByRole('alert')).textContent).toBe('Дата відкликання раніше за дату згоди (04.03.2026). Вкажіть дату від дня згоди.');
    expect(bridge.callsOf('persons:revokeConsent')).toEqual([{ consentId: 'k-1', date: '2026-03-01', note: '' }]);
    await user.click(within(revoke).getByRole('button', { name: 'Скасувати' }));

    // An assessment whose needs a referral was made for.
    await user.click(screen.getByRole('button', { name: 'Виправити оцінку від 03.03.2026' }));
    const assessment = await screen.findByRole('form', { name: 'Оцінка потреб' });
    expect(describedText(within(assessment).getByRole('textbox', { name: /^Потреби/ }))).toContain('потреби можна додати, але не прибрати');
    await user.click(within(assessment).getByRole('button', { name: 'Зберегти' }));
    expect((await within(assessment).findByRole('alert')).textContent).toBe(
      'За цією оцінкою вже надіслано направлення щодо потреб: правова допомога (зокрема безоплатна правнича). Їх не можна прибрати з оцінки — поверніть їх; нові потреби додавати можна.',
    );
    expect(bridge.callsOf('persons:saveAssessment')[0]).toMatchObject({ id: 'a-1', personId: 'p-1', needs: ['psychological', 'legal'], urgency: 'urgent' });
  });

  it('reads the timeline in date order, one line per entry in the interface’s words, and prints it for a case conference', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const { user, bridge } = await openFile(
      officer({ 'persons:timelineDocument': () => ({ fileName: 'Хронологія_ОС-7K2M-Q9XD.pdf', mimeType: 'application/pdf', base64: 'JVBERi0=' }) }),
    );
    const lines = within(screen.getByRole('list', { name: 'Хронологія' })).getAllByRole('listitem');
    expect(lines.map((li) => li.textContent)).toEqual([
      '02.03.2026 — Виявлення — ГУНП',
      '03.03.2026 — Оцінка потреб — психологічна допомога, правова допомога (зокрема безоплатна правнича)',
      '05.03.2026 — Направлення: надіслано — психологічна допомога — ОЦСС — 12/2026',
      '06.03.2026 — Направлення: відхилено отримувачем — ОЦСС — немає вільних місць чи спроможності',
      '07.03.2026 — Справа щодо статусу: Співбесіда',
    ]);

    await user.click(within(section('Хронологія')).getByRole('button', { name: 'Друкувати для розгляду випадку' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Хронологія для розгляду випадку — PDF', hidden: true }));
    await waitFor(() => expect(bridge.callsOf('persons:timelineDocument')).toEqual([{ personId: 'p-1', format: 'pdf' }]));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('Файл «Хронологія_ОС-7K2M-Q9XD.pdf» збережено.')).toBeTruthy();
    click.mockRestore();
  });

  it('lists the person’s referrals, links the name card and the cases, and corrects the identification', async () => {
    const saved = personFile({ identification: { identifiedOn: '2026-03-01', identifiedByOrganisationId: 'o-police', identifiedByName: 'ГУНП', identifiedKatottg: 'UA53080370010073240' } });
    const { user, bridge } = await openFile(
      officer({
        'persons:get': () => personFile({ cases: [{ id: 'c-1', registrationNumber: '14', registrationDate: '2026-03-07', state: 'open' }] }),
        'persons:saveIdentification': () => saved,
        'cases:person': () => fail('NOT_FOUND'),
        'cases:anonymisable': () => [],
      }),
    );
    const referrals = within(section('Направлення')).getByRole('table', { name: 'Направлення' });
    const [row] = dataRows(referrals);
    expect(row!.textContent).toBe('12/2026ОЦССпсихологічна допомоганадіслановідповідь до 12.03.2026залишилося 2 дні');
    expect(within(section('Справи щодо статусу')).getByRole('button', { name: '№ 14 від 07.03.2026' })).toBeTruthy();

    const identification = within(section('Виявлення'));
    await waitFor(() => expect(identification.getByRole('textbox', { name: /^Код КАТОТТГ/ })).toHaveProperty('value', 'м. Полтава, Полтавська громада, Полтавський район, Полтавська область'));
    expect(identification.getByText('UA53080370010073240')).toBeTruthy();
    await typeDate(user, identification.getByRole('textbox', { name: /^Дата виявлення/ }), '01.03.2026');
    await user.click(identification.getByRole('button', { name: 'Зберегти' }));
    await waitFor(() =>
      expect(bridge.callsOf('persons:saveIdentification')).toEqual([
        { personId: 'p-1', identification: { identifiedOn: '2026-03-01', identifiedByOrganisationId: 'o-police', identifiedKatottg: 'UA53080370010073240' } },
      ]),
    );
    expect(await screen.findByText('Відомості про виявлення збережено.')).toBeTruthy();

    // The name is on the status cases' person card, opened by the person's id.
    await user.click(screen.getByRole('button', { name: 'Картка особи' }));
    await waitFor(() => expect(bridge.callsOf('cases:person')).toEqual([{ id: 'p-1' }]));
  });

  it('shows the file to a reader without forms, without the name card, and says why an anonymised file takes nothing new', async () => {
    await openFile(officer({ 'persons:get': () => personFile({ anonymised: true }) }, sessionOf(['case_officer'], { permissions: ['meetings.read', 'cases.read'] })));
    expect(screen.getByText('Дані особи знеособлено: нові записи вносити не можна.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Картка особи' })).toBeNull();
    for (const name of ['Внести оцінку потреб', 'Внести згоду', 'Внести отриману допомогу', 'Нове направлення', 'Зберегти']) {
      expect(screen.queryByRole('button', { name }), name).toBeNull();
    }
    expect(screen.getByRole('button', { name: 'Друкувати для розгляду випадку' })).toBeTruthy();
  });

  it('speaks English when the interface does: the nav, the timeline’s words and the refusal sentences', async () => {
    const bridge = fakeBridge(officer({ 'persons:saveAssessment': () => fail('INVALID_STATE', { reason: 'future_date' }) }));
    renderApp(bridge, 'en');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'People' }));
    await user.click(dataRows(await screen.findByRole('table', { name: 'People' }))[0]!);
    await screen.findByRole('heading', { level: 1, name: 'Person ОС-7K2M-Q9XD' });
    const lines = within(screen.getByRole('list', { name: 'Timeline' })).getAllByRole('listitem');
    expect(lines.map((li) => li.textContent)[3]).toBe('06.03.2026 — Referral: declined by the recipient — ОЦСС — no capacity');
    expect(lines.map((li) => li.textContent)[4]).toBe('07.03.2026 — Status case: Interview');
    await user.click(screen.getByRole('button', { name: 'Record a needs assessment' }));
    const form = await screen.findByRole('form', { name: 'Needs assessment' });
    await pick(user, /^Needs/, 'medical assistance', form);
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('The date has not come yet. Records are made after the event: give today’s or a past date.');
  });
});
