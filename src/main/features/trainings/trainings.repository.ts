import type { OrganisationType } from '../../../shared/domain/organisations';
import { searchName } from '../../../shared/domain/territories';
import type { Attendance, TrainingFormat, TrainingKind } from '../../../shared/domain/training-codes';
import type { Participant, Topic, Training, TrainingSummary } from '../../../shared/domain/trainings';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { RegisterLine } from '../../documents/trainings/certificate-register';
import type { Db } from '../../store/connection';

/**
 * Reads of trainings, participants, trainees and topics. Other features (reports, coverage, the organisation merge)
 * may import this file; it writes nothing but the rows its callers hand it.
 */

/** «2026/007»: the year first, so a register sorted as text is also sorted by number; three digits cover a year's certificates. */
export const certificateNumber = (year: number, seq: number): string => `${year}/${String(seq).padStart(3, '0')}`;

/**
 * Whether the hours attended reach the share a certificate needs: exactly `hours × percent / 100`, no rounding. Both
 * sides are multiplied by 100 so that halves of hours and whole percents compare without a floating-point remainder.
 */
export const completedHours = (attended: number, hours: number, percent: number): boolean => attended * 100 >= hours * percent;

/** Surname and name as the trainees index compares them: lower case, one apostrophe. */
export const matchKeyOf = (surname: string, name: string): string => searchName(`${surname} ${name}`);

