import type { DefaultValues } from 'react-hook-form';
import { z } from 'zod';
import { END_REASONS, REFUSAL_REASONS, WAIVER_REASONS } from '../../../../shared/domain/case-codes';
import { StepInputSchema, type Step, type StepKind } from '../../../../shared/domain/cases';

/** The step form is the channel's `{ step }`, so a server issue's path («step.number») names the same field here. */
export const StepFormSchema = z.object({ step: StepInputSchema });
export type StepValues = z.input<typeof StepFormSchema>;
export type RecordableKind = Exclude<StepKind, 'registration'>;

/** The steps that carry a number of their own: a letter's, a decision's, a certificate's. */
export const NUMBERED: readonly RecordableKind[] = ['foreigner_certificate', 'police_request', 'police_answer', 'forwarded', 'decision', 'notified', 'certificate', 'extension'];
/** Of those, the ones whose number the contract requires. */
export const NUMBER_REQUIRED: readonly RecordableKind[] = ['foreigner_certificate', 'police_request', 'forwarded', 'decision', 'certificate', 'extension'];

/**
 * A new step of this kind: today, signed by the user, each field the kind has and no other (the contract's step
 * objects are strict). A choice nobody made yet (an outcome, a reason) stays unset for the officer to make.
 */
export function newStepValues(kind: RecordableKind, official: string, today: string): DefaultValues<StepValues> {
  const common = { date: today, official, documents: [], note: '' };
  const step: Record<string, unknown> = { kind, ...common };
  if (NUMBERED.includes(kind)) step.number = '';
  if (kind === 'police_answer') step.proceedingsNumber = '';
  if (kind === 'decision') step.refusalReason = null;
  if (kind === 'extension') step.validUntil = '';
  if (kind === 'appeal') step.court = '';
  return { step } as DefaultValues<StepValues>;
}

/** A code read back from the store as the list it belongs to (the contract's enum), or undefined for the officer to choose. */
function codeOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return list.find((code) => code === value);
}

/** A recorded step as its form edits it. */
export function stepValuesOf(saved: Step): StepValues {
  const common = { date: saved.date, official: saved.official, documents: saved.documents, note: saved.note };
  const number = saved.number;
  switch (saved.kind) {
    case 'registration':
      throw new Error('the registration is corrected in the application’s facts');
    case 'interview':
    case 'undertaking':
    case 'file_compiled':
      return { step: { kind: saved.kind, ...common } };
    case 'interview_waived':
      return { step: { kind: saved.kind, waiverReason: codeOf(WAIVER_REASONS, saved.waiverReason)!, ...common } };
    case 'foreigner_certificate':
    case 'police_request':
    case 'forwarded':
    case 'certificate':
    case 'notified':
      return { step: { kind: saved.kind, number, ...common } };
    case 'police_answer':
      return { step: { kind: saved.kind, number, proceedings: saved.proceedings ?? false, proceedingsNumber: saved.proceedingsNumber, ...common } };
    case 'decision':
      return { step: { kind: saved.kind, outcome: saved.outcome ?? 'granted', number, refusalReason: codeOf(REFUSAL_REASONS, saved.refusalReason) ?? null, ...common } };
    case 'extension':
      return { step: { kind: saved.kind, number, validUntil: saved.validUntil, ...common } };
    case 'ended':
      return { step: { kind: saved.kind, endReason: codeOf(END_REASONS, saved.endReason)!, ...common } };
    case 'appeal':
      return { step: { kind: saved.kind, court: saved.court, ...common } };
  }
}
