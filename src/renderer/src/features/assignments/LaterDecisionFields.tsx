import { Alert, Loader } from '@mantine/core';
import { useMemo } from 'react';
import { useWatch, type Control, type FieldValues, type Path, type PathValue, type UseFormSetValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../../../../shared/domain/assignments';
import { useChannelQuery } from '../../app/data';
import { SelectField } from '../../components/fields';
import { formatDate } from '../../components/format';

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}

type WithDecision = FieldValues & { meetingId: string; decisionId: string };

/**
 * The decision of a later meeting that closes or changes an assignment: first the meeting (only those after the one
 * that gave it, as the main process requires), then one of its decisions. Shared by the close and change forms.
 */
export function LaterDecisionFields<T extends WithDecision>({
  assignment,
  control,
  setValue,
  autoFocus,
}: {
  assignment: Assignment;
  control: Control<T>;
  setValue: UseFormSetValue<T>;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const later = useChannelQuery('meetings:list', { laterThan: assignment.meetingId });
  const meetingId = useWatch({ control, name: 'meetingId' as Path<T> }) as string | undefined;
  const meeting = useChannelQuery('meetings:get', { id: meetingId ?? '' }, { enabled: Boolean(meetingId) });
  const decisions = useMemo(() => (meetingId && meeting.data ? meeting.data.agenda.flatMap((item) => item.decisions) : []), [meetingId, meeting.data]);

  if (later.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (!later.data || later.data.length === 0) {
    return (
      <Alert color="yellow" variant="light">
        {t('assignments.close.noLaterMeetings', { number: assignment.meetingNumber, year: assignment.meetingYear })}
      </Alert>
    );
  }
  const meetingOptions = later.data.map((m) => ({
    value: m.id,
    label: t('assignments.close.meetingOption', { number: m.number, year: m.year, date: formatDate(m.date), status: t(`meetings.statuses.${m.status}`) }),
  }));
  return (
    <>
      <SelectField
        control={control}
        name={'meetingId' as Path<T>}
        label={t('assignments.close.meeting')}
        placeholder={t('assignments.close.pickMeeting')}
        data={meetingOptions}
        searchable
        required
        data-autofocus={autoFocus}
        onOptionSubmit={() => setValue('decisionId' as Path<T>, '' as PathValue<T, Path<T>>)}
      />
      <SelectField
        control={control}
        name={'decisionId' as Path<T>}
        label={t('assignments.close.decision')}
        placeholder={meetingId ? t('assignments.close.pickDecision') : t('assignments.close.pickMeetingFirst')}
        data={decisions.map((d) => ({ value: d.id, label: `${d.number} — ${shorten(d.text, 110)}` }))}
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
    </>
  );
}
