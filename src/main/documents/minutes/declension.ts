import { detectGender, GrammaticalGender, inGenitive } from 'shevchenko';
import { shortPersonName, type Member } from '../../../shared/domain/group';

/** A member as the minutes name them after СЛУХАЛИ and «за дорученням»: «Шевчука І. В.», «начальника відділу …». */
export interface GenitiveMember {
  shortName: string;
  position: string;
}

/**
 * An adjective (or a noun declined like one: «уповноважений», «слідчий») heading a position: the word after it is
 * declined too. «головна», «старша», «провідна» are the feminine forms a position may open with.
 */
const ADJECTIVE = /(ий|ій|на|ша|ня)$/u;
/** Position nouns ending in -а/-я decline as feminine words («начальниця», «голова»); the rest as masculine ones. */
const genderOfWord = (word: string) => (/[ая]$/u.test(word) ? GrammaticalGender.FEMININE : GrammaticalGender.MASCULINE);

async function declineWord(word: string): Promise<string> {
  const lower = word.toLocaleLowerCase('uk');
  const { familyName } = await inGenitive({ gender: genderOfWord(lower), familyName: lower });
  const declined = familyName ?? lower;
  return word[0] === word[0]?.toLocaleUpperCase('uk') ? declined[0]!.toLocaleUpperCase('uk') + declined.slice(1) : declined;
}

/**
 * A position in the genitive: its head words change («начальник відділу …» → «начальника відділу …»), the rest is
 * already in the genitive and stays. The grammatical gender is the word's own, not the holder's: a woman heading a
 * department is still «начальника відділу».
 */
export async function positionInGenitive(position: string): Promise<string> {
  const words = position.trim().split(/(\s+)/u);
  for (let i = 0; i < words.length; i += 2) {
    const word = words[i]!;
    if (!/^\p{L}[\p{L}’'-]*$/u.test(word)) break;
    words[i] = await declineWord(word);
    if (!ADJECTIVE.test(word.toLocaleLowerCase('uk'))) break;
  }
  return words.join('');
}

/**
 * Surnames that are profession nouns of the mixed group (бо́ндар, -ря; лі́кар, -ря): shevchenko 3.1 declines them as
 * hard ones («Бондара»), against the dictionary. Only these few, and only for men (a woman's surname in -ар does not
 * decline).
 */
const SOFT_AR = new Set(['бондар', 'лікар', 'пекар', 'кобзар', 'токар', 'шинкар', 'писар', 'лимар', 'кухар', 'косар', 'друкар', 'воротар']);

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
