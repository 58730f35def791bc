import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { LoadStatus } from '../../components/LoadStatus';
import { MeetingForm } from './MeetingForm';

/** One meeting: its record, the members seated on its date, the group's rule and its assignments, then the form. */
export function MeetingEditor({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const meeting = useChannelQuery('meetings:get', { id: meetingId });
  const date = meeting.data?.date;
  const members = useChannelQuery('group:members', { on: date ?? '2000-01-01' }, { enabled: Boolean(date) });
  const organisations = useChannelQuery('organisations:options', { includeInactive: true });
  const group = useChannelQuery('group:get', {});
  const given = useChannelQuery('assignments:list', { meetingId });
  const reviewed = useChannelQuery('assignments:list', { reviewedIn: meetingId });
  const queries = [meeting, members, organisations, given, reviewed];

  if (!meeting.data || !members.data || !organisations.data || !given.data || !reviewed.data) {
    const failed = queries.find((q) => q.error);
    return (
      <Stack>
        <Group>
          <Button variant="subtle" onClick={() => open('meetings')}>
            {t('meetings.editor.back')}
          </Button>
        </Group>
        <LoadStatus query={failed ?? { isPending: true, error: null, refetch: () => undefined }} />
      </Stack>
    );
  }

  return (
    <MeetingForm
      data={{
        meeting: meeting.data,
        members: members.data,
        organisations: organisations.data,
        group: group.data ?? null,
        meetingAssignments: given.data,
        reviewedAssignments: reviewed.data,
      }}
    />
  );
}
