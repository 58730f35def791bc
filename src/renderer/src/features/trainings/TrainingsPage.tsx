import { useNavigation } from '../../app/navigation';
import { ImportWizard } from './ImportWizard';
import { TrainingCard } from './TrainingCard';
import { EditTraining, NewTraining } from './TrainingForm';
import { TrainingList } from './TrainingList';
import { trainingRouteOf } from './training-route';

export function TrainingsPage() {
  const { route } = useNavigation();
  const at = trainingRouteOf(route.id);
  if (at.view === 'new') return <NewTraining />;
  if (at.view === 'edit') return <EditTraining trainingId={at.id} />;
  if (at.view === 'import') return <ImportWizard trainingId={at.id} />;
  if (at.view === 'card') return <TrainingCard trainingId={at.id} />;
  return <TrainingList />;
}
