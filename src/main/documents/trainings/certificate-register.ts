import { typographic } from '../minutes/format';
import type { XlsxSheet } from '../table/xlsx';
import { dates, fullName } from './training-words';

/** The register of training certificates of a year: one row a certificate, by number; dates as dates. */
export const registerStem = (year: number): string => `reiestr-sertyfikativ-${year}`;
export const registerTitle = (year: number): string => `Реєстр сертифікатів про проходження навчання за ${year} рік`;

/** One certificate as the register prints it. */
export interface RegisterLine {
  number: string;
  issuedOn: string;
  surname: string;
  name: string;
  patronymic: string;
  organisationName: string;
  title: string;
  startsOn: string;
  endsOn: string;
  hours: number;
  hoursAttended: number;
}

export function certificateRegisterSheet(year: number, rows: RegisterLine[]): XlsxSheet {
  return {
    name: `Сертифікати ${year}`,
    title: registerTitle(year),
    columns: [
      { title: '№ з/п', width: 7 },
      { title: 'Номер сертифіката', width: 14 },
      { title: 'Дата видачі', width: 13 },
      { title: 'Прізвище, ім’я, по батькові', width: 32 },
      { title: 'Організація', width: 36 },
      { title: 'Навчання', width: 40 },
      { title: 'Дати проведення', width: 24 },
      { title: 'Обсяг, год', width: 10 },
      { title: 'Відвідано, год', width: 10 },
    ],
    rows: rows.map((r, i) => [
      i + 1,
      r.number,
      { date: r.issuedOn },
      typographic(fullName(r)),
      typographic(r.organisationName),
      typographic(r.title),
      dates(r),
      r.hours,
      r.hoursAttended,
    ]),
  };
}
