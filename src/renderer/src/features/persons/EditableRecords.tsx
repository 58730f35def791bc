import { Button, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { FileSection } from './FileSection';

export interface RecordForm<R> {
  saved?: R;
  onDone(): void;
  onCancel(): void;
}

interface Props<R extends { id: string; date: string }> {
  title: string;
  add: string;
  empty: string;
  saved: string;
  /** The edit button's accessible name for a record of this date. */
  editNamed(date: string): string;
  canWrite: boolean;
  records: readonly R[];
  headers: readonly string[];
  /** One cell per header. */
  cells(record: R): ReactNode[];
  form(props: RecordForm<R>): ReactNode;
}

/**
 * A section of the person's file whose records are each corrected where they stand: a table, a new record's form
 * above it, one record's form in its row; one form open at a time.
 */
export function EditableRecords<R extends { id: string; date: string }>({ title, add, empty, saved, editNamed, canWrite, records, headers, cells, form }: Props<R>) {
  const { t } = useTranslation();
  /** The record in the form: 'new', one's id, or null while the form is closed. */
  const [editing, setEditing] = useState<string | null>(null);
  const done = () => {
    setEditing(null);
    notifications.show({ color: 'green', message: saved });
  };
  const formOf = (record?: R) => <div key={record?.id ?? 'new'}>{form({ saved: record, onDone: done, onCancel: () => setEditing(null) })}</div>;
  const columns = headers.length + (canWrite ? 1 : 0);

  return (
    <FileSection
      title={title}
      actions={
        canWrite ? (
          <Button size="sm" onClick={() => setEditing('new')} disabled={editing !== null}>
            {add}
          </Button>
        ) : null
      }
    >
      <Stack gap="sm">
        {editing === 'new' ? formOf() : null}
        {records.length === 0 ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <Table verticalSpacing={4} aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                {headers.map((header) => (
                  <Table.Th key={header}>{header}</Table.Th>
                ))}
                {canWrite ? <Table.Th>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((record) =>
                editing === record.id ? (
                  <Table.Tr key={record.id}>
                    <Table.Td colSpan={columns}>{formOf(record)}</Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={record.id}>
                    {cells(record).map((cell, i) => (
                      <Table.Td key={headers[i]} style={i === 0 ? { whiteSpace: 'nowrap' } : undefined}>
                        {cell}
                      </Table.Td>
                    ))}
                    {canWrite ? (
                      <Table.Td>
                        <Button size="compact-sm" variant="subtle" disabled={editing !== null} onClick={() => setEditing(record.id)} aria-label={editNamed(formatDate(record.date))}>
                          {t('persons.file.edit')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </FileSection>
  );
}
