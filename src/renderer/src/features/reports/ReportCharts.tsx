import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Report, ReportTable } from '../../../../shared/reports/report';
import { TOTAL, positionKey, publishedCellsOf, type PublishedTable } from '../../../../shared/reports/tables';
import { BarChart, type BarSeries } from '../../components/BarChart';
import { useLanguage } from '../../components/code-words';
import { chartValue, codeWord } from './report-words';

const COLORS = { current: '#1c7ed6', previous: '#74c0fc', yearEarlier: '#adb5bd' } as const;

interface ChartSpec {
  label: string;
  categories: string[];
  series: BarSeries[];
}

/** Rows of a table (or its columns' totals) across the three periods: one bar per period. */
function acrossPeriods(report: Report, table: ReportTable, names: Record<keyof typeof COLORS, string>, language: 'uk' | 'en', byColumn = false): Omit<ChartSpec, 'label'> {
  const codes = byColumn ? (table.current.columns ?? []) : table.current.rows;
  const list = byColumn ? table.columnList : table.rowList;
  const of = (p: PublishedTable) => {
    const cells = publishedCellsOf(p);
    return codes.map((c) => chartValue(cells.get(byColumn ? positionKey(TOTAL, c) : positionKey(c, TOTAL))));
  };
  return {
    categories: codes.map((c) => codeWord(report, list, c, language, '')),
    series: (['current', 'previous', 'yearEarlier'] as const).map((p) => ({ name: names[p], values: of(table[p]), color: COLORS[p] })),
  };
}

/** The charts of the report: the same figures as its tables, drawn with the app's one chart. */
export function ReportCharts({ report }: { report: Report }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const charts = useMemo(() => {
    const find = (name: string) => report.tables.find((x) => x.name === name);
    const names = {
      current: `${t('reports.columns.current')} (${report.period.id})`,
      previous: `${t('reports.columns.previous')} (${report.previous.id})`,
      yearEarlier: `${t('reports.columns.yearEarlier')} (${report.yearEarlier.id})`,
    };
    const specs: ChartSpec[] = [];
    const decisions = find('status.decisions');
    if (decisions) specs.push({ label: t('reports.charts.decisions'), ...acrossPeriods(report, decisions, names, language) });
    const forms = find('status.forms');
    if (forms) specs.push({ label: t('reports.charts.forms'), ...acrossPeriods(report, forms, names, language) });
    const referrals = find('referrals.outcomes');
    if (referrals) specs.push({ label: t('reports.charts.referrals'), ...acrossPeriods(report, referrals, names, language, true) });
    const reach = find('prevention.reach');
    if (reach) specs.push({ label: t('reports.charts.prevention'), ...acrossPeriods(report, reach, names, language) });
    const coverage = find('coverage.hromadas');
    if (coverage) {
      const cells = publishedCellsOf(coverage.current);
      const measures = ['reached_by_training', 'reached_by_event', 'not_reached'] as const;
      const colors = ['#2f9e44', '#1c7ed6', '#e8590c'];
      specs.push({
        label: t('reports.charts.coverage'),
        categories: coverage.current.rows.map((r) => codeWord(report, 'raion', r, language, '')),
        series: measures.map((m, i) => ({
          name: codeWord(report, 'coverage_measure', m, language, ''),
          values: coverage.current.rows.map((r) => chartValue(cells.get(positionKey(r, m)))),
          color: colors[i]!,
        })),
      });
    }
    return specs;
  }, [report, t, language]);
  const anyHidden = report.threshold !== null;
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {charts.map((c) => (
          <Stack key={c.label} gap={4} data-chart={c.label}>
            <Text fw={600} size="sm">
              {c.label}
            </Text>
            <BarChart label={c.label} categories={c.categories} series={c.series} />
          </Stack>
        ))}
      </SimpleGrid>
      {anyHidden ? (
        <Text size="xs" c="dimmed">
          {t('reports.charts.hidden')}
        </Text>
      ) : null}
    </Stack>
  );
}
