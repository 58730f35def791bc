import { detectGender, GrammaticalGender, inGenitive } from 'shevchenko';
import { shortPersonName, type Member } from '../../../shared/domain/group';

/** A member as the minutes name them after СЛУХАЛИ and «за дорученням»: «Шевчука І. В.», «начальника відділу …». */
export interface GenitiveMember {
  shortName: string;
  position: string;
}

/**
 * Surnames that are profession nouns of the mixed group (бо́ндар, -ря; лі́кар, -ря): shevchenko 3.1 declines them as
 * hard ones («Бондара»), against the dictionary. Only these few, and only for men (a woman's surname in -ар does not
 * decline).
 */
const SOFT_AR = new Set(['бондар', 'лікар', 'пекар', 'кобзар', 'токар', 'шинкар', 'писар', 'лимар', 'кухар', 'косар', 'друкар', 'воротар']);

/** A masculine adjective (or a noun declined like one: «уповноважений», «слідчий»). */
const MASCULINE_ADJECTIVE = /(ий|ій)$/u;
/** A feminine adjective («провідна», «головна», «державна»), not a noun in -ина («старшина»). */
const FEMININE_ADJECTIVE = /(?<!и)(на|ня)$/u;
/** Words after which a position's head has ended: what follows is already in its own case («з прав дитини»). */
const STOP_WORDS = new Set(['з', 'із', 'зі', 'в', 'у', 'на', 'по', 'до', 'від', 'для', 'при', 'та', 'і', 'й', 'за', 'щодо', 'з-поміж']);

/**
 * One word of a position in the genitive, by the library's rules for the kind of word it is: an adjective as an
 * adjectival surname, a noun in -а/-я as a given name («спеціалістка», «голова», «старшина»), any other noun as a
 * masculine surname (with the -ар professions fixed, above).
 */
async function declineWord(word: string): Promise<string> {
  const lower = word.toLocaleLowerCase('uk');
  let declined: string;
  if (MASCULINE_ADJECTIVE.test(lower)) declined = (await inGenitive({ gender: GrammaticalGender.MASCULINE, familyName: lower })).familyName ?? lower;
  else if (FEMININE_ADJECTIVE.test(lower)) declined = (await inGenitive({ gender: GrammaticalGender.FEMININE, familyName: lower })).familyName ?? lower;
  else if (/[ая]$/u.test(lower)) declined = (await inGenitive({ gender: GrammaticalGender.FEMININE, givenName: lower })).givenName ?? lower;
  else declined = SOFT_AR.has(lower) ? `${lower}я` : ((await inGenitive({ gender: GrammaticalGender.MASCULINE, familyName: lower })).familyName ?? lower);
  return word[0] === word[0]?.toLocaleUpperCase('uk') ? declined[0]!.toLocaleUpperCase('uk') + declined.slice(1) : declined;
}

/**
 * A position in the genitive: its head changes («начальник відділу …» → «начальника відділу …»; «провідна
 * спеціалістка» → «провідної спеціалістки»; «лікар-педіатр» → «лікаря-педіатра»), the rest is already in the
 * genitive or governed by a preposition and stays. The grammatical gender is the word's own, not the holder's: a
 * woman heading a department is still «начальника відділу».
 */
export async function positionInGenitive(position: string): Promise<string> {
  const words = position.trim().split(/(\s+)/u);
  for (let i = 0; i < words.length; i += 2) {
    const word = words[i]!;
    const lower = word.toLocaleLowerCase('uk');
    if (STOP_WORDS.has(lower) || !/^\p{L}[\p{L}’'-]*$/u.test(word)) break;
    words[i] = (await Promise.all(word.split('-').map(declineWord))).join('-');
    if (!MASCULINE_ADJECTIVE.test(lower) && !FEMININE_ADJECTIVE.test(lower)) break;
  }
  return words.join('');
}

/**
 * Surname and initials in the genitive, by the library made for Ukrainian names (shevchenko). A person whose gender
 * the library cannot tell from the given name and patronymic keeps the nominative: a wrong ending is worse than none.
 */
export async function nameInGenitive(member: Pick<Member, 'surname' | 'givenName' | 'patronymic'>): Promise<string> {
  const gender = await detectGender({ givenName: member.givenName, patronymicName: member.patronymic || undefined });
  if (!gender) return shortPersonName(member.surname, member.givenName, member.patronymic);
  const declined = await inGenitive({ gender, familyName: member.surname, givenName: member.givenName });
  const soft = gender === GrammaticalGender.MASCULINE && SOFT_AR.has(member.surname.toLocaleLowerCase('uk'));
  return shortPersonName(soft ? `${member.surname}я` : (declined.familyName ?? member.surname), member.givenName, member.patronymic);
}

/** Every member the minutes name in the genitive, declined once before the model is built (the library is async). */
export async function genitiveMembers(members: Member[]): Promise<Record<string, GenitiveMember>> {
  const entries = await Promise.all(
    members.map(async (m) => [m.id, { shortName: await nameInGenitive(m), position: await positionInGenitive(m.position) }] as const),
  );
  return Object.fromEntries(entries);
}
