import type { AssignmentSummary as Assignment } from '../../../shared/domain/assignments';
import type { Member } from '../../../shared/domain/group';
import type { Meeting } from '../../../shared/domain/meetings';
import { organisationKey } from '../../../shared/domain/organisations';
import { AppError } from '../../../shared/errors';
import type { GenitiveMember } from './declension';
import { bodyNameGenitive, clause, formatDate, formatKyivDate, lowerFirst, placeOfDrafting, plural, sentence, signatureName, typographic, voteTally } from './format';

/**
 * What the minutes are made from, loaded by the meetings feature: the documents never read the store.
 * Assignment states are as of the meeting's date, so an approved protocol prints the same words whenever it is printed.
 */
export interface MinutesData {
  group: { name: string; parentBody: string };
  meeting: Meeting;
  /** Every seat the meeting names (chair, secretary, rapporteurs), current or ended. */
  members: Member[];
  /** Seats valid on the meeting date: those counted present or absent. */
  seated: Member[];
  organisationNames: Record<string, string>;
  /** Given by this meeting's decisions. */
  assignments: Assignment[];
  /** Reviewed by its carry-over item. */
  reviewed: Assignment[];
  /**
   * Members in the genitive (after СЛУХАЛИ, after «за дорученням»), by id; declined beforehand because the library is
   * asynchronous. Without it (the notice, which needs none) the nominative is printed.
   */
  genitive?: Record<string, GenitiveMember>;
}

/**
 * Everything a protocol or an extract prints, already worded and formatted, so the DOCX and HTML
 * renderers only lay it out and print the same text. JSON-safe on purpose: it may cross IPC for a preview.
 * It is built from structured meeting data only; cases appear in the texts by code, never by a victim's name.
 */

/** More present members than this go to an annex, with only the count in the text (domain.md §6.2). */
export const ATTENDANCE_ANNEX_THRESHOLD = 15;

export interface PersonLine {
  /** Position (or a guest's role), as entered; may be empty. */
  position: string;
  /** «Прізвище І. П.» for members, the name as entered for guests. */
  name: string;
}

export interface Officer {
  /** «Головуючий», «Голова», «Секретар». */
  label: string;
  position: string;
  /** «Прізвище І. П.» for the introductory part. */
  name: string;
  /** «Ім’я ПРІЗВИЩЕ» for the signature block (ДСТУ 4163:2020). */
  signatureName: string;
}

export interface AssignmentLine {
  text: string;
  lead: string;
  leadPerson: string;
  coExecutors: string[];
  dueDate: string;
}

export interface ReviewedAssignmentLine {
  text: string;
  /** «протокол № 1/2026, п. 2.2». */
  source: string;
  lead: string;
  dueDate: string;
  /** State on the meeting date, so an approved protocol prints the same text whenever it is printed. */
  state: string;
}

export interface DecisionBlock {
  number: string;
  text: string;
  /** «за — 7, проти — 0, утрималися — 1», or null when no vote was recorded. */
  tally: string | null;
  assignments: AssignmentLine[];
}

export interface ItemBlock {
  number: number;
  title: string;
  /** «Бондар І. В., начальник відділу …» for the agenda; null when nobody was named. */
  rapporteur: string | null;
  /**
   * Who is heard, in the genitive, opening СЛУХАЛИ («Шевчука І. В., начальника відділу …»); null when nobody was named
   * or the summary already begins with the name.
   */
  heardSpeaker: string | null;
  /** What was heard, one entry per paragraph. */
  heard: string[];
  reviewed: ReviewedAssignmentLine[];
  speeches: { speaker: string; summary: string[] }[];
  decisions: DecisionBlock[];
}

interface Header {
  organisation: string;
  /** «засідання обласної координаційної ради з питань …». */
  heading: string;
  date: string;
  /** «№ 3». */
  number: string;
  /** City of the meeting for the place-of-drafting requisite; empty when the place does not start with one. */
  place: string;
}

