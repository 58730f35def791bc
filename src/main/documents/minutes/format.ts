/** Typography and wording shared by the minutes model and both renderers (product.md "Conventions"). */

/** ISO `YYYY-MM-DD` (or a longer ISO timestamp) as `ДД.ММ.РРРР`. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return y && m && d ? `${d}.${m}.${y}` : iso;
}

/** A timestamp as the Kyiv calendar date, `ДД.ММ.РРРР`; amendments are stored as UTC instants. */
export function formatKyivDate(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return formatDate(instant);
  return new Intl.DateTimeFormat('uk-UA', { timeZone: 'Europe/Kyiv', day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** The straight apostrophe users type becomes the typographic one the documents print. */
export function typographic(text: string): string {
  return text.replace(/(\p{L})['ʼ`](\p{L})/gu, '$1’$2');
}

/**
 * Signature name per ДСТУ 4163:2020: given name, then the surname in capitals («Оксана МЕЛЬНИК»).
 * The given name is printed in full because the standard dropped initials in signatures.
 */
export function signatureName(givenName: string, surname: string): string {
  return [givenName.trim(), surname.trim().toLocaleUpperCase('uk')].filter(Boolean).join(' ');
}

/**
 * Lower-cases the first letter of a position or name that follows a label or a dash,
 * unless it opens an abbreviation («ГУНП …», «ГО …»), which must keep its capitals.
 */
export function lowerFirst(text: string): string {
  const chars = [...text];
  const [first, second] = chars;
  if (!first) return text;
  if (second && second === second.toLocaleUpperCase('uk') && second !== second.toLocaleLowerCase('uk')) return text;
  return first.toLocaleLowerCase('uk') + chars.slice(1).join('');
}

/** Ukrainian plural agreement: 1 особа, 2 особи, 5 осіб, 11 осіб, 21 особа. */
export function plural(n: number, one: string, few: string, many: string): string {
  const tens = n % 100;
  const units = n % 10;
  if (tens >= 11 && tens <= 14) return many;
  if (units === 1) return one;
  if (units >= 2 && units <= 4) return few;
  return many;
}

export interface VoteCount {
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstained: number | null;
}

/** «за — 7, проти — 0, утрималися — 1», or null when the secretary recorded no vote. */
export function voteTally(v: VoteCount): string | null {
  if (v.votesFor === null && v.votesAgainst === null && v.votesAbstained === null) return null;
  return `за — ${v.votesFor ?? 0}, проти — ${v.votesAgainst ?? 0}, утрималися — ${v.votesAbstained ?? 0}`;
}

const FEMININE_NOUNS: Record<string, string> = {
  рада: 'ради',
  група: 'групи',
  комісія: 'комісії',
  колегія: 'колегії',
  нарада: 'наради',
  мережа: 'мережі',
};
const MASCULINE_NOUNS: Record<string, string> = { штаб: 'штабу', комітет: 'комітету', центр: 'центру' };
const STOP_WORDS = new Set(['з', 'із', 'зі', 'при', 'у', 'в', 'щодо', 'для', 'на', 'по', 'та', 'і', 'й']);

function genitiveWord(word: string, masculine: boolean): string | null {
  if (masculine) {
    if (word.endsWith('ий')) return `${word.slice(0, -2)}ого`;
    if (word.endsWith('ій')) return `${word.slice(0, -2)}ього`;
    return null;
  }
  if (word.endsWith('ня')) return `${word.slice(0, -1)}ьої`;
  if (word.endsWith('а')) return `${word.slice(0, -1)}ої`;
  return null;
}

/**
 * The body's name in the genitive for «засідання …»: only the leading adjectives and the head noun
 * change («Обласна координаційна рада з питань …» → «обласної координаційної ради з питань …»);
 * the rest of a name is already in the genitive or a prepositional phrase. A name the rules do not
 * recognise is printed as entered rather than declined wrongly.
 */
export function bodyNameGenitive(name: string): string {
  const words = name.trim().split(/\s+/);
  const headIndex = words.findIndex((w, i) => {
    const lower = w.toLocaleLowerCase('uk');
    return (lower in FEMININE_NOUNS || lower in MASCULINE_NOUNS) && !words.slice(0, i).some((p) => STOP_WORDS.has(p.toLocaleLowerCase('uk')));
  });
  if (headIndex < 0) return lowerFirst(name.trim());
  const head = words[headIndex]!.toLocaleLowerCase('uk');
  const masculine = head in MASCULINE_NOUNS;
  const declined: string[] = [];
  for (const [i, word] of words.entries()) {
    if (i > headIndex) {
      declined.push(word);
      continue;
    }
    const lower = word.toLocaleLowerCase('uk');
    const next = i === headIndex ? (FEMININE_NOUNS[lower] ?? MASCULINE_NOUNS[lower]) : genitiveWord(lower, masculine);
    if (!next) return lowerFirst(name.trim());
    // Keeps a capital where the user wrote one (toponyms: «Полтавська»), except the name's opening word.
    declined.push(i > 0 && word[0] !== lower[0] ? word[0] + next.slice(1) : next);
  }
  return declined.join(' ');
}

/** Closes a sentence with a full stop unless it already ends with one (initials: «Олійник М. С.»). */
export function sentence(text: string): string {
  const t = text.trimEnd();
  return /[.!?…:;]$/.test(t) ? t : `${t}.`;
}

/** A sentence about to be followed by a parenthesis or more text: its own full stop goes. */
export function clause(text: string): string {
  return text.trimEnd().replace(/\.$/, '');
}

/** Minimal HTML escaping for text nodes and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The city part of a meeting place («м. Полтава, вул. Соборності, 45» → «м. Полтава») for the header. */
export function placeOfDrafting(place: string): string {
  const first = place.split(',')[0]?.trim() ?? '';
  return /^(м\.|смт|с\.|селище|село|місто)/iu.test(first) ? first : '';
}
