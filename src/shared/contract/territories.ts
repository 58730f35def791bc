import { z } from 'zod';
import {
  LoadEditionSchema,
  TerritoryEditionSchema,
  TerritoryOptionsSchema,
  TerritoryRefSchema,
  TerritorySchema,
  TerritorySearchSchema,
} from '../domain/territories';
import { KatottgSchema } from '../domain/organisations';
import type { ContractPart } from './types';

export const territories = {
  /** Units by name prefix (apostrophes and case aside) or by code prefix, with the units they lie in, for pickers. */
  'territories:search': { input: TerritorySearchSchema, output: z.array(TerritorySchema), access: 'session', kind: 'query' },
  /** The units of stored codes, dropped ones included, for lists and cards that show a record's territory. */
  'territories:get': {
    input: z.object({ codes: z.array(KatottgSchema).max(500) }).strict(),
    output: z.array(TerritorySchema),
    access: 'session',
    kind: 'query',
  },
  /** The store's oblast, the oblasts (and special cities) it may be, and the edition of the codifier it holds. */
  'territories:options': {
    input: z.object({}).strict(),
    output: TerritoryOptionsSchema.extend({ edition: TerritoryEditionSchema.nullable(), oblasts: z.array(TerritoryRefSchema) }),
    access: 'session',
    kind: 'query',
  },
  'territories:saveOptions': { input: TerritoryOptionsSchema, output: TerritoryOptionsSchema, access: 'settings.write', kind: 'mutation' },
  /**
   * Loads a newer codifier edition from a file of the ministry's shape. Any bad row refuses the whole file (VALIDATION
   * with the rows and what is wrong, nothing changed); otherwise units are added or updated and those the edition no
   * longer lists are marked dropped, never deleted. Audited with counts only.
   */
  'territories:loadEdition': {
    input: LoadEditionSchema,
    output: z.object({ edition: z.string(), units: z.number().int(), added: z.number().int(), dropped: z.number().int() }),
    access: 'settings.write',
    kind: 'mutation',
  },
} satisfies ContractPart<'territories'>;
