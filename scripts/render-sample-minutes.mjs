// Renders the sample minutes and extracts of tests/unit/documents.test.ts to reports/documents/ for a visual
// check: DOCX → PDF with LibreOffice, the HTML → PDF with Chromium (the test does that), pages → PNG.
// Usage: node scripts/render-sample-minutes.mjs
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const out = resolve('reports/documents');
rmSync(out, { recursive: true, force: true });
execFileSync('npx', ['vitest', 'run', 'tests/unit/documents.test.ts'], { stdio: 'inherit', env: { ...process.env, ZLAGODA_SAMPLES_DIR: out } });
const docx = readdirSync(out).filter((f) => f.endsWith('.docx'));
execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, ...docx.map((f) => join(out, f))], { stdio: 'inherit' });
for (const pdf of readdirSync(out).filter((f) => f.endsWith('.pdf'))) {
  execFileSync('pdftoppm', ['-png', '-r', '60', join(out, pdf), join(out, pdf.replace(/\.pdf$/, ''))]);
}
console.log(readdirSync(out).join('\n'));
