import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../../../shared/domain/meetings';
import type { Organisation } from '../../../../shared/domain/organisations';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { useNavigation } from '../../app/navigation';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { AssignmentStateBadge } from './AssignmentStateBadge';
import { CloseForm } from './CloseForm';
import { ReportForm } from './ReportForm';

type Mode = 'view' | 'report' | 'close';

/**
 * One assignment: its text, decision and meeting, executors, due date, state and the progress reports received.
 * It is taken from the list on screen; one the filters hide (opened from the dashboard, say) is looked up among all.
 */
export function AssignmentDetail({
  id,
  fromList,
  organisations,
  canWrite,
  onChanged,
}: {
  id: string;
  fromList: Assignment[] | null;
  organisations: Organisation[];
  canWrite: boolean;
  onChanged(): void;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const [assignment, setAssignment] = useState<Assignment | null>(null);
  const [lookedUp, setLookedUp] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [mode, setMode] = useState<Mode>('view');

  useEffect(() => {
    if (lookedUp || fromList === null) return;
    const found = fromList.find((a) => a.id === id);
    if (found) {
      setAssignment(found);
      setLookedUp(true);
      return;
    }
    let live = true;
    api.call('assignments:list', {}).then(
      (all) => {
        if (!live) return;
        setAssignment(all.find((a) => a.id === id) ?? null);
        setLookedUp(true);
      },
      (caught: unknown) => live && setError(asAppError(caught)),
    );
    return () => {
      live = false;
    };
  }, [api, id, fromList, lookedUp]);

  if (error) return <ErrorAlert error={error} />;
  if (!lookedUp) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (!assignment)
    return (
      <Alert color="yellow" variant="light" role="alert">
        {t('assignments.detail.notFound')}
      </Alert>
    );

  const changed = (updated: Assignment, message: string) => {
    setAssignment(updated);
    setMode('view');
    notifications.show({ color: 'green', message });
    onChanged();
  };
  const open = assignment.state === 'in_progress' || assignment.state === 'overdue';

  return (
    <Stack gap="md">
      <AssignmentFacts assignment={assignment} organisations={organisations} />
      {canWrite && mode === 'view' ? (
        <Group gap="sm">
          <Button onClick={() => setMode('report')}>{t('assignments.report.add')}</Button>
          {open ? (
            <Button variant="default" onClick={() => setMode('close')}>
              {t('assignments.close.open')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {canWrite && mode === 'report' ? (
        <ReportForm assignment={assignment} onCancel={() => setMode('view')} onSaved={(updated) => changed(updated, t('assignments.report.saved'))} />
      ) : null}
      {canWrite && mode === 'close' ? (
        <CloseForm
          assignment={assignment}
          onCancel={() => setMode('view')}
          onClosed={(updated) =>
            changed(updated, updated.state === 'removed' ? t('assignments.close.closedRemoved') : t('assignments.close.closedDone'))
          }
        />
      ) : null}
      <Reports assignment={assignment} />
    </Stack>
  );
}

function AssignmentFacts({ assignment, organisations }: { assignment: Assignment; organisations: Organisation[] }) {
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
