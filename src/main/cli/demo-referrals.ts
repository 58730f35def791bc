import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import type { OrganisationType } from '../../shared/domain/organisations';
import type { Service } from '../../shared/domain/referral-codes';
import { addDays } from '../../shared/time';

type Call = <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;
type Change = InputOf<'referrals:advance'>['change'];
type ChangeSpec = Change extends infer S ? (S extends Change ? Omit<S, 'date' | 'note'> & { note?: string } : never) : never;

interface ReferralSpec {
  to: OrganisationType;
  needs: Service[];
  urgency?: 'urgent' | 'normal';
  /** Days after the identification the draft is sent (none: it stays a draft), then each change with its offset. */
  changes: [offset: number, change: ChangeSpec][];
  disclose?: InputOf<'referrals:save'>['disclose'];
}

interface Scenario {
  /** Identified this many days before today; every offset counts from the identification. */
  daysAgo: number;
  by: OrganisationType;
  child?: boolean;
  needs: Service[];
  consentTypes: OrganisationType[];
  referrals: ReferralSpec[];
  /** Revokes the consent this many days after the identification. */
  revokedAfter?: number;
  service?: { after: number; referral: number; description: string };
}

/** Every state a referral can be in, with consents (one revoked mid-way), children among the people. */
const SCENARIOS: Scenario[] = [
  { daysAgo: 3, by: 'police', needs: ['medical', 'psychological'], consentTypes: ['health', 'ngo'], referrals: [{ to: 'health', needs: ['medical'], changes: [] }] },
  { daysAgo: 4, by: 'migration_border', needs: ['accommodation', 'legal'], consentTypes: ['ngo', 'legal_aid'], referrals: [{ to: 'ngo', needs: ['accommodation'], urgency: 'urgent', changes: [[2, { event: 'send' }]] }] },
  { daysAgo: 16, by: 'ngo', needs: ['legal'], consentTypes: ['legal_aid'], referrals: [{ to: 'legal_aid', needs: ['legal'], changes: [[1, { event: 'send' }]] }] },
  {
    daysAgo: 20,
    by: 'police',
    needs: ['psychological', 'social'],
    consentTypes: ['social_services_centre', 'ngo'],
    referrals: [{ to: 'social_services_centre', needs: ['psychological', 'social'], changes: [[1, { event: 'send' }], [3, { event: 'accept' }]] }],
  },
  {
    daysAgo: 60,
    by: 'police',
    needs: ['employment', 'education'],
    consentTypes: ['employment'],
    referrals: [{ to: 'employment', needs: ['employment'], changes: [[2, { event: 'send' }], [5, { event: 'accept' }], [8, { event: 'start' }]] }],
  },
  {
    daysAgo: 70,
    by: 'ngo',
    needs: ['medical', 'psychological'],
    consentTypes: ['health', 'ngo'],
    referrals: [{ to: 'health', needs: ['medical'], changes: [[1, { event: 'send' }], [2, { event: 'accept' }], [3, { event: 'start' }], [20, { event: 'complete', outcome: 'received_full', note: 'Обстеження й лікування завершено.' }]] }],
    service: { after: 15, referral: 0, description: 'Медичне обстеження та амбулаторне лікування.' },
  },
  {
    daysAgo: 50,
    by: 'migration_border',
    needs: ['return'],
    consentTypes: ['international'],
    referrals: [{ to: 'international', needs: ['return'], changes: [[1, { event: 'send' }], [3, { event: 'accept' }], [10, { event: 'complete', outcome: 'person_refused', note: 'Особа вирішила залишитися.' }]] }],
  },
  {
    daysAgo: 45,
    by: 'police',
    needs: ['accommodation', 'psychological'],
    consentTypes: ['ngo', 'social_services_centre'],
    referrals: [
      { to: 'ngo', needs: ['accommodation'], changes: [[1, { event: 'send' }], [2, { event: 'decline', reason: 'no_capacity', note: 'Притулок заповнений.' }]] },
      { to: 'social_services_centre', needs: ['accommodation'], changes: [[3, { event: 'send' }], [4, { event: 'accept' }], [5, { event: 'start' }]] },
    ],
  },
  {
    daysAgo: 30,
    by: 'ngo',
    needs: ['financial'],
    consentTypes: ['social_services_centre'],
    referrals: [{ to: 'social_services_centre', needs: ['financial'], changes: [[2, { event: 'send' }], [4, { event: 'revoke', reason: 'sent_in_error' }]] }],
  },
  { daysAgo: 40, by: 'police', needs: ['legal'], consentTypes: ['legal_aid'], referrals: [{ to: 'legal_aid', needs: ['legal'], changes: [[1, { event: 'send' }], [15, { event: 'close', note: 'Відповіді не отримано, повторні дзвінки без результату.' }]] }] },
  {
    daysAgo: 25,
    by: 'ngo',
    needs: ['psychological'],
    consentTypes: ['ngo'],
    referrals: [{ to: 'ngo', needs: ['psychological'], changes: [[1, { event: 'send' }], [2, { event: 'accept' }], [9, { event: 'revoke', reason: 'consent_revoked' }]] }],
    revokedAfter: 8,
  },
  {
    daysAgo: 12,
    by: 'police',
    child: true,
    needs: ['child_shelter', 'psychological'],
    consentTypes: ['children_service', 'health'],
    referrals: [{ to: 'children_service', needs: ['child_shelter'], urgency: 'urgent', changes: [[0, { event: 'send' }], [1, { event: 'accept' }]] }],
  },
];

