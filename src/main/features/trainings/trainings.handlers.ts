import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import { searchName } from '../../../shared/domain/territories';
import { PROGRAMME_MAX_BYTES, type TrainingInput } from '../../../shared/domain/trainings';
import { AppError } from '../../../shared/errors';
import { kyivDate } from '../../../shared/time';
import type { FeatureHandlers } from '../../kernel/context';
import type { Db } from '../../store/connection';
import { getSetting, putSetting } from '../../store/settings';
import { notFuture, refuse, requireOrganisation } from '../persons/persons.repository';
import { assertKnownTerritory, placeOf } from '../territories/territories.repository';
import { trainingDocumentHandlers } from './trainings.documents';
import { checkImport, importRows } from './trainings.import';
import { readSheet } from './trainings.sheet';
import {
  allTopics,
  completedHours,
  findTraining,
  insertParticipant,
  insertTrainee,
  invalid,
  lastCertificateSeq,
  loadTraining,
  listTrainings,
  matchKeyOf,
  organisationsOf,
  participantsOf,
  topicsOf,
  type TrainingRow,
} from './trainings.repository';

const minShare = (db: Db): number => getSetting(db, 'trainingOptions').minSharePercent;

function requireTraining(db: Db, id: string): TrainingRow {
  const found = findTraining(db, id);
  if (!found) throw new AppError('NOT_FOUND', 'no such training');
  return found;
}

const card = (db: Db, id: string) => loadTraining(db, id, minShare(db))!;

/** Every topic known, and active unless the training already had it: a topic retired since stays on old trainings. */
function checkTopics(db: Db, topics: string[], kept: string[]): void {
  const known = new Map(allTopics(db).map((t) => [t.code, t.active]));
  for (const code of topics) {
    if (!known.has(code)) invalid('topics', 'unknownTopic', 'unknown_topic');
    if (!known.get(code) && !kept.includes(code)) invalid('topics', 'topicRetired', 'topic_retired');
  }
}

/**
 * Changes to the hours or the dates must leave every issued certificate true: the holders still completed, and the
 * numbers still belong to the year the training ended in.
 */
function checkAgainstParticipants(db: Db, old: TrainingRow, input: TrainingInput & { hours: number; endsOn: string }): void {
  const participants = participantsOf(db, old, minShare(db));
  if (participants.some((p) => p.hoursAttended > input.hours)) invalid('hours', 'hoursBelowAttended', 'hours_below_attended');
  const issued = participants.filter((p) => p.certificate);
  if (issued.length === 0) return;
  if (input.hours > old.hours && issued.some((p) => !completedHours(p.hoursAttended, input.hours, minShare(db)))) refuse({ reason: 'certificate_issued' });
  if (input.endsOn.slice(0, 4) !== old.endsOn.slice(0, 4) || issued.some((p) => p.certificate!.issuedOn < input.endsOn)) refuse({ reason: 'certificates_issued' });
}

const unique = (ids: string[]): string[] => [...new Set(ids)];

const PROGRAMME_MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.rtf': 'application/rtf',
  '.txt': 'text/plain',
};

/** The first bytes each kind of file begins with: a file named .pdf that is not a PDF would not open for the reader. */
function looksLike(extension: string, bytes: Buffer): boolean {
  const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b);
  switch (extension) {
    case '.pdf':
      return bytes.subarray(0, 1024).includes('%PDF-');
    case '.docx':
    case '.odt':
      return starts([0x50, 0x4b, 0x03, 0x04]);
    case '.doc':
      return starts([0xd0, 0xcf, 0x11, 0xe0]) || starts([0x50, 0x4b, 0x03, 0x04]);
    case '.rtf':
      return bytes.subarray(0, 5).toString('latin1') === '{\\rtf';
    default: {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return true;
      } catch {
        // A plain-text programme saved by Notepad in Windows-1251: text, as long as it holds no control bytes.
        return !bytes.some((b) => b < 0x09 || (b > 0x0d && b < 0x20));
      }
    }
  }
}

