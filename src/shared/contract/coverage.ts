import { z } from 'zod';
import { CoverageFilterSchema, CoverageSchema, HromadaSetupInputSchema } from '../domain/coverage';
import { KatottgSchema } from '../domain/organisations';
import { DocumentFileSchema } from './meetings';
import type { ContractPart } from './types';

/** Every raion and hromada of the store's oblast: coordinator, agreement, last training, last prevention event. */
export const coverage = {
  'coverage:get': { input: CoverageFilterSchema, output: CoverageSchema, access: 'trainings.read', kind: 'query' },
  /** Records (or clears) a hromada's coordinator of the mechanism and its memorandum or local programme. */
  'coverage:saveHromada': {
    input: HromadaSetupInputSchema,
    output: z.object({ code: KatottgSchema }),
    access: 'trainings.write',
    kind: 'mutation',
  },
  /**
   * The coverage as a workbook: the raions, then every hromada with what it has and lacks. It names the hromadas'
   * coordinators and leaves the encrypted store, so it is for those who keep the coverage, not every reader.
   */
  'coverage:export': { input: CoverageFilterSchema, output: DocumentFileSchema, access: 'trainings.write', kind: 'auth' },
} satisfies ContractPart<'coverage'>;
