// Bundles the plain-Node entry points (the `zlagoda` command and the test harness) into out/node.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/main/cli/main.ts', harness: 'src/main/harness/main.ts' },
  outdir: 'out/node',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
});
