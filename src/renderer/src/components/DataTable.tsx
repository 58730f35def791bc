import { Table, Text } from '@mantine/core';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import type { KeyboardEvent } from 'react';

/**
 * A table of the rows given, as they are: tanstack decides the cells, Mantine draws them. For a page of rows the
 * main process already filtered and sorted; a row opens with a click or Enter when `onOpen` is given.
 */
export function DataTable<T>({
  data,
  columns,
  empty,
  rowKey,
  label,
  onOpen,
}: {
  data: T[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tanstack's column helpers produce mixed value types
  columns: ColumnDef<T, any>[];
  empty: string;
  rowKey(row: T): string;
  label: string;
  onOpen?(row: T): void;
}) {
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => rowKey(row) });
  const openOnEnter = (event: KeyboardEvent, row: T) => {
    if (event.key === 'Enter' && onOpen && event.target === event.currentTarget) {
      event.preventDefault();
      onOpen(row);
    }
  };
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped highlightOnHover withTableBorder verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <Table.Th key={header.id}>
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </Table.Th>
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text c="dimmed" size="sm" ta="center" py="sm">
                  {empty}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <Table.Tr
                key={row.id}
                tabIndex={onOpen ? 0 : undefined}
                style={onOpen ? { cursor: 'pointer' } : undefined}
                onClick={onOpen ? () => onOpen(row.original) : undefined}
                onKeyDown={onOpen ? (event) => openOnEnter(event, row.original) : undefined}
              >
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
                ))}
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
