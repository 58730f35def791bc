import { Group, Select } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../components/code-words';
import { isoFromTyped, recentYears } from '../../components/format';

// «III квартал», as Ukrainian documents number quarters and halves.
const ROMAN = ['', 'I', 'II', 'III', 'IV'];

export type PeriodKind = 'quarter' | 'half' | 'year' | 'range';

export interface PeriodChoice {
  kind: PeriodKind;
  year: string;
  part: string;
  from: string | null;
  to: string | null;
}

/** The period's name as the contract and the command line read it (2026-Q3, 2026-H1, 2026, 2026-02-01..2026-05-15); null while incomplete. */
export function periodName(c: PeriodChoice): string | null {
  if (c.kind === 'quarter') return `${c.year}-Q${c.part}`;
  if (c.kind === 'half') return `${c.year}-H${c.part}`;
  if (c.kind === 'year') return c.year;
  return c.from && c.to && c.from <= c.to ? `${c.from}..${c.to}` : null;
}

/** The quarter just ended is what a reporting officer most often reports. */
export function lastQuarter(today: string): PeriodChoice {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return quarter === 0 ? { kind: 'quarter', year: String(year - 1), part: '4', from: null, to: null } : { kind: 'quarter', year: String(year), part: String(quarter), from: null, to: null };
}

/** Quarter, half-year, year or any days, in the words of the report. */
export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (next: PeriodChoice) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const set = (patch: Partial<PeriodChoice>) => onChange({ ...value, ...patch });
  const kinds: PeriodKind[] = ['quarter', 'half', 'year', 'range'];
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <Select
        label={t('reports.period.kind')}
        data={kinds.map((k) => ({ value: k, label: t(`reports.period.${k}`) }))}
        value={value.kind}
        allowDeselect={false}
        onChange={(k) => set({ kind: (k ?? 'quarter') as PeriodKind, part: k === 'half' ? (Number(value.part) > 2 ? '2' : value.part) : value.part })}
        w={170}
      />
      {value.kind !== 'range' ? (
        <Select label={t('reports.period.yearLabel')} data={recentYears()} value={value.year} allowDeselect={false} onChange={(y) => set({ year: y ?? value.year })} w={110} />
      ) : null}
      {value.kind === 'quarter' || value.kind === 'half' ? (
        <Select
          label={t('reports.period.part')}
          data={(value.kind === 'quarter' ? ['1', '2', '3', '4'] : ['1', '2']).map((n) => ({ value: n, label: t(value.kind === 'quarter' ? 'reports.period.q' : 'reports.period.h', { n: language === 'uk' ? ROMAN[Number(n)] : n }) }))}
          value={value.part}
          allowDeselect={false}
          onChange={(p) => set({ part: p ?? '1' })}
          w={150}
        />
      ) : null}
      {value.kind === 'range' ? (
        <>
          <DateInput
            label={t('reports.period.days')}
            description={t('reports.period.pickDays')}
            valueFormat="DD.MM.YYYY"
            placeholder={t('calendar.datePlaceholder')}
            dateParser={isoFromTyped}
            value={value.from}
            maxDate={value.to ?? undefined}
            onChange={(d) => set({ from: d })}
            w={150}
          />
          <DateInput valueFormat="DD.MM.YYYY" placeholder={t('calendar.datePlaceholder')} dateParser={isoFromTyped} value={value.to} minDate={value.from ?? undefined} onChange={(d) => set({ to: d })} w={150} aria-label={t('reports.period.days')} />
        </>
      ) : null}
    </Group>
  );
}
