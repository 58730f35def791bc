import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { CHANNELS, contract, featureOf, type Channel } from '../../src/shared/contract';
import { SHELL } from '../../src/shared/i18n';
import type { FieldIssue } from '../../src/shared/issues';
import { checkPassphrase } from '../../src/shared/passphrase-policy';
import { fingerprint } from '../../src/main/store/connection';
import { EXAMPLES, ready, type Ready } from '../fixtures/channel-examples';
import { call, cleanupTempDirs } from '../fixtures/store';
import { seededRandom } from '../../src/shared/seeded-random';

/**
 * Hostile input to every channel of the contract, through the real dispatcher on a real encrypted store with the
 * admin signed in (so the access rule lets every call through to validation). Each input is derived from the
 * channel's valid example and is one the contract must refuse: wrong types, 10 MB strings, deep nesting,
 * prototype keys, characters no field may hold, whole inputs that are no object. Every one must come back as
 * VALIDATION (never INTERNAL, never a crash, never accepted), and the store must not change by a single row.
 *
 * The generator is deterministic: a fixed list per field and channel, then random combinations drawn from a seeded
 * generator. FUZZ_SEED=<n> replays another draw; a failure names the seed and the input's label.
 */

afterEach(cleanupTempDirs);

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_120);
/** The least number of hostile inputs each channel receives; random combinations make up the rest. */
const AT_LEAST = 120;
const RANDOM_MIN = 25;
/** The only answer a hostile input may get: refused by the contract, before any handler ran. */
const REFUSED = ['VALIDATION'];

// ---------------------------------------------------------------------------------------------------------------
// A seeded generator (mulberry32): the same seed gives the same inputs on every machine.

type Rng = () => number;


function seedOf(channel: string): number {
  return createHash('sha256').update(`${SEED}:${channel}`).digest().readUInt32LE(0);
}

const pick = <T,>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

// ---------------------------------------------------------------------------------------------------------------
// The big values, made once and shared by every input that carries them (no field copies them).

const MB10 = 10_000_000;
const BIG = {
  ascii: 'a'.repeat(MB10),
  ukrainian: 'ї'.repeat(MB10),
  /** Astral: 10 M UTF-16 units, 5 M characters. */
  emoji: '😀'.repeat(MB10 / 2),
  /** Whitespace inside, so trimming cannot bring it under any limit. */
  innerSpace: `а${' '.repeat(MB10 - 2)}а`,
};

function nested(levels: number, wrap: (inner: unknown) => unknown): unknown {
  let value: unknown = 'дно';
  for (let i = 0; i < levels; i += 1) value = wrap(value);
  return value;
}

const DEEP_ARRAY = nested(10_000, (inner) => [inner]);
const DEEP_OBJECT = nested(10_000, (inner) => ({ a: inner }));
const HUGE_ARRAY = new Array<number>(1_000_000).fill(7);
const COMBINING = '\u0301'.repeat(10_000);

/** Characters no string of any channel may hold: every odd string below carries at least one. */
const REFUSED_CHARS = ['\u0000', '\uD800', '\uDC00', '\u202E', '\u2066', '\u0085', '\u001B', '\u007F', '\r', '\u202A'];
/** Characters that are odd but harmless alone: they travel with a refused one. */
const ODD_CHARS = ['\u200B', '\u200D', '\uFEFF', '\u0301', '😀', '👩‍👩‍👧‍👦', '🏳️‍🌈', 'ї', 'a', ' ', '"', '\\', '%s', '${x}', '<script>', "'; DROP TABLE users; --"];

