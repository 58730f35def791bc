import { z } from 'zod';
import { Id, IsoDate, MultilineText, STOP, Text } from './fields';
import { KatottgSchema, OrganisationTypeSchema } from './organisations';
import { ATTENDANCES, TRAINING_FORMATS, TRAINING_KINDS } from './training-codes';

/**
 * Trainings for staff of state bodies and NGOs, their participants and certificates. Participants are staff, not
 * victims, but their names are personal data all the same: no name ever goes into a log or an audit detail.
 */

export const TopicCode = z.string().min(1).max(40, STOP).regex(/^[a-z][a-z0-9_]*$/, 'topicCode');

export const TopicSchema = z.object({ code: z.string(), uk: z.string(), en: z.string(), active: z.boolean() });
export type Topic = z.infer<typeof TopicSchema>;

export const TopicInputSchema = z
  .object({
    /** Absent for a new topic: the code is made from the English name. */
    code: TopicCode.optional(),
    uk: Text(200).min(1, 'required'),
    en: Text(200).min(1, 'required'),
    active: z.boolean().default(true),
  })
  .strict();

/** Academic hours, in halves: a half-day module of 1.5 hours is common. */
const Hours = z.number({ error: 'number' }).min(0, 'positive').max(1000, 'tooLarge').multipleOf(0.5, 'halfHours');

export const TrainerSchema = z.object({ name: Text(200).min(1, 'required'), affiliation: Text(300).default('') }).strict();

export const TrainingInputSchema = z
  .object({
    id: Id.optional(),
    title: Text(300).min(1, 'required'),
    kind: z.enum(TRAINING_KINDS),
    topics: z.array(TopicCode).min(1, 'required').max(20),
    startsOn: IsoDate,
    endsOn: IsoDate,
    hours: Hours.refine((h) => h > 0, 'positive'),
    format: z.enum(TRAINING_FORMATS),
    /** Where it was held; '' for one held online only. */
    venue: KatottgSchema.default(''),
    /** The address, the room or the platform. */
    place: Text(300).default(''),
    organiserIds: z.array(Id).min(1, 'required').max(20),
    partnerIds: z.array(Id).max(30).default([]),
    trainers: z.array(TrainerSchema).max(30).default([]),
    programme: MultilineText(20_000).default(''),
    note: MultilineText(2000).default(''),
  })
  .strict()
  .refine((t) => t.endsOn >= t.startsOn, { path: ['endsOn'], message: 'dateOrder' })
  .refine((t) => t.format === 'online' || t.venue !== '', { path: ['venue'], message: 'required' });
export type TrainingInput = z.input<typeof TrainingInputSchema>;

const OrganisationRefSchema = z.object({ id: z.string(), name: z.string() });

export const ParticipantInputSchema = z
  .object({
    id: Id.optional(),
    surname: Text(100).min(1, 'required'),
    name: Text(100).min(1, 'required'),
    patronymic: Text(100).default(''),
    position: Text(300).default(''),
    organisationId: Id,
    /** Where the participant works: the hromada it lies in counts as reached by the training. */
    territory: KatottgSchema.default(''),
    attendance: z.enum(ATTENDANCES),
    hoursAttended: Hours,
    /** The same person trained before (trainees.id); null: a person not seen before. */
    traineeId: Id.nullable().default(null),
  })
  .strict();
export type ParticipantInput = z.input<typeof ParticipantInputSchema>;

export const CertificateSchema = z.object({ number: z.string(), year: z.number().int(), seq: z.number().int(), issuedOn: z.string() });

export const ParticipantSchema = z.object({
  id: z.string(),
  traineeId: z.string(),
  surname: z.string(),
  name: z.string(),
  patronymic: z.string(),
  position: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  /** The organisation's type when the participant was recorded: reports count by it even if the directory changes. */
  organisationType: OrganisationTypeSchema,
  territory: z.string(),
  attendance: z.enum(ATTENDANCES),
  hoursAttended: z.number(),
  /** Attended at least the minimum share of the hours: a certificate is due. */
  completed: z.boolean(),
  certificate: CertificateSchema.nullable(),
  /** Other trainings the same person took part in. */
  otherTrainings: z.number().int(),
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const TrainingSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(TRAINING_KINDS),
  topics: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
  hours: z.number(),
  format: z.enum(TRAINING_FORMATS),
  venue: z.string(),
  participants: z.number().int(),
  certificates: z.number().int(),
});
export type TrainingSummary = z.infer<typeof TrainingSummarySchema>;

