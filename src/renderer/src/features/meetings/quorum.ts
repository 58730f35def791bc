import { quorumNeeded, type GroupSettings } from '../../../../shared/domain/group';
import type { Quorum } from '../../../../shared/domain/meetings';

export type QuorumRule = Pick<GroupSettings, 'quorumNumerator' | 'quorumDenominator' | 'quorumStrict'>;

/**
 * The quorum as the server counts it (meetings.repository `quorumOf`): only members seated on the meeting date,
 * the group's rule, and no quorum at all without members.
 */
export function liveQuorum(memberIds: string[], attendance: { memberId: string; present: boolean }[], rule: QuorumRule): Quorum {
  const seated = new Set(memberIds);
  const present = new Set(attendance.filter((a) => a.present && seated.has(a.memberId)).map((a) => a.memberId)).size;
  const needed = quorumNeeded(seated.size, rule);
  return { members: seated.size, present, needed, met: seated.size > 0 && present >= needed };
}
