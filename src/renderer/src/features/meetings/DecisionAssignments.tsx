import { Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { AssignmentStateBadge } from '../assignments/AssignmentStateBadge';
import { useMeetingEditor } from './editor-context';

/**
 * The assignments a saved decision gave (lead executor, due date, state; a click opens one), and for writers the
 * «Доручення» button that gives a new one. An unsaved decision has no id yet, so it says to save first.
 */
export function DecisionAssignments({ decisionId }: { decisionId: string | null }) {
  const { t } = useTranslation();
  const { meeting, canWrite, assignmentsByDecision, createAssignment, openAssignment } = useMeetingEditor();
  const saved = decisionId ? meeting.agenda.flatMap((item) => item.decisions).find((d) => d.id === decisionId) : undefined;
  if (!decisionId || !saved) {
    return canWrite && meeting.status !== 'approved' ? (
      <Text size="xs" c="dimmed">
        {t('meetings.assignments.saveFirst')}
      </Text>
    ) : null;
  }
  const assignments = assignmentsByDecision.get(decisionId) ?? [];

  return (
    <Stack gap={4} aria-label={t('meetings.assignments.listOf', { number: saved.number })} role="group">
      {assignments.length === 0 ? (
        <Text size="xs" c="dimmed">
          {t('meetings.assignments.none')}
        </Text>
      ) : (
        assignments.map((a) => (
          <UnstyledButton
            key={a.id}
            onClick={() => openAssignment(a.id)}
            aria-label={t('meetings.assignments.open', { organisation: a.leadOrganisationName, date: formatDate(a.dueDate) })}
            data-testid="decision-assignment"
          >
            <Group gap="xs" wrap="nowrap">
              <AssignmentStateBadge state={a.state} />
              <Text size="sm" fw={500} c="blue.8">
                {a.leadOrganisationName}
              </Text>
              {a.leadPerson ? (
                <Text size="sm" c="dimmed">
                  {a.leadPerson}
                </Text>
              ) : null}
              <Text size="sm">{t('meetings.assignments.due', { date: formatDate(a.dueDate) })}</Text>
            </Group>
          </UnstyledButton>
        ))
      )}
      {canWrite ? (
        <Group>
          <Button
            size="compact-sm"
            variant="light"
            aria-label={t('meetings.assignments.createFor', { number: saved.number })}
            onClick={() => createAssignment({ id: saved.id, number: saved.number, text: saved.text })}
          >
            {t('meetings.assignments.create')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