export interface MinutesModel extends Header {
  kind: 'minutes';
  docTitle: 'ПРОТОКОЛ';
  /** Not yet approved in the app: printed with a «ПРОЄКТ» mark. */
  draft: boolean;
  address: string;
  time: string;
  format: string;
  chair: Officer | null;
  secretary: Officer | null;
  present: { count: number; members: number; text: string; list: PersonLine[]; inAnnex: boolean };
  absent: PersonLine[];
  guests: PersonLine[];
  items: ItemBlock[];
  amendments: { number: number; reason: string; text: string; date: string }[];
  annex: { caption: string; title: string; list: PersonLine[] } | null;
  generatedOn: string;
}

export interface ExtractModel extends Header {
  kind: 'extract';
  docTitle: 'ВИТЯГ З ПРОТОКОЛУ';
  draft: boolean;
  chair: Officer | null;
  secretary: Officer | null;
  presentText: string;
  /** The executor the extract is for; null for a one-item extract. */
  addressee: string | null;
  items: ItemBlock[];
  certification: { text: 'Згідно з оригіналом'; officer: Officer | null; date: string };
}

export type ExtractScope = { item: number } | { organisationId: string };

const FORMATS: Record<Meeting['format'], string> = {
  in_person: 'очна',
  online: 'дистанційна (у режимі відеоконференції)',
  mixed: 'змішана (очно та в режимі відеоконференції)',
};

const STATES: Record<Assignment['state'], string> = {
  in_progress: 'на виконанні',
  overdue: 'строк виконання минув',
  done: 'виконано',
  removed: 'знято з контролю',
};

/**
 * Earlier releases wrote each reviewed assignment into the carry-over item's СЛУХАЛИ as well («1. … (протокол № 2/2026,
 * п. 1.1; відповідальний: …»); the minutes list them once, from the records, so such generated lines are not printed.
 */
