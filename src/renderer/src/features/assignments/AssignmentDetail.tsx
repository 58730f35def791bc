import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment, ChangedFields } from '../../../../shared/domain/assignments';
import type { OrganisationOption } from '../../../../shared/domain/organisations';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { formatDate, formatKyivDateTime } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { AssignmentStateBadge } from './AssignmentStateBadge';
import { ChangeForm } from './ChangeForm';
import { CloseForm } from './CloseForm';
import { ReportForm } from './ReportForm';

type Mode = 'view' | 'report' | 'close' | 'change';

/** One assignment: its text, decision and meeting, executors, due date, state and the progress reports received. */
export function AssignmentDetail({ id, canWrite }: { id: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const query = useChannelQuery('assignments:get', { id });
  const organisations = useChannelQuery('organisations:options', { includeInactive: true });
  const [mode, setMode] = useState<Mode>('view');
  const assignment = query.data;

  if (query.error?.code === 'NOT_FOUND')
    return (
      <Alert color="yellow" variant="light" role="alert">
        {t('assignments.detail.notFound')}
      </Alert>
    );
  if (!assignment) return <LoadStatus query={query} />;

  const changed = (message: string) => {
    setMode('view');
    notifications.show({ color: 'green', message });
  };
  const open = assignment.state === 'in_progress' || assignment.state === 'overdue';

  return (
    <Stack gap="md">
      <AssignmentFacts assignment={assignment} organisations={organisations.data ?? []} />
      {canWrite && mode === 'view' ? (
        <Group gap="sm">
          <Button onClick={() => setMode('report')}>{t('assignments.report.add')}</Button>
          {open ? (
            <Button variant="default" onClick={() => setMode('change')}>
              {t('assignments.change.open')}
            </Button>
          ) : null}
          {open ? (
            <Button variant="default" onClick={() => setMode('close')}>
              {t('assignments.close.open')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {canWrite && mode === 'report' ? (
        <ReportForm assignment={assignment} onCancel={() => setMode('view')} onSaved={() => changed(t('assignments.report.saved'))} />
      ) : null}
      {canWrite && mode === 'close' ? (
        <CloseForm
          assignment={assignment}
          onCancel={() => setMode('view')}
          onClosed={(updated) => changed(updated.state === 'removed' ? t('assignments.close.closedRemoved') : t('assignments.close.closedDone'))}
        />
      ) : null}
      {canWrite && mode === 'change' ? (
        <ChangeForm assignment={assignment} onCancel={() => setMode('view')} onChanged={() => changed(t('assignments.change.saved'))} />
      ) : null}
      <Changes assignment={assignment} />
      <Reports assignment={assignment} />
    </Stack>
  );
}

function AssignmentFacts({ assignment, organisations }: { assignment: Assignment; organisations: OrganisationOption[] }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const names = useMemo(() => new Map(organisations.map((o) => [o.id, o.name])), [organisations]);
  const meetingRef = t('assignments.meetingRef', { number: assignment.meetingNumber, year: assignment.meetingYear });
  const coExecutors = assignment.coExecutorIds.map((orgId) => names.get(orgId) ?? t('assignments.detail.unknownOrganisation'));

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Title order={3}>{t('assignments.detail.title', { number: assignment.decisionNumber, meeting: meetingRef })}</Title>
        <AssignmentStateBadge state={assignment.state} />
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="assignment-text">
        {assignment.text}
      </Text>
      <Table variant="vertical" withTableBorder layout="fixed" aria-label={t('assignments.detail.factsLabel')}>
        <Table.Tbody>
          <Fact label={t('assignments.fields.decision')}>
            <Group gap="xs">
              <Text size="sm">{t('assignments.detail.decisionOf', { number: assignment.decisionNumber, meeting: meetingRef })}</Text>
              <Anchor component="button" type="button" size="sm" onClick={() => open('meetings', assignment.meetingId)}>
                {t('assignments.detail.openMeeting', { meeting: meetingRef })}
              </Anchor>
            </Group>
          </Fact>
          <Fact label={t('assignments.fields.leadOrganisation')}>
            <Text size="sm">{assignment.leadOrganisationName}</Text>
            {assignment.leadPerson ? (
              <Text size="sm" c="dimmed">
                {assignment.leadPerson}
              </Text>
            ) : null}
          </Fact>
          <Fact label={t('assignments.fields.coExecutors')}>
            {coExecutors.length > 0 ? (
              <Stack gap={2}>
                {coExecutors.map((name, index) => (
                  <Text size="sm" key={assignment.coExecutorIds[index]}>
                    {name}
                  </Text>
                ))}
              </Stack>
            ) : (
              <Text size="sm" c="dimmed">
                {t('assignments.detail.noCoExecutors')}
              </Text>
            )}
          </Fact>
          <Fact label={t('assignments.fields.dueDate')}>
            <Text size="sm">{formatDate(assignment.dueDate)}</Text>
          </Fact>
          <Fact label={t('assignments.fields.state')}>
            <AssignmentStateBadge state={assignment.state} />
          </Fact>
          <Fact label={t('assignments.fields.closed')}>
            {assignment.closedOn || assignment.closedByDecisionNumber ? (
              <Text size="sm">
                {t('assignments.detail.closedBy', {
                  date: formatDate(assignment.closedOn) || t('common.none'),
                  number: assignment.closedByDecisionNumber ?? t('common.none'),
                })}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('assignments.detail.notClosed')}
              </Text>
            )}
          </Fact>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={200}>{label}</Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function Reports({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const reports = useMemo(
    // Newest first; of two received the same day, the one recorded later (the server lists them in order) first.
    () => [...assignment.reports].reverse().sort((a, b) => (a.receivedOn < b.receivedOn ? 1 : a.receivedOn > b.receivedOn ? -1 : 0)),
    [assignment.reports],
  );
  return (
    <Stack gap="xs" component="section" aria-labelledby="assignment-reports-title">
      <Title order={4} id="assignment-reports-title">
        {t('assignments.detail.reports', { n: reports.length })}
      </Title>
      {reports.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('assignments.detail.noReports')}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('assignments.detail.reportsList')}>
          {reports.map((report) => (
            <Paper withBorder p="sm" component="li" key={report.id} data-testid="assignment-report">
              <Group gap="md" mb={4}>
                <Text size="sm" fw={600}>
                  {formatDate(report.receivedOn)}
                </Text>
                {report.reference ? (
                  <Text size="sm" c="dimmed">
                    {t('assignments.detail.reference', { reference: report.reference })}
                  </Text>
                ) : null}
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {report.text}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** Each change of the terms, oldest first: by which decision (or a correction of the draft), what it was, what it became. */
function Changes({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  if (assignment.changes.length === 0) return null;
  const lines = (before: ChangedFields, after: ChangedFields) => {
    const out: string[] = [];
    if (after.dueDate !== undefined) out.push(t('assignments.history.dueDate', { from: formatDate(before.dueDate), to: formatDate(after.dueDate) }));
    if (after.text !== undefined) out.push(t('assignments.history.text', { from: before.text, to: after.text }));
    if (after.lead !== undefined) out.push(t('assignments.history.lead', { from: before.lead?.name, to: after.lead.name }));
    if (after.leadPerson !== undefined) out.push(t('assignments.history.leadPerson', { from: before.leadPerson || '—', to: after.leadPerson || '—' }));
    if (after.coExecutors !== undefined) {
      const names = (list: { name: string }[] | undefined) => (list && list.length ? list.map((o) => o.name).join('; ') : '—');
      out.push(t('assignments.history.coExecutors', { from: names(before.coExecutors), to: names(after.coExecutors) }));
    }
    return out;
  };
  return (
    <Stack gap="xs" component="section" aria-labelledby="assignment-changes-title">
      <Title order={2} size="h4" id="assignment-changes-title">
        {t('assignments.history.title', { n: assignment.changes.length })}
      </Title>
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {assignment.changes.map((change) => (
          <Paper withBorder p="sm" component="li" key={change.id} data-testid="assignment-change">
            <Text size="sm" fw={600}>
              {change.byDecisionNumber
                ? t('assignments.history.byDecision', { decision: change.byDecisionNumber, date: formatKyivDateTime(change.changedAt) })
                : t('assignments.history.correction', { date: formatKyivDateTime(change.changedAt) })}
            </Text>
            {lines(change.before, change.after).map((line) => (
              <Text size="sm" key={line} style={{ whiteSpace: 'pre-wrap' }}>
                {line}
              </Text>
            ))}
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}
