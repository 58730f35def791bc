import { AppError } from '../../../shared/errors';
import { kyivDate } from '../../../shared/time';
import { coverageSheets, coverageStem } from '../../documents/coverage/coverage-workbook';
import { renderWorkbook, XLSX_MIME } from '../../documents/table/xlsx';
import type { FeatureHandlers } from '../../kernel/context';
import { ensureTerritories } from '../territories/territories.repository';
import { coverageOf, requireOblastHromada } from './coverage.repository';

/**
 * The mechanism in the hromadas: what each has (a coordinator, a memorandum or a local programme, recent trainings
 * and events) and what it lacks. A coordinator's name is personal data: it is stored and exported, never audited.
 */
export const coverageHandlers = {
  'coverage:get': (input, { store, now }) => {
    ensureTerritories(store.db, now);
    return coverageOf(store.db, kyivDate(now), input);
  },

  'coverage:saveHromada': (input, { store, now, session, audit }) => {
    const db = store.db;
    ensureTerritories(db, now);
    requireOblastHromada(db, input.code);
    // Recorded once designated or signed, as events are once held.
    const today = kyivDate(now);
    for (const field of ['coordinatorSince', 'agreementDate'] as const) {
      const date = input[field];
      if (date && date > today) throw new AppError('VALIDATION', 'a date in the future', { field, reason: 'future_date', issues: [{ path: field, code: 'custom', key: 'futureDate' }] });
    }
    const empty = input.coordinatorName === '' && input.agreementKind === null;
    if (empty) {
      db.prepare('DELETE FROM hromada_setups WHERE code = ?').run(input.code);
    } else {
      db.prepare(
        `INSERT INTO hromada_setups (code, coordinator_name, coordinator_position, coordinator_since, agreement_kind, agreement_number, agreement_date, updated_by, updated_at)
         VALUES (@code, @coordinatorName, @coordinatorPosition, @coordinatorSince, @agreementKind, @agreementNumber, @agreementDate, @userId, @stamp)
         ON CONFLICT(code) DO UPDATE SET coordinator_name = excluded.coordinator_name, coordinator_position = excluded.coordinator_position,
           coordinator_since = excluded.coordinator_since, agreement_kind = excluded.agreement_kind, agreement_number = excluded.agreement_number,
           agreement_date = excluded.agreement_date, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      ).run({ ...input, userId: session.userId, stamp: now.toISOString() });
    }
    audit({ action: 'hromada_setup.saved', entity: 'hromada_setup', entityId: input.code, details: { code: input.code } });
    return { code: input.code };
  },

  'coverage:export': async (input, { core }) => {
    const store = core.requireStore();
    const now = core.deps.env.clock();
    const data = store.db.transaction(() => {
      ensureTerritories(store.db, now);
      const found = coverageOf(store.db, kyivDate(now), input);
      core.audit({
        action: 'document.coverage',
        entity: 'hromada_setup',
        entityId: found.oblast?.code ?? null,
        details: { raion: input.raion, gaps: input.gaps, raions: found.raions.length, hromadas: found.hromadas.length, total: found.total },
      });
      return found;
    })();
    const file = await renderWorkbook(coverageSheets(data, input));
    return { fileName: `${coverageStem(data.asOf)}.xlsx`, mimeType: XLSX_MIME, base64: file.toString('base64') };
  },
} satisfies FeatureHandlers<'coverage'>;
