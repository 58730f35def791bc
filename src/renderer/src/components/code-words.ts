import { useTranslation } from 'react-i18next';
import type { Words } from '../../../shared/domain/case-codes';

/** The interface's language as the coded lists name theirs. */
export function useLanguage(): 'uk' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? 'en' : 'uk';
}

/** The coded lists carry their own words in both languages; the interface's language picks one. */
export function wordsIn(words: Words, language: string): string {
  return language.startsWith('en') ? words.en : words.uk;
}

/** A coded word set as a heading: «працездатні особи» reads «Працездатні особи». */
export function asHeading(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
