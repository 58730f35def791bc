// Import boundaries of architecture.md §3, enforced with zero warnings.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const node = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'stream', 'readline'];
const pattern = (group, message) => ({ group, message });

const noElectron = pattern(['electron', 'electron/*'], 'Only src/main/index.ts, src/main/app/**, src/main/ipc/register.ts and the preload may import Electron.');
const noNode = pattern(node, 'This code runs in the renderer or anywhere: no Node built-ins.');
const noReact = pattern(['react', 'react-dom', 'react/*', '@mantine/*'], 'UI libraries belong to the renderer.');
const noDrizzle = pattern(['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'], 'Database access belongs to src/main.');
const noMain = pattern(['**/main/**', '../main/*', '**/src/main/*'], 'The main process is reached only through the contract.');
const noRenderer = pattern(['**/renderer/**'], 'Main-process code never imports the renderer.');
const noPreload = pattern(['**/preload/**'], 'The preload is a bridge, not a library.');

// The floors of the main process, bottom up: store (with db/schema) < kernel < features < ipc < runtime, cli, harness, app.
const above = (...floors) => floors.map((f) => `**/main/${f}`).concat(floors.map((f) => `**/main/${f}/**`), floors.map((f) => `../${f}/**`), floors.map((f) => `../../${f}/**`));
const storeFloor = pattern(above('kernel', 'features', 'ipc', 'documents', 'cli', 'harness', 'app').concat(['**/runtime', '../runtime']), 'The store is the ground floor: it imports nothing above itself.');
const kernelFloor = pattern(above('features', 'ipc', 'documents', 'cli', 'harness', 'app').concat(['**/runtime', '../runtime']), 'The kernel sits below the features: it imports only the store and shared.');
const documentsFloor = pattern(
  above('store', 'db', 'kernel', 'features', 'ipc', 'cli', 'harness', 'app').concat(['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3']),
  'Document builders take plain data that a feature loaded; they never read the database.',
);
const featuresFloor = pattern(above('ipc', 'cli', 'harness', 'app').concat(['**/runtime', '../../runtime']), 'Features are reached through the handler index; they never import the dispatcher or the composition.');
// A sibling folder of a feature is another feature: only its repository may be imported.
const otherFeatures = { regex: '^\\.\\./[^./][^/]*/(?![^/]+\\.repository$)', message: "Another feature is reached only through its repository's exported functions." };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'reports/**', 'test-results/**', 'migrations/**', '.drift-check/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noReact, noDrizzle, noMain, noRenderer, noPreload] }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noDrizzle, noMain, noPreload] }],
    },
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [noNode, noReact, noDrizzle, noMain, noRenderer, pattern(['zod', '**/shared/domain/**'], 'The preload takes only the channel list.')] },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/app/**', 'src/main/ipc/register.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noReact, noRenderer, noPreload] }] },
  },
  {
    files: ['src/main/store/**/*.ts', 'src/main/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noReact, noRenderer, noPreload, storeFloor] }] },
  },
  {
    files: ['src/main/kernel/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noReact, noRenderer, noPreload, kernelFloor] }] },
  },
  {
    files: ['src/main/documents/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noReact, noRenderer, noPreload, documentsFloor] }] },
  },
  {
    files: ['src/main/features/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noReact, noRenderer, noPreload, featuresFloor, otherFeatures] }] },
  },
  {
    files: ['src/main/index.ts', 'src/main/app/**/*.ts', 'src/main/ipc/register.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noReact, noRenderer] }] },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
