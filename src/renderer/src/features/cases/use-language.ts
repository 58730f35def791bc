import { useTranslation } from 'react-i18next';

/** The interface's language as the coded lists name theirs. */
export function useLanguage(): 'uk' | 'en' {
  const { i18n } = useTranslation();
  return i18n.language.startsWith('en') ? 'en' : 'uk';
}