/** Odd strings built on a field's own valid text, each holding a character the contract refuses everywhere. */
function oddStrings(text: string): [string, string][] {
  const half = text.length > 1 ? text.length >> 1 : 1;
  return [
    ['NUL', `${text}\u0000`],
    ['lone high surrogate', `\uD800${text}`],
    ['lone low surrogate', `${text}\uDC00`],
    ['reversed surrogate pair', `${text.slice(0, half)}\uDFFF\uD800${text.slice(half)}`],
    ['half an emoji', `${text}${'👍'.charAt(0)}`],
    ['right-to-left override', `\u202E${text}`],
    ['bidi isolate', `\u2066${text}\u2069`],
    ['bidi embedding', `\u202A${text}\u202C`],
    ['C1 next line', `${text}\u0085`],
    ['terminal escape', `${text}\u001B[2J`],
    ['DEL', `${text}\u007F`],
    // Inside the text: trimming takes a carriage return off either end, as it should.
    ['carriage return', `${text}\r${text}`],
    ['zero-width and NUL', `\u200B\u200D\uFEFF${text}\u0000`],
    ['combining marks x 10,000 and an override', `${text}e${COMBINING}\u202E`],
    ['combining marks x 10,000 on a lone surrogate', `${COMBINING}\uD800`],
    ['emoji sequences and NUL', `👩‍👩‍👧‍👦🏳️‍🌈${text}\u0000`],
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// The contract's own description of a field (its JSON Schema), for the types it takes and the limits it declares.

interface JsonNode {
  type?: string | string[];
  anyOf?: JsonNode[];
  oneOf?: JsonNode[];
  allOf?: JsonNode[];
  properties?: Record<string, JsonNode>;
  required?: string[];
  items?: JsonNode;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
}

function alternatives(node: JsonNode | undefined): JsonNode[] {
  if (!node) return [];
  const nested = node.anyOf ?? node.oneOf;
  if (nested) return nested.flatMap(alternatives);
  return [node];
}

function nodeAt(root: JsonNode, path: Path): JsonNode[] {
  let nodes = alternatives(root);
  for (const part of path) {
    nodes = nodes.flatMap((n) => alternatives(typeof part === 'number' ? n.items : n.properties?.[part]));
  }
  return nodes;
}

type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

function kindsOf(nodes: JsonNode[]): Set<Kind> | null {
  const kinds = new Set<Kind>();
  for (const node of nodes) {
    const types = node.type === undefined ? (node.const !== undefined ? [typeof node.const] : null) : [node.type].flat();
    if (!types) return null; // takes anything: no type is wrong
    for (const type of types) kinds.add(type as Kind);
  }
  return kinds;
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs derived from the valid example.

type Path = (string | number)[];
interface Hostile {
  label: string;
  input: unknown;
}

/** Every place in the example an attacker could put something else: each key, each array and its first element. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.length ? [[...path, 0], ...pathsOf(value[0], [...path, 0])] : [];
  if (value !== null && typeof value === 'object') {
    return Object.keys(value).flatMap((key) => [[...path, key], ...pathsOf((value as Record<string, unknown>)[key], [...path, key])]);
  }
  return [];
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, part) => (node as Record<string | number, unknown>)?.[part], root);
}

/**
 * A copy of `root` with `value` at `path` (with `remove`, the key is gone). Only the objects along the path are
 * copied: the rest, a 10 MB string or 10,000 levels of nesting included, is shared, never cloned.
 */
function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Path];
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  if (rest.length === 0 && remove) delete copy[head];
  else {
    const next = rest.length === 0 ? value : setAt(copy[head], rest, value, remove);
    Object.defineProperty(copy, head, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/**
 * A copy of `root` whose object at `path` has `key` as an own key, made the way an attacker's JSON arrives:
 * through JSON.parse, which makes `__proto__` an ordinary own property instead of the prototype.
 */
function withOwnKey(root: unknown, path: Path, key: string, valueJson: string): unknown {
  const marker = 'zz-own-key-marker-zz';
  const marked = setAt(root, path, { [marker]: null, ...(getAt(root, path) as object) });
  return JSON.parse(JSON.stringify(marked).replace(`"${marker}":null`, () => `${JSON.stringify(key)}:${valueJson}`));
}

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const PROTOTYPE_VALUES = ['{"polluted":true}', '{"prototype":{"polluted":true}}', 'null', '{"isAdmin":true,"roles":["admin"]}'];
const HOSTILE_KEYS = [
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isAdmin',
  'unexpectedField',
  '',
  ' ',
  '\u0000',
  '\uD800',
  '\u202Eid',
  'id\u200B',
  '😀',
  'ї'.repeat(1000),
];

/** Values of the wrong kind for a field that takes `kinds`, with a label each. */
function wrongTypes(kinds: Set<Kind>, original: unknown): [string, unknown][] {
  const takesNumber = kinds.has('number') || kinds.has('integer');
  const out: [string, unknown][] = [];
  if (!takesNumber) out.push(['number', 42], ['NaN', Number.NaN], ['Infinity', Number.POSITIVE_INFINITY], ['negative zero', -0]);
  if (!kinds.has('string')) out.push(['numeric string', '42'], ['string "true"', 'true'], ['empty string', '']);
  if (!kinds.has('boolean')) out.push(['boolean true', true], ['boolean false', false]);
  if (!kinds.has('null')) out.push(['null', null]);
  if (!kinds.has('array')) out.push(['empty array', []], ['the value in an array', [original]]);
  if (!kinds.has('object')) out.push(['empty object', {}], ['the value in an object', { value: original }], ['array-like object', { length: 1, 0: original }]);
  out.push(['bigint', 10n], ['date', new Date(0)], ['map', new Map([['k', original]])], ['typed array', new Uint8Array([1, 2, 3])]);
  return out;
}

/** Hostile values for one field: wrong types, limits, odd text, nesting. */
function fieldValues(nodes: JsonNode[], original: unknown, required: boolean): [string, unknown][] {
  const kinds = kindsOf(nodes);
  const out: [string, unknown][] = [];
  if (kinds) out.push(...wrongTypes(kinds, original));
  if (required) out.push(['missing', undefined]);
  out.push(
    ['10 MB ASCII', BIG.ascii],
    ['10 MB Ukrainian', BIG.ukrainian],
    ['10 MB emoji', BIG.emoji],
    ['10 MB with spaces inside', BIG.innerSpace],
    ['10,000 nested arrays', DEEP_ARRAY],
    ['10,000 nested objects', DEEP_OBJECT],
    ['__proto__ object', JSON.parse('{"__proto__":{"polluted":true}}')],
    ['constructor object', JSON.parse('{"constructor":{"prototype":{"polluted":true}}}')],
  );
  const strings = nodes.filter((n) => n.type === 'string');
  const text = typeof original === 'string' && original.length > 0 ? original : 'x';
  if (strings.length) {
    for (const [label, value] of oddStrings(text)) out.push([label, value]);
    const maxLength = Math.max(...strings.map((n) => n.maxLength ?? Number.POSITIVE_INFINITY));
    if (Number.isFinite(maxLength)) {
      out.push(['one Ukrainian letter over the limit', 'ї'.repeat(maxLength + 1)], ['emoji over the limit (limits count characters)', '😀'.repeat(maxLength + 1)]);
      out.push(['zero-width spaces over the limit', '\u200B'.repeat(maxLength + 1)]);
    }
    const minLength = Math.min(...strings.map((n) => n.minLength ?? 0));
    if (minLength >= 1 && !strings.some((n) => n.const === '')) out.push(['empty', '']);
    const enums = strings.flatMap((n) => n.enum ?? []);
    if (enums.length && strings.every((n) => n.enum)) {
      out.push(['not in the list', 'x'], ['__proto__ as a choice', '__proto__'], ['constructor as a choice', 'constructor'], ['toString as a choice', 'toString']);
      if (typeof original === 'string') {
        // A choice already in capitals or digits (a country code, a year) has no upper case other than itself.
        if (original.toUpperCase() !== original) out.push(['upper case', original.toUpperCase()]);
        out.push(['trailing space', `${original} `]);
      }
    }
  } else {
    out.push(['NUL string', '\u0000'], ['lone surrogate string', '\uD800']);
  }
  for (const node of nodes) {
    if (node.type === 'integer' || node.type === 'number') {
      if (node.type === 'integer') out.push(['fraction', 1.5], ['unsafe integer', Number.MAX_SAFE_INTEGER + 2]);
      out.push(['minus infinity', Number.NEGATIVE_INFINITY], ['NaN', Number.NaN]);
      if (node.minimum !== undefined) out.push(['below the minimum', node.minimum - 1]);
      if (node.maximum !== undefined) out.push(['above the maximum', node.maximum + 1]);
    }
    if (node.type === 'array') {
      const element = Array.isArray(original) && original.length ? original[0] : 'x';
      out.push(['a million elements', new Array(1_000_000).fill(element)], ['holes', new Array(3)], ['a wrong element', [element, 42]], ['an array element', [[element]]]);
      if (node.maxItems !== undefined) out.push(['one element over the limit', new Array(node.maxItems + 1).fill(element)]);
    }
  }
  return out;
}

function hostileInputs(channel: Channel, example: unknown): Hostile[] {
  const schema = z.toJSONSchema(contract[channel].input, { io: 'input', unrepresentable: 'any' }) as JsonNode;
  const out: Hostile[] = [];
  const add = (label: string, input: unknown) => out.push({ label, input });

  // The whole input replaced.
  if ((schema.required ?? []).length > 0) add('undefined (no input)', undefined);
  for (const [label, value] of [
    ['null', null],
    ['42', 42],
    ['0', 0],
    ['NaN', Number.NaN],
    ['true', true],
    ['false', false],
    ['empty string', ''],
    ['"x"', 'x'],
    ['JSON text of the example', JSON.stringify(example)],
    ['empty array', []],
    ['the example in an array', [example]],
    ['a million numbers', HUGE_ARRAY],
    ['10 MB ASCII', BIG.ascii],
    ['10 MB Ukrainian', BIG.ukrainian],
    ['10,000 nested arrays', DEEP_ARRAY],
    ['10,000 nested objects', DEEP_OBJECT],
    ['bigint', 10n],
    ['date', new Date(0)],
    ['map of the example', new Map(Object.entries(example as object))],
    ['set', new Set([1])],
    ['typed array', new Uint8Array(16)],
  ] as [string, unknown][]) {
    add(`whole input: ${label}`, value);
  }

  // Keys no channel takes, on the input and on every object inside it.
  const objects: Path[] = [[], ...pathsOf(example).filter((p) => isPlainObject(getAt(example, p)))];
  for (const path of objects) {
    const where = path.length ? path.join('.') : 'input';
    for (const key of PROTOTYPE_KEYS) for (const value of PROTOTYPE_VALUES) add(`${where}: own key ${key} = ${value}`, withOwnKey(example, path, key, value));
    for (const key of HOSTILE_KEYS) {
      add(`${where}: extra key ${JSON.stringify(key).slice(0, 20)}`, path.length ? setAt(example, [...path, key], 1) : { ...(example as object), [key]: 1 });
    }
    if (path.length === 0) {
      add('input: extra key of 10 MB', { ...(example as object), [BIG.ascii]: 1 });
      add('input: extra key holding 10,000 nested objects', { ...(example as object), nested: DEEP_OBJECT });
    }
  }

  // Each field replaced.
  for (const path of pathsOf(example)) {
    const parentNodes = nodeAt(schema, path.slice(0, -1));
    const last = path[path.length - 1]!;
    const required = typeof last === 'string' && parentNodes.some((n) => n.required?.includes(last));
    const nodes = nodeAt(schema, path);
    for (const [label, value] of fieldValues(nodes, getAt(example, path), required)) {
      add(`${path.join('.')}: ${label}`, value === undefined ? setAt(example, path, undefined, true) : setAt(example, path, value));
    }
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Random combinations from the seeded generator: two or three fields spoiled at once, or a random hostile key with a
 * random odd string. Each field alone is already refused, so the combination is too.
 */
function randomInputs(channel: Channel, example: unknown, fixed: Hostile[], count: number): Hostile[] {
  const rng = seededRandom(seedOf(channel));
  const fieldInputs = fixed.filter((h) => !h.label.startsWith('whole input') && !h.label.includes('own key') && !h.label.includes('extra key'));
  const paths = pathsOf(example).filter((p) => typeof p[p.length - 1] === 'string');
  const out: Hostile[] = [];
  for (let i = 0; i < count; i += 1) {
    if (paths.length >= 2 && rng() < 0.6) {
      let input = example;
      const spoiled: string[] = [];
      for (let n = 0; n < 2 + Math.floor(rng() * 2); n += 1) {
        const path = pick(rng, paths);
        if (!isPlainObject(getAt(input, path.slice(0, -1)))) continue;
        const donor = pick(rng, fieldInputs.filter((h) => h.label.startsWith(`${path.join('.')}: `)));
        if (!donor) continue;
        const value = getAt(donor.input, path);
        input = value === undefined ? setAt(input, path, undefined, true) : setAt(input, path, value);
        spoiled.push(donor.label);
      }
      if (spoiled.length) {
        out.push({ label: `random #${i}: ${spoiled.join(' + ')}`, input });
        continue;
      }
    }
    const length = 1 + Math.floor(rng() * 40);
    let text = '';
    for (let c = 0; c < length; c += 1) text += pick(rng, ODD_CHARS);
    const at = Math.floor(rng() * (text.length + 1));
    const odd = `${text.slice(0, at)}${pick(rng, REFUSED_CHARS)}${text.slice(at)}`;
    const path = paths.length ? pick(rng, paths) : null;
    if (path && isPlainObject(getAt(example, path.slice(0, -1))) && typeof getAt(example, path) === 'string') {
      out.push({ label: `random #${i}: ${path.join('.')} = ${JSON.stringify(odd)}`, input: setAt(example, path, odd) });
    } else {
      out.push({ label: `random #${i}: key ${JSON.stringify(odd)}`, input: { ...(example as object), [odd]: pick(rng, [1, odd, null, {}]) } });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// What must not change: every row of every table, the audit chain, the key slots, the session and the throttle.

function contentHash(rt: Ready): Record<string, string> {
  const db = rt.core.requireStore().db;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
  const hashes: Record<string, string> = {};
  // The audit chain is covered by the fingerprint's count and head hash (each event's hash covers its predecessor).
  for (const table of tables.filter((t) => t !== 'audit_events')) {
    const rows = (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]).map((row) =>
      JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('hex') : value)),
    );
    hashes[table] = createHash('sha256').update(rows.sort().join('\n')).digest('hex');
  }
  return hashes;
}

function stateOf(rt: Ready) {
  return {
    fingerprint: fingerprint(rt.core.requireStore().db),
    content: contentHash(rt),
    slots: createHash('sha256').update(readFileSync(join(rt.storeDir, 'keyslots.json'))).digest('hex'),
    session: rt.core.session,
  };
}

function answerSize(result: unknown): number {
  return JSON.stringify(result).length;
}

const I18N = join(__dirname, '..', '..', 'src', 'shared', 'i18n', 'features');

/** Whether a refusal's key has its sentence in both languages: the shell's validation texts or the feature's own. */
function hasSentence(channel: Channel, key: string): boolean {
  const feature = featureOf(channel);
  return (['uk', 'en'] as const).every((language) => {
    const own = JSON.parse(readFileSync(join(I18N, `${feature}.${language}.json`), 'utf8')) as Record<string, { validation?: Record<string, string> }>;
    const shell = SHELL[language].validation as Record<string, string>;
    return Boolean(shell[key] ?? own[feature]?.validation?.[key]);
  });
}

describe(`hostile input to every channel (seed ${SEED})`, () => {
  const counts: Record<string, number> = {};

  it.each(CHANNELS)('%s refuses every hostile input with VALIDATION and changes nothing', async (channel) => {
    const rt = await ready();
    const example = await EXAMPLES[channel](rt);
    const fixed = hostileInputs(channel, example);
    const inputs = [...fixed, ...randomInputs(channel, example, fixed, Math.max(RANDOM_MIN, AT_LEAST - fixed.length))];
    expect(inputs.length).toBeGreaterThanOrEqual(100);
    counts[channel] = inputs.length;

    const failures = vi.spyOn(rt.attempts, 'recordFailure');
    const before = stateOf(rt);
    const wrong: string[] = [];
    const keys = new Set<string>();
    for (const { label, input } of inputs) {
      let result;
      try {
        result = await rt.dispatch(channel, input);
      } catch (error) {
        wrong.push(`${label}: threw ${(error as Error).name}`);
        continue;
      }
      if (result.ok) wrong.push(`${label}: accepted`);
      else if (!REFUSED.includes(result.error.code)) wrong.push(`${label}: ${result.error.code} ${result.error.message.slice(0, 120)}`);
      // The answer names the problem; it never carries the hostile input back.
      else if (answerSize(result) > 20_000) wrong.push(`${label}: an answer of ${answerSize(result)} characters`);
      else for (const issue of (result.error.details.issues ?? []) as FieldIssue[]) if (issue.key) keys.add(issue.key);
    }
    expect(wrong, `FUZZ_SEED=${SEED}`).toEqual([]);
    // The window says each refusal in words: a key without a sentence would show the user nothing useful.
    expect([...keys].filter((key) => !hasSentence(channel, key))).toEqual([]);
    expect(stateOf(rt)).toEqual(before);
    expect(failures).not.toHaveBeenCalled();
    expect(rt.core.session?.login).toBe('olena');
    for (const name of ['polluted', 'isAdmin', 'roles']) expect(Object.prototype).not.toHaveProperty(name);
  });

  it('sent at least 100 hostile inputs to every channel', () => {
    expect(Object.keys(counts).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(counts[channel], channel).toBeGreaterThanOrEqual(100);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.info(`fuzz: ${total} hostile inputs over ${CHANNELS.length} channels (seed ${SEED}); ${JSON.stringify(counts)}`);
  });
});

describe('identifiers that name nothing', () => {
  it('an empty id is refused, never stored as a record of its own or as a link to one', async () => {
    const rt = await ready();
    const before = stateOf(rt);
    const organisation = { name: 'Громадська організація «Порожній код»', type: 'ngo' } as const;
    const member = { surname: 'Бойко', givenName: 'Петро', position: 'Начальник відділу', organisationId: null, role: 'member', validFrom: '2026-01-01' } as const;
    for (const [channel, input] of [
      ['organisations:save', { ...organisation, id: '' }],
      ['group:saveMember', { ...member, id: '' }],
      ['group:saveMember', { ...member, organisationId: '' }],
    ] as const) {
      const result = await rt.dispatch(channel, input);
      expect(result.ok ? 'accepted' : result.error.code, `${channel} ${JSON.stringify(input)}`).toBe('VALIDATION');
    }
    expect(stateOf(rt)).toEqual(before);
  });

  it('ids named after the keys of every object (__proto__, constructor, toString) are ids of nothing', async () => {
    const rt = await ready();
    const example = await EXAMPLES['assignments:close'](rt);
    const before = stateOf(rt);
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype']) {
      for (const [channel, input] of [
        ['users:setRoles', { userId: id, roles: ['member'] }],
        ['users:remove', { userId: id }],
        ['meetings:get', { id }],
        ['meetings:approve', { id }],
        ['meetings:notice', { meetingId: id, format: 'html' }],
        ['assignments:get', { id }],
        ['assignments:close', { ...example, decisionId: id }],
        ['group:endMember', { id, validTo: '2026-12-31' }],
        ['group:saveMember', { id, surname: 'Бойко', givenName: 'Петро', position: 'Начальник відділу', organisationId: id, role: 'member', validFrom: '2026-01-01' }],
        ['organisations:save', { id, name: 'Громадська організація «Прототип»', type: 'ngo' }],
      ] as const) {
        const result = await rt.dispatch(channel, input);
        expect(result.ok ? 'accepted' : result.error.code, `${channel} ${JSON.stringify(input)}`).toBe('NOT_FOUND');
      }
    }
    expect((await call(rt, 'assignments:list', { organisationId: '__proto__', meetingId: 'constructor' })).length).toBe(0);
    expect(stateOf(rt)).toEqual(before);
  });
});

describe('the passphrase rule on over-long input', () => {
  it('answers too_long at once, before walking, folding or matching 10 MB', () => {
    const started = performance.now();
    for (const text of Object.values(BIG)) expect(checkPassphrase(text, BIG.ukrainian)).toBe('too_long');
    expect(checkPassphrase('ї'.repeat(257))).toBe('too_long');
    expect(checkPassphrase('ї'.repeat(256))).toBe('common');
    expect(checkPassphrase('😀'.repeat(256))).toBe('common');
    expect(performance.now() - started).toBeLessThan(50);
  });
});
