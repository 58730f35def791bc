import type { TFunction } from 'i18next';

/** How a due date stands today: «залишилося 3 дні», «сьогодні», «прострочено на 2 дні». */
export function daysLeftText(t: TFunction, daysLeft: number): string {
  if (daysLeft === 0) return t('cases.days.today');
  return daysLeft > 0 ? t('cases.days.left', { count: daysLeft }) : t('cases.days.overdue', { count: -daysLeft });
}

/** Red once overdue, orange within the days the dashboard warns of, plain otherwise. */
export function daysLeftColor(daysLeft: number | null, dueSoonDays: number): 'red' | 'orange' | undefined {
  if (daysLeft === null) return undefined;
  if (daysLeft < 0) return 'red';
  return daysLeft <= dueSoonDays ? 'orange' : undefined;
}
