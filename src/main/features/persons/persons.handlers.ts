import { randomUUID } from 'node:crypto';
import type { Identification } from '../../../shared/domain/referrals';
import { AppError } from '../../../shared/errors';
import { giverRefusal, LIVE_STATES } from '../../../shared/referral-procedure';
import { kyivDate } from '../../../shared/time';
import type { FeatureHandlers, TxContext } from '../../kernel/context';
import type { Db } from '../../store/connection';
import { insertPerson } from '../cases/cases.repository';
import { assertKnownTerritory } from '../territories/territories.repository';
import { nextEventSeq } from '../referrals/referrals.repository';
import { assessmentsOf, listPersons, livePerson, loadPersonFile, notFuture, refuse, requireOrganisation } from './persons.repository';
import { personDocumentHandlers } from './persons.documents';

function writeIdentification(db: Db, personId: string, identification: Identification, now: Date): void {
  const today = kyivDate(now);
  const stamp = now.toISOString();
  notFuture(identification.identifiedOn, today);
  const had = db.prepare('SELECT identified_katottg FROM persons WHERE id = ?').pluck().get(personId) as string | undefined;
  assertKnownTerritory(db, now, 'identification.identifiedKatottg', identification.identifiedKatottg, had ?? null);
  if (identification.identifiedByOrganisationId) requireOrganisation(db, identification.identifiedByOrganisationId, 'identifiedByOrganisationId');
  db.prepare('UPDATE persons SET identified_on = ?, identified_by_organisation_id = ?, identified_katottg = ?, updated_at = ? WHERE id = ?').run(
    identification.identifiedOn,
    identification.identifiedByOrganisationId,
    identification.identifiedKatottg,
    stamp,
    personId,
  );
}

const fileOf = (ctx: TxContext, id: string) => loadPersonFile(ctx.store.db, id, kyivDate(ctx.now))!;

/**
 * The person's side of the referral mechanism. Every record is dated no later than Kyiv's today; a consent is never
 * edited, only revoked; revoking it is recorded on every referral still at work under it, in the same transaction.
 */
