import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Loader, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Assignment, Meeting } from '../../../../shared/domain/meetings';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { useChannel } from '../../app/use-channel';
import { asAppError } from '../../components/describe-error';
import { formatDate } from '../../components/format';
import { applyServerError } from '../../components/form-errors';
import { AssignmentErrorAlert } from './AssignmentErrorAlert';

const OUTCOMES = ['done', 'removed'] as const;
type Outcome = (typeof OUTCOMES)[number];

/** The domain rule: only a decision of a later meeting, by (year, number), closes an assignment. */
export function isLaterMeeting(meeting: { year: number; number: number }, assignment: Assignment): boolean {
  return meeting.year > assignment.meetingYear || (meeting.year === assignment.meetingYear && meeting.number > assignment.meetingNumber);
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

/** Marks an assignment done or removes it from control, by a decision of a later meeting picked here. */
export function CloseForm({ assignment, onCancel, onClosed }: { assignment: Assignment; onCancel(): void; onClosed(updated: Assignment): void }) {
  const api = useApi();
  const { t } = useTranslation();
  const { value: meetings, error: loadError } = useChannel('meetings:list', {});
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [loadingMeeting, setLoadingMeeting] = useState(false);
  const [formError, setFormError] = useState<AppError | null>(null);


  const schema = useMemo(
    () =>
      z.object({
        meetingId: z.string().min(1, t('assignments.close.meetingRequired')),
        decisionId: z.string().min(1, t('assignments.close.decisionRequired')),
        outcome: z.enum(OUTCOMES),
      }),
    [t],
  );
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { meetingId: '', decisionId: '', outcome: 'done' } });
  const { errors, isSubmitting } = form.formState;

  const later = useMemo(() => (meetings ?? []).filter((m) => isLaterMeeting(m, assignment)), [meetings, assignment]);
  const meetingOptions = later.map((m) => ({
    value: m.id,
    label: t('assignments.close.meetingOption', {
      number: m.number,
      year: m.year,
      date: formatDate(m.date),
      status: t(`labels.meetingStatuses.${m.status}`),
    }),
  }));
  const decisions = meeting ? meeting.agenda.flatMap((item) => item.decisions) : [];
  const decisionOptions = decisions.map((d) => ({ value: d.id, label: `${d.number} — ${shorten(d.text, 110)}` }));

  const pickMeeting = async (id: string) => {
    form.setValue('decisionId', '');
    setMeeting(null);
    if (!id) return;
    setLoadingMeeting(true);
    try {
      setMeeting(await api.call('meetings:get', { id }));
      setFormError(null);
    } catch (caught) {
      setFormError(asAppError(caught));
    } finally {
      setLoadingMeeting(false);
    }
  };

  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      onClosed(await api.call('assignments:close', { assignmentId: assignment.id, decisionId: values.decisionId, outcome: values.outcome }));
    } catch (caught) {
      const error = asAppError(caught);
      const placed = applyServerError(t, error, form.setError, { decisionId: 'decisionId', outcome: 'outcome' });
      if (!placed) setFormError(error);
    }
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="assignment-close-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={4} id="assignment-close-title">
            {t('assignments.close.title')}
          </Title>
          <Text size="sm">{t('assignments.close.rule', { number: assignment.meetingNumber, year: assignment.meetingYear })}</Text>
          {meetings === null && !loadError ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
          {meetings !== null && later.length === 0 ? (
            <Alert color="yellow" variant="light">
              {t('assignments.close.noLaterMeetings', { number: assignment.meetingNumber, year: assignment.meetingYear })}
            </Alert>
          ) : null}
          {later.length > 0 ? (
            <>
              <Controller
                control={form.control}
                name="meetingId"
                render={({ field }) => (
                  <Select
                    label={t('assignments.close.meeting')}
                    placeholder={t('assignments.close.pickMeeting')}
                    data={meetingOptions}
                    searchable
                    required
                    data-autofocus
                    value={field.value || null}
                    onChange={(value) => {
                      field.onChange(value ?? '');
                      void pickMeeting(value ?? '');
                    }}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={errors.meetingId?.message}
                  />
                )}
              />
              <Controller
                control={form.control}
                name="decisionId"
                render={({ field }) => (
                  <Select
                    label={t('assignments.close.decision')}
                    placeholder={meeting ? t('assignments.close.pickDecision') : t('assignments.close.pickMeetingFirst')}
                    data={decisionOptions}
                    searchable
                    required
                    disabled={!meeting}
                    rightSection={loadingMeeting ? <Loader size="xs" /> : undefined}
                    value={field.value || null}
                    onChange={(value) => field.onChange(value ?? '')}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={errors.decisionId?.message}
                  />
                )}
              />
              {meeting && decisions.length === 0 ? (
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
                      onChange={(value) => field.onChange(value as Outcome)}
                      data={OUTCOMES.map((outcome) => ({ value: outcome, label: t(`assignments.close.outcomes.${outcome}`) }))}
                      style={{ alignSelf: 'flex-start' }}
                    />
                  </Stack>
                )}
              />
            </>
          ) : null}
          <AssignmentErrorAlert error={formError ?? loadError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            {later.length > 0 ? (
              <Button type="submit" loading={isSubmitting}>
                {t('assignments.close.submit')}
              </Button>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
