import { Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Report, ReportTable } from '../../../../shared/reports/report';
import { TOTAL, positionKey, publishedCellsOf, type PublishedCell, type PublishedTable } from '../../../../shared/reports/tables';
import { useLanguage } from '../../components/code-words';
import { cellText, codeWord } from './report-words';

/** A hidden cell says what it is: a small count, or a figure hidden to protect one. */
function Cell({ cell, unit, k }: { cell: PublishedCell | undefined; unit: string; k: number }) {
  const { t } = useTranslation();
  if (typeof cell === 'object') {
    const small = cell.label.startsWith('<');
    return (
      <Tooltip label={small ? t('reports.cell.small', { k }) : t('reports.cell.secondary')}>
        <Text span c="orange.8" fw={600} size="sm" data-suppressed={cell.label}>
          {cell.label}
        </Text>
      </Tooltip>
    );
  }
  return <>{cellText(cell, unit)}</>;
}

/**
 * One table of the report. A list: its rows against the period, the period before and a year earlier; a grid: the
 * period's rows × columns, with the totals the table shows, and the period before and a year earlier in its total row.
 */
export function ReportTableView({ report, table }: { report: Report; table: ReportTable }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const total = t('reports.columns.total');
  const word = (list: string | null, code: string) => codeWord(report, list, code, language, total);
  const k = report.threshold ?? 0;
  const cells = (p: PublishedTable) => publishedCellsOf(p);
  const unit = t(`reports.units.${table.unit}`);
  const showRowTotals = table.totals === 'all';
  const showColumnTotals = table.totals !== 'none';
  const caption = (
    <Text fw={600} size="sm">
      {table.title[language]}
      {unit ? <Text span c="dimmed" size="sm">{`, ${unit}`}</Text> : null}
    </Text>
  );

  if (!table.current.columns) {
    const periods = [table.current, table.previous, table.yearEarlier].map(cells);
    const rows = showColumnTotals ? [...table.current.rows, TOTAL] : table.current.rows;
    return (
      <Stack gap={4}>
        {caption}
        <Table striped withTableBorder highlightOnHover aria-label={table.title[language]} data-table={table.name}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.columns.code')}</Table.Th>
              <Table.Th ta="right">{`${t('reports.columns.current')} (${report.period.id})`}</Table.Th>
              <Table.Th ta="right">{`${t('reports.columns.previous')} (${report.previous.id})`}</Table.Th>
              <Table.Th ta="right">{`${t('reports.columns.yearEarlier')} (${report.yearEarlier.id})`}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row} fw={row === TOTAL ? 600 : undefined}>
                <Table.Td>{word(table.rowList, row)}</Table.Td>
                {periods.map((p, i) => (
                  <Table.Td key={i} ta="right">
                    <Cell cell={p.get(positionKey(row, TOTAL))} unit={table.unit} k={k} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    );
  }

  const columns = showRowTotals ? [...table.current.columns, TOTAL] : table.current.columns;
  const rows = showColumnTotals ? [...table.current.rows, TOTAL] : table.current.rows;
  const current = cells(table.current);
  const compare = (p: PublishedTable) => cellText(p.total, table.unit);
  return (
    <Stack gap={4}>
      {caption}
      <Table.ScrollContainer minWidth={600}>
        <Table striped withTableBorder highlightOnHover aria-label={table.title[language]} data-table={table.name}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{report.period.id}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c} ta="right">
                  {word(table.columnList, c)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row} fw={row === TOTAL ? 600 : undefined}>
                <Table.Td>{table.name === 'coverage.hromadas' && row !== TOTAL ? word('raion', row) : word(table.rowList, row)}</Table.Td>
                {columns.map((c) => (
                  <Table.Td key={c} ta="right">
                    <Cell cell={current.get(positionKey(row, c))} unit={table.unit} k={k} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {table.totals === 'all' ? (
        <Text size="xs" c="dimmed">
          {`${t('reports.columns.total')}: ${t('reports.columns.previous')} (${report.previous.id}) — ${compare(table.previous)}; ${t('reports.columns.yearEarlier')} (${report.yearEarlier.id}) — ${compare(table.yearEarlier)}`}
        </Text>
      ) : null}
    </Stack>
  );
}