export interface TrainingRow {
  id: string;
  title: string;
  kind: TrainingKind;
  startsOn: string;
  endsOn: string;
  hours: number;
  format: TrainingFormat;
  venue: string;
  venueHromada: string | null;
  place: string;
  trainers: string;
  programme: string;
  programmeFileName: string | null;
  programmeSize: number | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

const TRAINING_COLUMNS = `t.id, t.title, t.kind, t.starts_on AS startsOn, t.ends_on AS endsOn, t.hours, t.format, t.venue, t.venue_hromada AS venueHromada,
  t.place, t.trainers, t.programme, t.programme_file_name AS programmeFileName, length(t.programme_file) AS programmeSize, t.note,
  t.created_at AS createdAt, t.updated_at AS updatedAt`;

export function findTraining(db: Db, id: string): TrainingRow | undefined {
  return db.prepare(`SELECT ${TRAINING_COLUMNS} FROM trainings t WHERE t.id = ?`).get(id) as TrainingRow | undefined;
}

/** The topics of a training by code: the order of the link table's key, the same in the card and the list. */
export function topicsOf(db: Db, trainingId: string): string[] {
  return db.prepare('SELECT topic FROM training_topic_links WHERE training_id = ? ORDER BY topic').pluck().all(trainingId) as string[];
}

export function organisationsOf(db: Db, trainingId: string, role: 'organiser' | 'partner'): { id: string; name: string }[] {
  return db
    .prepare(
      `SELECT o.id, o.name FROM training_organisations l JOIN organisations o ON o.id = l.organisation_id
       WHERE l.training_id = ? AND l.role = ? ORDER BY l.position`,
    )
    .all(trainingId, role) as { id: string; name: string }[];
}

interface ParticipantRow {
  id: string;
  traineeId: string;
  surname: string;
  name: string;
  patronymic: string;
  position: string;
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  territory: string;
  hromadaCode: string | null;
  attendance: Attendance;
  hoursAttended: number;
  certificateYear: number | null;
  certificateSeq: number | null;
  certificateIssuedOn: string | null;
  otherTrainings: number;
}

/**
 * The participants of one training in the card's order: surname, name, patronymic as Ukrainian sorts them. SQLite
 * has no Ukrainian collation, so the sort is done here; one training holds at most a few hundred people.
 */
export function participantsOf(db: Db, training: { id: string; hours: number }, minSharePercent: number): Participant[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.trainee_id AS traineeId, p.surname, p.name, p.patronymic, p.position, p.organisation_id AS organisationId,
         o.name AS organisationName, p.organisation_type AS organisationType, p.territory, p.hromada_code AS hromadaCode, p.attendance,
         p.hours_attended AS hoursAttended, p.certificate_year AS certificateYear, p.certificate_seq AS certificateSeq,
         p.certificate_issued_on AS certificateIssuedOn,
         (SELECT COUNT(*) FROM training_participants q WHERE q.trainee_id = p.trainee_id AND q.id <> p.id) AS otherTrainings
       FROM training_participants p JOIN organisations o ON o.id = p.organisation_id WHERE p.training_id = ?`,
    )
    .all(training.id) as ParticipantRow[];
  return rows.sort(byName).map((r) => ({
    id: r.id,
    traineeId: r.traineeId,
    surname: r.surname,
    name: r.name,
    patronymic: r.patronymic,
    position: r.position,
    organisationId: r.organisationId,
    organisationName: r.organisationName,
    organisationType: r.organisationType,
    territory: r.territory,
    attendance: r.attendance,
    hoursAttended: r.hoursAttended,
    completed: completedHours(r.hoursAttended, training.hours, minSharePercent),
    certificate:
      r.certificateYear !== null && r.certificateSeq !== null
        ? {
            number: certificateNumber(r.certificateYear, r.certificateSeq),
            year: r.certificateYear,
            seq: r.certificateSeq,
            issuedOn: r.certificateIssuedOn ?? '',
          }
        : null,
    otherTrainings: r.otherTrainings,
  }));
}

export function byName(a: { surname: string; name: string; patronymic: string }, b: { surname: string; name: string; patronymic: string }): number {
  return a.surname.localeCompare(b.surname, 'uk') || a.name.localeCompare(b.name, 'uk') || a.patronymic.localeCompare(b.patronymic, 'uk');
}

export function loadTraining(db: Db, id: string, minSharePercent: number): Training | undefined {
  const t = findTraining(db, id);
  if (!t) return undefined;
  const participantList = participantsOf(db, t, minSharePercent);
  return {
    id: t.id,
    title: t.title,
    kind: t.kind,
    topics: topicsOf(db, t.id),
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    hours: t.hours,
    format: t.format,
    venue: t.venue,
    participants: participantList.length,
    certificates: participantList.filter((p) => p.certificate).length,
    place: t.place,
    organisers: organisationsOf(db, t.id, 'organiser'),
    partners: organisationsOf(db, t.id, 'partner'),
    trainers: JSON.parse(t.trainers) as { name: string; affiliation: string }[],
    programme: t.programme,
    programmeFile: t.programmeFileName !== null ? { fileName: t.programmeFileName, size: t.programmeSize ?? 0 } : null,
    note: t.note,
    minSharePercent,
    participantList,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

export interface TrainingListFilter {
  query: string;
  year: number | null;
  kind: TrainingKind | null;
  topic: string | null;
  offset: number;
  limit: number;
}

/**
 * One page of trainings, newest first on the index `trainings_starts`, and the total under the same filter. The words
 * of the title are matched with instr() on `search_title`: a scan of the trainings table, which holds a few hundred
 * rows in an oblast's lifetime (a LIKE would scan as well, and would fold only ASCII case).
 */
export function listTrainings(db: Db, filter: TrainingListFilter): { total: number; rows: TrainingSummary[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = {
    limit: filter.limit,
    offset: filter.offset,
  };
  searchName(filter.query)
    .split(' ')
    .filter(Boolean)
    .forEach((word, i) => {
      where.push(`instr(t.search_title, @w${i}) > 0`);
      params[`w${i}`] = word;
    });
  if (filter.year !== null) {
    // A range of the indexed column rather than strftime(), so the year narrows the index walk.
    where.push('t.starts_on >= @from AND t.starts_on < @to');
    params.from = `${filter.year}-01-01`;
    params.to = `${filter.year + 1}-01-01`;
  }
  if (filter.kind !== null) {
    where.push('t.kind = @kind');
    params.kind = filter.kind;
  }
  if (filter.topic !== null) {
    // EXISTS keeps the walk on trainings_starts in the list's order; an IN list would be read by id and sorted again.
    where.push('EXISTS (SELECT 1 FROM training_topic_links l WHERE l.training_id = t.id AND l.topic = @topic)');
    params.topic = filter.topic;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT COUNT(*) FROM trainings t ${clause}`).pluck().get(params) as number;
  const rows = db
    .prepare(
      `SELECT t.id, t.title, t.kind, t.starts_on AS startsOn, t.ends_on AS endsOn, t.hours, t.format, t.venue,
         (SELECT json_group_array(l.topic) FROM training_topic_links l WHERE l.training_id = t.id) AS topics,
         (SELECT COUNT(*) FROM training_participants p WHERE p.training_id = t.id) AS participants,
         (SELECT COUNT(p.certificate_seq) FROM training_participants p WHERE p.training_id = t.id) AS certificates
       FROM trainings t ${clause} ORDER BY t.starts_on DESC, t.id DESC LIMIT @limit OFFSET @offset`,
    )
    .all(params) as (Omit<TrainingSummary, 'topics'> & { topics: string })[];
  return {
    total,
    rows: rows.map((r) => ({ ...r, topics: JSON.parse(r.topics) as string[] })),
  };
}

