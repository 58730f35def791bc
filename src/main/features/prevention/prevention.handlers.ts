import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { kyivDate } from '../../../shared/time';
import type { FeatureHandlers } from '../../kernel/context';
import { refuse, requireOrganisation } from '../persons/persons.repository';
import { assertKnownTerritory, placeOf } from '../territories/territories.repository';
import { findEvent, listEvents, loadEvent, writeOrganisations } from './prevention.repository';

/**
 * Prevention events in the oblast's communities. An event is recorded after it was held: a date later than Kyiv's
 * today is refused. Audit details carry ids, codes and counts only.
 */
export const preventionHandlers = {
  'prevention:list': (input, ctx) => listEvents(ctx.store.db, input),

  'prevention:get': (input, ctx) => {
    const found = loadEvent(ctx.store.db, input.id);
    if (!found) throw new AppError('NOT_FOUND', 'no such prevention event');
    return found;
  },

  'prevention:save': (input, ctx) => {
    const db = ctx.store.db;
    const old = input.id ? findEvent(db, input.id) : undefined;
    if (input.id && !old) throw new AppError('NOT_FOUND', 'no such prevention event');
    if (input.date > kyivDate(ctx.now)) {
      throw new AppError('VALIDATION', 'the event date is in the future', { field: 'date', reason: 'future_date', issues: [{ path: 'date', code: 'custom', key: 'futureDate' }] });
    }
    // A closed or merged organisation stays on an event that already had it, and joins no other.
    const kept = new Set(old ? (db.prepare('SELECT organisation_id FROM prevention_organisations WHERE event_id = ?').pluck().all(old.id) as string[]) : []);
    for (const field of ['organiserIds', 'partnerIds'] as const) {
      input[field].forEach((id, i) => {
        if (!requireOrganisation(db, id, `${field}.${i}`).active && !kept.has(id)) refuse({ reason: 'organisation_inactive', details: { field } });
      });
    }
    assertKnownTerritory(db, ctx.now, 'territory', input.territory, old?.territory ?? null);
    const place = placeOf(db, ctx.now, input.territory);
    // An event is held in a hromada or a place in it: a raion or the oblast would count for no hromada at all.
    if (place.hromadaCode === null) {
      throw new AppError('VALIDATION', 'not a hromada or a place in one', { field: 'territory', reason: 'not_in_hromada', issues: [{ path: 'territory', code: 'custom', key: 'hromadaOrBelow' }] });
    }
    const people = Object.values(input.groups).reduce<number>((sum, n) => sum + (n ?? 0), 0);
    const stamp = ctx.now.toISOString();
    const id = input.id ?? randomUUID();
    const values = {
      id,
      kind: input.kind,
      title: input.title,
      date: input.date,
      territory: input.territory,
      hromadaCode: place.hromadaCode,
      raionCode: place.raionCode,
      place: input.place,
      groups: JSON.stringify(input.groups),
      people,
      materials: input.materials,
      mediaAudience: input.mediaAudience,
      note: input.note,
      userId: ctx.session.userId,
      stamp,
    };
    if (old) {
      db.prepare(
        `UPDATE prevention_events SET kind = @kind, title = @title, date = @date, territory = @territory, hromada_code = @hromadaCode,
           raion_code = @raionCode, place = @place, groups = @groups, people = @people, materials = @materials, media_audience = @mediaAudience,
           note = @note, updated_at = @stamp WHERE id = @id`,
      ).run(values);
    } else {
      db.prepare(
        `INSERT INTO prevention_events (id, kind, title, date, territory, hromada_code, raion_code, place, groups, people, materials, media_audience,
           note, created_by, created_at, updated_at)
         VALUES (@id, @kind, @title, @date, @territory, @hromadaCode, @raionCode, @place, @groups, @people, @materials, @mediaAudience, @note,
           @userId, @stamp, @stamp)`,
      ).run(values);
    }
    writeOrganisations(db, id, input.organiserIds, input.partnerIds);
    ctx.audit({
      action: old ? 'prevention_event.updated' : 'prevention_event.created',
      entity: 'prevention_event',
      entityId: id,
      details: { kind: input.kind, date: input.date, hromadaCode: place.hromadaCode, people, organisers: new Set(input.organiserIds).size, partners: new Set(input.partnerIds).size },
    });
    return loadEvent(db, id)!;
  },

  'prevention:remove': (input, ctx) => {
    const db = ctx.store.db;
    if (!findEvent(db, input.id)) throw new AppError('NOT_FOUND', 'no such prevention event');
    db.prepare('DELETE FROM prevention_events WHERE id = ?').run(input.id);
    ctx.audit({ action: 'prevention_event.removed', entity: 'prevention_event', entityId: input.id });
    return { id: input.id };
  },
} satisfies FeatureHandlers<'prevention'>;
