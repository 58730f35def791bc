import { z } from 'zod';
import {
  CaseOptionsSchema,
  DayOffSchema,
  DecidingBodyInputSchema,
  MinimumInputSchema,
  ParametersSchema,
  RemoveVersionSchema,
  TermVersionInputSchema,
} from '../domain/parameters';
import { IsoDate } from '../domain/fields';
import type { ContractPart } from './types';

/**
 * The legal parameters of the status procedure: terms, days off, subsistence minimums, deciding bodies and the
 * office's options. Everyone signed in may read them (they hold no personal data); an administrator changes them.
 * A new version applies from today or later, so no change reaches back into a past case.
 */
export const parameters = {
  'parameters:get': { input: z.object({}).strict(), output: ParametersSchema, access: 'session', kind: 'query' },
  'parameters:saveTerm': { input: TermVersionInputSchema, output: ParametersSchema, access: 'settings.write', kind: 'mutation' },
  /** Only a version not yet in force can be removed. */
  'parameters:removeTerm': { input: RemoveVersionSchema, output: ParametersSchema, access: 'settings.write', kind: 'mutation' },
  'parameters:saveDayOff': { input: DayOffSchema, output: ParametersSchema, access: 'settings.write', kind: 'mutation' },
  'parameters:removeDayOff': { input: z.object({ date: IsoDate }).strict(), output: ParametersSchema, access: 'settings.write', kind: 'mutation' },
  'parameters:saveMinimum': { input: MinimumInputSchema, output: ParametersSchema, access: 'settings.write', kind: 'mutation' },
  'parameters:removeMinimum': { input: RemoveVersionSchema, output: ParametersSchema, access: 'settings.write', kind: 'mutation' },
  'parameters:saveDecidingBody': { input: DecidingBodyInputSchema, output: ParametersSchema, access: 'settings.write', kind: 'mutation' },
  'parameters:removeDecidingBody': { input: RemoveVersionSchema, output: ParametersSchema, access: 'settings.write', kind: 'mutation' },
  'parameters:saveOptions': { input: CaseOptionsSchema, output: ParametersSchema, access: 'settings.write', kind: 'mutation' },
} satisfies ContractPart<'parameters'>;
