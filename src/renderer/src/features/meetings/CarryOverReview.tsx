import { Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { AssignmentStateBadge } from '../assignments/AssignmentStateBadge';
import { useMeetingEditor } from './editor-context';
import type { MeetingValues } from './meeting-form';

/** The carry-over item's review: every assignment of earlier meetings it takes up, with its state today. */
export function CarryOverReview({ index }: { index: number }) {
  const { t } = useTranslation();
  const { assignmentsById, openAssignment } = useMeetingEditor();
  const { control } = useFormContext<MeetingValues>();
  const ids = useWatch({ control, name: `agenda.${index}.reviewedAssignmentIds` });
  const reviewed = ids.map((id) => assignmentsById.get(id)).filter((a) => a !== undefined);
  const overdue = reviewed.filter((a) => a.state === 'overdue').length;

  return (
    <Stack gap={6} component="section" aria-label={t('meetings.agenda.reviewed')}>
      <Title order={5}>{t('meetings.agenda.reviewed')}</Title>
      {ids.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.agenda.reviewedEmpty')}
        </Text>
      ) : (
        <Text size="sm">{t('meetings.agenda.reviewedCount', { total: ids.length, overdue })}</Text>
      )}
      {reviewed.map((a) => (
        <UnstyledButton key={a.id} onClick={() => openAssignment(a.id)} data-testid="reviewed-assignment">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <AssignmentStateBadge state={a.state} />
            <Stack gap={0} style={{ flex: 1 }}>
              <Text size="sm" fw={600} c="blue.8">
                {t('meetings.agenda.reviewedRef', { number: a.decisionNumber, meeting: a.meetingNumber, year: a.meetingYear })}
              </Text>
              <Text size="sm" lineClamp={2}>
                {a.text}
              </Text>
              <Text size="xs" c="dimmed">
                {a.leadOrganisationName} · {t('meetings.assignments.due', { date: formatDate(a.dueDate) })}
              </Text>
            </Stack>
          </Group>
        </UnstyledButton>
      ))}
      {reviewed.length < ids.length ? (
        <Text size="xs" c="dimmed">
          {t('meetings.agenda.reviewedMissing', { missing: ids.length - reviewed.length })}
        </Text>
      ) : null}
    </Stack>
  );
}
