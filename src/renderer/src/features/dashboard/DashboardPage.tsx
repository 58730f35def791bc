import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentSummary } from '../../../../shared/domain/assignments';
import type { MeetingSummary } from '../../../../shared/domain/meetings';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { useSession } from '../../app/session-context';
import { formatDate } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';

/**
 * What is due: the next meetings, assignments due within a week, and overdue ones by organisation. The main
 * process sends a few rows of each with the totals; the lists hold the rest.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { open } = useNavigation();
  const query = useChannelQuery('dashboard:get', {});
  const dashboard = query.data;
  const toAssignments = () => open('assignments');

  return (
    <Stack>
      <Group justify="space-between" align="baseline">
        <Title order={1} size="h2">{t('dashboard.title', { name: session.displayName })}</Title>
        {dashboard ? <Text c="dimmed">{t('dashboard.today', { date: formatDate(dashboard.today) })}</Text> : null}
      </Group>
      <LoadStatus query={query} />
      {dashboard ? (
        <>
          <SimpleGrid cols={3}>
            <Figure label={t('dashboard.figures.nextMeetings')} value={dashboard.nextMeetings.length} />
            <Figure label={t('dashboard.figures.dueSoon')} value={dashboard.dueSoon.total} color={dashboard.dueSoon.total ? 'orange' : undefined} />
            <Figure label={t('dashboard.figures.overdue')} value={dashboard.overdue.total} color={dashboard.overdue.total ? 'red' : undefined} />
          </SimpleGrid>
          <Section title={t('dashboard.nextMeetings')} empty={t('dashboard.noMeetings')} count={dashboard.nextMeetings.length}>
            <MeetingRows meetings={dashboard.nextMeetings} />
          </Section>
          <Section title={t('dashboard.dueSoon')} empty={t('dashboard.noDueSoon')} count={dashboard.dueSoon.total}>
            <AssignmentRows assignments={dashboard.dueSoon.rows} label={t('dashboard.dueSoon')} showOrganisation />
            <More count={dashboard.dueSoon.total - dashboard.dueSoon.rows.length} onOpen={toAssignments} />
          </Section>
          <Section title={t('dashboard.overdue')} empty={t('dashboard.noOverdue')} count={dashboard.overdue.total}>
            <Stack gap="md">
              {dashboard.overdue.byOrganisation.map((group) => (
                <div key={group.organisationId}>
                  <Group gap="xs" mb={4}>
                    <Text fw={600}>{group.organisationName}</Text>
                    <Badge color="red" variant="light">
                      {group.count}
                    </Badge>
                  </Group>
                  <AssignmentRows assignments={group.rows} label={group.organisationName} />
                  <More count={group.count - group.rows.length} onOpen={toAssignments} />
                </div>
              ))}
              {dashboard.overdue.organisations > dashboard.overdue.byOrganisation.length ? (
                <Anchor component="button" type="button" size="sm" onClick={toAssignments} w="fit-content">
                  {t('dashboard.moreOrganisations', { count: dashboard.overdue.organisations - dashboard.overdue.byOrganisation.length })}
                </Anchor>
              ) : null}
            </Stack>
          </Section>
        </>
      ) : null}
    </Stack>
  );
}

function More({ count, onOpen }: { count: number; onOpen(): void }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <Anchor component="button" type="button" size="sm" mt={4} onClick={onOpen}>
      {t('dashboard.more', { count })}
    </Anchor>
  );
}

function Figure({ label, value, color }: { label: string; value: number; color?: string | undefined }) {
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

function Section({ title, empty, count, children }: { title: string; empty: string; count: number; children: ReactNode }) {
  return (
    <Card withBorder component="section" aria-label={title}>
      <Title order={2} size="h4" mb="xs">
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
                {t(`meetings.statuses.${meeting.status}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AssignmentRows({ assignments, label, showOrganisation = false }: { assignments: AssignmentSummary[]; label: string; showOrganisation?: boolean }) {
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
