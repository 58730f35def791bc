import { Button, Card, FileInput, Group, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { OutputOf } from '../../../../shared/contract';
import { EDITION_MAX_CHARS } from '../../../../shared/domain/territories';
import { IsoDate } from '../../../../shared/domain/fields';
import { AppError } from '../../../../shared/errors';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { useContractForm } from '../../components/contract-form';
import { asAppError } from '../../components/describe-error';
import { DateField } from '../../components/date-fields';
import { formatDate } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { RefusalAlert } from '../../components/RefusalAlert';
import { territoryName } from '../../components/territory-words';

/** Why an edition was refused, in words, with the rows to fix (the first twenty: the file goes back to its maker). */
function editionSentence(t: (key: string, options?: Record<string, unknown>) => string, error: AppError): string | null {
  const reason = error.details.reason;
  if (reason === 'bad_rows') {
    const issues = Array.isArray(error.details.issues) ? (error.details.issues as { row: number }[]) : [];
    return t('territories.errors.bad_rows', { count: error.details.badRows, rows: issues.slice(0, 20).map((i) => i.row).join(', ') });
  }
  if (reason === 'no_units' || reason === 'not_an_oblast' || reason === 'too_large') return t(`territories.errors.${reason}`);
  return null;
}

/** The admin's part: the oblast this store serves, and a newer codifier edition loaded from the ministry's file. */
export function TerritoriesSection() {
  const { t } = useTranslation();
  const options = useChannelQuery('territories:options', {});
  return (
    <Card withBorder component="section" aria-label={t('territories.settings.title')}>
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('territories.settings.title')}
        </Title>
        <LoadStatus query={options} />
        {options.data ? <OblastForm options={options.data} /> : null}
        {options.data ? <EditionForm options={options.data} /> : null}
      </Stack>
    </Card>
  );
}

function OblastForm({ options }: { options: OutputOf<'territories:options'> }) {
  const { t } = useTranslation();
  const [oblast, setOblast] = useState(options.oblast);
  const [error, setError] = useState<AppError | null>(null);
  const save = useChannelMutation('territories:saveOptions', { invalidates: ['coverage'] });
  const data = [{ value: '', label: t('territories.settings.allUkraine') }, ...options.oblasts.map((o) => ({ value: o.code, label: territoryName(t, o) }))];
  return (
    <Group align="flex-end">
      <Select
        label={t('territories.settings.oblast')}
        description={t('territories.settings.oblastHint')}
        data={data}
        value={oblast}
        onChange={(value) => setOblast(value ?? '')}
        allowDeselect={false}
        searchable
        w={360}
      />
      <Button
        loading={save.isPending}
        onClick={() => {
          setError(null);
          save.mutateAsync({ oblast }).then(
            () => notifications.show({ color: 'green', message: t('territories.settings.saved') }),
            (caught: unknown) => setError(asAppError(caught)),
          );
        }}
      >
        {t('territories.settings.saveOblast')}
      </Button>
      <RefusalAlert error={error} sentence={(e) => editionSentence(t, e)} />
    </Group>
  );
}

const EditionFormSchema = z.object({ edition: IsoDate }).strict();

function EditionForm({ options }: { options: OutputOf<'territories:options'> }) {
  const { t } = useTranslation();
  const form = useContractForm(EditionFormSchema, { defaultValues: { edition: '' } });
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const load = useChannelMutation('territories:loadEdition', { invalidates: ['organisations', 'persons', 'cases', 'trainings', 'prevention', 'coverage'] });
  const edition = options.edition;
  const submit = form.handleSubmit(async ({ edition: date }) => {
    setError(null);
    if (!file) return;
    const csv = await file.text();
    if (csv.length > EDITION_MAX_CHARS) {
      setError(new AppError('VALIDATION', 'the file is too large', { reason: 'too_large' }));
      return;
    }
    try {
      const result = await load.mutateAsync({ edition: date, csv });
      notifications.show({ color: 'green', message: t('territories.settings.loaded', { edition: formatDate(result.edition), units: result.units, added: result.added, dropped: result.dropped }) });
      setFile(null);
    } catch (caught) {
      setError(asAppError(caught));
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Text size="sm">
          {edition
            ? t('territories.settings.edition', { edition: formatDate(edition.edition), units: edition.units, dropped: edition.dropped })
            : t('territories.settings.noEdition')}
        </Text>
        <Group align="flex-end">
          <FileInput label={t('territories.settings.file')} description={t('territories.settings.fileHint')} accept=".csv,text/csv" value={file} onChange={setFile} clearable w={300} />
          <DateField control={form.control} name="edition" label={t('territories.settings.editionDate')} w={180} />
          <Button type="submit" loading={load.isPending} disabled={!file}>
            {t('territories.settings.load')}
          </Button>
        </Group>
        <RefusalAlert error={error} sentence={(e) => editionSentence(t, e)} />
      </Stack>
    </form>
  );
}