/** A code for a new topic from its English name: lower-case words joined by «_», made unique with a number. */
function topicCode(db: Db, en: string): string {
  let base = en
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 34);
  if (!/^[a-z]/.test(base)) base = `topic_${base}`.replace(/_+$/, '');
  const taken = new Set(db.prepare('SELECT code FROM training_topics').pluck().all() as string[]);
  let code = base;
  for (let n = 2; taken.has(code); n += 1) code = `${base}_${n}`;
  return code;
}

/**
 * Trainings, participants and certificates. The card is returned after every change so the window never shows a
 * stale count; audit details carry ids and counts, never a participant's name.
 */
export const trainingsHandlers = {
  'trainings:list': (input, ctx) => listTrainings(ctx.store.db, input),

  'trainings:get': (input, ctx) => {
    const found = loadTraining(ctx.store.db, input.id, minShare(ctx.store.db));
    if (!found) throw new AppError('NOT_FOUND', 'no such training');
    return found;
  },

  'trainings:save': (input, ctx) => {
    const db = ctx.store.db;
    const old = input.id ? requireTraining(db, input.id) : null;
    checkTopics(db, input.topics, old ? topicsOf(db, old.id) : []);
    const organiserIds = unique(input.organiserIds);
    const partnerIds = unique(input.partnerIds);
    // An organisation closed or merged since stays on the trainings it was already on; it is not added to new ones.
    const kept = old ? new Set([...organisationsOf(db, old.id, 'organiser'), ...organisationsOf(db, old.id, 'partner')].map((o) => o.id)) : new Set<string>();
    for (const [field, ids] of [['organiserIds', organiserIds], ['partnerIds', partnerIds]] as const) {
      for (const id of ids) if (!requireOrganisation(db, id, field).active && !kept.has(id)) refuse({ reason: 'organisation_inactive', details: { field } });
    }
    assertKnownTerritory(db, ctx.now, 'venue', input.venue, old?.venue ?? null);
    if (old) checkAgainstParticipants(db, old, input);
    const stamp = ctx.now.toISOString();
    const id = old?.id ?? randomUUID();
    const values = {
      id,
      title: input.title,
      searchTitle: searchName(input.title),
      kind: input.kind,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      hours: input.hours,
      format: input.format,
      venue: input.venue,
      venueHromada: placeOf(db, ctx.now, input.venue).hromadaCode,
      place: input.place,
      trainers: JSON.stringify(input.trainers),
      programme: input.programme,
      note: input.note,
      userId: ctx.session.userId,
      stamp,
    };
    if (old) {
      db.prepare(
        `UPDATE trainings SET title = @title, search_title = @searchTitle, kind = @kind, starts_on = @startsOn, ends_on = @endsOn, hours = @hours,
           format = @format, venue = @venue, venue_hromada = @venueHromada, place = @place, trainers = @trainers, programme = @programme, note = @note,
           updated_at = @stamp WHERE id = @id`,
      ).run(values);
      db.prepare('DELETE FROM training_topic_links WHERE training_id = ?').run(id);
      db.prepare('DELETE FROM training_organisations WHERE training_id = ?').run(id);
    } else {
      db.prepare(
        `INSERT INTO trainings (id, title, search_title, kind, starts_on, ends_on, hours, format, venue, venue_hromada, place, trainers, programme, note,
           created_by, created_at, updated_at)
         VALUES (@id, @title, @searchTitle, @kind, @startsOn, @endsOn, @hours, @format, @venue, @venueHromada, @place, @trainers, @programme, @note,
           @userId, @stamp, @stamp)`,
      ).run(values);
    }
    const link = db.prepare('INSERT INTO training_topic_links (training_id, topic) VALUES (?, ?)');
    for (const topic of unique(input.topics)) link.run(id, topic);
    const organisation = db.prepare('INSERT INTO training_organisations (training_id, role, organisation_id, position) VALUES (?, ?, ?, ?)');
    organiserIds.forEach((orgId, i) => organisation.run(id, 'organiser', orgId, i));
    partnerIds.forEach((orgId, i) => organisation.run(id, 'partner', orgId, i));
    ctx.audit({
      action: old ? 'training.updated' : 'training.created',
      entity: 'training',
      entityId: id,
      details: {
        kind: input.kind,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        hours: input.hours,
        topics: unique(input.topics),
        organiserIds,
        partnerIds,
      },
    });
    return card(db, id);
  },

  'trainings:remove': (input, ctx) => {
    const db = ctx.store.db;
    requireTraining(db, input.id);
    const counts = db.prepare('SELECT COUNT(*) AS participants, COUNT(certificate_seq) AS certificates FROM training_participants WHERE training_id = ?').get(input.id) as {
      participants: number;
      certificates: number;
    };
    if (counts.certificates > 0)
      refuse({
        reason: 'certificates_issued',
        details: { certificates: counts.certificates },
      });
    const trainees = db.prepare('SELECT trainee_id FROM training_participants WHERE training_id = ?').pluck().all(input.id) as string[];
    db.prepare('DELETE FROM trainings WHERE id = ?').run(input.id);
    dropLonelyTrainees(db, trainees);
    ctx.audit({
      action: 'training.removed',
      entity: 'training',
      entityId: input.id,
      details: { participants: counts.participants },
    });
    return { id: input.id };
  },

  'trainings:saveParticipant': ({ trainingId, participant: p }, ctx) => {
    const db = ctx.store.db;
    const training = requireTraining(db, trainingId);
    const percent = minShare(db);
    const old = p.id ? findParticipant(db, p.id, trainingId) : null;
    const organisation = requireOrganisation(db, p.organisationId, 'organisationId');
    if (!organisation.active && old?.organisationId !== p.organisationId) refuse({ reason: 'organisation_inactive', details: { field: 'organisationId' } });
    assertKnownTerritory(db, ctx.now, 'participant.territory', p.territory, old?.territory ?? null);
    // «Absent» is zero hours whatever the form still held from before the choice.
    const hours = p.attendance === 'absent' ? 0 : p.hoursAttended;
    if (hours > training.hours) invalid('participant.hoursAttended', 'hoursOver', 'hours_over');
    // A certificate given stays true: the hours may not drop below the share it needs now. Hours left as they were
    // never refuse, whatever share was in force when it was issued.
    if (old?.certificateSeq != null && hours < old.hoursAttended && !completedHours(hours, training.hours, percent)) refuse({ reason: 'certificate_issued' });
    const traineeId = p.traineeId ?? old?.traineeId ?? null;
    // A new participant joins a person trained before only under that person's surname and name.
    if (!old && p.traineeId) {
      const key = db.prepare('SELECT match_key FROM trainees WHERE id = ?').pluck().get(p.traineeId) as string | undefined;
      if (key !== undefined && key !== matchKeyOf(p.surname, p.name)) refuse({ reason: 'trainee_other_name' });
    }
    if (traineeId && !db.prepare('SELECT 1 FROM trainees WHERE id = ?').get(traineeId))
      throw new AppError('NOT_FOUND', 'no such trainee', {
        field: 'traineeId',
      });
    if (traineeId && db.prepare('SELECT 1 FROM training_participants WHERE training_id = ? AND trainee_id = ? AND id <> ?').get(trainingId, traineeId, p.id ?? '')) {
      refuse({ reason: 'already_participant' });
    }
    const stamp = ctx.now.toISOString();
    const id = old?.id ?? randomUUID();
    const trainee = traineeId ?? insertTrainee(db, p, stamp);
    if (traineeId) {
      // The trainee's name follows the latest correction: a typo fixed on one card is fixed for the person.
      db.prepare('UPDATE trainees SET surname = ?, name = ?, patronymic = ?, match_key = ? WHERE id = ?').run(
        p.surname,
        p.name,
        p.patronymic,
        matchKeyOf(p.surname, p.name),
        traineeId,
      );
    }
    const values = {
      id,
      trainingId,
      trainee,
      surname: p.surname,
      name: p.name,
      patronymic: p.patronymic,
      position: p.position,
      organisationId: p.organisationId,
      // The type the organisation had when the person was recorded, kept unless the organisation itself changed.
      organisationType: old && old.organisationId === p.organisationId ? old.organisationType : organisation.type,
      territory: p.territory,
      hromadaCode: placeOf(db, ctx.now, p.territory).hromadaCode,
      attendance: p.attendance,
      hours,
      stamp,
    };
    if (old) {
      db.prepare(
        `UPDATE training_participants SET trainee_id = @trainee, surname = @surname, name = @name, patronymic = @patronymic, position = @position,
           organisation_id = @organisationId, organisation_type = @organisationType, territory = @territory, hromada_code = @hromadaCode,
           attendance = @attendance, hours_attended = @hours, updated_at = @stamp WHERE id = @id`,
      ).run(values);
      if (old.traineeId !== trainee) dropLonelyTrainees(db, [old.traineeId]);
    } else insertParticipant(db, values);
    ctx.audit({
      action: old ? 'participant.updated' : 'participant.added',
      entity: 'participant',
      entityId: id,
      details: {
        trainingId,
        traineeId: trainee,
        organisationId: p.organisationId,
        attendance: p.attendance,
        hoursAttended: hours,
      },
    });
    return card(db, trainingId);
  },

  'trainings:removeParticipant': (input, ctx) => {
    const db = ctx.store.db;
    requireTraining(db, input.trainingId);
    const old = findParticipant(db, input.participantId, input.trainingId);
    if (old.certificateSeq !== null) refuse({ reason: 'certificate_issued' });
    db.prepare('DELETE FROM training_participants WHERE id = ?').run(old.id);
    dropLonelyTrainees(db, [old.traineeId]);
    ctx.audit({
      action: 'participant.removed',
      entity: 'participant',
      entityId: old.id,
      details: { trainingId: input.trainingId, traineeId: old.traineeId },
    });
    return card(db, input.trainingId);
  },

  'trainings:issueCertificates': (input, ctx) => {
    const db = ctx.store.db;
    const training = requireTraining(db, input.trainingId);
    if (input.issuedOn < training.endsOn)
      refuse({
        reason: 'issued_before_end',
        details: { endsOn: training.endsOn },
      });
    notFuture(input.issuedOn, kyivDate(ctx.now));
    // The year the training ended in numbers its certificates, whatever day they are handed out.
    const year = Number(training.endsOn.slice(0, 4));
    const due = participantsOf(db, training, minShare(db)).filter((p) => p.completed && !p.certificate);
    if (due.length === 0) refuse({ reason: 'no_certificates_due' });
    const first = lastCertificateSeq(db, year) + 1;
    const give = db.prepare('UPDATE training_participants SET certificate_year = ?, certificate_seq = ?, certificate_issued_on = ?, updated_at = ? WHERE id = ?');
    due.forEach((p, i) => give.run(year, first + i, input.issuedOn, ctx.now.toISOString(), p.id));
    ctx.audit({
      action: 'training.certificates_issued',
      entity: 'training',
      entityId: training.id,
      details: {
        issued: due.length,
        year,
        firstSeq: first,
        lastSeq: first + due.length - 1,
        issuedOn: input.issuedOn,
      },
    });
    return { issued: due.length, training: card(db, training.id) };
  },

  'trainings:attachProgramme': (input, ctx) => {
    const db = ctx.store.db;
    requireTraining(db, input.trainingId);
    // Node decodes any text as base64, skipping what it cannot read: a damaged upload must not be stored as a programme.
    if (input.base64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(input.base64)) invalid('base64', 'fileDamaged', 'file_damaged');
    const bytes = Buffer.from(input.base64, 'base64');
    if (bytes.length === 0) invalid('base64', 'fileEmpty', 'file_empty');
    if (bytes.length > PROGRAMME_MAX_BYTES) invalid('base64', 'fileTooLarge', 'file_too_large');
    if (!looksLike(extname(input.fileName).toLowerCase(), bytes)) invalid('base64', 'programmeFileContent', 'programme_file_content');
    db.prepare('UPDATE trainings SET programme_file_name = ?, programme_file = ?, updated_at = ? WHERE id = ?').run(input.fileName, bytes, ctx.now.toISOString(), input.trainingId);
    ctx.audit({
      action: 'training.programme_attached',
      entity: 'training',
      entityId: input.trainingId,
      details: {
        bytes: bytes.length,
        type: extname(input.fileName).toLowerCase(),
      },
    });
    return card(db, input.trainingId);
  },

  'trainings:removeProgramme': (input, ctx) => {
    const db = ctx.store.db;
    const training = requireTraining(db, input.id);
    if (training.programmeFileName === null) refuse({ reason: 'no_programme_file' });
    db.prepare('UPDATE trainings SET programme_file_name = NULL, programme_file = NULL, updated_at = ? WHERE id = ?').run(ctx.now.toISOString(), input.id);
    ctx.audit({
      action: 'training.programme_removed',
      entity: 'training',
      entityId: input.id,
      details: {},
    });
    return card(db, input.id);
  },

  'trainings:programmeFile': (input, ctx) => {
    const row = ctx.store.db.prepare('SELECT programme_file_name AS fileName, programme_file AS bytes FROM trainings WHERE id = ?').get(input.id) as
      { fileName: string | null; bytes: Buffer | null } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'no such training');
    if (row.fileName === null || row.bytes === null)
      throw new AppError('NOT_FOUND', 'no programme file', {
        reason: 'no_programme_file',
      });
    return {
      fileName: row.fileName,
      mimeType: PROGRAMME_MIME[extname(row.fileName).toLowerCase()] ?? 'application/octet-stream',
      base64: row.bytes.toString('base64'),
    };
  },

  'trainings:readSheet': (input) => readSheet(input.fileName, input.base64),

  'trainings:checkImport': (input, ctx) => checkImport(ctx.store.db, ctx.now, requireTraining(ctx.store.db, input.trainingId), input.rows),

  'trainings:import': (input, ctx) => {
    const db = ctx.store.db;
    const training = requireTraining(db, input.trainingId);
    const result = importRows(db, ctx.now, training, input.rows);
    ctx.audit({
      action: 'training.imported',
      entity: 'training',
      entityId: training.id,
      details: result,
    });
    return { imported: result.imported, training: card(db, training.id) };
  },

  'trainings:topics': (_input, ctx) => allTopics(ctx.store.db),

  'trainings:saveTopic': (input, ctx) => {
    const db = ctx.store.db;
    let code = input.code;
    if (code) {
      const changed = db.prepare('UPDATE training_topics SET uk = ?, en = ?, active = ? WHERE code = ?').run(input.uk, input.en, input.active ? 1 : 0, code).changes;
      if (changed === 0) throw new AppError('NOT_FOUND', 'no such topic', { field: 'code' });
    } else {
      code = topicCode(db, input.en);
      const position = ((db.prepare('SELECT MAX(position) FROM training_topics').pluck().get() as number | null) ?? -1) + 1;
      db.prepare('INSERT INTO training_topics (code, uk, en, active, position) VALUES (?, ?, ?, ?, ?)').run(code, input.uk, input.en, input.active ? 1 : 0, position);
    }
    ctx.audit({
      action: 'training_topic.saved',
      entity: 'training_topic',
      entityId: code,
      details: { created: !input.code, active: input.active },
    });
    return allTopics(db);
  },

  'trainings:options': (_input, ctx) => getSetting(ctx.store.db, 'trainingOptions'),

  'trainings:saveOptions': (input, ctx) => {
    putSetting(ctx.store.db, 'trainingOptions', input, ctx.now);
    ctx.audit({
      action: 'training_options.saved',
      entity: 'training_options',
      entityId: 'trainingOptions',
      details: { minSharePercent: input.minSharePercent },
    });
    return input;
  },

  ...trainingDocumentHandlers,
} satisfies FeatureHandlers<'trainings'>;

interface OldParticipant {
  id: string;
  traineeId: string;
  organisationId: string;
  organisationType: string;
  territory: string;
  certificateSeq: number | null;
  hoursAttended: number;
}

function findParticipant(db: Db, id: string, trainingId: string): OldParticipant {
  const row = db
    .prepare(
      `SELECT id, trainee_id AS traineeId, organisation_id AS organisationId, organisation_type AS organisationType, territory, certificate_seq AS certificateSeq,
         hours_attended AS hoursAttended
       FROM training_participants WHERE id = ? AND training_id = ?`,
    )
    .get(id, trainingId) as OldParticipant | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'no such participant');
  return row;
}

/** A trainee left with no participation is nobody's record any more: the name goes with the last card that held it. */
function dropLonelyTrainees(db: Db, ids: string[]): void {
  const drop = db.prepare('DELETE FROM trainees WHERE id = ? AND NOT EXISTS (SELECT 1 FROM training_participants WHERE trainee_id = ?)');
  for (const id of new Set(ids)) drop.run(id, id);
}
