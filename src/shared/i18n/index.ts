import en from './en.json';
import uk from './uk.json';

/** Ukrainian first: the default and the fallback language. */
export const LANGUAGES = ['uk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const resources = {
  uk: { translation: uk },
  en: { translation: en },
} as const;