const LISTED_BY_EARLIER_RELEASES = /^\d+\. .*\(протокол № \d+\/\d{4}, п\. \d+\.\d+; відповідальний: /;

function paragraphs(text: string): string[] {
  return typographic(text)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

function officer(member: Member | undefined, label: string): Officer | null {
  if (!member) return null;
  return { label, position: typographic(member.position), name: typographic(member.shortName), signatureName: typographic(signatureName(member.givenName, member.surname)) };
}

/**
 * Whether a position already names its organisation («… ГУНП в Полтавській області»): its short name or an
 * abbreviation of it appears, or half the organisation's longer words do (compared by their first five letters, so
 * that case endings do not matter).
 */
export function positionNamesOrganisation(position: string, organisation: { name: string; shortName?: string }): boolean {
  const key = ` ${organisationKey(position)} `;
  const short = organisationKey(organisation.shortName ?? '');
  if (short && key.includes(` ${short} `)) return true;
  // An abbreviation in the position («ГУНП», «ОДА») made of the initials of the organisation's words.
  const initials = organisationKey(organisation.name)
    .split(' ')
    .filter((w) => w.length >= 3)
    .map((w) => w[0])
    .join('');
  const abbreviations = position.match(/\p{Lu}{3,}/gu) ?? [];
  if (abbreviations.some((a) => initials.includes(a.toLocaleLowerCase('uk')))) return true;
  const stems = organisationKey(organisation.name)
    .split(' ')
    .filter((w) => w.length >= 4)
    .map((w) => w.slice(0, 5));
  if (stems.length === 0) return false;
  const words = key.trim().split(' ');
  const found = stems.filter((stem) => words.some((w) => w.startsWith(stem))).length;
  return found / stems.length >= 0.5;
}

/** Position, then the organisation unless the position already names it. */
function personLine(m: Member): PersonLine {
  const organisation = m.organisationName && !positionNamesOrganisation(m.position, { name: m.organisationName }) ? `, ${m.organisationName}` : '';
  return { position: typographic(`${m.position}${organisation}`), name: typographic(m.shortName) };
}

interface Context {
  genitive: Map<string, GenitiveMember>;
  group: MinutesData['group'];
  meeting: Meeting;
  membersById: Map<string, Member>;
  seated: Member[];
  orgNames: Map<string, string>;
  assignments: Assignment[];
  reviewed: Map<string, Assignment>;
}

function contextOf(data: MinutesData): Context {
  return {
    genitive: new Map(Object.entries(data.genitive ?? {})),
    group: data.group,
    meeting: data.meeting,
    membersById: new Map(data.members.map((m) => [m.id, m])),
    seated: data.seated,
    orgNames: new Map(Object.entries(data.organisationNames)),
    assignments: data.assignments,
    reviewed: new Map(data.reviewed.map((a) => [a.id, a])),
  };
}

function header(ctx: Context): Header {
  return {
    organisation: typographic(ctx.group.parentBody),
    heading: `засідання ${typographic(bodyNameGenitive(ctx.group.name))}`,
    date: formatDate(ctx.meeting.date),
    number: `№ ${ctx.meeting.number}`,
    place: typographic(placeOfDrafting(ctx.meeting.place)),
  };
}

function officers(ctx: Context): { chair: Officer | null; secretary: Officer | null } {
  const chair = ctx.meeting.chairMemberId ? ctx.membersById.get(ctx.meeting.chairMemberId) : undefined;
  const secretary = ctx.meeting.secretaryMemberId ? ctx.membersById.get(ctx.meeting.secretaryMemberId) : undefined;
  // A deputy who chairs the meeting signs as «Головуючий»; the chair of the body signs as «Голова».
  return {
    chair: standIn(ctx, chair, 'Головуючий') ?? officer(chair, chair?.role === 'chair' ? 'Голова' : 'Головуючий'),
    secretary: standIn(ctx, secretary, 'Секретар') ?? officer(secretary, 'Секретар'),
  };
}

/**
 * The chair or the secretary was absent and someone acted for them: that person presides or keeps the minutes and
 * signs them, «за дорученням» of the member, whose name the substitute is entered with.
 */
function standIn(ctx: Context, member: Member | undefined, label: string): Officer | null {
  if (!member) return null;
  const seat = ctx.meeting.attendance.find((a) => a.memberId === member.id);
  const substitute = seat && !seat.present ? seat.substitute.trim() : '';
  if (!substitute) return null;
  const forWhom = ctx.genitive.get(member.id)?.shortName ?? member.shortName;
  return { label, position: '', name: typographic(`${substitute} (за дорученням ${forWhom})`), signatureName: typographic(substitute) };
}

function itemBlock(ctx: Context, item: Meeting['agenda'][number], keepDecision: (a: Assignment[]) => Assignment[] | null, keepReviewed: (a: Assignment) => boolean): ItemBlock | null {
  const rapporteur = item.rapporteurMemberId ? ctx.membersById.get(item.rapporteurMemberId) : undefined;
  const decisions: DecisionBlock[] = [];
  for (const d of item.decisions) {
    const own = keepDecision(ctx.assignments.filter((a) => a.decisionId === d.id));
    if (!own) continue;
    decisions.push({
      number: d.number,
      text: typographic(d.text),
      tally: voteTally(d),
      assignments: own.map((a) => ({
        text: typographic(a.text),
        lead: typographic(a.leadOrganisationName),
        leadPerson: typographic(a.leadPerson),
        coExecutors: a.coExecutorIds.map((id) => typographic(ctx.orgNames.get(id) ?? '')).filter(Boolean),
        dueDate: formatDate(a.dueDate),
      })),
    });
  }
  // In the order the data gives (by meeting, then decision), each once.
  const ids = new Set(item.reviewedAssignmentIds);
  const reviewed = [...ctx.reviewed.values()]
    .filter((a) => ids.has(a.id) && keepReviewed(a))
    .map((a) => ({
      text: typographic(a.text),
      source: `протокол № ${a.meetingNumber}/${a.meetingYear}, п. ${a.decisionNumber}`,
      lead: typographic(a.leadOrganisationName),
      dueDate: formatDate(a.dueDate),
      state: STATES[a.state],
    }));
  const rapporteurText = typographic(item.rapporteurText.trim());
  const heard = item.carryOver ? paragraphs(item.heard).filter((line) => !LISTED_BY_EARLIER_RELEASES.test(line)) : paragraphs(item.heard);
  return {
    number: item.position,
    title: typographic(item.title),
    rapporteur: rapporteur ? `${typographic(rapporteur.shortName)}, ${lowerFirst(typographic(rapporteur.position))}` : rapporteurText || null,
    heardSpeaker: heardSpeaker(ctx, rapporteur, rapporteurText, heard[0] ?? ''),
    heard,
    reviewed,
    speeches: item.speeches.map((s) => ({ speaker: typographic(s.speaker), summary: paragraphs(s.summary) })),
    decisions,
  };
}

/**
 * СЛУХАЛИ names the rapporteur in the genitive with their position, unless the summary already begins with their
 * surname (in any case form: its first five letters), which would print the name twice.
 */
function heardSpeaker(ctx: Context, rapporteur: Member | undefined, rapporteurText: string, firstLine: string): string | null {
  const surname = rapporteur ? rapporteur.surname : rapporteurText.split(/[\s,]/u)[0] ?? '';
  const stem = surname.toLocaleLowerCase('uk').slice(0, Math.min(5, Math.max(surname.length - 1, 3)));
  if (stem && firstLine.toLocaleLowerCase('uk').startsWith(stem)) return null;
  if (!rapporteur) return rapporteurText || null;
  const genitive = ctx.genitive.get(rapporteur.id);
  if (!genitive) return typographic(rapporteur.shortName);
  return typographic(`${genitive.shortName}, ${lowerFirst(genitive.position)}`);
}

function presentMembers(ctx: Context): { present: Member[]; absent: Member[] } {
  const presentIds = new Set(ctx.meeting.attendance.filter((a) => a.present).map((a) => a.memberId));
  return { present: ctx.seated.filter((m) => presentIds.has(m.id)), absent: ctx.seated.filter((m) => !presentIds.has(m.id)) };
}

export function buildMinutesModel(data: MinutesData, today: string): MinutesModel {
  const ctx = contextOf(data);
  const head = header(ctx);
  const { present, absent } = presentMembers(ctx);
  const inAnnex = present.length > ATTENDANCE_ANNEX_THRESHOLD;
  const m = ctx.meeting;
  const seat = new Map(m.attendance.map((a) => [a.memberId, a]));
  // Who came in an absent member's stead is listed among those present, «за дорученням» of that member.
  const substitutes = absent.flatMap((member) => {
    const substitute = seat.get(member.id)?.substitute.trim();
    return substitute ? [{ position: `за дорученням ${typographic(ctx.genitive.get(member.id)?.shortName ?? member.shortName)}`, name: typographic(substitute) }] : [];
  });
  const list = [...present.map(personLine), ...substitutes];
  return {
    kind: 'minutes',
    docTitle: 'ПРОТОКОЛ',
    ...head,
    draft: m.status !== 'approved',
    address: typographic(m.place),
    time: m.time,
    format: FORMATS[m.format],
    ...officers(ctx),
    present: {
      count: present.length,
      members: ctx.seated.length,
      text: inAnnex
        ? `${present.length} ${plural(present.length, 'особа', 'особи', 'осіб')} (список додається)`
        : `${present.length} ${plural(present.length, 'член', 'члени', 'членів')} із ${ctx.seated.length}`,
      list: inAnnex ? [] : list,
      inAnnex,
    },
    absent: absent.map((member) => {
      const reason = seat.get(member.id)?.absenceReason.trim();
      return { position: typographic(member.position), name: typographic(reason ? `${member.shortName} (${reason})` : member.shortName) };
    }),
    guests: m.guests.map((g) => ({ position: typographic(g.role), name: typographic(g.name) })),
    items: m.agenda.map((item) => itemBlock(ctx, item, (a) => a, () => true)).filter((i): i is ItemBlock => !!i),
    amendments:
      m.status === 'approved'
        ? m.amendments.map((a) => ({ number: a.number, reason: typographic(a.reason), text: typographic(a.text), date: formatKyivDate(a.createdAt) }))
        : [],
    annex: inAnnex ? { caption: `Додаток\nдо протоколу від ${head.date} ${head.number}`, title: 'СПИСОК\nчленів, присутніх на засіданні', list } : null,
    generatedOn: formatDate(today),
  };
}

/**
 * ВИТЯГ З ПРОТОКОЛУ (domain.md §6.4): the same requisites, the introductory part as a count, and either
 * one agenda item, or for an executor only the decisions that give it (as lead or co-executor) an assignment.
 */
export function buildExtractModel(data: MinutesData, scope: ExtractScope, today?: string): ExtractModel {
  const ctx = contextOf(data);
  const { present } = presentMembers(ctx);
  const m = ctx.meeting;
  let items: ItemBlock[];
  let addressee: string | null = null;
  if ('item' in scope) {
    const item = m.agenda.find((i) => i.position === scope.item);
    if (!item) throw new AppError('NOT_FOUND', 'no such agenda item', { item: scope.item });
    items = [itemBlock(ctx, item, (a) => a, () => true)!];
  } else {
    const orgId = scope.organisationId;
    const name = ctx.orgNames.get(orgId);
    if (!name) throw new AppError('NOT_FOUND', 'no such organisation', { organisationId: orgId });
    addressee = typographic(name);
    const concerns = (a: Assignment) => a.leadOrganisationId === orgId || a.coExecutorIds.includes(orgId);
    items = [];
    for (const item of m.agenda) {
      const reviewedHere = item.reviewedAssignmentIds.some((id) => {
        const a = ctx.reviewed.get(id);
        return !!a && concerns(a);
      });
      // On the carry-over item the decisions are about the reviewed assignments, so they travel with them.
      const block = itemBlock(
        ctx,
        item,
        (list) => {
          const own = list.filter(concerns);
          return own.length || (item.carryOver && reviewedHere) ? own : null;
        },
        concerns,
      );
      if (block && (block.decisions.length || block.reviewed.length)) items.push(block);
    }
  }
  const { chair, secretary } = officers(ctx);
  return {
    kind: 'extract',
    docTitle: 'ВИТЯГ З ПРОТОКОЛУ',
    ...header(ctx),
    draft: m.status !== 'approved',
    chair,
    secretary,
    presentText: `${present.length} ${plural(present.length, 'член', 'члени', 'членів')} із ${ctx.seated.length}`,
    addressee,
    items,
    certification: { text: 'Згідно з оригіналом', officer: secretary, date: today ? formatDate(today) : '' },
  };
}

/* ------------------------------------------------------------------------------------------------
 * Layout: the model as an ordered list of blocks. Both renderers walk this one list, so the DOCX, the
 * printed HTML and the PDF cannot drift apart in wording or order; they differ only in how a block is drawn.
 * --------------------------------------------------------------------------------------------- */

export interface Run {
  text: string;
  bold?: boolean;
}

export type Block =
  | {
      t: 'p';
      runs: Run[];
      align?: 'left' | 'center' | 'right' | 'justify';
      /** First-line indent of body text (ДСТУ paragraph indent). */
      indent?: boolean;
      /** Space above, to separate sections. */
      gap?: boolean;
      /** Printed in the right half of the page (annex caption). */
      rightHalf?: boolean;
      /** A little space above, between the parts of one item (СЛУХАЛИ / ВИСТУПИЛИ / УХВАЛИЛИ). */
      smallGap?: boolean;
      /** Keeps a heading on the page of what follows it. */
      keepNext?: boolean;
      /** 12 pt: the contact lines of a letterhead, the executor's line at the foot of a letter. */
      small?: boolean;
    }
  /** Date at the left margin, registration number at the right, on one line. */
  | { t: 'dateline'; date: string; number: string }
  /** Position on the left, name on the right, without borders. */
  | { t: 'people'; rows: PersonLine[]; numbered?: boolean }
  /** Signature rows: role and position, a blank for the signature, «Ім’я ПРІЗВИЩЕ». */
  | { t: 'signatures'; rows: { label: string; position: string; name: string }[]; compact?: boolean }
  | { t: 'pagebreak' }
  /**
   * A ruled table (registers, record cards): the header row repeats on every page, then optionally a row of column
   * numbers as office registers have, then the rows. A table whose columns have no titles has no header (a form of
   * label and value).
   */
  | { t: 'grid'; columns: GridColumn[]; rows: string[][]; numbered?: boolean; small?: boolean }
  /** A line across the text to be filled in by hand, after an optional label. */
  | { t: 'fill'; label?: string }
  /** The rule that closes a letterhead. */
  | { t: 'rule' };

export interface GridColumn {
  title: string;
  /** Relative width: the columns share the text width in proportion. */
  width: number;
  align?: 'left' | 'center';
}

/** A paragraph block, justified unless told otherwise. */
export const p = (runs: Run[] | string, opts: Omit<Extract<Block, { t: 'p' }>, 't' | 'runs'> = {}): Block => ({
  t: 'p',
  runs: typeof runs === 'string' ? [{ text: runs }] : runs,
  align: 'justify',
  ...opts,
});

function headerBlocks(m: MinutesModel | ExtractModel): Block[] {
  const blocks: Block[] = [];
  if (m.draft) blocks.push(p([{ text: 'ПРОЄКТ', bold: true }], { align: 'right' }));
  blocks.push(
    p([{ text: m.organisation.toLocaleUpperCase('uk'), bold: true }], { align: 'center' }),
    p([{ text: m.docTitle, bold: true }], { align: 'center', gap: true }),
    { t: 'dateline', date: m.date, number: m.number },
  );
  if (m.place) blocks.push(p(m.place, { align: 'center' }));
  blocks.push(p([{ text: m.heading, bold: true }], { align: 'center', gap: true }));
  return blocks;
}

function officerLine(o: Officer, gap = false): Block {
  return p([{ text: `${o.label} — `, bold: true }, { text: [lowerFirst(o.position), o.name].filter(Boolean).join(' ') }], { gap });
}

function itemBlocks(item: ItemBlock): Block[] {
  const out: Block[] = [p([{ text: `${item.number}. СЛУХАЛИ: `, bold: true }, { text: item.title }], { align: 'justify', gap: true, keepNext: true })];
  const [first, ...rest] = item.heard;
  if (item.heardSpeaker) out.push(p(first ? `${item.heardSpeaker} — ${first}` : sentence(item.heardSpeaker), { indent: true }));
  else if (first) out.push(p(first, { indent: true }));
  for (const line of rest) out.push(p(line, { indent: true }));
  if (item.reviewed.length) {
    out.push(p('Розглянуто стан виконання доручень:', { indent: true, keepNext: true }));
    item.reviewed.forEach((r, i) =>
      out.push(p(`${i + 1}) ${clause(r.text)} (${r.source}; відповідальний виконавець: ${r.lead}; строк: ${r.dueDate}; стан: ${r.state}).`, { indent: true })),
    );
  }
  if (item.speeches.length) {
    out.push(p([{ text: 'ВИСТУПИЛИ:', bold: true }], { align: 'left', smallGap: true, keepNext: true }));
    for (const s of item.speeches) {
      const [head, ...more] = s.summary;
      out.push(p(head ? `${s.speaker} — ${head}` : sentence(s.speaker), { indent: true }));
      for (const line of more) out.push(p(line, { indent: true }));
    }
  }
  if (item.decisions.length) {
    out.push(p([{ text: 'УХВАЛИЛИ:', bold: true }], { align: 'left', smallGap: true, keepNext: true }));
    for (const d of item.decisions) {
      out.push(p(`${d.number}. ${d.text}`, { indent: true }));
      for (const a of d.assignments) {
        const parts = [`Відповідальний виконавець: ${a.lead}${a.leadPerson ? ` (${a.leadPerson})` : ''}`];
        if (a.coExecutors.length) parts.push(`співвиконавці: ${a.coExecutors.join('; ')}`);
        parts.push(`строк — до ${a.dueDate}`);
        if (a.text !== d.text) out.push(p(`Доручення: ${sentence(a.text)}`, { indent: true }));
        out.push(p(`${parts.join('; ')}.`, { indent: true }));
      }
      if (d.tally) out.push(p(`Голосували: ${d.tally}.`, { indent: true }));
    }
  }
  return out;
}

export function minutesBlocks(m: MinutesModel): Block[] {
  const blocks = headerBlocks(m);
  if (m.chair) blocks.push(officerLine(m.chair, true));
  if (m.secretary) blocks.push(officerLine(m.secretary));
  blocks.push(p([{ text: 'Місце проведення: ', bold: true }, { text: `${sentence(m.address || '—')} ` }, { text: 'Початок: ', bold: true }, { text: `${m.time}. ` }, { text: 'Форма проведення: ', bold: true }, { text: `${m.format}.` }]));
  // A count alone (the list in an annex, or nobody marked yet) ends with a full stop, never a colon with nothing after it.
  if (m.present.inAnnex || m.present.list.length === 0) blocks.push(p([{ text: 'Присутні: ', bold: true }, { text: `${m.present.text}.` }], { gap: true }));
  else {
    blocks.push(p([{ text: 'Присутні: ', bold: true }, { text: `${m.present.text}:` }], { gap: true, keepNext: true }));
    blocks.push({ t: 'people', rows: m.present.list });
  }
  if (m.absent.length) blocks.push(p([{ text: 'Відсутні: ', bold: true }, { text: sentence(m.absent.map((a) => a.name).join(', ')) }], { gap: true }));
  if (m.guests.length) {
    blocks.push(p([{ text: 'Запрошені:', bold: true }], { gap: true, keepNext: true }));
    blocks.push({ t: 'people', rows: m.guests });
  }
  blocks.push(p([{ text: 'ПОРЯДОК ДЕННИЙ:', bold: true }], { align: 'center', gap: true, keepNext: true }));
  for (const item of m.items) {
    blocks.push(p(`${item.number}. ${item.title}`, { indent: true, keepNext: !!item.rapporteur }));
    if (item.rapporteur) blocks.push(p(`Доповідач — ${sentence(item.rapporteur)}`, { indent: true }));
  }
  for (const item of m.items) blocks.push(...itemBlocks(item));
  blocks.push(signatureBlock([m.chair, m.secretary]));
  if (m.amendments.length) {
    blocks.push(p([{ text: 'ЗМІНИ, ВНЕСЕНІ ДО ПРОТОКОЛУ ПІСЛЯ ЙОГО ЗАТВЕРДЖЕННЯ', bold: true }], { align: 'center', gap: true, keepNext: true }));
    for (const a of m.amendments) {
      blocks.push(p(`${a.number}. ${a.text}`, { indent: true }));
      blocks.push(p(`Підстава: ${sentence(a.reason)} Дата внесення: ${a.date}.`, { indent: true }));
    }
  }
  if (m.annex) {
    blocks.push({ t: 'pagebreak' });
    for (const line of m.annex.caption.split('\n')) blocks.push(p(line, { align: 'left', rightHalf: true }));
    const [title, ...sub] = m.annex.title.split('\n');
    blocks.push(p([{ text: title ?? '', bold: true }], { align: 'center', gap: true }));
    for (const line of sub) blocks.push(p(line, { align: 'center' }));
    blocks.push({ t: 'people', rows: m.annex.list, numbered: true });
  }
  return blocks;
}

function signatureBlock(officers: (Officer | null)[]): Block {
  return {
    t: 'signatures',
    rows: officers.filter((o): o is Officer => !!o).map((o) => ({ label: o.label, position: o.position, name: o.signatureName })),
  };
}

export function extractBlocks(m: ExtractModel): Block[] {
  const blocks = headerBlocks(m);
  if (m.chair) blocks.push(officerLine(m.chair, true));
  if (m.secretary) blocks.push(officerLine(m.secretary));
  blocks.push(p([{ text: 'Присутні: ', bold: true }, { text: `${m.presentText}.` }]));
  for (const item of m.items) blocks.push(...itemBlocks(item));
  blocks.push(p(m.certification.text, { align: 'left', gap: true, keepNext: true }));
  const o = m.certification.officer;
  blocks.push({ t: 'signatures', compact: true, rows: [{ label: o?.label ?? 'Секретар', position: o?.position ?? '', name: o?.signatureName ?? '' }] });
  blocks.push(p(m.certification.date || '____________', { align: 'left' }));
  return blocks;
}
