import { describe, expect, it } from 'vitest';
import { CHANNELS, featureOf } from '../../src/shared/contract';
import { ERROR_CODES } from '../../src/shared/errors';
import { ROLES } from '../../src/shared/permissions';
import { createI18n, dictionaries, FEATURE_TEXTS } from '../../src/renderer/src/app/i18n';
import { PAGES } from '../../src/renderer/src/app/pages';
import { actionLabel, entityLabel } from '../../src/renderer/src/features/audit/audit-labels';

type Tree = { [key: string]: string | Tree };
const uk = dictionaries.uk as Tree;
const en = dictionaries.en as Tree;
/** The sources, as text, read by the bundler: what the screens ask for and what the main process writes. */
const RENDERER = import.meta.glob<string>('../../src/renderer/src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true });
const MAIN = import.meta.glob<string>('../../src/main/**/*.ts', { query: '?raw', import: 'default', eager: true });

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`)));
}

/** i18next keeps plural forms as `key_one`, `key_few`…: a key used in code exists if it or a plural form does. */
function exists(dictionary: Tree, key: string): boolean {
  const all = new Set(keys(dictionary));
  return all.has(key) || ['one', 'few', 'many', 'other'].some((form) => all.has(`${key}_${form}`));
}

describe('interface texts', () => {
  it('each feature file owns one top-level key, its feature’s name', () => {
    for (const file of FEATURE_TEXTS) expect(Object.keys(file.texts), `${file.feature}.${file.language}.json`).toEqual([file.feature]);
  });

  it('every feature of the contract has its texts in both languages, and every page its nav label', () => {
    const features = new Set(CHANNELS.map(featureOf));
    for (const feature of features) {
      for (const language of ['uk', 'en'] as const) expect(FEATURE_TEXTS.some((f) => f.feature === feature && f.language === language), `${feature}.${language}.json`).toBe(true);
    }
    for (const page of PAGES) expect(exists(uk, `${page.id}.nav`), `${page.id}.nav`).toBe(true);
  });

  it('Ukrainian and English have the same keys', () => {
    expect(keys(en).sort()).toEqual(keys(uk).sort());
  });

  it.each(ERROR_CODES)('error %s has a sentence in both languages', (code) => {
    for (const dictionary of [uk, en] as unknown as { errors: Record<string, string> }[]) {
      expect(dictionary.errors[code]?.length ?? 0).toBeGreaterThan(20);
    }
  });

  it('every role has a Ukrainian name', () => {
    const roles = (uk as unknown as { roles: Record<string, string> }).roles;
    for (const role of ROLES) expect(roles[role]).toMatch(/[А-ЯІЇЄҐа-яіїєґ]/);
  });

  it('every literal key the screens ask for exists', () => {
    const missing: string[] = [];
    for (const [file, text] of Object.entries(RENDERER)) {
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z][\w.]*)'/g)) {
        if (!exists(uk, match[1]!)) missing.push(`${match[1]} (${file})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every audit action and entity the main process writes has a label', () => {
    const t = createI18n('uk').t;
    const unnamed: string[] = [];
    for (const text of Object.values(MAIN)) {
      for (const line of text.split('\n').filter((l) => l.includes('action'))) {
        for (const match of line.matchAll(/'([a-z]+\.[a-z_]+)'/g)) if (actionLabel(t, match[1]!) === match[1]) unnamed.push(match[1]!);
      }
      for (const match of text.matchAll(/entity: '([a-z]+)'/g)) if (entityLabel(t, match[1]!) === match[1]) unnamed.push(match[1]!);
    }
    expect([...new Set(unnamed)]).toEqual([]);
  });

  it('uses the typographic apostrophe, not a typewriter one, in Ukrainian', () => {
    const offenders = keys(uk).filter((key) => {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Tree)[part], uk);
      return /[А-ЯІЇЄҐа-яіїєґ]'[А-ЯІЇЄҐа-яіїєґ]/.test(String(value));
    });
    expect(offenders).toEqual([]);
  });
});
