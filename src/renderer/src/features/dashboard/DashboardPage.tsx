import { Badge, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Assignment, MeetingSummary } from '../../../../shared/domain/meetings';
import { useNavigation } from '../../app/navigation';
import { useSession } from '../../app/session-context';
import { useChannel } from '../../app/use-channel';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';

/** What is due: the next meetings, assignments due within a week, and overdue ones by organisation. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { value: dashboard, error } = useChannel('dashboard:get', {});

  const overdueCount = dashboard?.overdueByOrganisation.reduce((sum, group) => sum + group.assignments.length, 0) ?? 0;

  return (
    <Stack>
      <Group justify="space-between" align="baseline">
        <Title order={2}>{t('dashboard.title', { name: session.displayName })}</Title>
        {dashboard ? <Text c="dimmed">{t('dashboard.today', { date: formatDate(dashboard.today) })}</Text> : null}
      </Group>
      <ErrorAlert error={error} />
      {dashboard === null && !error ? <Loader size="sm" /> : null}
      {dashboard ? (
        <>
          <SimpleGrid cols={3}>
            <Figure label={t('dashboard.figures.nextMeetings')} value={dashboard.nextMeetings.length} />
            <Figure label={t('dashboard.figures.dueSoon')} value={dashboard.dueSoon.length} color={dashboard.dueSoon.length ? 'orange' : undefined} />
            <Figure label={t('dashboard.figures.overdue')} value={overdueCount} color={overdueCount ? 'red' : undefined} />
          </SimpleGrid>
          <Section title={t('dashboard.nextMeetings')} empty={t('dashboard.noMeetings')} count={dashboard.nextMeetings.length}>
            <MeetingRows meetings={dashboard.nextMeetings} />
          </Section>
          <Section title={t('dashboard.dueSoon')} empty={t('dashboard.noDueSoon')} count={dashboard.dueSoon.length}>
            <AssignmentRows assignments={dashboard.dueSoon} label={t('dashboard.dueSoon')} showOrganisation />
          </Section>
          <Section title={t('dashboard.overdue')} empty={t('dashboard.noOverdue')} count={overdueCount}>
            <Stack gap="md">
              {dashboard.overdueByOrganisation.map((group) => (
                <div key={group.organisationId}>
                  <Group gap="xs" mb={4}>
                    <Text fw={600}>{group.organisationName}</Text>
                    <Badge color="red" variant="light">
                      {group.assignments.length}
                    </Badge>
                  </Group>
                  <AssignmentRows assignments={group.assignments} label={group.organisationName} />
                </div>
              ))}
            </Stack>
          </Section>
        </>
      ) : null}
    </Stack>
  );
}

function Figure({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} c={color}>
        {value}
      </Text>
    </Card>
  );
}

function Section({ title, empty, count, children }: { title: string; empty: string; count: number; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      {count === 0 ? (
        <Text c="dimmed" size="sm">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Card>
  );
}

function MeetingRows({ meetings }: { meetings: MeetingSummary[] }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  return (
    <Table verticalSpacing={4} highlightOnHover>
      <Table.Tbody>
        {meetings.map((meeting) => (
          <Table.Tr key={meeting.id}>
            <Table.Td w={160}>
              <UnstyledButton onClick={() => open('meetings', meeting.id)} fw={600} c="blue.8">
                {t('dashboard.meetingNumber', { number: meeting.number, year: meeting.year })}
              </UnstyledButton>
            </Table.Td>
            <Table.Td w={160}>
              {formatDate(meeting.date)} {meeting.time}
            </Table.Td>
            <Table.Td>{meeting.place || t('common.none')}</Table.Td>
            <Table.Td w={200}>
              <Badge variant="light" tt="none">
                {t(`labels.meetingStatuses.${meeting.status}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AssignmentRows({ assignments, label, showOrganisation = false }: { assignments: Assignment[]; label: string; showOrganisation?: boolean }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  return (
    <Table verticalSpacing={4} highlightOnHover aria-label={label}>
      <Table.Tbody>
        {assignments.map((assignment) => (
          <Table.Tr key={assignment.id}>
            <Table.Td w={170} style={{ whiteSpace: 'nowrap' }}>
              <UnstyledButton onClick={() => open('assignments', assignment.id)} fw={600} c="blue.8">
                {t('dashboard.decision', { number: assignment.decisionNumber, meeting: assignment.meetingNumber, year: assignment.meetingYear })}
              </UnstyledButton>
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={2}>
                {assignment.text}
              </Text>
            </Table.Td>
            {showOrganisation ? (
              <Table.Td w={240}>
                <Text size="sm">{assignment.leadOrganisationName}</Text>
              </Table.Td>
            ) : null}
            <Table.Td w={150}>
              <Text size="sm" c={assignment.state === 'overdue' ? 'red' : undefined}>
                {t('dashboard.due', { date: formatDate(assignment.dueDate) })}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
