import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysLeftColor, daysLeftText } from './case-labels';

/** Days left to a due date in words, red when overdue and orange within the days the dashboard warns of. */
export function DaysLeft({ daysLeft, dueSoonDays, size = 'sm' }: { daysLeft: number | null; dueSoonDays: number; size?: string }) {
  const { t } = useTranslation();
  if (daysLeft === null) {
    return (
      <Text size={size} c="dimmed">
        {t('common.none')}
      </Text>
    );
  }
  const color = daysLeftColor(daysLeft, dueSoonDays);
  return (
    <Text size={size} c={color} fw={color ? 600 : undefined} style={{ whiteSpace: 'nowrap' }} data-days-left={daysLeft}>
      {daysLeftText(t, daysLeft)}
    </Text>
  );
}
