import { Alert, Badge, Button, FileButton, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_BUNDLE_BYTES, MAX_IMPORT_FILES, type ImportResult, type StatusRow } from '../../../../shared/domain/inbox';
import type { ReportProfile } from '../../../../shared/reports/report';
import { useApi } from '../../app/api-context';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { can, useSession } from '../../app/session-context';
import { asAppError } from '../../components/describe-error';
import { LoadStatus } from '../../components/LoadStatus';
import { saveFile } from '../../components/save-file';
import { InboxKeys } from './InboxKeys';
import { base64Of, inboxError, previousQuarter, reasonText } from './inbox-words';

const PERIOD = /^\d{4}(-Q[1-4]|-H[12])?$|^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/;
const STATE_COLOR = { received: 'green', invalid: 'red', missing: 'gray' } as const;

const when = (iso: string | null): string => (iso ? new Date(iso).toLocaleString('uk-UA', { timeZone: 'Europe/Kyiv' }) : '');

/**
 * The recipient's inbox: for a period, who sent a valid bundle, whose bundle was refused and why, who has sent
 * nothing; the import of a folder of bundles; the consolidated report of the valid ones; and the register of the
 * senders' keys. Every check happens in the main process: the window only reads the files the user picked.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const api = useApi();
  const [period, setPeriod] = useState(previousQuarter);
  const valid = PERIOD.test(period);
  const status = useChannelQuery('inbox:status', { period }, { enabled: valid });
  const importer = useChannelMutation('inbox:import');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState<ReportProfile | null>(null);
  const folder = useRef<HTMLInputElement>(null);
  const canSign = can(session, 'reports.sign');

  const send = async (chosen: File[]) => {
    const zips = chosen.filter((f) => f.name.toLowerCase().endsWith('.zip'));
    const tooLarge = zips.filter((f) => f.size > MAX_BUNDLE_BYTES);
    if (zips.length === 0 || zips.length > MAX_IMPORT_FILES || tooLarge.length > 0) {
      notifications.show({ color: 'red', message: zips.length === 0 ? t('inbox.import.noZips') : tooLarge.length ? t('inbox.import.tooLarge', { names: tooLarge.map((f) => f.name).join(', ') }) : t('inbox.import.tooMany', { max: MAX_IMPORT_FILES }) });
      return;
    }
    try {
      const files = await Promise.all(zips.map(async (f) => ({ name: f.name, data: await base64Of(f) })));
      setResult(await importer.mutateAsync({ files }));
    } catch (caught) {
      notifications.show({ color: 'red', message: inboxError(t, asAppError(caught)) });
    }
  };

  const [output, setOutput] = useState<'xlsx' | 'docx' | 'csv' | 'json'>('xlsx');
  const download = async (profile: ReportProfile) => {
    setBusy(profile);
    try {
      saveFile(await api.call('inbox:export', { period, profile, output }));
    } catch (caught) {
      notifications.show({ color: 'red', message: inboxError(t, asAppError(caught)) });
    } finally {
      setBusy(null);
    }
  };

  const rows = status.data?.senders ?? [];
  const unknown = status.data?.unknown ?? [];

  return (
    <Stack>
      <Stack gap={0}>
        <Title order={1} size="h2">
          {t('inbox.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('inbox.subtitle')}
        </Text>
      </Stack>

      <Group align="flex-end">
        <TextInput label={t('inbox.period')} description={t('inbox.periodHint')} value={period} onChange={(e) => setPeriod(e.currentTarget.value.trim())} error={valid ? undefined : t('inbox.validation.period')} w={260} />
        {canSign ? (
          <>
            <FileButton onChange={(files) => void send(files)} accept=".zip,application/zip" multiple>
              {(props) => (
                <Button {...props} loading={importer.isPending}>
                  {t('inbox.import.files')}
                </Button>
              )}
            </FileButton>
            <Button variant="default" onClick={() => folder.current?.click()} loading={importer.isPending}>
              {t('inbox.import.folder')}
            </Button>
            <input
              ref={folder}
              type="file"
              hidden
              multiple
              data-testid="inbox-folder"
              {...{ webkitdirectory: '' }}
              onChange={(e) => {
                const files = [...(e.currentTarget.files ?? [])];
                e.currentTarget.value = '';
                void send(files);
              }}
            />
          </>
        ) : null}
      </Group>

      {result ? <ImportResults result={result} /> : null}

      <LoadStatus query={status} />
      {status.data ? (
        <Paper withBorder p="md">
          <Stack>
            {rows.length === 0 ? <Text size="sm">{t('inbox.noSenders')}</Text> : <StatusTable rows={rows} />}
            {canSign ? (
              <Group align="flex-end">
                <Select
                  label={t('inbox.consolidated.format')}
                  data={(['xlsx', 'docx', 'csv', 'json'] as const).map((o) => ({ value: o, label: t(`inbox.consolidated.formats.${o}`) }))}
                  value={output}
                  allowDeselect={false}
                  onChange={(o) => setOutput((o ?? 'xlsx') as typeof output)}
                  w={200}
                />
                <Button variant="default" onClick={() => void download('ministry')} loading={busy === 'ministry'} disabled={!rows.some((r) => r.state === 'received')}>
                  {t('inbox.consolidated.ministry')}
                </Button>
                <Button variant="default" onClick={() => void download('publication')} loading={busy === 'publication'} disabled={!rows.some((r) => r.state === 'received')}>
                  {t('inbox.consolidated.publication')}
                </Button>
              </Group>
            ) : null}
            <Text size="xs" c="dimmed">
              {t('inbox.consolidated.hint')}
            </Text>
          </Stack>
        </Paper>
      ) : null}

      {unknown.length > 0 ? (
        <Alert color="orange" variant="light" title={t('inbox.unknown.title')}>
          <Table aria-label={t('inbox.unknown.title')}>
            <Table.Tbody>
              {unknown.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>{u.fileName}</Table.Td>
                  <Table.Td>{u.sender ?? t('inbox.unknown.noSender')}</Table.Td>
                  <Table.Td>{reasonText(t, u.reason, u.reasonWords)}</Table.Td>
                  <Table.Td>{when(u.receivedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      ) : null}

      <InboxKeys canSign={canSign} />
    </Stack>
  );
}

function StatusTable({ rows }: { rows: StatusRow[] }) {
  const { t } = useTranslation();
  return (
    <Table aria-label={t('inbox.status.caption')} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('inbox.status.sender')}</Table.Th>
          <Table.Th>{t('inbox.status.state')}</Table.Th>
          <Table.Th>{t('inbox.status.generated')}</Table.Th>
          <Table.Th>{t('inbox.status.key')}</Table.Th>
          <Table.Th>{t('inbox.status.problem')}</Table.Th>
          <Table.Th>{t('inbox.status.superseded')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.sender.code}>
            <Table.Td>
              {row.sender.name}
              <Text size="xs" c="dimmed">
                {row.sender.code}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge color={STATE_COLOR[row.state]} variant="light" style={{ overflow: 'visible' }} miw="max-content">
                {t(`inbox.states.${row.state}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              {row.accepted.map((a) => (
                <Text size="sm" key={a.id}>
                  {t(`inbox.profiles.${a.profile ?? 'ministry'}`)}: {when(a.generatedAt)}
                </Text>
              ))}
            </Table.Td>
            <Table.Td>{row.accepted.map((a) => a.keyId).join(', ')}</Table.Td>
            <Table.Td>{row.latestInvalid ? `${reasonText(t, row.latestInvalid.reason, row.latestInvalid.reasonWords)} (${row.latestInvalid.fileName})` : ''}</Table.Td>
            <Table.Td>{row.superseded || ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ImportResults({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  return (
    <Alert color={result.invalid > 0 ? 'orange' : 'green'} variant="light" title={t('inbox.import.summary', { accepted: result.accepted, invalid: result.invalid })}>
      <Table aria-label={t('inbox.import.results')}>
        <Table.Tbody>
          {result.files.map((f, i) => (
            <Table.Tr key={`${f.name}-${i}`}>
              <Table.Td>{f.name}</Table.Td>
              <Table.Td>{t(`inbox.statuses.${f.status}`)}</Table.Td>
              <Table.Td>{f.sender ?? ''}</Table.Td>
              <Table.Td>{reasonText(t, f.reason, f.reasonWords)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}