export function allTopics(db: Db): Topic[] {
  return (db.prepare('SELECT code, uk, en, active FROM training_topics ORDER BY position, code').all() as (Omit<Topic, 'active'> & { active: number })[]).map((t) => ({
    ...t,
    active: t.active === 1,
  }));
}

/** The last seq given in a certificate year (0 when none): the unique index on (year, seq) serves the MAX. */
export function lastCertificateSeq(db: Db, year: number): number {
  return (db.prepare('SELECT MAX(certificate_seq) FROM training_participants WHERE certificate_year = ?').pluck().get(year) as number | null) ?? 0;
}

/** A person trained before whom a new participant may be: same surname and name, with where they were last seen. */
export interface TraineeCandidate {
  traineeId: string;
  surname: string;
  name: string;
  patronymic: string;
  organisationId: string;
  organisationName: string;
  lastTraining: string;
  lastTrainedOn: string;
}

/** The trainees of a match key, each with their latest participation (organisation, training, date), on the trainees and participants indexes. */
export function traineesByKey(db: Db, matchKey: string): TraineeCandidate[] {
  return db
    .prepare(
      `SELECT e.id AS traineeId, e.surname, e.name, e.patronymic, p.organisation_id AS organisationId, o.name AS organisationName,
         t.title AS lastTraining, t.ends_on AS lastTrainedOn
       FROM trainees e
       JOIN training_participants p ON p.id = (
         -- SQLite takes a bare column from the row max() picked: the latest participation without sorting.
         SELECT id FROM (SELECT q.id, max(u.ends_on) FROM training_participants q JOIN trainings u ON u.id = q.training_id WHERE q.trainee_id = e.id))
       JOIN trainings t ON t.id = p.training_id
       JOIN organisations o ON o.id = p.organisation_id
       WHERE e.match_key = ?`,
    )
    .all(matchKey) as TraineeCandidate[];
}

/** Certificates issued in a year, by number, with what the register prints beside each. */
export interface RegisterRow extends Omit<RegisterLine, 'number'> {
  year: number;
  seq: number;
  trainingId: string;
}

export function certificatesOfYear(db: Db, year: number): RegisterRow[] {
  return db
    .prepare(
      `SELECT p.certificate_year AS year, p.certificate_seq AS seq, p.certificate_issued_on AS issuedOn, p.surname, p.name, p.patronymic,
         o.name AS organisationName, t.title, t.starts_on AS startsOn, t.ends_on AS endsOn, t.hours, p.hours_attended AS hoursAttended, t.id AS trainingId
       FROM training_participants p JOIN trainings t ON t.id = p.training_id JOIN organisations o ON o.id = p.organisation_id
       WHERE p.certificate_year = ? ORDER BY p.certificate_seq`,
    )
    .all(year) as RegisterRow[];
}

/** A field's sentence under the field: VALIDATION with the i18n key, as the form shows zod's own. */
export function invalid(path: string, key: string, reason: string): never {
  throw new AppError('VALIDATION', reason.replace(/_/g, ' '), {
    field: path.split('.').at(-1),
    reason,
    issues: [{ path, code: 'custom', key }],
  });
}

export function insertTrainee(db: Db, p: { surname: string; name: string; patronymic: string }, stamp: string): string {
  const id = randomUUID();
  db.prepare('INSERT INTO trainees (id, surname, name, patronymic, match_key, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    p.surname,
    p.name,
    p.patronymic,
    matchKeyOf(p.surname, p.name),
    stamp,
  );
  return id;
}

export interface ParticipantValues {
  id: string;
  trainingId: string;
  trainee: string;
  surname: string;
  name: string;
  patronymic: string;
  position: string;
  organisationId: string;
  organisationType: string;
  territory: string;
  hromadaCode: string | null;
  attendance: string;
  hours: number;
  stamp: string;
}

export function insertParticipant(db: Db, values: ParticipantValues): void {
  db.prepare(
    `INSERT INTO training_participants (id, training_id, trainee_id, surname, name, patronymic, position, organisation_id, organisation_type, territory,
       hromada_code, attendance, hours_attended, created_at, updated_at)
     VALUES (@id, @trainingId, @trainee, @surname, @name, @patronymic, @position, @organisationId, @organisationType, @territory, @hromadaCode,
       @attendance, @hours, @stamp, @stamp)`,
  ).run(values);
}
