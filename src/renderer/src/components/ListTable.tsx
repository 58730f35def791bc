import { Group, ScrollArea, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type FilterFn,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const ROW_HEIGHT = 41;

/** Case- and apostrophe-insensitive: «Мар’яна», «Мар'яна» and «марʼяна» find each other. */
export function normaliseForSearch(text: string): string {
  return text.toLocaleLowerCase('uk').replace(/[’'ʼ`]/g, "'").replace(/ё/g, 'е');
}

const containsText: FilterFn<unknown> = (row, _columnId, query: string) => {
  const needle = normaliseForSearch(query.trim());
  if (!needle) return true;
  const haystack = row
    .getAllCells()
    .map((cell) => {
      const meta = cell.column.columnDef.meta as { searchText?(row: unknown): string } | undefined;
      return meta?.searchText ? meta.searchText(row.original) : String(cell.getValue() ?? '');
    })
    .join(' ');
  return normaliseForSearch(haystack).includes(needle);
};

/**
 * A list of records that stays responsive with thousands of rows: tanstack sorts and filters, only the rows
 * in view are drawn, a search box filters on every column (or a column's `meta.searchText`), headers sort on
 * click or Enter, and a row opens with a click or Enter.
 */
export function ListTable<T>({
  data,
  columns,
  empty,
  rowKey,
  label,
  onOpen,
  toolbar,
  initialSort = [],
  height = 'calc(100vh - 220px)',
}: {
  data: T[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tanstack's column helpers produce mixed value types
  columns: ColumnDef<T, any>[];
  empty: string;
  rowKey(row: T): string;
  label: string;
  onOpen?(row: T): void;
  toolbar?: ReactNode;
  initialSort?: SortingState;
  height?: string | number;
}) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const [query, setQuery] = useState('');
  const table = useReactTable({
    data,
    columns,
    state: { sorting, globalFilter: query },
    onSortingChange: setSorting,
    globalFilterFn: containsText as FilterFn<T>,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getRowId: (row) => rowKey(row),
  });
  const rows = table.getRowModel().rows;
  const viewport = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // happy-dom and the first paint have no layout: draw a screenful rather than nothing.
    initialRect: { width: 1000, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items.length > 0 ? items[0]!.start : 0;
  const padBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const columnCount = table.getVisibleLeafColumns().length;

  const openOnEnter = (event: KeyboardEvent, row: T) => {
    if (event.key === 'Enter' && onOpen) {
      event.preventDefault();
      onOpen(row);
    }
  };

  return (
    <div>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <TextInput
          placeholder={t('common.searchPlaceholder')}
          aria-label={t('common.search')}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w={320}
        />
        <Group gap="xs" wrap="nowrap">
          {toolbar}
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('common.rowsShown', { shown: rows.length, total: data.length })}
          </Text>
        </Group>
      </Group>
      <ScrollArea.Autosize mah={height} viewportRef={viewport} type="auto">
        <Table striped highlightOnHover={Boolean(onOpen)} withTableBorder verticalSpacing="xs" aria-label={label} aria-rowcount={rows.length + 1} miw={700}>
          <Table.Thead style={{ position: 'sticky', top: 0, zIndex: 1, background: 'var(--mantine-color-body)' }}>
            {table.getHeaderGroups().map((headerGroup) => (
              <Table.Tr key={headerGroup.id}>
                {headerGroup.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const title = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
                  return (
                    <Table.Th
                      key={header.id}
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {header.column.getCanSort() ? (
                        <UnstyledButton onClick={header.column.getToggleSortingHandler()} fw={700} fz="sm">
                          {title} {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                        </UnstyledButton>
                      ) : (
                        title
                      )}
                    </Table.Th>
                  );
                })}
              </Table.Tr>
            ))}
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columnCount}>
                  <Text c="dimmed" size="sm" ta="center" py="sm">
                    {data.length === 0 ? empty : t('common.nothingFound')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              <>
                {padTop > 0 ? (
                  <tr aria-hidden>
                    <td colSpan={columnCount} style={{ height: padTop, padding: 0 }} />
                  </tr>
                ) : null}
                {items.map((item) => {
                  const row = rows[item.index]!;
                  return (
                    <Table.Tr
                      key={row.id}
                      data-index={item.index}
                      // Rows grow with wrapped text: measured, so the scroll height stays true.
                      ref={virtualizer.measureElement}
                      tabIndex={onOpen ? 0 : undefined}
                      style={onOpen ? { cursor: 'pointer' } : undefined}
                      onClick={onOpen ? () => onOpen(row.original) : undefined}
                      onKeyDown={(event) => openOnEnter(event, row.original)}
                    >
                      {row.getVisibleCells().map((cell) => (
                        <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
                {padBottom > 0 ? (
                  <tr aria-hidden>
                    <td colSpan={columnCount} style={{ height: padBottom, padding: 0 }} />
                  </tr>
                ) : null}
              </>
            )}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
    </div>
  );
}
