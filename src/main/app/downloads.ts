import { basename, extname, join } from 'node:path';
import type { DownloadItem, FileFilter, SaveDialogOptions, Session } from 'electron';

/**
 * Windows and Linux show only the title of a save dialog (the message is macOS's), so the title itself says that
 * the file leaves the store's encryption; the message repeats it at length where it is shown.
 */
export const SAVE_DIALOG_TITLE = 'Зберегти файл без шифрування сховища';
export const SAVE_DIALOG_MESSAGE =
  'Файл буде збережено поза зашифрованим сховищем Злагоди — без шифрування. Оберіть місце, де дозволено зберігати службові документи, і видаліть файл, коли він більше не потрібен.';

/** The formats the app exports; the filter keeps the extension when the user types a name without one. */
const FILTERS: Record<string, FileFilter> = {
  '.docx': { name: 'Документ Word (DOCX)', extensions: ['docx'] },
  '.pdf': { name: 'Документ PDF', extensions: ['pdf'] },
  '.xlsx': { name: 'Таблиця Excel (XLSX)', extensions: ['xlsx'] },
};

/** The save dialog of one download: offered in the user's Documents folder under the name the app gave the file. */
export function saveDialogOptions(fileName: string, documentsDir: string | null): SaveDialogOptions {
  // The name comes from the page's download attribute: only its last part is a file name.
  const name = basename(fileName.replaceAll('\\', '/')) || 'document';
  const filter = FILTERS[extname(name).toLowerCase()];
  return {
    title: SAVE_DIALOG_TITLE,
    message: SAVE_DIALOG_MESSAGE,
    defaultPath: documentsDir ? join(documentsDir, name) : name,
    buttonLabel: 'Зберегти',
    ...(filter ? { filters: [filter] } : {}),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

type DownloadSession = Pick<Session, 'on'>;
type Download = Pick<DownloadItem, 'getFilename' | 'setSaveDialogOptions'>;

const guarded = new WeakSet<DownloadSession>();

/**
 * Every download (the DOCX and PDF exports reach the user as downloads) opens a save dialog: no save path is ever
 * set here, so Electron asks where to save instead of writing the file silently into a default folder. Installed
 * once per session, however many windows share it.
 */
export function askWhereToSaveDownloads(session: DownloadSession, documentsDir: () => string): void {
  if (guarded.has(session)) return;
  guarded.add(session);
  session.on('will-download', (_event: unknown, item: Download) => {
    let dir: string | null = null;
    try {
      dir = documentsDir();
    } catch {
      // No Documents folder known to the system: the dialog still opens, at its own default place.
    }
    item.setSaveDialogOptions(saveDialogOptions(item.getFilename(), dir));
  });
}