export const personsHandlers = {
  'persons:list': (input, ctx) => listPersons(ctx.store.db, input),

  'persons:record': (input, ctx) => {
    const db = ctx.store.db;
    const stamp = ctx.now.toISOString();
    const id = randomUUID();
    const code = insertPerson(db, id, input.person, stamp);
    writeIdentification(db, id, input.identification, ctx.now);
    ctx.audit({ action: 'person.recorded', entity: 'person', entityId: id, details: { code, identifiedOn: input.identification.identifiedOn } });
    return fileOf(ctx, id);
  },

  'persons:saveIdentification': (input, ctx) => {
    const db = ctx.store.db;
    const today = kyivDate(ctx.now);
    livePerson(db, input.personId, today);
    writeIdentification(db, input.personId, input.identification, ctx.now);
    ctx.audit({ action: 'person.identification_updated', entity: 'person', entityId: input.personId, details: { identifiedOn: input.identification.identifiedOn } });
    return fileOf(ctx, input.personId);
  },

  'persons:get': (input, ctx) => {
    const file = loadPersonFile(ctx.store.db, input.id, kyivDate(ctx.now));
    if (!file) throw new AppError('NOT_FOUND', 'no such person');
    // The file names no one, but notes, circumstances and descriptions may say who: a view is logged.
    ctx.auditRead('person', file.id);
    return file;
  },

  'persons:saveAssessment': (input, ctx) => {
    const db = ctx.store.db;
    const today = kyivDate(ctx.now);
    livePerson(db, input.personId, today);
    notFuture(input.date, today);
    const stamp = ctx.now.toISOString();
    const id = input.id ?? randomUUID();
    const values = { id, personId: input.personId, date: input.date, assessedBy: input.assessedBy, needs: JSON.stringify(input.needs), urgency: input.urgency, notes: input.notes, stamp };
    if (input.id) {
      const old = assessmentsOf(db, input.personId).find((a) => a.id === input.id);
      if (!old) throw new AppError('NOT_FOUND', 'no such assessment');
      // A referral answers needs of this assessment: those stay.
      const used = db.prepare('SELECT DISTINCT n.service FROM referral_needs n JOIN referrals r ON r.id = n.referral_id WHERE r.assessment_id = ?').pluck().all(input.id) as string[];
      const dropped = used.filter((s) => !(input.needs as string[]).includes(s));
      if (dropped.length) refuse({ reason: 'assessment_needs_in_use', details: { services: dropped } });
      // The referrals sent for it stand on it: it cannot be dated after the first of them went out.
      const first = db.prepare('SELECT MIN(sent_on) FROM referrals WHERE assessment_id = ?').pluck().get(input.id) as string | null;
      if (first && input.date > first) refuse({ reason: 'assessment_after_referral', details: { date: first } });
      db.prepare('UPDATE needs_assessments SET date = @date, assessed_by = @assessedBy, needs = @needs, urgency = @urgency, notes = @notes, updated_at = @stamp WHERE id = @id').run(values);
      // A draft made for it can be sent from the assessment's (corrected) date on.
      db.prepare("UPDATE referrals SET last_date = ? WHERE assessment_id = ? AND state = 'draft'").run(input.date, input.id);
    } else {
      db.prepare(
        `INSERT INTO needs_assessments (id, person_id, date, assessed_by, needs, urgency, notes, recorded_by, created_at, updated_at)
         VALUES (@id, @personId, @date, @assessedBy, @needs, @urgency, @notes, @recordedBy, @stamp, @stamp)`,
      ).run({ ...values, recordedBy: ctx.session.userId });
    }
    ctx.audit({ action: input.id ? 'assessment.updated' : 'assessment.created', entity: 'assessment', entityId: id, details: { personId: input.personId, needs: input.needs, urgency: input.urgency } });
    return fileOf(ctx, input.personId);
  },

  'persons:saveConsent': (input, ctx) => {
    const db = ctx.store.db;
    const today = kyivDate(ctx.now);
    livePerson(db, input.personId, today);
    notFuture(input.date, today);
    // Who may consent depends on the person's age on the day consent was given.
    const refusal = giverRefusal(input.givenBy, livePerson(db, input.personId, input.date));
    if (refusal) refuse(refusal);
    for (const organisationId of input.organisationIds) requireOrganisation(db, organisationId, 'organisationIds');
    const id = randomUUID();
    db.prepare(
      `INSERT INTO consents (id, person_id, date, form, witness, given_by, organisation_types, categories, valid_until, note, recorded_by, created_at)
       VALUES (@id, @personId, @date, @form, @witness, @givenBy, @types, @categories, @validUntil, @note, @recordedBy, @stamp)`,
    ).run({
      id,
      personId: input.personId,
      date: input.date,
      form: input.form,
      witness: input.form === 'oral' ? input.witness : '',
      givenBy: input.givenBy,
      types: JSON.stringify(input.organisationTypes),
      categories: JSON.stringify(input.categories),
      validUntil: input.validUntil,
      note: input.note,
      recordedBy: ctx.session.userId,
      stamp: ctx.now.toISOString(),
    });
    const named = db.prepare('INSERT OR IGNORE INTO consent_organisations (consent_id, organisation_id) VALUES (?, ?)');
    for (const organisationId of input.organisationIds) named.run(id, organisationId);
    ctx.audit({
      action: 'consent.given',
      entity: 'consent',
      entityId: id,
      details: { personId: input.personId, form: input.form, givenBy: input.givenBy, categories: input.categories, organisations: input.organisationIds.length, types: input.organisationTypes },
    });
    return fileOf(ctx, input.personId);
  },

  'persons:revokeConsent': (input, ctx) => {
    const db = ctx.store.db;
    const today = kyivDate(ctx.now);
    const consent = db.prepare('SELECT person_id AS personId, date, revoked_on AS revokedOn FROM consents WHERE id = ?').get(input.consentId) as
      | { personId: string; date: string; revokedOn: string | null }
      | undefined;
    if (!consent) throw new AppError('NOT_FOUND', 'no such consent');
    livePerson(db, consent.personId, today);
    if (consent.revokedOn) refuse({ reason: 'consent_already_revoked', details: { date: consent.revokedOn } });
    notFuture(input.date, today);
    if (input.date < consent.date) refuse({ reason: 'before_consent', details: { date: consent.date } });
    const stamp = ctx.now.toISOString();
    db.prepare('UPDATE consents SET revoked_on = ?, revocation_note = ? WHERE id = ?').run(input.date, input.note, input.consentId);
    ctx.audit({ action: 'consent.revoked', entity: 'consent', entityId: input.consentId, details: { personId: consent.personId, date: input.date } });
    // Every referral still at work under it shares nothing more from now on, and says so in its history.
    const live = db
      .prepare(`SELECT id, state FROM referrals WHERE consent_id = ? AND state IN (${LIVE_STATES.map(() => '?').join(', ')})`)
      .all(input.consentId, ...LIVE_STATES) as { id: string; state: string }[];
    for (const r of live) {
      db.prepare('UPDATE referrals SET consent_revoked_on = ?, updated_at = ? WHERE id = ?').run(input.date, stamp, r.id);
      db.prepare(
        `INSERT INTO referral_events (id, referral_id, seq, kind, state, date, note, recorded_by, recorded_at) VALUES (?, ?, ?, 'consent_revoked', ?, ?, ?, ?, ?)`,
      ).run(randomUUID(), r.id, nextEventSeq(db, r.id), r.state, input.date, input.note, ctx.session.userId, stamp);
      ctx.audit({ action: 'referral.consent_revoked', entity: 'referral', entityId: r.id, details: { consentId: input.consentId } });
    }
    return fileOf(ctx, consent.personId);
  },

  'persons:saveService': (input, ctx) => {
    const db = ctx.store.db;
    const today = kyivDate(ctx.now);
    livePerson(db, input.personId, today);
    notFuture(input.date, today);
    requireOrganisation(db, input.providerOrganisationId, 'providerOrganisationId');
    if (input.referralId) {
      const referral = db.prepare('SELECT person_id AS personId, state FROM referrals WHERE id = ?').get(input.referralId) as { personId: string; state: string } | undefined;
      if (!referral) throw new AppError('NOT_FOUND', 'no such referral', { field: 'referralId' });
      if (referral.personId !== input.personId) refuse({ reason: 'referral_other_person' });
      // A service comes from a referral that went out, and answers one of its needs.
      if (referral.state === 'draft') refuse({ reason: 'referral_not_sent' });
      const needs = db.prepare('SELECT service FROM referral_needs WHERE referral_id = ?').pluck().all(input.referralId) as string[];
      if (!needs.includes(input.service)) refuse({ reason: 'service_not_referred', details: { services: needs } });
    }
    const stamp = ctx.now.toISOString();
    const id = input.id ?? randomUUID();
    const values = { id, personId: input.personId, date: input.date, provider: input.providerOrganisationId, service: input.service, description: input.description, referralId: input.referralId, stamp };
    if (input.id) {
      const owner = db.prepare('SELECT person_id FROM services_received WHERE id = ?').pluck().get(input.id) as string | undefined;
      if (owner !== input.personId) throw new AppError('NOT_FOUND', 'no such service record');
      db.prepare(
        'UPDATE services_received SET date = @date, provider_organisation_id = @provider, service = @service, description = @description, referral_id = @referralId, updated_at = @stamp WHERE id = @id',
      ).run(values);
    } else {
      db.prepare(
        `INSERT INTO services_received (id, person_id, date, provider_organisation_id, service, description, referral_id, recorded_by, created_at, updated_at)
         VALUES (@id, @personId, @date, @provider, @service, @description, @referralId, @recordedBy, @stamp, @stamp)`,
      ).run({ ...values, recordedBy: ctx.session.userId });
    }
    ctx.audit({
      action: input.id ? 'service_received.updated' : 'service_received.created',
      entity: 'service_received',
      entityId: id,
      details: { personId: input.personId, service: input.service, referralId: input.referralId },
    });
    return fileOf(ctx, input.personId);
  },

  ...personDocumentHandlers,
} satisfies FeatureHandlers<'persons'>;
