import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentSummary } from '../../../../shared/domain/assignments';
import type { BackupReminder } from '../../../../shared/domain/backup';
import { SETUP_STEPS, type Dashboard } from '../../../../shared/domain/dashboard';
import type { MeetingSummary } from '../../../../shared/domain/meetings';
import { DEFAULT_CASE_OPTIONS } from '../../../../shared/domain/parameters';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { useSession } from '../../app/session-context';
import { formatDate, formatKyivDateTime } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { CasesClock } from './CasesClock';
import { ReferralsClock } from './ReferralsClock';

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
          {dashboard.setup ? <SetupChecklist steps={dashboard.setup} /> : null}
          {dashboard.backup ? <BackupLine reminder={dashboard.backup} /> : null}
          <ToDo todo={dashboard.todo} />
          {dashboard.cases ? <CasesClock clock={dashboard.cases} /> : null}
          {dashboard.referrals ? <ReferralsClock clock={dashboard.referrals} days={dashboard.cases?.days ?? DEFAULT_CASE_OPTIONS.dueSoonDays} /> : null}
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

/** The council's first steps on a new store; the main process stops sending them once all are done. */
function SetupChecklist({ steps }: { steps: NonNullable<Dashboard['setup']> }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  return (
    <Card withBorder component="section" aria-label={t('dashboard.setup.title')} bg="blue.0">
      <Title order={3} size="h4">
        {t('dashboard.setup.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('dashboard.setup.intro')}
      </Text>
      <Stack gap={6}>
        {SETUP_STEPS.map((step) => (
          <Group key={step} gap="sm" wrap="nowrap" data-testid={`setup-${step}`} data-done={steps[step]}>
            <ThemeIcon size="sm" radius="xl" color={steps[step] ? 'green' : 'gray'} variant={steps[step] ? 'filled' : 'light'} aria-hidden>
              {steps[step] ? '✓' : '·'}
            </ThemeIcon>
            <Text size="sm" td={steps[step] ? 'line-through' : undefined} c={steps[step] ? 'dimmed' : undefined} style={{ flex: 1 }}>
              {t(`dashboard.setup.${step}`)}
            </Text>
            {steps[step] ? (
              <Text size="xs" c="green">
                {t('dashboard.setup.done')}
              </Text>
            ) : (
              <Anchor component="button" type="button" size="sm" onClick={() => open('group', step === 'members' ? undefined : 'settings')}>
                {t('dashboard.setup.open')}
              </Anchor>
            )}
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** The date of the last backup, or the reminder when it is older than the store's setting (admins only). */
function BackupLine({ reminder }: { reminder: BackupReminder }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const ago = t('backup.ago', { count: reminder.daysSince ?? 0 });
  const date = formatKyivDateTime(reminder.lastBackupAt);
  if (!reminder.due) {
    return (
      <Text size="sm" c="dimmed" data-testid="backup-line">
        {t('backup.dashboard.fresh', { date, ago })}
      </Text>
    );
  }
  return (
    <Alert color="orange" variant="light" role="status" title={t('backup.dashboard.title')} data-testid="backup-line">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{reminder.lastBackupAt ? t('backup.dashboard.overdue', { date, ago }) : t('backup.dashboard.noneYet')}</Text>
        <Button size="xs" variant="light" color="orange" onClick={() => open('settings')}>
          {t('backup.dashboard.open')}
        </Button>
      </Group>
    </Alert>
  );
}

/** What the secretary should do next: notices to send, minutes to finish, reports to chase; each opens its record. */
function ToDo({ todo }: { todo: Dashboard['todo'] }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const total = todo.notices.total + todo.minutes.total + todo.awaitingReport.total;
  const days = t('dashboard.todo.noticeDays', { count: todo.notices.workingDays });
  return (
    <Section title={t('dashboard.todo.title')} empty={t('dashboard.todo.empty')} count={total}>
      <Stack gap="sm">
        <ToDoGroup title={t('dashboard.todo.groups.notices')} total={todo.notices.total} shown={todo.notices.rows.length}>
          {todo.notices.rows.map(({ meeting, sendBy, late }) => (
            <ToDoItem key={meeting.id} late={late} onOpen={() => open('meetings', meeting.id)}>
              {t(late ? 'dashboard.todo.noticeLate' : 'dashboard.todo.notice', {
                number: meeting.number,
                year: meeting.year,
                date: formatDate(meeting.date),
                sendBy: formatDate(sendBy),
                days,
              })}
            </ToDoItem>
          ))}
        </ToDoGroup>
        <ToDoGroup title={t('dashboard.todo.groups.minutes')} total={todo.minutes.total} shown={todo.minutes.rows.length}>
          {todo.minutes.rows.map((meeting) => (
            <ToDoItem key={meeting.id} onOpen={() => open('meetings', meeting.id)}>
              {t(meeting.status === 'held' ? 'dashboard.todo.minutesHeld' : 'dashboard.todo.minutesDrafted', { number: meeting.number, year: meeting.year, date: formatDate(meeting.date) })}
            </ToDoItem>
          ))}
        </ToDoGroup>
        <ToDoGroup title={t('dashboard.todo.groups.reports')} total={todo.awaitingReport.total} shown={todo.awaitingReport.rows.length}>
          {todo.awaitingReport.rows.map((a) => (
            <ToDoItem key={a.id} late={a.state === 'overdue'} onOpen={() => open('assignments', a.id)}>
              {t('dashboard.todo.report', {
                decision: a.decisionNumber,
                meeting: a.meetingNumber,
                year: a.meetingYear,
                due: formatDate(a.dueDate),
                organisation: a.leadOrganisationName,
              })}
            </ToDoItem>
          ))}
        </ToDoGroup>
      </Stack>
    </Section>
  );
}

function ToDoGroup({ title, total, shown, children }: { title: string; total: number; shown: number; children: ReactNode }) {
  const { t } = useTranslation();
  if (total === 0) return null;
  return (
    <div>
      <Text fw={600} size="sm" mb={2}>
        {title}
      </Text>
      <Stack component="ul" gap={2} aria-label={title} m={0} pl="md">
        {children}
      </Stack>
      {total > shown ? (
        <Text size="xs" c="dimmed" mt={2}>
          {t('dashboard.todo.more', { count: total - shown })}
        </Text>
      ) : null}
    </div>
  );
}

function ToDoItem({ late = false, onOpen, children }: { late?: boolean; onOpen(): void; children: ReactNode }) {
  return (
    <li>
      {/* Inline, so the bullet stands by the first line of a long sentence, not the last. */}
      <UnstyledButton onClick={onOpen} c={late ? 'red' : 'blue'} fz="sm" ta="left" style={{ display: 'inline' }}>
        {children}
      </UnstyledButton>
    </li>
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
