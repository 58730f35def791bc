import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS, contract, featureOf } from '../../src/shared/contract';
import { handlers } from '../../src/main/ipc/handlers';

const ROOT = resolve(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every relative import of a file (type-only ones too), resolved to the file it names. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
    const base = resolve(dirname(file), match[1]!);
    const target = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
    if (target && /\.(ts|tsx)$/.test(target)) found.push(target);
  }
  return found;
}

const FEATURES = [...new Set(CHANNELS.map(featureOf))].sort();

describe('the house', () => {
  it('has no import cycle in src/', () => {
    const graph = new Map(files(SRC).map((f) => [f, importsOf(f)]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it.each(FEATURES)('feature %s is one name: contract file, main folder, handlers, texts', (feature) => {
    const channels = CHANNELS.filter((c) => featureOf(c) === feature);
    expect(existsSync(join(SRC, 'shared/contract', `${feature}.ts`)), `src/shared/contract/${feature}.ts`).toBe(true);
    const contractFile = readFileSync(join(SRC, 'shared/contract', `${feature}.ts`), 'utf8');
    for (const channel of channels) expect(contractFile, `${channel} is declared in its feature's contract file`).toContain(`'${channel}'`);
    expect(existsSync(join(SRC, 'main/features', feature, `${feature}.handlers.ts`)), `src/main/features/${feature}/${feature}.handlers.ts`).toBe(true);
    for (const channel of channels) expect(typeof (handlers as Record<string, unknown>)[channel]).toBe('function');
    for (const language of ['uk', 'en']) expect(existsSync(join(SRC, 'shared/i18n/features', `${feature}.${language}.json`)), `${feature}.${language}.json`).toBe(true);
  });

  it('a renderer folder is a feature of the contract', () => {
    const folders = readdirSync(join(SRC, 'renderer/src/features'));
    expect(folders.filter((f) => !FEATURES.includes(f as (typeof FEATURES)[number]))).toEqual([]);
  });

  it('a main feature folder is a feature of the contract', () => {
    const folders = readdirSync(join(SRC, 'main/features'));
    expect(folders.filter((f) => !FEATURES.includes(f as (typeof FEATURES)[number]))).toEqual([]);
  });

  it('every channel says what it needs and what kind of call it is', () => {
    for (const channel of CHANNELS) expect(contract[channel].access, channel).toBeTruthy();
  });
});
