import { Button, Group, MultiSelect, Select, Switch, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATES, type CaseState, type StepKind } from '../../../../shared/domain/cases';
import { kyivToday } from '../../components/format';
import { NO_FILTERS, type CaseListFilters } from './case-filters';

/** The steps a case can wait for: what the list's «next step» may be. */
export const DUE_STEPS: StepKind[] = ['interview', 'police_request', 'police_answer', 'forwarded', 'decision', 'notified', 'certificate'];
/** The procedure of CMU No. 417 began in 2012: no application is registered before it. */
const FIRST_YEAR = 2012;

/** State (several), next step, overdue only, year of registration, and a code or registration number typed in part. */
export function CaseFilters({ filters, onChange }: { filters: CaseListFilters; onChange(next: CaseListFilters): void }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(filters.query);
  // Each keystroke would be a query of its own; the list asks once the typing pauses.
  const sendQuery = useDebouncedCallback((text: string) => onChange({ ...filters, query: text }), 300);
  const thisYear = Number(kyivToday().slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, i) => String(thisYear - i));
  const set = (patch: Partial<CaseListFilters>) => onChange({ ...filters, ...patch });
  const filtered = Boolean(filters.states?.length || filters.step || filters.year || filters.overdue || filters.query);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('cases.list.filters.label')}>
      <TextInput
        label={t('cases.list.filters.query')}
        placeholder={t('cases.list.filters.queryPlaceholder')}
        value={query}
        maxLength={40}
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          sendQuery(event.currentTarget.value);
        }}
        w={230}
      />
      <MultiSelect
        label={t('cases.list.filters.states')}
        placeholder={filters.states?.length ? undefined : t('cases.list.filters.anyState')}
        data={CASE_STATES.map((value) => ({ value, label: t(`cases.states.${value}`) }))}
        value={filters.states ?? []}
        onChange={(values) => set({ states: values as CaseState[] })}
        comboboxProps={{ withinPortal: true }}
        clearable
        w={300}
      />
      <Select
        label={t('cases.list.filters.step')}
        placeholder={t('cases.list.filters.anyStep')}
        data={DUE_STEPS.map((value) => ({ value, label: t(`cases.steps.${value}`) }))}
        value={filters.step ?? null}
        onChange={(value) => set({ step: (value as StepKind | null) ?? undefined })}
        comboboxProps={{ withinPortal: true }}
        clearable
        w={260}
      />
      <Select
        label={t('cases.list.filters.year')}
        placeholder={t('cases.list.filters.allYears')}
        data={years}
        value={filters.year ? String(filters.year) : null}
        onChange={(value) => set({ year: value ? Number(value) : undefined })}
        comboboxProps={{ withinPortal: true }}
        clearable
        w={150}
      />
      <Switch label={t('cases.list.filters.overdue')} checked={filters.overdue} onChange={(event) => set({ overdue: event.currentTarget.checked })} mb={8} />
      {filtered ? (
        <Button
          variant="subtle"
          onClick={() => {
            setQuery('');
            onChange(NO_FILTERS);
          }}
        >
          {t('cases.list.filters.reset')}
        </Button>
      ) : null}
    </Group>
  );
}
