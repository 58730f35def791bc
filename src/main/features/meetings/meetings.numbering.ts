import { isUpcoming, type Numbering } from '../../../shared/domain/meetings';
import type { Db } from '../../store/connection';

interface Row {
  id: string;
  number: number;
  date: string;
  time: string;
  status: string;
}

export const NO_RENUMBERING: Numbering = { renumbered: [], outOfOrderAfter: null };

/**
 * Keeps a year's numbers in date order. A meeting that has taken place (or was cancelled, or approved) keeps its
 * number for good: minutes, extracts and notices name it. The meetings still to come after the last such one are
 * numbered on from it in date order, so a meeting planned between two others takes its place and the later ones move
 * up by one. When no meeting of the year has taken place, numbering starts from the lowest number in use (a council
 * that began using the app in mid-year keeps its count), or from `gapFrom` when a deleted meeting left that gap.
 *
 * `focusId` is the meeting the user acted on: the others that moved are reported; if its date falls before the last
 * meeting that has taken place, it cannot get an earlier number: it takes the next free one and that meeting is named.
 */
export function placeInYear(db: Db, year: number, focusId: string | null, gapFrom?: number): Numbering {
  const rows = db.prepare('SELECT id, number, date, time, status FROM meetings WHERE year = ? ORDER BY number').all(year) as Row[];
  const settled = rows.filter((r) => !isUpcoming(r.status));
  const last = settled.at(-1);
  const stamp = (r: Row) => `${r.date} ${r.time}`;
  // Still to come: after the last settled number, or (a planned one numbered before it, moved since) dated after it.
  const movable = rows.filter((r) => isUpcoming(r.status) && (!last || r.number > last.number || stamp(r) > stamp(last)));
  if (movable.length === 0) return NO_RENUMBERING;
  const base = last ? last.number + 1 : Math.min(gapFrom ?? Infinity, ...movable.map((r) => r.number));
  // One dated before the last settled meeting cannot be in order whatever it gets: it goes last, moving nobody.
  const late = (r: Row) => (last && stamp(r) < stamp(last) ? 1 : 0);
  const ordered = [...movable].sort((a, b) => late(a) - late(b) || stamp(a).localeCompare(stamp(b)) || a.number - b.number);
  const moves = ordered.map((r, i) => ({ id: r.id, from: r.number, to: base + i })).filter((m) => m.from !== m.to);
  if (moves.length) {
    // Through negative numbers first: (year, number) is unique, and a swap would collide half-way.
    const park = db.prepare('UPDATE meetings SET number = -number WHERE id = ?');
    // A notice names the number: one sent under the old number is no longer right.
    const put = db.prepare('UPDATE meetings SET number = ?, notice_sent_on = NULL WHERE id = ?');
    for (const m of moves) park.run(m.id);
    for (const m of moves) put.run(m.to, m.id);
  }
  const focus = focusId ? movable.find((r) => r.id === focusId) : undefined;
  const outOfOrder = focus && late(focus) === 1;
  return {
    renumbered: moves.filter((m) => m.id !== focusId),
    outOfOrderAfter: outOfOrder && last ? { number: last.number, date: last.date } : null,
  };
}
