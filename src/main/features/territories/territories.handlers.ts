import { AppError } from '../../../shared/errors';
import type { FeatureHandlers } from '../../kernel/context';
import { getSetting, putSetting } from '../../store/settings';
import { parseCodifier } from './territories.codifier';
import { assertKnownTerritory, ensureTerritories, getTerritories, searchTerritories, topLevelUnits, writeEdition } from './territories.repository';

export const territoriesHandlers = {
  'territories:search': (input, { store, now }) => {
    ensureTerritories(store.db, now);
    const home = getSetting(store.db, 'territoryOptions').oblast;
    const found = searchTerritories(store.db, { text: input.text, limit: input.limit, oblast: input.oblast ?? home });
    // The store's oblast is where people are looked for first, not a wall: a place elsewhere is still found.
    if (found.length === 0 && input.oblast === undefined && home) return searchTerritories(store.db, { text: input.text, limit: input.limit, oblast: '' });
    return found;
  },

  'territories:get': (input, { store, now }) => {
    ensureTerritories(store.db, now);
    return getTerritories(store.db, [...new Set(input.codes.filter((c) => c !== ''))]);
  },

  'territories:options': (_input, { store, now }) => {
    ensureTerritories(store.db, now);
    return { ...getSetting(store.db, 'territoryOptions'), edition: getSetting(store.db, 'territoryEdition'), oblasts: topLevelUnits(store.db) };
  },

  'territories:saveOptions': (input, { store, audit, now }) => {
    ensureTerritories(store.db, now);
    if (input.oblast !== '') {
      assertKnownTerritory(store.db, now, 'oblast', input.oblast);
      const category = store.db.prepare('SELECT category FROM territories WHERE code = ?').pluck().get(input.oblast) as string;
      if (category !== 'O' && category !== 'K') throw new AppError('VALIDATION', 'not an oblast', { field: 'oblast', reason: 'not_an_oblast' });
    }
    putSetting(store.db, 'territoryOptions', input, now);
    audit({ action: 'settings.updated', entity: 'settings', entityId: 'territoryOptions', details: { oblast: input.oblast } });
    return input;
  },

  'territories:loadEdition': (input, { store, audit, now }) => {
    const parsed = parseCodifier(input.csv);
    if (parsed.badRows > 0) throw new AppError('VALIDATION', 'the codifier file has bad rows', { reason: 'bad_rows', badRows: parsed.badRows, issues: parsed.issues });
    if (parsed.units.length === 0) throw new AppError('VALIDATION', 'the codifier file has no units', { reason: 'no_units' });
    ensureTerritories(store.db, now);
    const written = writeEdition(store.db, parsed.units, input.edition, now);
    const result = { edition: input.edition, units: parsed.units.length, ...written };
    audit({ action: 'territories.edition_loaded', entity: 'settings', entityId: 'territoryEdition', details: result });
    return result;
  },
} satisfies FeatureHandlers<'territories'>;
