import type { TFunction } from 'i18next';
import type { Member } from '../../../../shared/domain/group';

/** «3/2026»: a meeting's number within its year, as the minutes print it after «№». */
export function meetingRef(meeting: { number: number; year: number }): string {
  return `${meeting.number}/${meeting.year}`;
}

/** A member as a choice: «Коваленко О. П. — Голова». */
export function memberOption(t: TFunction, member: Member): { value: string; label: string } {
  return { value: member.id, label: `${member.shortName} — ${t(`group.memberRoles.${member.role}`)}` };
}

/**
 * Members as Select options; a saved choice of someone not seated on the meeting date stays visible (and
 * says so) rather than silently showing an empty field.
 */
export function memberOptions(t: TFunction, members: Member[], keep: (string | null)[] = []): { value: string; label: string }[] {
  const options = members.map((m) => memberOption(t, m));
  for (const id of keep) {
    if (id && !members.some((m) => m.id === id)) options.push({ value: id, label: t('meetings.fields.unknownMember') });
  }
  return options;
}

/** The first 16 hex digits of a SHA-256, enough to compare by eye; the full value goes into a tooltip. */
export function shortHash(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 16)}…` : hash;
}
