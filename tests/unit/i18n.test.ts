import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/errors';
import { ROLES } from '../../src/shared/permissions';
import { PARTS, dictionaries } from '../../src/shared/i18n';

const uk = dictionaries.uk as Tree;
const en = dictionaries.en as Tree;

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe('interface texts', () => {
  it.each(['uk', 'en'] as const)('no two %s files claim the same top-level key', (language) => {
    const owners = PARTS[language].flatMap((part) => Object.keys(part));
    expect(owners.length).toBe(new Set(owners).size);
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

  it('uses the typographic apostrophe, not a typewriter one, in Ukrainian', () => {
    const offenders = keys(uk).filter((key) => {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Tree)[part], uk);
      return /[А-ЯІЇЄҐа-яіїєґ]'[А-ЯІЇЄҐа-яіїєґ]/.test(String(value));
    });
    expect(offenders).toEqual([]);
  });
});
