import { useNavigation } from '../../app/navigation';
import { PersonFile } from './PersonFile';
import { PersonList } from './PersonList';
import { personsRouteOf } from './person-route';

/** The people the referral mechanism works with: the list, or one person's file, as the route names it. */
export function PersonsPage() {
  const { route } = useNavigation();
  const at = personsRouteOf(route.id);
  return at.view === 'file' ? <PersonFile personId={at.id} /> : <PersonList />;
}
