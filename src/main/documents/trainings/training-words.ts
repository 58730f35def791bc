import type { TrainingKind } from '../../../shared/domain/training-codes';
import type { Participant, Training } from '../../../shared/domain/trainings';
import { formatDate, plural, typographic } from '../minutes/format';

/** What every training document is made from: the card, the venue's name, the names of the participants' places. */
export interface TrainingDocData {
  training: Training;
  /** «м. Полтава» or '' for one held online only. */
  venueName: string;
  /** Territory code → «с. Андріївка, Решетилівська громада». */
  places: Record<string, string>;
  /** The participants the document is about, in the card's order. */
  participants: Participant[];
}

/** The kind in the locative after «участь у …»: «у тренінгу», «у семінарі». */
export const KIND_LOCATIVE: Record<TrainingKind, string> = {
  training: 'тренінгу',
  seminar: 'семінарі',
  webinar: 'вебінарі',
  workshop: 'практикумі',
  tot: 'тренінгу для тренерів',
};

/** The kind as a heading names it: «тренінгу» after «Список учасників». */
export const KIND_GENITIVE: Record<TrainingKind, string> = {
  training: 'тренінгу',
  seminar: 'семінару',
  webinar: 'вебінару',
  workshop: 'практикуму',
  tot: 'тренінгу для тренерів',
};

export const fullName = (p: { surname: string; name: string; patronymic: string }): string => [p.surname, p.name, p.patronymic].filter(Boolean).join(' ');

/** «10.11.2026» for one day, «10.11.2026–12.11.2026» for several. */
export function dates(t: { startsOn: string; endsOn: string }): string {
  return t.startsOn === t.endsOn ? formatDate(t.startsOn) : `${formatDate(t.startsOn)}\u2013${formatDate(t.endsOn)}`;
}

/** «7,5» and «16»: hours as Ukrainian writes a number. */
export const hoursText = (h: number): string => String(h).replace('.', ',');

/** «16 академічних годин», «2 академічні години», «7,5 академічної години» (a fraction takes the genitive singular). */
export function hoursPhrase(h: number): string {
  if (!Number.isInteger(h)) return `${hoursText(h)} академічної години`;
  return `${h} ${plural(h, 'академічна година', 'академічні години', 'академічних годин')}`;
}

/** «взяла» or «взяв» from the patronymic's ending; «взяв(ла)» where it does not tell. */
export function tookPart(patronymic: string): string {
  const p = patronymic.trim().toLocaleLowerCase('uk');
  if (/(вна|чна|ична)$/.test(p)) return 'взяла';
  if (/(ич|іч)$/.test(p)) return 'взяв';
  return 'взяв(ла)';
}

/** Ukrainian quotes around a title, its own straight quotes turned into typographic ones. */
export const quoted = (title: string): string => `«${typographic(title).replace(/^[«"]+|[»"]+$/g, '')}»`;
