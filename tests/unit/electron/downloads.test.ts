import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The module under test imports electron for types only; the mock proves nothing at run time needs it.
vi.mock('electron', () => ({}));

const { SAVE_DIALOG_MESSAGE, SAVE_DIALOG_TITLE, askWhereToSaveDownloads, saveDialogOptions } = await import('../../../src/main/app/downloads');

type Listener = (...args: unknown[]) => void;

function fakeSession() {
  const listeners = new Map<string, Listener[]>();
  return {
    on: vi.fn((event: string, fn: Listener) => {
      listeners.set(event, [...(listeners.get(event) ?? []), fn]);
    }),
    count: (event: string) => listeners.get(event)?.length ?? 0,
    /** Starts a download the way Chromium does, with an item that records what the handler did to it. */
    download(fileName: string) {
      const event = { preventDefault: vi.fn() };
      const item = { getFilename: vi.fn(() => fileName), setSaveDialogOptions: vi.fn(), setSavePath: vi.fn(), cancel: vi.fn() };
      for (const fn of listeners.get('will-download') ?? []) fn(event, item, {});
      return { event, item };
    },
  };
}

const DOCUMENTS = join('/home', 'olena', 'Документи');

describe('downloads ask where to save', () => {
  it('opens the save dialog in the Documents folder with the file’s name and the sentence that it leaves the encryption', () => {
    const session = fakeSession();
    askWhereToSaveDownloads(session as never, () => DOCUMENTS);
    const { item } = session.download('Протокол_2_2026.docx');
    expect(item.setSaveDialogOptions).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({
        title: SAVE_DIALOG_TITLE,
        message: SAVE_DIALOG_MESSAGE,
        defaultPath: join(DOCUMENTS, 'Протокол_2_2026.docx'),
        filters: [{ name: 'Документ Word (DOCX)', extensions: ['docx'] }],
      }),
    );
    // Ukrainian, and saying that the file will not be encrypted: the title is all Windows and Linux show.
    expect(SAVE_DIALOG_TITLE).toMatch(/без шифрування/);
    expect(SAVE_DIALOG_MESSAGE).toMatch(/поза зашифрованим сховищем/);
  });

  it('never saves a download silently: no save path is set and the download is not cancelled', () => {
    const session = fakeSession();
    askWhereToSaveDownloads(session as never, () => DOCUMENTS);
    for (const name of ['Протокол_2_2026.pdf', 'Звіт.xlsx', 'невідоме']) {
      const { event, item } = session.download(name);
      expect(item.setSaveDialogOptions).toHaveBeenCalledOnce();
      expect(item.setSavePath).not.toHaveBeenCalled();
      expect(item.cancel).not.toHaveBeenCalled();
      expect(event.preventDefault).not.toHaveBeenCalled();
    }
  });

  it('still asks when the system knows no Documents folder', () => {
    const session = fakeSession();
    askWhereToSaveDownloads(session as never, () => {
      throw new Error('Failed to get documents path');
    });
    const { item } = session.download('Повідомлення_3_2026.pdf');
    expect(item.setSaveDialogOptions).toHaveBeenCalledExactlyOnceWith(expect.objectContaining({ title: SAVE_DIALOG_TITLE, defaultPath: 'Повідомлення_3_2026.pdf' }));
    expect(item.setSavePath).not.toHaveBeenCalled();
  });

  it('listens once per session, however many windows share it', () => {
    const session = fakeSession();
    askWhereToSaveDownloads(session as never, () => DOCUMENTS);
    askWhereToSaveDownloads(session as never, () => DOCUMENTS);
    expect(session.count('will-download')).toBe(1);
  });

  it('offers only the last part of a name as the file name, and a filter for each exported format', () => {
    expect(saveDialogOptions('../../etc/Протокол.docx', DOCUMENTS).defaultPath).toBe(join(DOCUMENTS, 'Протокол.docx'));
    expect(saveDialogOptions('..\\..\\Протокол.pdf', DOCUMENTS).defaultPath).toBe(join(DOCUMENTS, 'Протокол.pdf'));
    expect(saveDialogOptions('Протокол.PDF', DOCUMENTS).filters).toEqual([{ name: 'Документ PDF', extensions: ['pdf'] }]);
    expect(saveDialogOptions('Звіт.xlsx', DOCUMENTS).filters).toEqual([{ name: 'Таблиця Excel (XLSX)', extensions: ['xlsx'] }]);
    expect(saveDialogOptions('нотатки', DOCUMENTS).filters).toBeUndefined();
  });
});
