import type { Block } from '../minutes/minutes.model';
import { polish } from '../cases/letter';
import { acknowledgementBlocks } from './acknowledgement';
import { referralLetterBlocks, type ReferralLetterData } from './referral-letter';
import { timelineBlocks, type TimelineDocumentData } from './timeline';

export type ReferralDocument = 'letter' | 'acknowledgement';

export interface ReferralDocumentSpec {
  /** The document's words transliterated (КМУ No. 55 of 2010) for the file name; the person's code follows them. */
  stem: string;
  title: string;
  blocks(data: ReferralLetterData): Block[];
}

export const REFERRAL_DOCUMENT_SPECS: Record<ReferralDocument, ReferralDocumentSpec> = {
  letter: { stem: 'napravlennia', title: 'Направлення', blocks: referralLetterBlocks },
  acknowledgement: { stem: 'vidpovid-na-napravlennia', title: 'Відповідь на направлення', blocks: acknowledgementBlocks },
};

export const TIMELINE_STEM = 'khronolohiia-dopomohy';
export const TIMELINE_TITLE = 'Хронологія допомоги';

/** The document's blocks, with the typography the documents print. */
export function referralDocumentBlocks(document: ReferralDocument, data: ReferralLetterData): Block[] {
  return polish(REFERRAL_DOCUMENT_SPECS[document].blocks(data));
}

/** The timeline's blocks, with the typography the documents print. */
export function timelineDocumentBlocks(data: TimelineDocumentData): Block[] {
  return polish(timelineBlocks(data));
}
