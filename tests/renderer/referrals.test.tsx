import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ReferralDraft, ReferralFilter } from '../../src/shared/domain/referrals';
import { fakeBridge, renderApp, sessionOf, unlockedShell, type Handlers } from './fake-api';
import { personFile, referralPreview, referralRecord, referralSummary } from './referral-samples';
import { dataRows, fixToday, optionsOf, organisation, organisationOptionsOf, PARAMETERS } from './samples';

fixToday();

const ODA = organisation('o-oda', 'Полтавська обласна військова адміністрація', { type: 'state_admin' });
const CENTRE = organisation('o-centre', 'Полтавський обласний центр соціальних служб', { type: 'social_services_centre', nrmSubject: true });
const SHELTER = organisation('o-shelter', 'Притулок «Надія»', { type: 'ngo', nrmSubject: true });
const NOT_SUBJECT = organisation('o-shop', 'ТОВ «Ромашка»', { type: 'other' });
const ORGANISATIONS = organisationOptionsOf([NOT_SUBJECT, ODA, CENTRE, SHELTER]);

const ROWS = [
  referralSummary('r-late', { code: 'ОС-3F8A-PQ2N', number: '9/2026', dueOn: '2026-03-08', daysLeft: -2, urgency: 'urgent', consentRevoked: true }),
  referralSummary('r-soon', { code: 'ОС-7K2M-Q9XD', number: '12/2026', state: 'accepted', dueKind: 'service', dueOn: '2026-03-13', daysLeft: 3 }),
];

function officer(extra: Handlers = {}, session = sessionOf(['case_officer'])): Handlers {
  return {
    ...unlockedShell(session),
    'referrals:list': () => ({ total: 2, rows: ROWS }),
    'parameters:get': () => PARAMETERS,
    'organisations:options': () => ORGANISATIONS,
    ...extra,
  };
}

async function openReferrals() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Направлення' }));
  const table = await screen.findByRole('table', { name: 'Направлення' });
  return { user, table };
}

/** Opens the first row's card and waits for its title. */
async function openCard(title: string) {
  const { user, table } = await openReferrals();
  await user.click(dataRows(table)[0]!);
  await screen.findByRole('heading', { level: 1, name: title });
  return { user };
}

const actionsOf = () => within(screen.getByRole('region', { name: 'Дії' }));

describe('the referral list', () => {
  it('names the person by code only, with recipient, needs, urgency, state and what is awaited (overdue in red)', async () => {
    renderApp(fakeBridge(officer()));
    const { table } = await openReferrals();
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Номер', 'Код особи', 'Отримувач', 'Потреби', 'Терміновість', 'Стан', 'Очікується', 'Залишилося']);
    const [late, soon] = dataRows(table);
    expect(late!.textContent).toContain('№ 9/2026');
    expect(late!.textContent).toContain('ОС-3F8A-PQ2N');
    expect(late!.textContent).toContain('Полтавський обласний центр соціальних служб');
    expect(late!.textContent).toContain('психологічна допомога');
    expect(late!.textContent).toContain('невідкладно');
    expect(late!.textContent).toContain('Згоду відкликано');
    expect(late!.textContent).toContain('відповідь до 08.03.2026');
    expect(within(late!).getByText('прострочено на 2 дні').getAttribute('style')).toContain('red');
    expect(soon!.textContent).toContain('допомога до 13.03.2026');
    expect(soon!.textContent).toContain('прийнято');
    expect(soon!.textContent).not.toContain('Згоду відкликано');
  });

  it('asks the main process for one page under the filters: states, overdue, recipient, service, a code typed in part', async () => {
    const bridge = fakeBridge(officer({ 'referrals:list': () => ({ total: 120, rows: ROWS }) }));
    renderApp(bridge);
    const { user } = await openReferrals();
    const last = () => bridge.callsOf('referrals:list').at(-1) as ReferralFilter;
    expect(last()).toEqual({ overdue: false, query: '', offset: 0, limit: 50 });

    await user.click(screen.getByRole('switch', { name: 'Лише прострочені' }));
    await waitFor(() => expect(last().overdue).toBe(true));
    await user.click(screen.getByRole('textbox', { name: 'Стан направлення' }));
    await user.click(optionsOf('Стан направлення').getByRole('option', { name: 'надіслано', hidden: true }));
    await waitFor(() => expect(last().states).toEqual(['sent']));
    await user.click(screen.getByRole('textbox', { name: 'Отримувач' }));
    // Only subjects of the mechanism are recipients.
    expect(optionsOf('Отримувач').queryByRole('option', { name: 'ТОВ «Ромашка»', hidden: true })).toBeNull();
    await user.click(optionsOf('Отримувач').getByRole('option', { name: 'Притулок «Надія»', hidden: true }));
    await waitFor(() => expect(last().organisationId).toBe('o-shelter'));
    await user.click(screen.getByRole('textbox', { name: 'Послуга' }));
    await user.click(optionsOf('Послуга').getByRole('option', { name: 'правова допомога (зокрема безоплатна правнича)', hidden: true }));
    await waitFor(() => expect(last().service).toBe('legal'));
    await user.type(screen.getByRole('textbox', { name: 'Код особи або номер направлення' }), '7k2');
    await waitFor(() => expect(last().query).toBe('7k2'));

    await user.click(screen.getByRole('button', { name: 'Сторінка 2' }));
    await waitFor(() =>
      expect(last()).toEqual({ states: ['sent'], organisationId: 'o-shelter', service: 'legal', overdue: true, query: '7k2', offset: 50, limit: 50 }),
    );
  });
});

