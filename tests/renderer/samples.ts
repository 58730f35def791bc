/** Records and helpers the renderer tests share; each test file passes overrides for the values it cares about. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, vi } from 'vitest';
import { shortPersonName, type GroupSettings, type Member } from '../../src/shared/domain/group';
import type { Assignment } from '../../src/shared/domain/assignments';
import type { Case, CaseSummary, Step } from '../../src/shared/domain/cases';
import type { Dashboard } from '../../src/shared/domain/dashboard';
import type { MeetingSummary } from '../../src/shared/domain/meetings';
import type { Organisation, OrganisationOption } from '../../src/shared/domain/organisations';
import { DEFAULT_CASE_OPTIONS, DEFAULT_DECIDING_BODIES, DEFAULT_MINIMUMS, DEFAULT_TERMS, type Parameters } from '../../src/shared/domain/parameters';

export type User = ReturnType<typeof userEvent.setup>;

export function organisation(id: string, name: string, overrides: Partial<Organisation> = {}): Organisation {
  return {
    id,
    name,
    shortName: '',
    type: 'other',
    katottg: '',
    territoryName: '',
    address: '',
    phone: '',
    email: '',
    contactPerson: '',
    active: true,
    nrmSubject: false,
    ownership: null,
    services: [],
    clientGroups: [],
    mergedIntoId: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A seat on the council: an ordinary member from 01.02.2024 with no organisation, unless told otherwise. */
export function member(id: string, surname: string, givenName: string, patronymic: string, overrides: Partial<Member> = {}): Member {
  return {
    id,
    surname,
    givenName,
    patronymic,
    position: 'головний спеціаліст',
    organisationId: null,
    organisationName: null,
    role: 'member',
    validFrom: '2024-02-01',
    validTo: null,
    shortName: shortPersonName(surname, givenName, patronymic),
    ...overrides,
  };
}

export function groupSettings(overrides: Partial<GroupSettings> = {}): GroupSettings {
  return {
    name: 'Обласна координаційна рада з питань протидії торгівлі людьми',
    parentBody: 'Полтавська обласна державна адміністрація',
    orderNumber: '125',
    orderDate: '2024-02-01',
    regulation: '',
    quorumNumerator: 1,
    quorumDenominator: 2,
    quorumStrict: true,
    noticeWorkingDays: 5,
    meetingsPerYear: 4,
    decisionRule: 'simple_majority_present',
    remoteAllowed: true,
    ...overrides,
  };
}

export function meetingSummary(id: string, number: number, year: number, date: string, overrides: Partial<MeetingSummary> = {}): MeetingSummary {
  return { id, year, number, date, time: '10:00', place: 'м. Полтава, вул. Соборності, 45, зала засідань', format: 'in_person', kind: 'regular', status: 'approved', items: 2, ...overrides };
}

export function assignment(id: string, overrides: Partial<Assignment> = {}): Assignment {
  return {
    id,
    decisionId: `d-${id}`,
    decisionNumber: '2.1',
    meetingId: 'm-1',
    meetingYear: 2026,
    meetingNumber: 1,
    text: 'Забезпечити інформування громад про ризики торгівлі людьми',
    leadOrganisationId: 'o-css',
    leadOrganisationName: 'Обласний центр соціальних служб',
    leadPerson: '',
    coExecutorIds: [],
    dueDate: '2026-04-30',
    state: 'in_progress',
    closedOn: null,
    closedByDecisionNumber: null,
    givenOn: '2026-03-05',
    givenApproved: false,
    reports: [],
    changes: [],
    ...overrides,
  };
}

/** The overview with nothing on it, for tests that only pass through it after unlock. */
export const EMPTY_DASHBOARD: Dashboard = {
  today: '2026-03-10',
  nextMeetings: [],
  dueSoon: { total: 0, rows: [] },
  overdue: { total: 0, organisations: 0, byOrganisation: [] },
  backup: null,
  todo: { minutes: { total: 0, rows: [] }, notices: { total: 0, workingDays: 5, rows: [] }, awaitingReport: { total: 0, rows: [] } },
  cases: null,
  referrals: null,
  setup: null,
};

/** What a picker gets of organisations (`organisations:options`). */
export function organisationOptionsOf(organisations: Organisation[]): OrganisationOption[] {
  return organisations.map(({ id, name, shortName, type, active, nrmSubject }) => ({ id, name, shortName, type, active, nrmSubject }));
}

/** Only the clock: «today» in Kyiv is 10 March 2026; timers stay real for user-event. */
export function fixToday(): void {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T09:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** Opens a page from the navigation and waits for its table (named as the button unless told otherwise). */
export async function openPage(button: string, tableName = button) {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: button }));
  const table = await screen.findByRole('table', { name: tableName });
  return { user, table };
}

