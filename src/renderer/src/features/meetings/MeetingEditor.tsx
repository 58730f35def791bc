import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupSettings, Member } from '../../../../shared/domain/group';
import type { Assignment, Meeting } from '../../../../shared/domain/meetings';
import type { Organisation } from '../../../../shared/domain/organisations';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { useNavigation } from '../../app/navigation';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MeetingForm } from './MeetingForm';

/** Everything the editor shows besides the form: loaded together, replaced piece by piece as the user works. */
export interface MeetingData {
  meeting: Meeting;
  /** Members seated on the saved meeting date. */
  members: Member[];
  organisations: Organisation[];
  /** The quorum rule; null if it could not be read (the editor then shows the server's count). */
  group: GroupSettings | null;
  /** Assignments given by this meeting's decisions. */
  meetingAssignments: Assignment[];
  /** Every assignment, for the carry-over item's review. */
  allAssignments: Assignment[];
}

/** One meeting: loads it with its members, organisations, the group's rule and the assignments, then edits it. */
export function MeetingEditor({ meetingId }: { meetingId: string }) {
  const api = useApi();
  const { t } = useTranslation();
  const { open } = useNavigation();
  const [data, setData] = useState<MeetingData | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [meeting, organisations, group, meetingAssignments, allAssignments] = await Promise.all([
        api.call('meetings:get', { id: meetingId }),
        api.call('organisations:list', { includeInactive: true }),
        api.call('group:get', {}).catch(() => null),
        api.call('assignments:list', { meetingId }),
        api.call('assignments:list', {}),
      ]);
      const members = await api.call('group:members', { on: meeting.date });
      setData({ meeting, members, organisations, group, meetingAssignments, allAssignments });
    } catch (caught) {
      setError(asAppError(caught));
    }
  }, [api, meetingId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!data) {
    return (
      <Stack>
        <Group>
          <Button variant="subtle" onClick={() => open('meetings')}>
            {t('meetings.editor.back')}
          </Button>
        </Group>
        {error ? (
          <>
            <ErrorAlert error={error} />
            <Group>
              <Button variant="default" onClick={() => void load()}>
                {t('common.retry')}
              </Button>
            </Group>
          </>
        ) : (
          <Group gap="xs">
            <Loader size="sm" />
            <Text size="sm" c="dimmed">
              {t('common.loading')}
            </Text>
          </Group>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      <ErrorAlert error={error} />
      <MeetingForm data={data} onData={(update) => setData((previous) => (previous ? update(previous) : previous))} onReload={() => void load()} />
    </Stack>
  );
}
