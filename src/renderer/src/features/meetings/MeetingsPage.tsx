import { useNavigation } from '../../app/navigation';
import { MeetingEditor } from './MeetingEditor';
import { MeetingList } from './MeetingList';

/** The council's meetings: the list, or one meeting's editor when the route names it. */
export function MeetingsPage() {
  const { route } = useNavigation();
  return route.id ? <MeetingEditor meetingId={route.id} /> : <MeetingList />;
}