const NAMES: [string, string, string, 'female' | 'male'][] = [
  ['Прикладенко', 'Уявлена', 'Вигаданівна', 'female'],
  ['Зразкевич', 'Вигадан', 'Уявленович', 'male'],
  ['Умовненко', 'Мрія', 'Зразківна', 'female'],
  ['Макетна', 'Вигадана', 'Уявленівна', 'female'],
  ['Ескізенко', 'Зразок', 'Вигаданович', 'male'],
];

export interface ReferralDemoOptions {
  today: string;
  scale: number;
  officerId: string;
  officer: string;
  katottg: string;
}

/**
 * Fills the referral mechanism: presumed victims identified by police, border guards and NGOs, their needs assessed,
 * consents (one revoked while its referral was at work), and referrals in every state, once per unit of scale, each
 * repetition a week older. All through the dispatcher as a case officer would.
 */
export async function fillDemoReferrals(call: Call, o: ReferralDemoOptions): Promise<number> {
  const options = await call('organisations:options', {});
  const subject = (type: OrganisationType) => options.find((x) => x.type === type && x.nrmSubject) ?? options.find((x) => x.type === type)!;
  const from = subject('state_admin').id;
  let n = 0;
  for (let k = 0; k < o.scale; k += 1) {
    for (const s of SCENARIOS) {
      const identified = addDays(o.today, -(s.daysAgo + k * 7));
      const at = (offset: number) => addDays(identified, offset);
      const [surname, givenName, patronymic, sex] = NAMES[n % NAMES.length]!;
      const person = await call('persons:record', {
        person: {
          surname,
          givenName,
          patronymic,
          sex,
          birthDate: addDays(identified, -Math.round((s.child ? 15 : 24 + (n % 20)) * 365.25)),
          languages: 'українська',
          phone: `+380 00 111 ${String(1000 + n).slice(-4)}`,
          ...(s.child ? { representative: { name: 'Служба у справах дітей', relation: 'орган опіки та піклування', contacts: '' } } : {}),
        },
        identification: { identifiedOn: identified, identifiedByOrganisationId: subject(s.by).id, identifiedKatottg: o.katottg },
      });
      const assessed = await call('persons:saveAssessment', { personId: person.id, date: identified, assessedBy: o.officer, needs: s.needs, urgency: s.child ? 'urgent' : 'normal' });
      const assessmentId = assessed.assessments.at(-1)!.id;
      const consent = await call('persons:saveConsent', {
        personId: person.id,
        date: identified,
        form: n % 4 === 3 ? 'oral' : 'written',
        witness: n % 4 === 3 ? o.officer : '',
        givenBy: s.child ? 'children_service' : 'person',
        organisationTypes: s.consentTypes,
        categories: n % 3 === 0 ? ['needs'] : ['needs', 'name_contacts', 'birth_date'],
      });
      const referralIds: string[] = [];
      for (const r of s.referrals) {
        const draft = await call('referrals:save', {
          personId: person.id,
          assessmentId,
          fromOrganisationId: from,
          toOrganisationId: subject(r.to).id,
          needs: r.needs,
          urgency: r.urgency ?? 'normal',
          officerId: o.officerId,
          officerContact: '(000) 000-00-00, referrals@example.gov.ua',
          disclose: n % 3 === 0 ? [] : ['name_contacts'],
        });
        referralIds.push(draft.id);
        for (const [offset, change] of r.changes) {
          if (s.revokedAfter !== undefined && offset > s.revokedAfter && !consent.consents.at(-1)!.revokedOn) {
            await call('persons:revokeConsent', { consentId: consent.consents.at(-1)!.id, date: at(s.revokedAfter), note: 'Особа відкликала згоду.' });
            consent.consents.at(-1)!.revokedOn = at(s.revokedAfter);
          }
          await call('referrals:advance', { id: draft.id, change: { note: '', ...change, date: at(offset) } as Change });
        }
      }
      if (s.service) {
        const referral = s.referrals[s.service.referral]!;
        await call('persons:saveService', {
          personId: person.id,
          date: at(s.service.after),
          providerOrganisationId: subject(referral.to).id,
          service: referral.needs[0]!,
          description: s.service.description,
          referralId: referralIds[s.service.referral]!,
        });
      }
      n += 1;
    }
  }
  return n;
}
