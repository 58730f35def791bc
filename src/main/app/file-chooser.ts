import { join } from 'node:path';
import type { BaseWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { FileChooser } from '../kernel/files';

type Dialogs = Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;

const BACKUP_FILTERS = [
  { name: 'Резервна копія «Злагоди»', extensions: ['zlagoda'] },
  // Copies made by `zlagoda backup --out` may carry any name.
  { name: 'Усі файли', extensions: ['*'] },
];

/** The dialogs a backup and a restore open, in Ukrainian; the options alone, so a test reads them without Electron. */
export function backupDialogOptions(suggestedName: string, documentsDir: string | null): SaveDialogOptions {
  return {
    title: 'Зберегти резервну копію сховища (зашифровану)',
    message: 'Копія зашифрована: відкрити її можна лише паролем користувача цього сховища. Зберігайте її окремо від цього комп’ютера.',
    defaultPath: documentsDir ? join(documentsDir, suggestedName) : suggestedName,
    buttonLabel: 'Зберегти копію',
    filters: [BACKUP_FILTERS[0]!],
    // No overwrite prompt: a backup never replaces a file, and the app says so if one is chosen.
    properties: ['createDirectory'],
  };
}

export const OPEN_BACKUP_OPTIONS: OpenDialogOptions = {
  title: 'Оберіть файл резервної копії «Злагоди»',
  buttonLabel: 'Обрати копію',
  filters: BACKUP_FILTERS,
  properties: ['openFile'],
};

export const STORE_FOLDER_OPTIONS: OpenDialogOptions = {
  title: 'Оберіть порожню папку для відновленого сховища',
  message: 'Наявні файли не буде перезаписано: оберіть порожню папку або створіть нову.',
  buttonLabel: 'Відновити в цю папку',
  properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
};

/** Electron's own save and open dialogs, attached to the window when there is one. */
export function createElectronFileChooser(dialog: Dialogs, getWindow: () => BaseWindow | null, documentsDir: () => string): FileChooser {
  const save = (options: SaveDialogOptions) => {
    const win = getWindow();
    return win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options);
  };
  const open = async (options: OpenDialogOptions) => {
    const win = getWindow();
    const result = await (win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options));
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  return {
    async saveBackup(suggestedName) {
      let dir: string | null = null;
      try {
        dir = documentsDir();
      } catch {
        // No Documents folder known to the system: the dialog opens at its own default place.
      }
      const result = await save(backupDialogOptions(suggestedName, dir));
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    openBackup: () => open(OPEN_BACKUP_OPTIONS),
    storeFolder: () => open(STORE_FOLDER_OPTIONS),
  };
}
