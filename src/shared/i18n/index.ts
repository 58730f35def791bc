import en from './en.json';
import uk from './uk.json';

/** Ukrainian first: the default and the fallback language. */
export const LANGUAGES = ['uk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The shell's own texts: the words every screen shares, every error sentence and every validation sentence
 * (the command line speaks them too). Each feature's screens have a file of their own in `features/`, found
 * by the renderer (`app/i18n.ts`), never listed here.
 */
export const SHELL = { uk, en } as const;
