#!/usr/bin/env node
// Entry of the `zlagoda` command; the bundle is built by `npm run build:node` (run by `npm ci` via prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../out/node/cli.mjs', import.meta.url));
if (!existsSync(bundle)) {
  console.error('zlagoda: команду не зібрано. Виконайте: npm run build:node');
  process.exit(2);
}
await import(bundle);
