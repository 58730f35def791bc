import en from './en.json';
import assignmentsEn from './features/assignments.en.json';
import assignmentsUk from './features/assignments.uk.json';
import dashboardEn from './features/dashboard.en.json';
import dashboardUk from './features/dashboard.uk.json';
import groupEn from './features/group.en.json';
import groupUk from './features/group.uk.json';
import labelsEn from './features/labels.en.json';
import labelsUk from './features/labels.uk.json';
import meetingsEn from './features/meetings.en.json';
import meetingsUk from './features/meetings.uk.json';
import uk from './uk.json';

/** Ukrainian first: the default and the fallback language. */
export const LANGUAGES = ['uk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The shell's texts and one file per feature, each owning its own top-level keys (a test checks that no two
 * files claim the same key), so features can grow their texts without touching each other's files.
 */
export const PARTS = {
  uk: [uk, labelsUk, dashboardUk, groupUk, meetingsUk, assignmentsUk],
  en: [en, labelsEn, dashboardEn, groupEn, meetingsEn, assignmentsEn],
} as const;

export const dictionaries = {
  uk: Object.assign({}, ...PARTS.uk) as Record<string, unknown>,
  en: Object.assign({}, ...PARTS.en) as Record<string, unknown>,
};

export const resources = {
  uk: { translation: dictionaries.uk },
  en: { translation: dictionaries.en },
} as const;
