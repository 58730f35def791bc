import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The module under test imports electron for types only; the mock proves nothing at run time needs it.
vi.mock('electron', () => ({}));

const { createElectronFileChooser, OPEN_BACKUP_OPTIONS, STORE_FOLDER_OPTIONS } = await import('../../../src/main/app/file-chooser');
const { rememberedStoreDir, rememberStoreDir } = await import('../../../src/main/app/store-location');

const DOCUMENTS = join('/home', 'olena', 'Документи');

function fakeDialog(answers: { save?: string | null; open?: string | null }) {
  return {
    showSaveDialog: vi.fn(async () => ({ canceled: !answers.save, filePath: answers.save ?? '' })),
    showOpenDialog: vi.fn(async () => ({ canceled: !answers.open, filePaths: answers.open ? [answers.open] : [] })),
  };
}

describe('backup dialogs in Electron', () => {
  it('asks where to save a backup, in Documents under the offered name, attached to the window', async () => {
    const dialog = fakeDialog({ save: join(DOCUMENTS, 'копія.zlagoda') });
    const win = {};
    const chooser = createElectronFileChooser(dialog as never, () => win as never, () => DOCUMENTS);
    expect(await chooser.saveBackup('zlagoda-backup-2026-11-20-1100.zlagoda')).toBe(join(DOCUMENTS, 'копія.zlagoda'));
    const [parent, options] = dialog.showSaveDialog.mock.calls[0] as unknown as [unknown, { title: string; defaultPath: string; properties: string[] }];
    expect(parent).toBe(win);
    expect(options.defaultPath).toBe(join(DOCUMENTS, 'zlagoda-backup-2026-11-20-1100.zlagoda'));
    expect(options.title).toContain('зашифрован');
    expect(options.properties).not.toContain('showOverwriteConfirmation');
  });

  it('a cancelled dialog is null; the restore asks for a file and a folder it may create', async () => {
    const dialog = fakeDialog({});
    const chooser = createElectronFileChooser(dialog as never, () => null, () => {
      throw new Error('no Documents');
    });
    expect(await chooser.saveBackup('x.zlagoda')).toBeNull();
    expect(await chooser.openBackup()).toBeNull();
    expect(await chooser.storeFolder()).toBeNull();
    expect((dialog.showOpenDialog.mock.calls as unknown as unknown[][]).map((c) => c[0])).toEqual([OPEN_BACKUP_OPTIONS, STORE_FOLDER_OPTIONS]);
    expect(STORE_FOLDER_OPTIONS.properties).toEqual(expect.arrayContaining(['openDirectory', 'createDirectory']));
  });

  it('remembers a restored store’s folder for the next start, and ignores one that is gone', () => {
    const profile = mkdtempSync(join(tmpdir(), 'zlagoda-profile-'));
    try {
      expect(rememberedStoreDir(profile)).toBeNull();
      rememberStoreDir(profile, profile);
      expect(rememberedStoreDir(profile)).toBe(profile);
      rememberStoreDir(profile, join(profile, 'gone'));
      expect(rememberedStoreDir(profile)).toBeNull();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
