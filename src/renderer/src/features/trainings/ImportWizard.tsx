import { Alert, Anchor, Button, FileButton, Group, Paper, Select, SimpleGrid, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, SHEET_MAX_BYTES, type ImportMapping, type Sheet, type Training } from '../../../../shared/domain/trainings';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadStatus } from '../../components/LoadStatus';
import { base64Of } from './file-bytes';
import { ImportPreview } from './ImportPreview';
import { mappingProblems, rowsFrom, sendable, type RowEdits } from './import-rows';
import { dateRange } from './training-format';

/**
 * The sign-in sheet the office already has, brought in as participants in three steps: the file (XLSX or CSV, as
 * Excel saves it), which column holds what (guessed from the headers, corrected by the user), and a preview where
 * every bad row says what is wrong and can be fixed or left out. Nothing is stored until «Імпортувати», and then
 * all rows or none.
 */
export function ImportWizard({ trainingId }: { trainingId: string }) {
  const training = useChannelQuery('trainings:get', { id: trainingId });
  if (!training.data) return <LoadStatus query={training} />;
  return <Wizard training={training.data} />;
}

function Wizard({ training }: { training: Training }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const [step, setStep] = useState(0);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [fileName, setFileName] = useState('');
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [edits, setEdits] = useState<RowEdits>({});
  const [error, setError] = useState<AppError | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const read = useChannelMutation('trainings:readSheet', {
    invalidates: 'nothing',
  });
  const save = useChannelMutation('trainings:import', {
    invalidates: ['coverage'],
  });
  const rows = useMemo(() => (sheet ? rowsFrom(sheet, mapping, edits) : []), [sheet, mapping, edits]);
  const missing = mappingProblems(mapping);

  const choose = async (file: File | null) => {
    setError(null);
    setTooLarge(false);
    if (!file) return;
    if (file.size > SHEET_MAX_BYTES) {
      setTooLarge(true);
      return;
    }
    try {
      const found = await read.mutateAsync({
        fileName: file.name,
        base64: await base64Of(file),
      });
      setSheet(found);
      setFileName(file.name);
      setMapping(found.mapping);
      setEdits({});
      setStep(1);
    } catch (caught) {
      setError(asAppError(caught));
    }
  };

  const confirm = async () => {
    setError(null);
    try {
      const result = await save.mutateAsync({ trainingId: training.id, rows: sendable(rows) });
      notifications.show({
        color: 'green',
        message: t('trainings.import.done', { count: result.imported }),
      });
      open('trainings', training.id);
    } catch (caught) {
      setError(asAppError(caught));
    }
  };

  const columns = (sheet?.headers ?? []).map((header, index) => ({
    value: String(index),
    label: `${columnLetter(index)}: ${header || t('trainings.import.noHeader')}`,
  }));

  return (
    <Stack>
      <Anchor component="button" type="button" size="sm" onClick={() => open('trainings', training.id)} style={{ alignSelf: 'flex-start' }}>
        {t('trainings.import.back')}
      </Anchor>
      <Stack gap={0}>
        <Title order={1} size="h2">
          {t('trainings.import.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {training.title} · {dateRange(training.startsOn, training.endsOn)} · {t('trainings.card.hours', { hours: training.hours })}
        </Text>
      </Stack>
      <Stepper active={step} onStepClick={(s) => (s < step ? setStep(s) : undefined)} allowNextStepsSelect={false}>
        <Stepper.Step label={t('trainings.import.steps.file')}>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Text size="sm">{t('trainings.import.fileHint')}</Text>
              <Group>
                <FileButton onChange={(f) => void choose(f)} accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
                  {(props) => (
                    <Button {...props} loading={read.isPending}>
                      {t('trainings.import.chooseFile')}
                    </Button>
                  )}
                </FileButton>
                {fileName ? <Text size="sm">{fileName}</Text> : null}
              </Group>
              {tooLarge ? (
                <Alert color="red" variant="light" role="alert">
                  {t('trainings.import.tooLarge')}
                </Alert>
              ) : null}
              <ErrorAlert error={error} />
            </Stack>
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={t('trainings.import.steps.columns')}>
          {sheet ? (
            <Paper withBorder p="md">
              <Stack gap="sm">
                <Text size="sm">
                  {t('trainings.import.columnsHint', {
                    rows: sheet.rows.length,
                    file: fileName,
                  })}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  {IMPORT_FIELDS.map((field) => (
                    <Select
                      key={field}
                      label={t(`trainings.import.fields.${field}`)}
                      data={columns}
                      value={mapping[field] === undefined ? null : String(mapping[field])}
                      onChange={(value) => {
                        const next = { ...mapping };
                        if (value === null) delete next[field];
                        else next[field] = Number(value);
                        setMapping(next);
                      }}
                      clearable
                      placeholder={t('trainings.import.notInSheet')}
                    />
                  ))}
                </SimpleGrid>
                <SamplePreview sheet={sheet} mapping={mapping} />
                {missing.length ? (
                  <Alert color="orange" variant="light" role="alert">
                    {missing.map((m) => t(`trainings.import.missing.${m}`)).join(' ')}
                  </Alert>
                ) : null}
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setStep(0)}>
                    {t('trainings.import.previous')}
                  </Button>
                  <Button onClick={() => setStep(2)} disabled={missing.length > 0}>
                    {t('trainings.import.toPreview')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ) : null}
        </Stepper.Step>
        <Stepper.Step label={t('trainings.import.steps.preview')}>
          {sheet && step === 2 ? (
            <ImportPreview
              training={training}
              rows={rows}
              edits={edits}
              onEdit={(row, change) =>
                setEdits((all) => ({
                  ...all,
                  [row]: { ...all[row], ...change },
                }))
              }
              onBack={() => setStep(1)}
              onConfirm={() => void confirm()}
              confirming={save.isPending}
              error={error}
            />
          ) : null}
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}

/** The sheet's column letters, as Excel shows them: A…Z, AA… */
function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The first rows as the mapping reads them, so a wrong column shows before anything is checked. */
function SamplePreview({ sheet, mapping }: { sheet: Sheet; mapping: ImportMapping }) {
  const { t } = useTranslation();
  const sample = rowsFrom({ ...sheet, rows: sheet.rows.slice(0, 5) }, mapping, {});
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table withTableBorder verticalSpacing={4} aria-label={t('trainings.import.sampleLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('trainings.import.row')}</Table.Th>
            <Table.Th>{t('trainings.import.fields.surname')}</Table.Th>
            <Table.Th>{t('trainings.import.fields.name')}</Table.Th>
            <Table.Th>{t('trainings.import.fields.patronymic')}</Table.Th>
            <Table.Th>{t('trainings.import.fields.organisation')}</Table.Th>
            <Table.Th>{t('trainings.import.fields.territory')}</Table.Th>
            <Table.Th>{t('trainings.import.fields.hours')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sample.map((r) => (
            <Table.Tr key={r.row}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{r.surname}</Table.Td>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.patronymic}</Table.Td>
              <Table.Td>{r.organisation}</Table.Td>
              <Table.Td>{r.territory}</Table.Td>
              <Table.Td>{r.hours}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
