import { Alert, Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckedRow, ImportRow, Training } from '../../../../shared/domain/trainings';
import type { AppError } from '../../../../shared/errors';
import { useChannelQuery } from '../../app/data';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { PlaceName, useTerritories } from '../../components/PlaceName';
import { FixRowModal } from './FixRowModal';
import { overLong, sendable, type RowEdits } from './import-rows';

/** A row's problems as sentences: «організації «ЦСС» немає в довіднику». */
function problemWords(t: (key: string, options?: Record<string, unknown>) => string, row: CheckedRow): string[] {
  return row.problems.map((p) => t(`trainings.problems.${p.problem}`, { detail: p.detail }));
}

/**
 * The rows as they will be imported, checked by the main process exactly as the import will check them: the good
 * ones with the organisation and place found, the bad ones with what is wrong, a «Виправити» for each, people
 * trained before offered for the user to confirm, and any row can be left out.
 */
export function ImportPreview({
  training,
  rows,
  edits,
  onEdit,
  onBack,
  onConfirm,
  confirming,
  error,
}: {
  training: Training;
  rows: ImportRow[];
  edits: RowEdits;
  onEdit(row: number, change: Partial<ImportRow>): void;
  onBack(): void;
  onConfirm(): void;
  confirming: boolean;
  error: AppError | null;
}) {
  const { t } = useTranslation();
  const asked = useMemo(() => sendable(rows), [rows]);
  const check = useChannelQuery('trainings:checkImport', { trainingId: training.id, rows: asked });
  const [fixing, setFixing] = useState<ImportRow | null>(null);
  const checked = check.data?.rows;

  // A strong match (same full name and organisation) is proposed once; the user may still say «нова особа».
  useEffect(() => {
    for (const row of checked ?? []) {
      const strong = row.matches.find((m) => m.strong);
      if (strong && edits[row.row]?.match === undefined) onEdit(row.row, { match: strong.traineeId });
    }
  }, [checked, edits, onEdit]);

  const byRow = useMemo(() => new Map((checked ?? []).map((r) => [r.row, r])), [checked]);
  const places = useTerritories(useMemo(() => (checked ?? []).map((r) => r.participant?.territory ?? ''), [checked]));
  const undecided = rows.filter((r) => !r.skip && (byRow.get(r.row)?.matches.length ?? 0) > 0 && !r.match).map((r) => r.row);
  const bad = check.data?.bad ?? 0;
  // Text longer than a field holds is not sent to the check: said here, by row, until the row is fixed or skipped.
  const tooLong = rows.filter((r) => !r.skip && overLong(r).length > 0).map((r) => r.row);
  const ready = check.data && bad === 0 && undecided.length === 0 && check.data.good > 0 && tooLong.length === 0;

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        {check.data ? (
          <Group gap="sm" role="status" aria-live="polite">
            <Badge color="teal" variant="light" tt="none" size="lg">
              {t('trainings.import.good', { count: check.data.good })}
            </Badge>
            <Badge color={bad ? 'red' : 'gray'} variant="light" tt="none" size="lg">
              {t('trainings.import.bad', { count: bad })}
            </Badge>
            <Badge color="gray" variant="light" tt="none" size="lg">
              {t('trainings.import.skipped', { count: check.data.skipped })}
            </Badge>
            {undecided.length ? (
              <Badge color="orange" variant="light" tt="none" size="lg">
                {t('trainings.import.undecided', { count: undecided.length })}
              </Badge>
            ) : null}
          </Group>
        ) : null}
        {tooLong.length ? (
          <Alert color="red" variant="light" role="alert">
            {t('trainings.import.tooLong', { rows: tooLong.join(', ') })}
          </Alert>
        ) : (
          <LoadStatus query={check} />
        )}
        {bad ? (
          <Alert color="red" variant="light" title={t('trainings.import.badTitle')}>
            {t('trainings.import.badHint')}
          </Alert>
        ) : null}
        {undecided.length ? (
          <Alert color="orange" variant="light" title={t('trainings.import.matchTitle')}>
            <Stack gap={4}>
              <Text size="sm">{t('trainings.import.matchHint')}</Text>
              <Group>
                <Button size="xs" variant="default" onClick={() => undecided.forEach((row) => onEdit(row, { match: 'new' }))}>
                  {t('trainings.import.allNew')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}
        <Table.ScrollContainer minWidth={1000}>
          <Table withTableBorder verticalSpacing="xs" aria-label={t('trainings.import.previewLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trainings.import.row')}</Table.Th>
                <Table.Th>{t('trainings.import.person')}</Table.Th>
                <Table.Th>{t('trainings.import.fields.organisation')}</Table.Th>
                <Table.Th>{t('trainings.import.fields.territory')}</Table.Th>
                <Table.Th>{t('trainings.import.fields.hours')}</Table.Th>
                <Table.Th>{t('trainings.import.trainedBefore')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const result = byRow.get(row.row);
                const problems = !row.skip && overLong(row).length > 0 ? [t('trainings.problems.too_long')] : result ? problemWords(t, result) : [];
                const p = result?.participant;
                return (
                  <Table.Tr key={row.row} data-row={row.row} data-state={row.skip ? 'skipped' : problems.length ? 'bad' : 'good'} style={row.skip ? { opacity: 0.55 } : undefined}>
                    <Table.Td>{row.row}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {[row.surname, row.name, row.patronymic].filter(Boolean).join(' ') || t('common.none')}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {row.position}
                      </Text>
                      {problems.length && !row.skip ? (
                        <Text size="xs" c="red" role="note">
                          {problems.join('; ')}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{p?.organisationName ?? row.organisation}</Text>
                    </Table.Td>
                    <Table.Td>{p ? <PlaceName code={p.territory} unit={places.get(p.territory)} /> : <Text size="sm">{row.territory}</Text>}</Table.Td>
                    <Table.Td>{p ? p.hoursAttended : row.hours}</Table.Td>
                    <Table.Td>
                      {result?.matches.length ? (
                        <Select
                          size="xs"
                          aria-label={t('trainings.import.matchOf', {
                            row: row.row,
                          })}
                          data={[
                            {
                              value: 'new',
                              label: t('trainings.import.newPerson'),
                            },
                            ...result.matches.map((m) => ({
                              value: m.traineeId,
                              label: t('trainings.import.matchOption', {
                                name: m.fullName,
                                organisation: m.organisationName,
                                date: formatDate(m.lastTrainedOn),
                              }),
                            })),
                          ]}
                          value={row.match}
                          onChange={(value) => onEdit(row.row, { match: value })}
                          placeholder={t('trainings.import.decide')}
                          error={!row.skip && !row.match ? true : undefined}
                          w={260}
                          comboboxProps={{ withinPortal: true }}
                        />
                      ) : (
                        <Text size="xs" c="dimmed">
                          {t('common.none')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="xs"
                          variant={problems.length && !row.skip ? 'filled' : 'subtle'}
                          onClick={() => setFixing(row)}
                          aria-label={t('trainings.import.fixRow', {
                            row: row.row,
                          })}
                        >
                          {t('trainings.import.fix')}
                        </Button>
                        <Checkbox
                          size="xs"
                          label={t('trainings.import.skip')}
                          checked={row.skip ?? false}
                          onChange={(e) => onEdit(row.row, { skip: e.currentTarget.checked })}
                          aria-label={t('trainings.import.skipRow', {
                            row: row.row,
                          })}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <ErrorAlert error={error && error.code !== 'VALIDATION' ? error : null} />
        {error?.code === 'VALIDATION' ? (
          <Alert color="red" variant="light" role="alert">
            {t('trainings.import.refused')}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onBack}>
            {t('trainings.import.previous')}
          </Button>
          <Button onClick={onConfirm} disabled={!ready} loading={confirming}>
            {t('trainings.import.confirm', { count: check.data?.good ?? 0 })}
          </Button>
        </Group>
      </Stack>
      {fixing ? (
        <FixRowModal
          training={training}
          row={fixing}
          onClose={() => setFixing(null)}
          onApply={(change) => {
            onEdit(fixing.row, change);
            setFixing(null);
          }}
        />
      ) : null}
    </Paper>
  );
}
