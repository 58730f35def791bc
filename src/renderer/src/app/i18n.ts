import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, resources, type Language } from '../../../shared/i18n';

const STORAGE_KEY = 'zlagoda.language';

function savedLanguage(): Language {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.find((l) => l === saved) ?? 'uk';
  } catch {
    return 'uk';
  }
}

/** One i18next instance per app (and per test), Ukrainian unless the user switched. */
export function createI18n(language: Language = savedLanguage()): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'uk',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = language;
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    try {
      window.localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // A language preference that cannot be saved is not worth an error on screen.
    }
  });
  return instance;
}
