import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { Numbering } from '../../../../shared/domain/meetings';
import { formatDate } from '../../components/format';

/** Tells the user what keeping the year's numbers in date order did: who moved, or why this one could not. */
export function notifyNumbering(t: TFunction, numbering: Numbering, number?: number): void {
  if (numbering.renumbered.length) {
    const list = numbering.renumbered.map((m) => `№ ${m.from} → № ${m.to}`).join(', ');
    notifications.show({ color: 'blue', autoClose: 12_000, message: t('meetings.numbering.renumbered', { list }) });
  }
  if (numbering.outOfOrderAfter) {
    notifications.show({
      color: 'yellow',
      autoClose: false,
      message: t('meetings.numbering.outOfOrder', { number, after: numbering.outOfOrderAfter.number, date: formatDate(numbering.outOfOrderAfter.date) }),
    });
  }
}