describe('a new referral', () => {
  it('offers only the latest assessment’s needs, suggests providers nearest first, and saves a draft that opens its card', async () => {
    const saved = referralRecord('r-new');
    const bridge = fakeBridge(
      officer({
        'referrals:list': () => ({ total: 0, rows: [] }),
        'persons:list': () => ({ total: 1, rows: [{ id: 'p-1', code: 'ОС-7K2M-Q9XD', identifiedOn: '2026-02-20', identifiedByName: '', cases: 0, openReferrals: 0 }] }),
        'persons:get': () => personFile('p-1'),
        'referrals:suggest': ({ service }) =>
          service === 'psychological'
            ? [
                { id: 'o-shelter', name: 'Притулок «Надія»', shortName: '', type: 'ngo', territoryName: 'м. Полтава', nearness: 4, serves: false },
                { id: 'o-far', name: 'Центр у Києві', shortName: '', type: 'ngo', territoryName: 'м. Київ', nearness: 0, serves: true },
                { id: 'o-centre', name: 'Полтавський обласний центр соціальних служб', shortName: '', type: 'social_services_centre', territoryName: 'Полтавська область', nearness: 1, serves: true },
              ]
            : [],
        'referrals:save': () => saved,
        'referrals:get': () => saved,
        'referrals:preview': () => referralPreview(),
      }),
    );
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Направлення' }));
    await user.click(await screen.findByRole('button', { name: 'Нове направлення' }));
    const dialog = await screen.findByRole('dialog', { name: 'Нове направлення' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Код особи/ }), '7K2');
    await user.click(await within(dialog).findByRole('button', { name: /ОС-7K2M-Q9XD/ }));

    const form = await screen.findByTestId('referral-form');
    expect(screen.getByRole('heading', { level: 1, name: 'Нове направлення: ОС-7K2M-Q9XD' })).toBeTruthy();
    // The latest assessment, its urgency, and the first regional administration as the sender.
    expect((within(form).getByRole('textbox', { name: /^Оцінка потреб/ }) as HTMLInputElement).value).toBe('від 05.03.2026 (Савченко Ірина)');
    expect((within(form).getByRole('textbox', { name: /^Терміновість/ }) as HTMLInputElement).value).toBe('невідкладно');
    expect((within(form).getByRole('textbox', { name: /^Хто направляє/ }) as HTMLInputElement).value).toBe('Полтавська обласна військова адміністрація');
    expect((within(form).getByRole('textbox', { name: 'Відповідальна посадова особа' }) as HTMLInputElement).value).toBe('Олена Петренко');
    const needs = within(within(form).getByRole('group', { name: /^Потреби, щодо яких направляють/ })).getAllByRole('checkbox');
    expect(needs.map((n) => n.parentElement?.parentElement?.textContent)).toEqual([
      'психологічна допомога',
      'правова допомога (зокрема безоплатна правнича)',
      'тимчасове розміщення (заклад допомоги, притулок)',
    ]);
    // «Потреби» always travel: shown ticked, not to be unticked.
    const needsAlways = within(form).getByRole('checkbox', { name: 'потреби (передають завжди)' }) as HTMLInputElement;
    expect(needsAlways.checked).toBe(true);
    expect(needsAlways.disabled).toBe(true);

    await user.click(within(form).getByRole('checkbox', { name: 'психологічна допомога' }));
    const suggestions = await within(form).findByRole('table', { name: 'Надавачі: психологічна допомога' });
    const rows = within(suggestions).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'Полтавський обласний центр соціальних службПолтавська областьта сама областьОбрати',
      'Центр у Києвім. Київінша територіяОбрати',
      'Притулок «Надія»м. Полтаватой самий населений пунктне працює з такими особамиОбрати',
    ]);
    await user.click(within(suggestions).getByRole('button', { name: 'Обрати отримувачем: Полтавський обласний центр соціальних служб' }));
    expect((within(form).getByRole('textbox', { name: /^Отримувач/ }) as HTMLInputElement).value).toBe('Полтавський обласний центр соціальних служб');
    await user.type(within(form).getByRole('textbox', { name: /^Як з нею зв’язатися/ }), '+380 532 000 000');
    // Circumstances are asked for only once they are to be disclosed.
    expect(within(form).queryByRole('textbox', { name: /^Обставини/ })).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Зберегти чернетку' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Чернетка направлення' })).toBeTruthy();
    expect(bridge.callsOf('referrals:save')).toEqual([
      {
        personId: 'p-1',
        assessmentId: 'a-2',
        fromOrganisationId: 'o-oda',
        toOrganisationId: 'o-centre',
        needs: ['psychological'],
        urgency: 'urgent',
        officerId: 'u-admin',
        officerContact: '+380 532 000 000',
        disclose: [],
        circumstances: '',
        documents: [],
        note: '',
      } satisfies ReferralDraft,
    ]);
  });

  it('another assessment keeps only the needs it found too; disclosed circumstances are required', async () => {
    const bridge = fakeBridge(
      officer({
        'referrals:get': () => referralRecord('r-1', { needs: ['psychological', 'legal'] }),
        'persons:get': () => personFile('p-1', { assessments: [...personFile('p-1').assessments, { id: 'a-3', date: '2026-03-07', assessedBy: 'Ткач Олег', needs: ['legal', 'medical'], urgency: 'normal', notes: '', referrals: 0 }] }),
        'referrals:preview': () => referralPreview(),
        'referrals:suggest': () => [],
        'referrals:save': () => referralRecord('r-1'),
      }),
    );
    renderApp(bridge);
    const { user } = await openCard('Чернетка направлення');
    await user.click(actionsOf().getByRole('button', { name: 'Змінити чернетку' }));
    const form = await screen.findByTestId('referral-form');
    expect((within(form).getByRole('checkbox', { name: 'психологічна допомога' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(form).getByRole('textbox', { name: /^Оцінка потреб/ }));
    await user.click(optionsOf(/^Оцінка потреб/).getByRole('option', { name: 'від 07.03.2026 (Ткач Олег)', hidden: true }));
    expect(within(form).queryByRole('checkbox', { name: 'психологічна допомога' })).toBeNull();
    expect((within(form).getByRole('checkbox', { name: 'правова допомога (зокрема безоплатна правнича)' }) as HTMLInputElement).checked).toBe(true);
    expect((within(form).getByRole('textbox', { name: /^Терміновість/ }) as HTMLInputElement).value).toBe('у звичайному порядку');

    await user.click(within(form).getByRole('checkbox', { name: 'обставини' }));
    await user.click(within(form).getByRole('button', { name: 'Зберегти чернетку' }));
    const circumstances = await within(form).findByRole('textbox', { name: /^Обставини/ });
    await waitFor(() => expect(circumstances.getAttribute('aria-invalid')).toBe('true'));
    expect(bridge.callsOf('referrals:save')).toEqual([]);
    await user.type(circumstances, 'Повернулася з-за кордону 20.02.2026.');
    await user.click(within(form).getByRole('button', { name: 'Зберегти чернетку' }));
    await waitFor(() => expect(bridge.callsOf('referrals:save')).toHaveLength(1));
    expect(bridge.callsOf('referrals:save')[0]).toMatchObject({ id: 'r-1', assessmentId: 'a-3', needs: ['legal'], urgency: 'normal', disclose: ['circumstances'], circumstances: 'Повернулася з-за кордону 20.02.2026.' });
  });
});

describe('what the recipient will see', () => {
  it('shows the name only when disclosed, and lists what is withheld', async () => {
    renderApp(
      fakeBridge(
        officer({
          'referrals:get': () => referralRecord('r-1', { disclose: ['name_contacts'] }),
          'referrals:preview': () =>
            referralPreview(
              { name: 'Коваленко Оксана Петрівна', contacts: { phone: '+380 67 000 00 00', email: '', address: '', languages: 'українська', interpreterNeeded: false }, withheld: ['birth_date', 'circumstances', 'documents'] },
            ),
        }),
      ),
    );
    await openCard('Чернетка направлення');
    const panel = await screen.findByRole('region', { name: 'Що побачить отримувач' });
    await within(panel).findByText('Коваленко Оксана Петрівна');
    expect(panel.textContent).toContain('+380 67 000 00 00; мови: українська');
    expect(panel.textContent).toContain('Підстава: згода від 01.03.2026.');
    const withheld = within(within(panel).getByTestId('withheld')).getAllByRole('listitem').map((i) => i.textContent);
    expect(withheld).toEqual(['дата народження', 'обставини', 'документи']);
    expect(within(panel).queryByText('Дата народження')).toBeNull();
  });

  it('without the name disclosed there is no name row at all', async () => {
    renderApp(fakeBridge(officer({ 'referrals:get': () => referralRecord('r-1'), 'referrals:preview': () => referralPreview() })));
    await openCard('Чернетка направлення');
    const panel = await screen.findByRole('region', { name: 'Що побачить отримувач' });
    await within(panel).findByText('ОС-7K2M-Q9XD');
    expect(within(panel).queryByText('Прізвище, ім’я, по батькові')).toBeNull();
    expect(panel.textContent).toContain('доросла особа');
    expect(within(within(panel).getByTestId('withheld')).getAllByRole('listitem').map((i) => i.textContent)).toEqual([
      'прізвище, ім’я, по батькові та контакти',
      'дата народження',
      'обставини',
      'документи',
    ]);
  });

  it('a consent that leaves categories out is a sentence naming them, and the referral cannot be sent', async () => {
    renderApp(
      fakeBridge(
        officer({
          'referrals:get': () => referralRecord('r-1', { disclose: ['name_contacts', 'circumstances'] }),
          'referrals:preview': () => referralPreview({}, { consent: null, refusal: { reason: 'consent_categories', details: { categories: ['name_contacts', 'circumstances'], consentDate: '2026-03-01' } } }),
        }),
      ),
    );
    await openCard('Чернетка направлення');
    const panel = await screen.findByRole('region', { name: 'Що побачить отримувач' });
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toBe(
      'Згода від 01.03.2026 не дозволяє передати: прізвище, ім’я, по батькові та контакти, обставини. Зніміть ці позначки в направленні або внесіть нову згоду, що їх охоплює.',
    );
    expect((actionsOf().getByRole('button', { name: 'Надіслати' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('a referral card', () => {
  it('offers only the changes allowed now', async () => {
    const sent = referralRecord('r-1', { number: '12/2026', state: 'sent', sentOn: '2026-03-02', dueKind: 'answer', dueOn: '2026-03-13', daysLeft: 3, allowedEvents: ['accept', 'decline', 'revoke'] });
    renderApp(fakeBridge(officer({ 'referrals:get': () => sent, 'referrals:preview': () => referralPreview() })));
    await openCard('Направлення № 12/2026');
    expect(actionsOf().getAllByRole('button').map((b) => b.textContent)).toEqual(['Прийнято отримувачем', 'Відхилено отримувачем', 'Відкликати']);
    expect(screen.getByText('Відповідь очікується до')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Відкрити сторінку особи ОС-7K2M-Q9XD' })).toBeTruthy();
  });

  it('a decline needs the reason in words besides its code before it goes to the main process', async () => {
    const sent = referralRecord('r-1', { number: '12/2026', state: 'sent', sentOn: '2026-03-02', allowedEvents: ['accept', 'decline'] });
    const bridge = fakeBridge(officer({ 'referrals:get': () => sent, 'referrals:preview': () => referralPreview(), 'referrals:advance': () => ({ ...sent, state: 'declined', allowedEvents: [] }) }));
    renderApp(bridge);
    const { user } = await openCard('Направлення № 12/2026');
    await user.click(actionsOf().getByRole('button', { name: 'Відхилено отримувачем' }));
    const form = await screen.findByTestId('event-form');
    expect((within(form).getByRole('textbox', { name: /^Дата/ }) as HTMLInputElement).value).toBe('10.03.2026');
    await user.click(within(form).getByRole('textbox', { name: /^Причина відхилення/ }));
    await user.click(optionsOf(/^Причина відхилення/).getByRole('option', { name: 'інша причина', hidden: true }));
    await user.click(within(form).getByRole('button', { name: 'Внести' }));
    const text = within(form).getByRole('textbox', { name: /^Опишіть причину/ });
    await waitFor(() => expect(text.getAttribute('aria-invalid')).toBe('true'));
    expect(form.textContent).toContain('Заповніть це поле.');
    expect(bridge.callsOf('referrals:advance')).toEqual([]);
    await user.type(text, 'Відділення зачинено на ремонт');
    await user.click(within(form).getByRole('button', { name: 'Внести' }));
    await waitFor(() =>
      expect(bridge.callsOf('referrals:advance')).toEqual([{ id: 'r-1', change: { event: 'decline', reason: 'other', date: '2026-03-10', note: 'Відділення зачинено на ремонт' } }]),
    );
  });
});

describe('the analyst', () => {
  it('sees the counts of this year by month and need, each referral once in the totals and breakdowns, and never the list', async () => {
    const bridge = fakeBridge({
      ...unlockedShell(sessionOf(['analyst'])),
      // One of January's three referrals asked for legal help besides psychological: once under each need, once in all.
      'referrals:counts': () => ({
        byNeed: [
          { month: '2026-01', service: 'psychological', recipientType: 'social_services_centre', state: 'completed', outcome: 'received_full', count: 3 },
          { month: '2026-01', service: 'legal', recipientType: 'social_services_centre', state: 'completed', outcome: 'received_full', count: 1 },
          { month: '2026-02', service: 'psychological', recipientType: 'ngo', state: 'sent', outcome: null, count: 2 },
        ],
        referrals: [
          { month: '2026-01', recipientType: 'social_services_centre', state: 'completed', outcome: 'received_full', count: 3 },
          { month: '2026-02', recipientType: 'ngo', state: 'sent', outcome: null, count: 2 },
        ],
      }),
    });
    renderApp(bridge);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Направлення' }));
    const table = await screen.findByRole('table', { name: 'За місяцями й видами допомоги' });
    expect(bridge.callsOf('referrals:counts')).toEqual([{ from: '2026-01', to: '2026-12' }]);
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'МісяцьПсихологічна допомогаПравова допомога (зокрема безоплатна правнича)Разом',
      '01.2026313',
      '02.2026202',
      'Разом515',
    ]);
    expect(within(screen.getByRole('table', { name: 'За станом' })).getAllByRole('row').map((r) => r.textContent)).toEqual(['Надіслано2', 'Завершено3']);
    expect(screen.getByRole('table', { name: 'За результатом' }).textContent).toContain('Без результату (не завершено)2');
    expect(bridge.callsOf('referrals:list')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Нове направлення' })).toBeNull();
  });
});
