import { Alert, Badge, Button, Group, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { FormProvider, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AssignmentSummary } from '../../../../shared/domain/assignments';
import { MeetingDraftSchema } from '../../../../shared/domain/meetings';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { useChannelMutation } from '../../app/data';
import { useKeepDraft } from '../../app/use-keep-draft';
import { KeptDraftNotice } from '../../app/KeptDraftNotice';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { formatDate, formatKyivDateTime } from '../../components/format';
import { AssignmentFormModal } from '../assignments/AssignmentFormModal';
import { AgendaSection } from './AgendaSection';
import { ApprovalPanel } from './ApprovalPanel';
import { AttendanceSection } from './AttendanceSection';
import { DocumentsMenu } from './DocumentsMenu';
import { MeetingEditorContext, type DecisionRef, type MeetingData, type MeetingEditorContextValue } from './editor-context';
import { LeaveConfirmModal } from './LeaveConfirmModal';
import { MeetingErrorAlert } from './MeetingErrorAlert';
import { errorPaths, tabOfPath, toValues, type MeetingValues } from './meeting-form';
import { meetingRef } from './meeting-labels';
import { MeetingHeader } from './MeetingHeader';
import { MeetingLifecycle } from './MeetingLifecycle';
import { notifyNumbering } from './numbering-notice';
import { useUnusualDate } from './use-unusual-date';
import { MeetingStatusBadge } from './MeetingStatusBadge';
import { liveQuorum } from './quorum';
import { QuorumBanner } from './QuorumBanner';

type Tab = 'general' | 'attendance' | 'agenda' | 'approval';
const FORM_TABS: Tab[] = ['general', 'attendance', 'agenda'];

function groupByDecision(assignments: AssignmentSummary[]): Map<string, AssignmentSummary[]> {
  const map = new Map<string, AssignmentSummary[]>();
  for (const a of assignments) map.set(a.decisionId, [...(map.get(a.decisionId) ?? []), a]);
  return map;
}

/**
 * The meeting editor: a toolbar (back, save, documents), the quorum, and tabs for the header, attendance, the
 * agenda with its minutes, and approval. One react-hook-form holds the whole MeetingDraft; saving sends it whole.
 */
export function MeetingForm({ data }: { data: MeetingData }) {
  const { t } = useTranslation();
  const { session, drafts } = useSession();
  const api = useApi();
  const { open, setLeaveGuard } = useNavigation();
  const { meeting, members, group } = data;
  const canWrite = can(session, 'meetings.write');
  const readOnly = !canWrite || meeting.status === 'approved' || meeting.status === 'cancelled';
  const values = useMemo(() => toValues(meeting, members), [meeting, members]);
  const form = useContractForm(MeetingDraftSchema, { values, feature: 'meetings' });
  const update = useChannelMutation('meetings:update', { invalidates: ['assignments', 'dashboard'] });
  const { isDirty, isSubmitting, errors } = form.formState;
  const attendance = useWatch({ control: form.control, name: 'attendance' });
  const [tab, setTab] = useState<Tab>('general');
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [invalid, setInvalid] = useState(false);
  const [assigning, setAssigning] = useState<DecisionRef | null>(null);
  const [pendingLeave, setPendingLeave] = useState<(() => void) | null>(null);
  const { confirming, modal: unusualDateModal } = useUnusualDate();

  // Unsaved ticks count live; once saved, the server's own count is shown (they agree: the same rule and members).
  const quorum = group && isDirty ? liveQuorum(members.map((m) => m.id), attendance, group) : meeting.quorum;
  // Before its start (this office's clock) a planned meeting has had no chance to gather.
  const upcoming = (meeting.status === 'planned' || meeting.status === 'postponed') && new Date(`${meeting.date}T${meeting.time}:00`).getTime() > Date.now();
  const errorCount = (tabId: Tab) => errorPaths(errors).filter((path) => tabOfPath(path) === tabId).length;

  const guard = useCallback(
    (leave: () => void) => {
      if (isDirty && !readOnly) setPendingLeave(() => leave);
      else leave();
    },
    [isDirty, readOnly],
  );

  const context = useMemo<MeetingEditorContextValue>(() => {
    const items = new Map(meeting.agenda.map((item) => [item.id, item]));
    const decisions = new Map(meeting.agenda.flatMap((item) => item.decisions).map((d) => [d.id, d]));
    return {
      meeting,
      members,
      readOnly,
      canWrite,
      assignmentsByDecision: groupByDecision(data.meetingAssignments),
      reviewed: data.reviewedAssignments,
      savedItem: (id) => (id ? items.get(id) : undefined),
      savedDecision: (id) => (id ? decisions.get(id) : undefined),
      createAssignment: setAssigning,
      openAssignment: (id) => open('assignments', id),
    };
  }, [meeting, members, readOnly, canWrite, data.meetingAssignments, data.reviewedAssignments, open]);

  // A lock keeps unsaved edits as a draft; after the next unlock they are offered back here.
  const draftKey = `meetings:${meeting.id}`;
  useKeepDraft(draftKey, t('meetings.editor.draftLabel', { ref: meetingRef(meeting) }), () =>
    form.formState.isDirty && !readOnly ? JSON.stringify(form.getValues()) : null,
  );
  const restoreDraft = useCallback((payload: string) => form.reset(JSON.parse(payload) as MeetingValues, { keepDefaultValues: true }), [form]);

  // Every way out of the editor (back, the sidebar, a link to an assignment) asks first while changes are unsaved.
  useEffect(() => {
    setLeaveGuard(guard);
    return () => setLeaveGuard(null);
  }, [guard, setLeaveGuard]);

  const save = form.handleSubmit(
    async (submitted) => {
      setSaveError(null);
      setInvalid(false);
      try {
        const saved = await confirming((confirmDate) => update.mutateAsync({ ...submitted, confirmDate }));
        if (!saved) return;
        notifications.show({ color: 'green', message: t('meetings.editor.saved', { ref: meetingRef(saved) }) });
        notifyNumbering(t, saved.numbering, saved.number);
        void drafts.forget(api, draftKey);
      } catch (caught) {
        const error = asAppError(caught);
        const placed = placeServerError(form, t, error, 'meetings');
        if (placed[0]) setTab(tabOfPath(placed[0]));
        // A field-level VALIDATION still gets the general sentence (the field may sit in another tab).
        setSaveError(placed.length === 0 || error.code === 'VALIDATION' ? error : null);
      }
    },
    (formErrors) => {
      setInvalid(true);
      const first = FORM_TABS.find((tabId) => errorPaths(formErrors).some((path) => tabOfPath(path) === tabId));
      if (first) setTab(first);
    },
  );

  // Ctrl+S by the key's place, so it works with the Ukrainian layout too (where that key types «і»).
  const saveShortcut = getHotkeyHandler([
    ['mod+S', () => !form.formState.isSubmitting && void save(), { preventDefault: true, usePhysicalKeys: true }],
  ]);

  const tabLabel = (tabId: Tab) => {
    const count = FORM_TABS.includes(tabId) ? errorCount(tabId) : 0;
    return (
      <Group gap={6} wrap="nowrap">
        <span>{t(`meetings.editor.tabs.${tabId}`)}</span>
        {count > 0 ? (
          <Badge color="red" size="sm" circle aria-label={t('meetings.editor.tabErrors', { errors: count })}>
            {count}
          </Badge>
        ) : null}
      </Group>
    );
  };

  return (
    <MeetingEditorContext.Provider value={context}>
      <FormProvider {...form}>
        <Stack gap="sm" onKeyDown={readOnly ? undefined : saveShortcut}>
          <Paper
            py="xs"
            style={{ position: 'sticky', top: 'var(--app-shell-header-height, 60px)', zIndex: 20, background: 'var(--mantine-color-body)' }}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Group gap="xs" wrap="nowrap">
                  <Button variant="subtle" px={6} onClick={() => open('meetings')}>
                    {t('meetings.editor.back')}
                  </Button>
                  <Title order={1} size="h2">{t('meetings.editor.title', { ref: meetingRef(meeting) })}</Title>
                  <MeetingStatusBadge status={meeting.status} />
                  {isDirty && !readOnly ? (
                    <Badge color="orange" variant="outline" tt="none">
                      {t('meetings.editor.unsaved')}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="sm" c="dimmed" pl={6}>
                  {[
                    t('meetings.editor.when', { date: formatDate(meeting.date), time: meeting.time }),
                    meeting.place,
                    t(`meetings.formats.${meeting.format}`),
                    t(`meetings.kinds.${meeting.kind}`),
                    meeting.noticeSentOn ? t('meetings.lifecycle.noticeSentNote', { date: formatDate(meeting.noticeSentOn) }) : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              </Stack>
              <Group gap="xs" wrap="nowrap">
                <DocumentsMenu dirty={isDirty && !readOnly} organisations={data.organisations} />
                {canWrite ? <MeetingLifecycle meeting={meeting} dirty={isDirty} /> : null}
                {readOnly ? null : (
                  <Button onClick={() => void save()} loading={isSubmitting} title={t('meetings.editor.saveHint')}>
                    {t('common.save')}
                  </Button>
                )}
              </Group>
            </Group>
          </Paper>
          {meeting.status === 'approved' ? (
            <Alert color="green" variant="light" py="xs" role="note">
              <Text size="sm">{t('meetings.editor.approvedNote', { date: formatKyivDateTime(meeting.approvedAt) })}</Text>
            </Alert>
          ) : meeting.status === 'postponed' || meeting.status === 'cancelled' ? (
            <Alert color={meeting.status === 'cancelled' ? 'gray' : 'yellow'} variant="light" py="xs" role="note">
              <Text size="sm">
                {t(`meetings.lifecycle.statusNote.${meeting.status}`, {
                  from: meeting.rescheduledFrom ? `${formatDate(meeting.rescheduledFrom.slice(0, 10))} ${meeting.rescheduledFrom.slice(11)}` : '—',
                  reason: meeting.statusReason,
                })}
              </Text>
            </Alert>
          ) : !canWrite ? (
            <Alert color="gray" variant="light" py="xs" role="note">
              <Text size="sm">{t('meetings.editor.readerNote')}</Text>
            </Alert>
          ) : null}
          {invalid && errorPaths(errors).length > 0 ? (
            <Alert color="red" variant="light" role="alert" py="xs">
              <Text size="sm">{t('meetings.editor.invalid')}</Text>
            </Alert>
          ) : null}
          {readOnly ? null : <KeptDraftNotice draftKey={draftKey} onRestore={restoreDraft} />}
          <MeetingErrorAlert error={saveError} />
          {/* A cancelled meeting gathers nobody: no quorum to count, nothing to ask the secretary to tick. */}
          {meeting.status === 'cancelled' ? null : <QuorumBanner quorum={quorum} rule={group} planned={upcoming} />}
          <Tabs value={tab} onChange={(value) => value && setTab(value as Tab)} keepMounted>
            <Tabs.List>
              <Tabs.Tab value="general">{tabLabel('general')}</Tabs.Tab>
              <Tabs.Tab value="attendance">{tabLabel('attendance')}</Tabs.Tab>
              <Tabs.Tab value="agenda">{tabLabel('agenda')}</Tabs.Tab>
              <Tabs.Tab value="approval">{tabLabel('approval')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="general" pt="md">
              <MeetingHeader />
            </Tabs.Panel>
            <Tabs.Panel value="attendance" pt="md">
              <AttendanceSection />
            </Tabs.Panel>
            <Tabs.Panel value="agenda" pt="md">
              <AgendaSection />
            </Tabs.Panel>
            <Tabs.Panel value="approval" pt="md">
              <ApprovalPanel dirty={isDirty && !readOnly} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      </FormProvider>
      {canWrite ? (
        <AssignmentFormModal decision={assigning} opened={assigning !== null} onClose={() => setAssigning(null)} onCreated={() => undefined} />
      ) : null}
      {unusualDateModal}
      <LeaveConfirmModal
        opened={pendingLeave !== null}
        onStay={() => setPendingLeave(null)}
        onLeave={() => {
          const leave = pendingLeave;
          setPendingLeave(null);
          leave?.();
        }}
      />
    </MeetingEditorContext.Provider>
  );
}
