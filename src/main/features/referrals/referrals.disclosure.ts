import type { Refusal } from '../../../shared/case-procedure';
import type { OrganisationType } from '../../../shared/domain/organisations';
import { DATA_CATEGORIES, type DataCategory } from '../../../shared/domain/referral-codes';
import type { Disclosure, Referral } from '../../../shared/domain/referrals';
import { consentFactsOf } from './referrals.repository';
import { coveringConsent, disclosedCategories, type ConsentFacts } from '../../../shared/referral-procedure';
import type { Db } from '../../store/connection';

/**
 * What a referral may show its recipient: the consent it travels under and the categories that consent lets out.
 * A draft is read against the consents in force today; a sent referral against the consent it was sent under, and
 * nothing at all once that consent was revoked.
 */
export function consentFor(db: Db, referral: Referral, today: string): { consent: ConsentFacts; refusal: null } | { consent: null; refusal: Refusal } {
  const consents = consentFactsOf(db, referral.personId);
  if (referral.state !== 'draft') {
    // Whatever the referral's state: once its consent is revoked or past its term, it lets nothing more out.
    const sentUnder = consents.find((c) => c.id === referral.consentId);
    const revokedOn = referral.consentRevokedOn ?? (sentUnder?.revokedOn && sentUnder.revokedOn <= today ? sentUnder.revokedOn : null);
    if (!sentUnder || revokedOn) return { consent: null, refusal: { reason: 'consent_revoked', details: { date: revokedOn } } };
    if (sentUnder.validUntil && sentUnder.validUntil < today) return { consent: null, refusal: { reason: 'consent_expired', details: { date: sentUnder.validUntil } } };
    return { consent: sentUnder, refusal: null };
  }
  const type = db.prepare('SELECT type FROM organisations WHERE id = ?').pluck().get(referral.toOrganisationId) as OrganisationType;
  const found = coveringConsent(consents, { id: referral.toOrganisationId, type }, disclosedCategories(referral.disclose), today);
  return 'consent' in found ? { consent: found.consent, refusal: null } : { consent: null, refusal: found.refusal };
}

interface IdentityRow {
  surname: string;
  given_name: string;
  patronymic: string;
  birth_date: string | null;
  phone: string;
  email: string;
  address: string;
  languages: string;
  interpreter_needed: number;
  representative_name: string;
  representative_relation: string;
  representative_contacts: string;
}

/**
 * The letter's content: the code, child or adult, the needs and the officer always; each other category only when
 * the officer chose it and the consent covers it. Without a covering consent, nothing beyond the always-part.
 */
export function disclosureOf(db: Db, referral: Referral, consent: ConsentFacts | null, child: boolean): Disclosure {
  const allowed = new Set<DataCategory>(consent ? referral.disclose.filter((c) => consent.categories.includes(c)) : []);
  const identity = allowed.size
    ? (db
        .prepare(
          `SELECT surname, given_name, patronymic, birth_date, phone, email, address, languages, interpreter_needed, representative_name,
             representative_relation, representative_contacts FROM person_identities WHERE person_id = ?`,
        )
        .get(referral.personId) as IdentityRow | undefined)
    : undefined;
  const shows = (category: DataCategory) => allowed.has(category) && identity !== undefined;
  const withName = shows('name_contacts');
  return {
    code: referral.code,
    number: referral.number,
    fromName: referral.fromName,
    toName: referral.toName,
    needs: referral.needs,
    urgency: referral.urgency,
    child,
    name: withName ? [identity!.surname, identity!.given_name, identity!.patronymic].filter(Boolean).join(' ') : null,
    contacts: withName
      ? { phone: identity!.phone, email: identity!.email, address: identity!.address, languages: identity!.languages, interpreterNeeded: identity!.interpreter_needed === 1 }
      : null,
    representative: withName && identity!.representative_name ? { name: identity!.representative_name, relation: identity!.representative_relation, contacts: identity!.representative_contacts } : null,
    birthDate: shows('birth_date') ? identity!.birth_date : null,
    circumstances: allowed.has('circumstances') ? referral.circumstances : null,
    documents: allowed.has('documents') ? referral.documents : null,
    officerName: referral.officerName,
    officerContact: referral.officerContact,
    answerDueOn: referral.answerDueOn,
    withheld: DATA_CATEGORIES.filter((c) => c !== 'needs' && !(c === 'name_contacts' ? withName : c === 'birth_date' ? shows(c) : allowed.has(c))),
  };
}
