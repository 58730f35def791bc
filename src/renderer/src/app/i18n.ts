import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, SHELL, type Language } from '../../../shared/i18n';

const STORAGE_KEY = 'zlagoda.language';

/**
 * Every feature's texts, found by file name (`features/<feature>.<language>.json`): a new feature's file is
 * picked up without a line here. Each file owns one top-level key, its feature's name (a test holds it).
 */
const FILES = import.meta.glob<Record<string, unknown>>('../../../shared/i18n/features/*.json', { eager: true, import: 'default' });

export interface FeatureTexts {
  feature: string;
  language: Language;
  texts: Record<string, unknown>;
}

export const FEATURE_TEXTS: FeatureTexts[] = Object.entries(FILES).map(([path, texts]) => {
  const match = /\/([a-z]+)\.(uk|en)\.json$/.exec(path);
  if (!match) throw new Error(`an interface text file is misnamed: ${path}`);
  return { feature: match[1]!, language: match[2] as Language, texts };
});

/** The features that have texts, in a stable order. */
export const FEATURES_WITH_TEXTS = [...new Set(FEATURE_TEXTS.map((f) => f.feature))].sort();

export const dictionaries: Record<Language, Record<string, unknown>> = {
  uk: Object.assign({}, SHELL.uk, ...FEATURE_TEXTS.filter((f) => f.language === 'uk').map((f) => f.texts)) as Record<string, unknown>,
  en: Object.assign({}, SHELL.en, ...FEATURE_TEXTS.filter((f) => f.language === 'en').map((f) => f.texts)) as Record<string, unknown>,
};

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
    resources: { uk: { translation: dictionaries.uk }, en: { translation: dictionaries.en } },
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
