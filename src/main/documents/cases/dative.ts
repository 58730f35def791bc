import { GrammaticalGender, inDative } from 'shevchenko';
import type { Person } from '../../../shared/domain/cases';
import { fullName } from './case-words';

/**
 * The full name in the dative, for an addressee («Вигаданенко Фантазії Уявлівні») and «Видана …», by the library
 * made for Ukrainian names; the sex recorded decides the endings. A name the library cannot decline comes back as
 * null, and the documents print the nominative: a wrong ending is worse than none.
 */
export async function fullNameInDative(person: Pick<Person, 'surname' | 'givenName' | 'patronymic' | 'sex'>): Promise<string | null> {
  try {
    const declined = await inDative({
      gender: person.sex === 'male' ? GrammaticalGender.MASCULINE : GrammaticalGender.FEMININE,
      familyName: person.surname.trim(),
      givenName: person.givenName.trim(),
      patronymicName: person.patronymic.trim() || undefined,
    });
    return fullName({ surname: declined.familyName ?? person.surname, givenName: declined.givenName ?? person.givenName, patronymic: declined.patronymicName ?? person.patronymic });
  } catch {
    return null;
  }
}
