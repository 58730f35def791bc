import type { Case, Person } from '../../../shared/domain/cases';
import type { Letterhead } from '../../../shared/domain/parameters';
import { typographic } from '../minutes/format';
import { p, type Block } from '../minutes/minutes.model';
import { date, executorText } from './case-words';

/**
 * What a case document is made from, loaded by the cases feature in the transaction that audits the export: the
 * builders never read the store.
 */
export interface CaseDocumentData {
  letterhead: Letterhead;
  card: Case;
  /** Who the person is; null for the documents that name the person by code only (they are never given it). */
  person: Person | null;
  /** The person's full name in the dative for an addressee, declined beforehand because the library is asynchronous. */
  dative: string | null;
}

/** The administration's name on its letters: the letterhead, or the receiving body of the case where none is set. */
export const bodyName = (d: Pick<CaseDocumentData, 'letterhead' | 'card'>): string => d.letterhead.body.trim() || d.card.fields.receivingBodyName;

/** The letterhead (ДСТУ 4163:2020 requisites of the sender): name, unit, contacts, ЄДРПОУ code, closed by a rule. */
export function letterheadBlocks(d: Pick<CaseDocumentData, 'letterhead' | 'card'>): Block[] {
  return letterheadOf(d.letterhead, bodyName(d));
}

/** The letterhead under a body's name given apart from a case (a referral names its sending organisation). */
export function letterheadOf(l: Letterhead, body: string): Block[] {
  const contacts = [l.address.trim(), l.phone.trim() && `тел. ${l.phone.trim()}`, l.email.trim() && `e-mail: ${l.email.trim()}`].filter(Boolean).join(', ');
  return [
    p([{ text: body.toLocaleUpperCase('uk'), bold: true }], { align: 'center' }),
    ...(l.unit.trim() ? [p([{ text: l.unit.trim().toLocaleUpperCase('uk'), bold: true }], { align: 'center' })] : []),
    ...(contacts ? [p(contacts, { align: 'center', small: true, smallGap: true })] : []),
    ...(l.code ? [p(`Код згідно з ЄДРПОУ ${l.code}`, { align: 'center', small: true })] : []),
    { t: 'rule' },
  ];
}

/** The outgoing date and number of a letter; blanks to fill in by hand when it has not been sent yet. */
export function outgoingLine(on: string | null, number: string): Block {
  return p(`${on ? date(on) : '____________'} № ${number || '____________'}`, { align: 'left' });
}

/** The addressee in the right half of the page, under the outgoing line. */
export function addresseeBlocks(lines: string[]): Block[] {
  return lines.filter((l) => l.trim()).map((line, i) => p(line, { align: 'left', rightHalf: true, gap: i === 0 }));
}

/** The heading of a letter's text (ДСТУ 4163:2020: «Про …», at the left margin). */
export const letterHeading = (text: string): Block => p([{ text, bold: true }], { align: 'left', gap: true });

/** The title of a form: its kind in capitals, and what it is about, centred. */
export function formTitle(kind: string, about: string): Block[] {
  return [p([{ text: kind, bold: true }], { align: 'center', gap: true }), p([{ text: about, bold: true }], { align: 'center' })];
}

/** A paragraph of the body text: justified, with the first-line indent. */
export const text = (value: string, gap = false): Block => p(value, { indent: true, gap, smallGap: !gap });

/** A «label: value» line of a form. */
export const field = (label: string, value: string): Block => p([{ text: `${label}: ` }, { text: value || '—' }], { align: 'left' });

/** The head's signature of a letter (position, a blank, «Ім’я ПРІЗВИЩЕ»), with placeholders until the letterhead is set. */
export function headSignature(l: Letterhead, seal = false): Block[] {
  return [
    { t: 'signatures', rows: [{ label: l.signerPosition.trim() || '____________________ (посада)', position: '', name: l.signerName.trim() || '____________________' }] },
    ...(seal ? [p('М. П.', { align: 'left', smallGap: true })] : []),
  ];
}

/** The executor at the foot of a letter. */
export const executorLine = (official: string, l: Letterhead): Block => p(executorText(official, l.phone), { align: 'left', small: true, gap: true });

/**
 * The typography the documents print: the typographic apostrophe in what a person typed (Мар’яна, not Мар'яна), and a
 * no-break space that keeps «№» with its number and a year with «р.», so neither is left alone at a line's end.
 */
export function typeset(value: string): string {
  return typographic(value).replace(/№ /g, '№\u00a0').replace(/(\d) р\./g, '$1\u00a0р.');
}

export function polish(blocks: Block[]): Block[] {
  return blocks.map((b) => {
    if (b.t === 'p') return { ...b, runs: b.runs.map((r) => ({ ...r, text: typeset(r.text) })) };
    if (b.t === 'grid') return { ...b, rows: b.rows.map((row) => row.map(typeset)) };
    if (b.t === 'signatures') return { ...b, rows: b.rows.map((r) => ({ label: typeset(r.label), position: typeset(r.position), name: typeset(r.name) })) };
    if (b.t === 'fill' && b.label) return { ...b, label: typeset(b.label) };
    return b;
  });
}