/** The rows of a table below its header. */
export const dataRows = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

export function rowOf(table: HTMLElement, text: string): HTMLElement {
  const row = within(table)
    .getAllByRole('row')
    .find((r) => r.textContent?.includes(text));
  if (!row) throw new Error(`no row with ${text}`);
  return row;
}

/** The texts an input's aria-describedby points at: its hint and, when there is one, its error. */
export function describedText(input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

/**
 * Mantine keeps every Select's options in the page and, without layout (happy-dom), hides the open dropdown as
 * «detached»; so the options are found in the listbox named after the field, hidden or not.
 */
export function optionsOf(label: string | RegExp) {
  return within(screen.getByRole('listbox', { name: label, hidden: true }));
}

/** Chooses an option of the Select labelled `label` (looked for within `scope`, the whole page by default). */
export async function pick(user: User, label: string | RegExp, option: string | RegExp, scope: HTMLElement = document.body) {
  await user.click(within(scope).getByRole('textbox', { name: label }));
  await user.click(optionsOf(label).getByRole('option', { name: option, hidden: true }));
}

/** Types a date into a date box as a user does (ДД.ММ.РРРР, or nothing to clear it) and leaves the box. */
export async function typeDate(user: User, input: HTMLElement, text: string): Promise<void> {
  await user.clear(input);
  if (text) await user.type(input, text);
  await user.tab();
}

/** A row of the case list: an open case waiting for its interview, due in three days, unless told otherwise. */
export function caseSummary(id: string, overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    id,
    personId: `p-${id}`,
    code: 'ОС-7K2M-Q9XD',
    registrationNumber: '1',
    registrationDate: '2026-03-05',
    state: 'open',
    nextStep: 'interview',
    dueOn: '2026-03-13',
    daysLeft: 3,
    child: false,
    foreigner: false,
    validUntil: null,
    ...overrides,
  };
}

/** A step as the card shows it. */
export function caseStep(id: string, kind: Step['kind'], date: string, overrides: Partial<Step> = {}): Step {
  return {
    id,
    kind,
    date,
    official: 'Савченко Ірина Миколаївна',
    documents: [],
    note: '',
    number: '',
    waiverReason: null,
    proceedings: null,
    proceedingsNumber: '',
    outcome: null,
    refusalReason: null,
    decidingBody: '',
    validUntil: null,
    endReason: null,
    court: '',
    dueOn: null,
    daysLate: 0,
    recordedBy: 'Олена Петренко',
    recordedAt: `${date}T08:00:00.000Z`,
    ...overrides,
  };
}

/** The card of a case registered on 05.03.2026 and waiting for its interview, unless told otherwise. */
export function caseRecord(id: string, overrides: Partial<Case> = {}): Case {
  return {
    id,
    personId: `p-${id}`,
    code: 'ОС-7K2M-Q9XD',
    fields: {
      receivingBodyKind: 'state_administration',
      receivingBodyName: 'Полтавська районна державна адміністрація',
      registrationNumber: '1',
      registrationDate: '2026-03-05',
      arrival: 'self',
      referredByOrganisationId: null,
      identificationKatottg: '',
      formsVersion: '2024',
      forms: ['labour'],
      countries: ['PL'],
      exploitationFrom: null,
      exploitationTo: null,
      documentsReceived: ['копія паспорта'],
    },
    referredByName: '',
    child: false,
    foreigner: false,
    sex: 'female',
    ageAtRegistration: 27,
    state: 'open',
    nextStep: 'interview',
    dueOn: '2026-03-10',
    daysLeft: 0,
    procedureDueOn: null,
    validUntil: null,
    endedOn: null,
    endReason: null,
    allowedSteps: ['interview', 'interview_waived'],
    steps: [caseStep('s-1', 'registration', '2026-03-05')],
    aid: null,
    anonymised: false,
    updatedAt: '2026-03-05T08:00:00.000Z',
    ...overrides,
  };
}

/** The shipped parameters as `parameters:get` answers on 10.03.2026. */
export const PARAMETERS: Parameters = {
  terms: DEFAULT_TERMS.map((term, i) => ({ ...term, id: `t-${i}`, createdAt: '2026-01-01T00:00:00.000Z' })),
  daysOff: [{ date: '2026-01-01', name: 'Новий рік' }],
  minimums: DEFAULT_MINIMUMS.map((m, i) => ({ ...m, id: `m-${i}` })),
  decidingBodies: DEFAULT_DECIDING_BODIES.map((b, i) => ({ ...b, id: `b-${i}` })),
  options: DEFAULT_CASE_OPTIONS,
  today: '2026-03-10',
};
