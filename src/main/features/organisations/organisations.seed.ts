import { randomUUID } from 'node:crypto';
import type { OrganisationType } from '../../../shared/domain/organisations';
import type { Ownership, Service } from '../../../shared/domain/referral-codes';
import * as schema from '../../db/schema';
import type { OpenStore } from '../../store/store';

/**
 * The usual members of an oblast coordination group (domain.md §3.2, §5.2). Names are generic because the
 * oblast is not known at set-up; the admin edits them, adds КАТОТТГ codes and contacts.
 */
const TYPICAL_OBLAST: [OrganisationType, string, string][] = [
  ['state_admin', 'Обласна військова адміністрація', 'ОВА'],
  ['state_admin', 'Департамент соціального захисту населення обласної військової адміністрації', 'ДСЗН ОВА'],
  ['children_service', 'Служба у справах дітей обласної військової адміністрації', 'ССД ОВА'],
  ['police', 'Головне управління Національної поліції в області', 'ГУНП'],
  ['prosecutor', 'Обласна прокуратура', 'Прокуратура'],
  ['social_services_centre', 'Обласний центр соціальних служб', 'ОЦСС'],
  ['health', 'Департамент охорони здоров’я обласної військової адміністрації', 'ДОЗ ОВА'],
  ['education', 'Департамент освіти і науки обласної військової адміністрації', 'ДОН ОВА'],
  ['employment', 'Обласний центр зайнятості', 'ОЦЗ'],
  ['legal_aid', 'Регіональний центр з надання безоплатної правничої допомоги', 'РЦ БПД'],
  ['migration_border', 'Управління Державної міграційної служби в області', 'УДМС'],
  ['migration_border', 'Прикордонний загін Державної прикордонної служби України', 'ДПСУ'],
  ['other', 'Головне управління Держпраці в області', 'Держпраці'],
  ['international', 'Представництво Міжнародної організації з міграції (МОМ) в Україні', 'МОМ'],
  ['ngo', 'Міжнародний жіночий правозахисний центр «Ла Страда-Україна»', 'Ла Страда'],
  ['ngo', 'Благодійний фонд «Карітас»', 'Карітас'],
];

/**
 * What each kind usually is in the referral mechanism: its ownership, whether CMU No. 783 makes it a subject, the
 * services it usually gives. A starting point the admin corrects; migration 0012 gave existing entries the same.
 */
const TYPICAL_PROFILE: Record<OrganisationType, { ownership: Ownership | null; nrmSubject: boolean; services: Service[] }> = {
  state_admin: { ownership: 'state', nrmSubject: true, services: ['social', 'financial', 'information'] },
  police: { ownership: 'state', nrmSubject: true, services: ['return', 'information'] },
  prosecutor: { ownership: 'state', nrmSubject: false, services: [] },
  children_service: { ownership: 'state', nrmSubject: true, services: ['social', 'child_shelter'] },
  social_services_centre: { ownership: 'communal', nrmSubject: true, services: ['social', 'psychological', 'information'] },
  health: { ownership: 'state', nrmSubject: true, services: ['medical', 'psychological'] },
  education: { ownership: 'state', nrmSubject: true, services: ['education'] },
  employment: { ownership: 'state', nrmSubject: true, services: ['employment', 'education'] },
  legal_aid: { ownership: 'state', nrmSubject: true, services: ['legal', 'compensation'] },
  migration_border: { ownership: 'state', nrmSubject: true, services: ['return', 'information'] },
  local_government: { ownership: 'communal', nrmSubject: true, services: ['social', 'accommodation'] },
  ngo: { ownership: 'ngo', nrmSubject: true, services: ['psychological', 'legal', 'social', 'accommodation'] },
  international: { ownership: 'international', nrmSubject: true, services: ['return', 'financial'] },
  private_provider: { ownership: 'private', nrmSubject: false, services: [] },
  other: { ownership: null, nrmSubject: false, services: [] },
};

/** Runs inside the set-up transaction, so the defaults and their audit event commit with the store. */
export function seedOrganisations(store: OpenStore, actor: { userId: string; workstation: string }): void {
  const now = store.env.clock().toISOString();
  for (const [type, name, shortName] of TYPICAL_OBLAST) {
    const id = randomUUID();
    const { services, ...profile } = TYPICAL_PROFILE[type];
    store.orm.insert(schema.organisations).values({ id, type, name, shortName, ...profile, createdAt: now, updatedAt: now }).run();
    if (services.length) store.orm.insert(schema.organisationServices).values(services.map((service) => ({ organisationId: id, service }))).run();
  }
  store.audit.append(actor, { action: 'organisation.seeded', entity: 'organisation', details: { count: TYPICAL_OBLAST.length } });
}
