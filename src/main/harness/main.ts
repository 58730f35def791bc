import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TEST_KDF } from '../store/crypto';
import { createRuntime } from '../runtime';
import { appRoot, appVersion } from '../paths';
import { createFolderFileChooser } from './file-chooser';
import { createChromiumPdfPrinter } from './pdf-printer';
import { startHarness } from './server';

/** `npm run dev:web -- --store DIR [--port N]`: the real renderer in any browser, against a real store. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      store: { type: 'string' },
      port: { type: 'string' },
      web: { type: 'string' },
      'fast-kdf': { type: 'boolean', default: false },
      'log-dir': { type: 'string' },
      downloads: { type: 'string' },
    },
  });
  if (!values.store) {
    console.error('Вкажіть каталог сховища: --store DIR');
    process.exit(2);
  }
  const webRoot = resolve(values.web ?? resolve(appRoot(), 'out/web'));
  if (!existsSync(resolve(webRoot, 'index.html'))) {
    console.error(`Немає зібраного інтерфейсу в ${webRoot}: виконайте npm run build:web`);
    process.exit(2);
  }
  const pdf = createChromiumPdfPrinter();
  const storeDir = resolve(values.store);
  const runtime = createRuntime({
    storeDir,
    migrationsFolder: resolve(appRoot(), 'migrations'),
    version: appVersion(),
    // For quick end-to-end runs only: the same code with a cheap key derivation.
    ...(values['fast-kdf'] ? { kdf: TEST_KDF } : {}),
    ...(pdf ? { pdf } : {}),
    // Where a browser would put its downloads: beside the store unless told otherwise.
    files: createFolderFileChooser({ downloads: resolve(values.downloads ?? `${storeDir}-downloads`), storeDir }),
    // Beside the store unless told otherwise, so a test can read what a failed call left there.
    logDir: resolve(values['log-dir'] ?? `${storeDir}-logs`),
  });
  const harness = await startHarness({ dispatch: runtime.dispatch, webRoot, port: values.port ? Number(values.port) : 0 });
  console.log(`Zlagoda (test harness): ${harness.url}`);
  const stop = (): void => {
    runtime.core.close();
    void Promise.all([harness.close(), pdf?.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
