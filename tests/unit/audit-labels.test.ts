import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every audit action and entity the main process writes has a label in both languages: the log reads as a log,
 * not as codes. The actions are read from the source (every `action:` line's 'entity.verb' literals, ternaries
 * included), so a new event without words fails here rather than on an auditor's screen.
 */
const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

const code = sources(join(ROOT, 'src', 'main'));
const actions = new Set<string>();
const entities = new Set<string>();
for (const text of code) {
  for (const line of text.split('\n')) {
    if (/\baction\b/.test(line)) for (const m of line.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) actions.add(m[1]!);
    for (const m of line.matchAll(/\bentity: '([a-z_]+)'/g)) entities.add(m[1]!);
  }
}

type Texts = Record<string, { auditActions?: Record<string, Record<string, string>>; entities?: Record<string, string> }>;

function texts(language: 'uk' | 'en'): Texts {
  const folder = join(ROOT, 'src', 'shared', 'i18n', 'features');
  return Object.assign({}, ...readdirSync(folder).filter((f) => f.endsWith(`.${language}.json`)).map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as Texts));
}

describe('audit labels', () => {
  it('finds the actions the code writes', () => {
    expect(actions.size).toBeGreaterThan(40);
    expect(actions).toContain('draft.kept');
    expect(actions).toContain('auth.recovery_failed');
  });

  it.each(['uk', 'en'] as const)('every action and entity has a label in %s', (language) => {
    const all = Object.values(texts(language));
    const hasAction = (action: string) => {
      const [entity, verb] = action.split('.') as [string, string];
      return all.some((f) => typeof f.auditActions?.[entity]?.[verb] === 'string' && f.auditActions[entity]![verb]!.length > 0);
    };
    const hasEntity = (entity: string) => all.some((f) => typeof f.entities?.[entity] === 'string');
    expect([...actions].filter((a) => !hasAction(a))).toEqual([]);
    expect([...entities].filter((e) => !hasEntity(e))).toEqual([]);
  });
});
