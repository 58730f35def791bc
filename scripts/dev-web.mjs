// `npm run dev:web -- --store DIR`: builds what is missing, then starts the loopback harness.
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('out/web/index.html')) execSync('npm run build:web', { stdio: 'inherit' });
execSync('npm run build:node', { stdio: 'inherit' });
const child = spawn(process.execPath, ['out/node/harness.mjs', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
