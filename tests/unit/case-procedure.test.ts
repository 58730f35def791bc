import { describe, expect, it } from 'vitest';
import { clockFrom, procedureView, stepRefusal, type ProcedureStep } from '../../src/shared/case-procedure';
import { DEFAULT_TERMS } from '../../src/shared/domain/parameters';

const clock = clockFrom(DEFAULT_TERMS, [], true, '2026-11-20');
const citizen = { foreigner: false };
const s = (kind: ProcedureStep['kind'], date: string, extra: Partial<ProcedureStep> = {}): ProcedureStep => ({ kind, date, ...extra });
const REGISTERED = [s('registration', '2026-11-02')];
const INTERVIEWED = [...REGISTERED, s('interview', '2026-11-03')];
const FORWARDED = [...INTERVIEWED, s('police_request', '2026-11-04'), s('police_answer', '2026-11-10'), s('file_compiled', '2026-11-11'), s('forwarded', '2026-11-11')];

describe('the steps the window offers follow the order of the procedure', () => {
  it.each([
    ['registered', REGISTERED, citizen, ['interview', 'interview_waived']],
    ['registered foreigner', REGISTERED, { foreigner: true }, ['foreigner_certificate', 'interview', 'interview_waived']],
    ['interviewed', INTERVIEWED, citizen, ['undertaking', 'file_compiled', 'police_request']],
    ['forwarded', FORWARDED, citizen, ['undertaking', 'file_compiled', 'police_request', 'decision']],
    ['granted', [...FORWARDED, s('decision', '2026-11-16', { outcome: 'granted' })], citizen, ['undertaking', 'notified', 'certificate']],
    ['refused', [...FORWARDED, s('decision', '2026-11-16', { outcome: 'refused' })], citizen, ['undertaking', 'notified', 'appeal']],
    ['returned', [...FORWARDED, s('decision', '2026-11-16', { outcome: 'incomplete' })], citizen, ['undertaking', 'file_compiled', 'police_request', 'forwarded', 'notified']],
  ] as const)('%s', (_label, steps, facts, allowed) => {
    expect(procedureView(steps, facts, clock).allowedSteps).toEqual(allowed);
  });

  it('every refusal is a reason the window can say; a step that can be recorded gets none', () => {
    expect(stepRefusal(REGISTERED, s('decision', '2026-11-10', { outcome: 'granted' }), citizen, clock)).toEqual({ reason: 'decision_before_interview' });
    expect(stepRefusal(INTERVIEWED, s('police_request', '2026-11-02'), citizen, clock)).toEqual({ reason: 'before_previous', details: { step: 'interview', date: '2026-11-03' } });
    expect(stepRefusal(INTERVIEWED, s('police_request', '2026-11-04'), citizen, clock)).toBeNull();
  });

  it('the state and the next step, from the first step to the end of the status', () => {
    const view = (steps: ProcedureStep[]) => {
      const v = procedureView(steps, citizen, clock);
      return [v.state, v.nextStep, v.dueOn];
    };
    expect(view(REGISTERED)).toEqual(['open', 'interview', '2026-11-05']);
    expect(view(FORWARDED)).toEqual(['open', 'decision', '2026-11-23']);
    const granted = [...FORWARDED, s('decision', '2026-11-16', { outcome: 'granted' })];
    expect(view(granted)).toEqual(['granted', 'notified', '2026-11-19']);
    expect(view([...granted, s('notified', '2026-11-17')])).toEqual(['granted', 'certificate', '2026-11-19']);
    expect(view([...granted, s('notified', '2026-11-17'), s('certificate', '2026-11-17', { validUntil: '2028-11-16' })])).toEqual(['granted', null, null]);
    expect(view([...granted, s('certificate', '2026-11-17', { validUntil: '2026-11-19' })])).toEqual(['ended', null, null]);
  });
});
