import { useNavigation } from '../../app/navigation';
import { CaseCard } from './CaseCard';
import { caseRouteOf } from './case-route';
import { CaseList } from './CaseList';
import { PersonCard } from './PersonCard';

/** The status procedure: the case list, one case's card, or one person's card, as the route names it. */
export function CasesPage() {
  const { route } = useNavigation();
  const at = caseRouteOf(route.id);
  if (at.view === 'case') return <CaseCard caseId={at.id} />;
  if (at.view === 'person') return <PersonCard personId={at.id} />;
  return <CaseList />;
}