export const TrainingSchema = TrainingSummarySchema.extend({
  place: z.string(),
  organisers: z.array(OrganisationRefSchema),
  partners: z.array(OrganisationRefSchema),
  trainers: z.array(z.object({ name: z.string(), affiliation: z.string() })),
  programme: z.string(),
  programmeFile: z.object({ fileName: z.string(), size: z.number().int() }).nullable(),
  note: z.string(),
  /** The share of hours (percent) a certificate needs, as the options say now. */
  minSharePercent: z.number().int(),
  participantList: z.array(ParticipantSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Training = z.infer<typeof TrainingSchema>;

export const TrainingFilterSchema = z
  .object({
    /** Words of the title. */
    query: Text(100).default(''),
    year: z.number().int().min(2000).max(2100).nullable().default(null),
    kind: z.enum(TRAINING_KINDS).nullable().default(null),
    topic: TopicCode.nullable().default(null),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const TrainingOptionsSchema = z
  .object({
    /** The share of the training's hours a participant must attend for a certificate. */
    minSharePercent: z.number({ error: 'number' }).int('number').min(1, 'percent').max(100, 'percent'),
  })
  .strict();
export type TrainingOptions = z.infer<typeof TrainingOptionsSchema>;

/** The programme as a file: PDF, DOCX or ODT, up to 10 MB. */
export const PROGRAMME_MAX_BYTES = 10 * 1024 * 1024;
export const ProgrammeFileSchema = z
  .object({
    trainingId: Id,
    fileName: Text(200).min(1, 'required').regex(/\.(pdf|docx?|odt|rtf|txt)$/i, 'programmeFileType'),
    base64: z.string().max(Math.ceil(PROGRAMME_MAX_BYTES / 3) * 4, { ...STOP, error: 'fileTooLarge' }),
  })
  .strict();

/* ---------------------------------------------------------------- import of a sign-in sheet */

/** A sign-in sheet up to 5 MB (XLSX or CSV in UTF-8 or Windows-1251); a sheet of a training is a few hundred rows. */
export const SHEET_MAX_BYTES = 5 * 1024 * 1024;
export const SHEET_MAX_ROWS = 2000;

export const SheetFileSchema = z
  .object({
    fileName: Text(200).min(1, 'required').regex(/\.(xlsx|csv)$/i, 'sheetFileType'),
    base64: z.string().max(Math.ceil(SHEET_MAX_BYTES / 3) * 4, { ...STOP, error: 'fileTooLarge' }),
  })
  .strict();

/** The participant fields a column can be mapped to. `fullName` is «Прізвище Ім’я По батькові» in one column. */
export const IMPORT_FIELDS = ['fullName', 'surname', 'name', 'patronymic', 'position', 'organisation', 'territory', 'hours', 'attendance'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** Field → index of the column it is read from (0-based); a field left out is not in the sheet. */
export const ImportMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(200));
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

export const SheetSchema = z.object({
  /** The first row: the column names. */
  headers: z.array(z.string()),
  /** The rows below it, as text, with the sheet's row number of each (empty rows skipped). */
  rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  /** The mapping guessed from the column names; the user corrects it. */
  mapping: ImportMappingSchema,
});
export type Sheet = z.infer<typeof SheetSchema>;

/** One row of the sheet as mapped, and what the user chose for it in the preview. */
export const ImportRowSchema = z
  .object({
    row: z.number().int().min(1),
    surname: Text(100).default(''),
    name: Text(100).default(''),
    patronymic: Text(100).default(''),
    position: Text(300).default(''),
    /** As written in the sheet; `organisationId` overrides it once the user chose from the directory. */
    organisation: Text(300).default(''),
    organisationId: Id.nullable().default(null),
    /** A КАТОТТГ code or a name as written; `territoryCode` overrides it once chosen. */
    territory: Text(300).default(''),
    territoryCode: KatottgSchema.nullable().default(null),
    hours: Text(20).default(''),
    attendance: Text(40).default(''),
    /** A person trained before the user said this is (trainees.id), 'new' for a person not seen before, null: not decided. */
    match: z.union([Id, z.literal('new')]).nullable().default(null),
    /** Left out of the import. */
    skip: z.boolean().default(false),
  })
  .strict();
export type ImportRow = z.input<typeof ImportRowSchema>;

export const IMPORT_PROBLEMS = [
  'surname_missing',
  'name_missing',
  'organisation_missing',
  'organisation_unknown',
  'organisation_ambiguous',
  'territory_unknown',
  'territory_ambiguous',
  'territory_dropped',
  'hours_bad',
  'hours_over',
  'attendance_bad',
  'duplicate_in_file',
  'already_participant',
  'too_long',
  /** Only on import: the row may be a person trained before, and the user has not said whether it is. */
  'match_undecided',
] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];

/** A person trained before whom a row may be: offered, never chosen for the user. */
export const TraineeMatchSchema = z.object({
  traineeId: z.string(),
  fullName: z.string(),
  organisationName: z.string(),
  lastTraining: z.string(),
  lastTrainedOn: z.string(),
  /** Same full name and organisation: the preview proposes it, the user may still say «new». */
  strong: z.boolean(),
});
export type TraineeMatch = z.infer<typeof TraineeMatchSchema>;

export const CheckedRowSchema = z.object({
  row: z.number().int(),
  problems: z.array(z.object({ problem: z.enum(IMPORT_PROBLEMS), field: z.enum(IMPORT_FIELDS).or(z.literal('row')), detail: z.string().default('') })),
  /** The row as it will be saved (names trimmed, organisation and territory resolved), when it has no problem. */
  participant: z
    .object({
      surname: z.string(),
      name: z.string(),
      patronymic: z.string(),
      position: z.string(),
      organisationId: z.string(),
      organisationName: z.string(),
      territory: z.string(),
      territoryName: z.string(),
      attendance: z.enum(ATTENDANCES),
      hoursAttended: z.number(),
    })
    .nullable(),
  matches: z.array(TraineeMatchSchema),
  skip: z.boolean(),
});
export type CheckedRow = z.infer<typeof CheckedRowSchema>;

export const ImportCheckSchema = z.object({ rows: z.array(CheckedRowSchema), good: z.number().int(), bad: z.number().int(), skipped: z.number().int() });
export type ImportCheck = z.infer<typeof ImportCheckSchema>;

export const ImportInputSchema = z
  .object({ trainingId: Id, rows: z.array(ImportRowSchema).min(1, 'required').max(SHEET_MAX_ROWS, STOP) })
  .strict();
