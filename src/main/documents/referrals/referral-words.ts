import { END_WORDS, OUTCOME_WORDS as DECISION_WORDS, type Words } from '../../../shared/domain/case-codes';
import type { StepKind } from '../../../shared/domain/cases';
import {
  CONSENT_FORM_WORDS,
  CONSENT_GIVER_WORDS,
  DECLINE_REASON_WORDS,
  OUTCOME_WORDS,
  REVOKE_REASON_WORDS,
  SERVICE_WORDS,
  URGENCY_WORDS,
  type Service,
} from '../../../shared/domain/referral-codes';
import type { TimelineEntry } from '../../../shared/domain/referrals';
import { date, STEP_WORDS } from '../cases/case-words';

/**
 * The Ukrainian words of the referral documents. Documents are in the state language whatever the screen speaks, so
 * these live beside the documents, as the case words do.
 */

/** A blank for a date to be written by hand. */
export const DATE_BLANK = '«____» ____________ 20___ р.';

/** «№ 12/2026 від 12.11.2026», or blanks for a letter not sent yet, so a printed draft is filled in by hand. */
export function referralRef(number: string, sentOn: string | null): string {
  return `№ ${number.trim() || '________'} від ${sentOn ? date(sentOn) : '____________'}`;
}

export const serviceWords = (service: Service): string => SERVICE_WORDS[service].uk;
export const servicesText = (services: readonly Service[]): string => services.map(serviceWords).join(', ');
export const urgencyWords = (urgency: keyof typeof URGENCY_WORDS): string => URGENCY_WORDS[urgency].uk;

/** The code's words from the list it belongs to; a code from no list (or text written by hand) prints as it is. */
function wordsOf(lists: Record<string, Words>[], code: string): string {
  for (const list of lists) if (Object.hasOwn(list, code)) return list[code]!.uk;
  return code;
}

/** A number travels bare in the data («12/2026»); on paper it reads «№ 12/2026». Anything with spaces is prose. */
const numbered = (detail: string): string => (/\d/.test(detail) && !/\s/.test(detail) ? `№ ${detail}` : detail);

type ReferralEventKind = Exclude<NonNullable<TimelineEntry['event']>, StepKind>;

const REFERRAL_EVENT_WORDS: Record<ReferralEventKind, string> = {
  created: 'Складено направлення',
  send: 'Надіслано направлення',
  accept: 'Направлення прийнято',
  decline: 'Направлення відхилено',
  start: 'Розпочато надання допомоги за направленням',
  complete: 'Надання допомоги за направленням завершено',
  revoke: 'Направлення відкликано',
  close: 'Направлення закрито без відповіді',
  consent_revoked: 'Згоду, на якій ґрунтувалося направлення, відкликано',
};

/** What a reason or outcome of a referral event says, under the label the reader expects. */
function referralDetail(event: ReferralEventKind, detail: string): string {
  switch (event) {
    case 'decline':
      return `причина: ${wordsOf([DECLINE_REASON_WORDS], detail)}`;
    case 'revoke':
      return `причина: ${wordsOf([REVOKE_REASON_WORDS], detail)}`;
    case 'complete':
      return `результат: ${wordsOf([OUTCOME_WORDS], detail)}`;
    default:
      return numbered(detail);
  }
}

const isStep = (event: TimelineEntry['event']): event is StepKind => event !== null && Object.hasOwn(STEP_WORDS, event);

/** The entry's heading and what it carries (the needs, a reason, an outcome, a number), one line each. */
export const entryWords = (entry: TimelineEntry): string[] => entryLines(entry).filter(Boolean);

function entryLines(entry: TimelineEntry): string[] {
  const detail = entry.detail.trim();
  const services = entry.services.length ? servicesText(entry.services) : '';
  switch (entry.kind) {
    case 'identified':
      return ['Особу виявлено', detail && `місце: код КАТОТТГ ${detail}`];
    case 'assessment':
      return ['Оцінка потреб', services && `потреби: ${services}`, detail && `терміновість: ${wordsOf([URGENCY_WORDS], detail)}`];
    case 'consent':
      return ['Надано згоду на передавання даних', detail && `згоду дав(-ла): ${wordsOf([CONSENT_FORM_WORDS, CONSENT_GIVER_WORDS], detail)}`];
    case 'consent_revoked':
      return ['Згоду на передавання даних відкликано', detail];
    case 'referral': {
      const event: ReferralEventKind = entry.event && !isStep(entry.event) ? entry.event : 'created';
      return [REFERRAL_EVENT_WORDS[event], services && `потреби: ${services}`, detail && referralDetail(event, detail)];
    }
    case 'service':
      return ['Отримано допомогу', services, detail && (entry.referralId ? `за направленням ${numbered(detail)}` : detail)];
    case 'case_step':
      return [isStep(entry.event) ? STEP_WORDS[entry.event] : 'Етап процедури встановлення статусу', detail && wordsOf([DECISION_WORDS, END_WORDS], numbered(detail))];
  }
}
