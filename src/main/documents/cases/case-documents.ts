import type { CaseDocument } from '../../../shared/contract/cases';
import type { Step, StepKind } from '../../../shared/domain/cases';
import type { Block } from '../minutes/minutes.model';
import { applicationBlocks } from './application';
import { STATUS } from './case-words';
import { coverLetterBlocks } from './cover-letter';
import { decisionNoticeBlocks } from './decision-notice';
import { foreignerCertificateBlocks } from './foreigner-certificate';
import { polish, type CaseDocumentData } from './letter';
import { policeRequestBlocks } from './police-request';
import { recordCardBlocks } from './record-card';
import { undertakingBlocks } from './undertaking';

export interface CaseDocumentSpec {
  /** The document's words transliterated (КМУ No. 55 of 2010) for the file name; the case code follows them. */
  stem: string;
  title: string;
  /** The step the document is made from: without one it is refused before anything is read or audited. */
  step: StepKind | null;
  /** Whether the file names the person: only then is who they are loaded, and the export is a read of personal data. */
  names: boolean;
  /** Only for a foreigner or stateless person. */
  foreignerOnly?: boolean;
  blocks(data: CaseDocumentData, step: Step | null, today: string): Block[];
}

export const CASE_DOCUMENT_SPECS: Record<CaseDocument, CaseDocumentSpec> = {
  application: { stem: 'zaiava', title: `Заява про встановлення ${STATUS}`, step: null, names: true, blocks: (d) => applicationBlocks(d) },
  undertaking: { stem: 'rozpyska', title: 'Розписка про нерозголошення відомостей', step: null, names: false, blocks: (d) => undertakingBlocks(d) },
  record_card: { stem: 'oblikova-kartka', title: 'Облікова картка особи, яка вважає себе постраждалою від торгівлі людьми', step: null, names: true, blocks: (d, _s, today) => recordCardBlocks(d, today) },
  police_request: { stem: 'zapyt-politsiia', title: 'Запит до територіального органу Національної поліції', step: 'police_request', names: true, blocks: (d, s) => policeRequestBlocks(d, s!) },
  cover_letter: { stem: 'suprovidnyi-lyst', title: 'Супровідний лист до особової справи', step: 'forwarded', names: false, blocks: (d, s) => coverLetterBlocks(d, s!) },
  decision_notice: { stem: 'povidomlennia-pro-rishennia', title: 'Повідомлення про рішення', step: 'decision', names: true, blocks: (d, s) => decisionNoticeBlocks(d, s!) },
  foreigner_certificate: {
    stem: 'dovidka-pro-zvernennia',
    title: 'Довідка про звернення іноземця або особи без громадянства',
    step: 'foreigner_certificate',
    names: true,
    foreignerOnly: true,
    blocks: (d, s) => foreignerCertificateBlocks(d, s!),
  },
};

/** The document's blocks, with the typography the documents print. */
export function caseDocumentBlocks(document: CaseDocument, data: CaseDocumentData, step: Step | null, today: string): Block[] {
  return polish(CASE_DOCUMENT_SPECS[document].blocks(data, step, today));
}
