import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/shared/errors';
import { ROLES } from '../../src/shared/permissions';
import en from '../../src/shared/i18n/en.json';
import uk from '../../src/shared/i18n/uk.json';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe('interface texts', () => {
  it('Ukrainian and English have the same keys', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(uk as Tree).sort());
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
    const offenders = keys(uk as Tree).filter((key) => {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Tree)[part], uk);
      return /[А-ЯІЇЄҐа-яіїєґ]'[А-ЯІЇЄҐа-яіїєґ]/.test(String(value));
    });
    expect(offenders).toEqual([]);
  });
});
