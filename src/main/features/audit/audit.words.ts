import type { Phrase } from '../../../shared/audit-words';
import about from '../../../shared/i18n/features/about.uk.json';
import assignments from '../../../shared/i18n/features/assignments.uk.json';
import audit from '../../../shared/i18n/features/audit.uk.json';
import backup from '../../../shared/i18n/features/backup.uk.json';
import cases from '../../../shared/i18n/features/cases.uk.json';
import dashboard from '../../../shared/i18n/features/dashboard.uk.json';
import drafts from '../../../shared/i18n/features/drafts.uk.json';
import group from '../../../shared/i18n/features/group.uk.json';
import meetings from '../../../shared/i18n/features/meetings.uk.json';
import organisations from '../../../shared/i18n/features/organisations.uk.json';
import parameters from '../../../shared/i18n/features/parameters.uk.json';
import persons from '../../../shared/i18n/features/persons.uk.json';
import referrals from '../../../shared/i18n/features/referrals.uk.json';
import session from '../../../shared/i18n/features/session.uk.json';
import settings from '../../../shared/i18n/features/settings.uk.json';
import territories from '../../../shared/i18n/features/territories.uk.json';
import trainings from '../../../shared/i18n/features/trainings.uk.json';
import prevention from '../../../shared/i18n/features/prevention.uk.json';
import coverage from '../../../shared/i18n/features/coverage.uk.json';
import reports from '../../../shared/i18n/features/reports.uk.json';
import inbox from '../../../shared/i18n/features/inbox.uk.json';
import users from '../../../shared/i18n/features/users.uk.json';

/**
 * Every feature's Ukrainian texts, for the exported log: a file for an auditor's report is in the state language
 * whatever the screen speaks. Listed by hand because the main process has no file discovery at build time; a
 * test holds this list to the folder, so a new feature's labels are not missed here.
 */
export const FEATURE_TEXTS_UK: Record<string, unknown> = {
  about,
  assignments,
  audit,
  backup,
  cases,
  dashboard,
  drafts,
  group,
  meetings,
  organisations,
  parameters,
  persons,
  referrals,
  session,
  settings,
  territories,
  trainings,
  prevention,
  coverage,
  reports,
  inbox,
  users,
};

type Tree = { [key: string]: Tree | string | undefined };
const texts = Object.assign({}, ...Object.values(FEATURE_TEXTS_UK)) as Tree;

function lookup(tree: Tree, path: string[]): string | undefined {
  let node: Tree | string | undefined = tree;
  for (const part of path) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** A key's sentence with its {{values}} filled, as i18next would; the key itself when no text has it. */
export function say(key: string, values: Record<string, string | number> = {}): string {
  const template = lookup(texts, key.split('.')) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

export function sayPhrase(phrase: Phrase): string {
  return say(phrase.key, phrase.values);
}

/** As the screen names them (`audit-labels.ts`): the first feature that knows the code, else the code. */
function featureLabel(section: 'auditActions' | 'entities', code: string): string {
  for (const feature of Object.keys(FEATURE_TEXTS_UK)) {
    const label = lookup(texts, [feature, section, ...(section === 'auditActions' ? code.split('.') : [code])]);
    if (label) return label;
  }
  return code;
}

export const actionText = (action: string): string => featureLabel('auditActions', action);
export const entityText = (entity: string): string => featureLabel('entities', entity);
