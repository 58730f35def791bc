import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { referralRouteOf } from './referral-route';
import { ReferralCard } from './ReferralCard';
import { ReferralCounts } from './ReferralCounts';
import { EditReferral, NewReferral } from './ReferralForm';
import { ReferralList } from './ReferralList';

/**
 * Referrals: for a case officer the list, a new referral for a person, a draft's correction or one referral's card,
 * as the route names it; for an analyst (reports without cases) the counts only, as there is no person in them.
 */
export function ReferralsPage() {
  const { route } = useNavigation();
  const { session } = useSession();
  if (!can(session, 'cases.read')) return <ReferralCounts />;
  const at = referralRouteOf(route.id);
  if (at.view === 'counts') return <ReferralCounts />;
  if (at.view === 'new') return <NewReferral personId={at.personId} />;
  if (at.view === 'edit') return <EditReferral referralId={at.id} />;
  if (at.view === 'card') return <ReferralCard referralId={at.id} />;
  return <ReferralList />;
}
