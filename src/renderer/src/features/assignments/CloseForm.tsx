import { Alert, Button, Group, Loader, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AssignmentCloseSchema, type Assignment } from '../../../../shared/domain/assignments';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { SelectField } from '../../components/fields';
import { formatDate } from '../../components/format';
import { AssignmentErrorAlert } from './AssignmentErrorAlert';

const OUTCOMES = ['done', 'removed'] as const;

/** The meeting is a step of the form, not of the contract: it narrows the decisions to choose from. */
const schema = AssignmentCloseSchema.extend({ meetingId: z.string().min(1, 'closingMeeting') });

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Marks an assignment done or removes it from control, by a decision of a later meeting picked here. */
export function CloseForm({ assignment, onCancel, onClosed }: { assignment: Assignment; onCancel(): void; onClosed(updated: Assignment): void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  // Only meetings after the one that gave the assignment: the main process applies the same rule.
  const later = useChannelQuery('meetings:list', { laterThan: assignment.meetingId });
  const close = useChannelMutation('assignments:close', { invalidates: ['meetings', 'dashboard'] });
  const form = useContractForm(schema, { defaultValues: { assignmentId: assignment.id, meetingId: '', decisionId: '', outcome: 'done' }, feature: 'assignments' });
  const meetingId = useWatch({ control: form.control, name: 'meetingId' });
  const meeting = useChannelQuery('meetings:get', { id: meetingId ?? '' }, { enabled: Boolean(meetingId) });

  const meetingOptions = (later.data ?? []).map((m) => ({
    value: m.id,
    label: t('assignments.close.meetingOption', { number: m.number, year: m.year, date: formatDate(m.date), status: t(`meetings.statuses.${m.status}`) }),
  }));
  const decisions = useMemo(() => (meetingId && meeting.data ? meeting.data.agenda.flatMap((item) => item.decisions) : []), [meetingId, meeting.data]);
  const decisionOptions = decisions.map((d) => ({ value: d.id, label: `${d.number} — ${shorten(d.text, 110)}` }));

  const submit = form.handleSubmit(async ({ meetingId: _meeting, ...input }) => {
    setFormError(null);
    try {
      onClosed(await close.mutateAsync(input));
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'assignments').length === 0) setFormError(error);
    }
  });

  const none = later.data !== undefined && later.data.length === 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assignment-close-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4} id="assignment-close-title">
            {t('assignments.close.title')}
          </Title>
          <Text size="sm">{t('assignments.close.rule', { number: assignment.meetingNumber, year: assignment.meetingYear })}</Text>
          {later.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
          {none ? (
            <Alert color="yellow" variant="light">
              {t('assignments.close.noLaterMeetings', { number: assignment.meetingNumber, year: assignment.meetingYear })}
            </Alert>
          ) : null}
          {later.data && later.data.length > 0 ? (
            <>
              <SelectField
                control={form.control}
                name="meetingId"
                label={t('assignments.close.meeting')}
                placeholder={t('assignments.close.pickMeeting')}
                data={meetingOptions}
                searchable
                required
                data-autofocus
                onOptionSubmit={() => form.setValue('decisionId', '')}
              />
              <SelectField
                control={form.control}
                name="decisionId"
                label={t('assignments.close.decision')}
                placeholder={meetingId ? t('assignments.close.pickDecision') : t('assignments.close.pickMeetingFirst')}
                data={decisionOptions}
                searchable
                required
                disabled={!meeting.data || !meetingId}
                rightSection={meeting.isFetching ? <Loader size="xs" /> : undefined}
              />
              {meetingId && meeting.data && decisions.length === 0 ? (
                <Alert color="yellow" variant="light">
                  {t('assignments.close.noDecisions')}
                </Alert>
              ) : null}
              <Controller
                control={form.control}
                name="outcome"
                render={({ field }) => (
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id="assignment-close-outcome">
                      {t('assignments.close.outcome')}
                    </Text>
                    <SegmentedControl
                      aria-labelledby="assignment-close-outcome"
                      value={field.value}
                      onChange={(value) => field.onChange(value)}
                      data={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`assignments.close.outcomes.${outcome}`) }))}
                      style={{ alignSelf: 'flex-start' }}
                    />
                  </Stack>
                )}
              />
            </>
          ) : null}
          <AssignmentErrorAlert error={formError ?? later.error ?? meeting.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            {later.data && later.data.length > 0 ? (
              <Button type="submit" loading={close.isPending}>
                {t('assignments.close.submit')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
