import { Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { AssignmentStateBadge } from '../assignments/AssignmentStateBadge';
import { useMeetingEditor } from './editor-context';

/** The carry-over item's review: every assignment of earlier meetings it takes up, with its state today. */
export function CarryOverReview() {
  const { t } = useTranslation();
  const { reviewed, openAssignment } = useMeetingEditor();
  const overdue = reviewed.filter((a) => a.state === 'overdue').length;

  return (
    <Stack gap={6} component="section" aria-label={t('meetings.agenda.reviewed')}>
      <Title order={3} size="h5">{t('meetings.agenda.reviewed')}</Title>
      {reviewed.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('meetings.agenda.reviewedEmpty')}
        </Text>
      ) : (
        <Text size="sm">{t('meetings.agenda.reviewedCount', { total: reviewed.length, overdue })}</Text>
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
    </Stack>
  );
}
