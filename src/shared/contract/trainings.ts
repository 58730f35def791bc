import { z } from 'zod';
import { Id } from '../domain/fields';
import {
  ImportCheckSchema,
  ImportInputSchema,
  ParticipantInputSchema,
  ProgrammeFileSchema,
  SheetFileSchema,
  SheetSchema,
  TopicInputSchema,
  TopicSchema,
  TrainingFilterSchema,
  TrainingInputSchema,
  TrainingOptionsSchema,
  TrainingSchema,
  TrainingSummarySchema,
} from '../domain/trainings';
import { IsoDate } from '../domain/fields';
import { DocumentFileSchema } from './meetings';
import type { ContractPart } from './types';

const Format = z.enum(['docx', 'pdf']);
const ById = z.object({ id: Id }).strict();

/**
 * Trainings, their participants and certificates. Audit details carry ids and counts, never a participant's name.
 */
export const trainings = {
  'trainings:list': {
    input: TrainingFilterSchema,
    output: z.object({ total: z.number().int(), rows: z.array(TrainingSummarySchema) }),
    access: 'trainings.read',
    kind: 'query',
  },
  'trainings:get': { input: ById, output: TrainingSchema, access: 'trainings.read', kind: 'query' },
  'trainings:save': { input: TrainingInputSchema, output: TrainingSchema, access: 'trainings.write', kind: 'mutation' },
  /** Deletes a training with no certificate issued (its participants with it). */
  'trainings:remove': { input: ById, output: z.object({ id: z.string() }), access: 'trainings.write', kind: 'mutation' },
  /** Adds or corrects one participant; a participant with a certificate keeps the hours it was given for. */
  'trainings:saveParticipant': {
    input: z.object({ trainingId: Id, participant: ParticipantInputSchema }).strict(),
    output: TrainingSchema,
    access: 'trainings.write',
    kind: 'mutation',
  },
  'trainings:removeParticipant': {
    input: z.object({ trainingId: Id, participantId: Id }).strict(),
    output: TrainingSchema,
    access: 'trainings.write',
    kind: 'mutation',
  },
  /** Gives the next numbers of the training's year to every participant who completed and has none, in list order. */
  'trainings:issueCertificates': {
    input: z.object({ trainingId: Id, issuedOn: IsoDate }).strict(),
    output: z.object({ issued: z.number().int(), training: TrainingSchema }),
    access: 'trainings.write',
    kind: 'mutation',
  },
  'trainings:attachProgramme': { input: ProgrammeFileSchema, output: TrainingSchema, access: 'trainings.write', kind: 'mutation' },
  'trainings:removeProgramme': { input: ById, output: TrainingSchema, access: 'trainings.write', kind: 'mutation' },
  'trainings:programmeFile': { input: ById, output: DocumentFileSchema, access: 'trainings.read', kind: 'query' },
  /**
   * Reads a sign-in sheet (XLSX or CSV) into text cells and guesses the columns; nothing is stored. `auth`: exceljs
   * reads a workbook only asynchronously, and a query runs inside a synchronous transaction.
   */
  'trainings:readSheet': { input: SheetFileSchema, output: SheetSchema, access: 'trainings.write', kind: 'auth' },
  /** Checks mapped rows as the import would, and offers people trained before; nothing is stored. */
  'trainings:checkImport': { input: ImportInputSchema, output: ImportCheckSchema, access: 'trainings.write', kind: 'query' },
  /**
   * Adds the rows as participants, all or none: any row with a problem or an undecided match refuses the whole
   * import (VALIDATION with every row's problems), and nothing changes.
   */
  'trainings:import': {
    input: ImportInputSchema,
    output: z.object({ imported: z.number().int(), training: TrainingSchema }),
    access: 'trainings.write',
    kind: 'mutation',
  },
  /** Certificates (one participant, or all of the training in one file), the participants list, the attendance sheet for signatures. */
  'trainings:document': {
    input: z
      .object({
        trainingId: Id,
        document: z.enum(['certificate', 'certificates', 'participants', 'attendance']),
        participantId: Id.optional(),
        format: Format,
      })
      .strict()
      .refine((d) => (d.document === 'certificate') === (d.participantId !== undefined), { path: ['participantId'], message: 'required' }),
    output: DocumentFileSchema,
    access: 'trainings.read',
    kind: 'auth',
  },
  /** The register of the certificates numbered in a year (the year their trainings ended, as the numbers say), as a workbook. */
  'trainings:register': {
    input: z.object({ year: z.number().int().min(2000).max(2100) }).strict(),
    output: DocumentFileSchema,
    access: 'trainings.read',
    kind: 'auth',
  },
  'trainings:topics': { input: z.object({}).strict(), output: z.array(TopicSchema), access: 'trainings.read', kind: 'query' },
  'trainings:saveTopic': { input: TopicInputSchema, output: z.array(TopicSchema), access: 'trainings.write', kind: 'mutation' },
  'trainings:options': { input: z.object({}).strict(), output: TrainingOptionsSchema, access: 'trainings.read', kind: 'query' },
  'trainings:saveOptions': { input: TrainingOptionsSchema, output: TrainingOptionsSchema, access: 'trainings.write', kind: 'mutation' },
} satisfies ContractPart<'trainings'>;
