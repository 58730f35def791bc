import type { InboxRefusal } from '../../../shared/domain/inbox';
import { refusalWords } from '../../bundles/refusal-words';
import type { BundleRefusal } from '../../bundles/verify-bundle';
import type { Refusal } from './inbox.check';

/**
 * A refusal in Ukrainian, for the import's answer, the log and the command line; the screen has the same sentences
 * in i18n by code. Total over the recipient's own codes, so a new one does not compile without its words.
 */
const WORDS: Record<InboxRefusal, string> = {
  wrong_sender: 'пакет підписано ключем іншого відправника, ніж той, що названий у пакеті',
  report_malformed: 'звіт у пакеті (data/report.json) пошкоджений або не відповідає формату звіту',
  report_mismatch: 'звіт у пакеті називає іншу область, період чи профіль, ніж підписаний заголовок',
  replay: 'цей пакет (той самий відправник, період, профіль і час формування) уже отримано',
  rollback: 'пакет старіший за вже прийнятий від цього відправника за цей період',
};

export function inboxRefusalWords(reason: Refusal): string {
  return reason in WORDS ? WORDS[reason as InboxRefusal] : refusalWords(reason as BundleRefusal);
}
