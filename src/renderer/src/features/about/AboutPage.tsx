import { Loader, Stack, Table, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { About } from '../../../../shared/domain/system';
import type { AppError } from '../../../../shared/errors';
import { useApi } from '../../app/api-context';
import { asAppError } from '../../components/describe-error';
import { ErrorAlert } from '../../components/ErrorAlert';

export function AboutPage() {
  const api = useApi();
  const { t } = useTranslation();
  const [about, setAbout] = useState<About | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    let live = true;
    api
      .call('about:get', {})
      .then((value) => live && setAbout(value))
      .catch((caught: unknown) => live && setError(asAppError(caught)));
    return () => {
      live = false;
    };
  }, [api]);

  const rows: [string, string | number][] = about
    ? [
        ['about.version', about.version],
        ['about.storeDir', about.storeDir],
        ['about.schemaVersion', about.schemaVersion],
      ]
    : [];
  const encryption: [string, string][] = about
    ? [
        ['about.cipher', about.cipher],
        ['about.kdf', about.kdf],
        ['about.journalMode', about.journalMode],
        ['about.synchronous', about.synchronous],
      ]
    : [];

  return (
    <Stack maw={860}>
      <Title order={2}>{t('about.title')}</Title>
      <ErrorAlert error={error} />
      {!about && !error ? <Loader size="sm" /> : null}
      {about ? (
        <>
          <Table variant="vertical" withTableBorder layout="fixed">
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={260}>{t(label)}</Table.Th>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={3}>{t('about.encryption')}</Title>
          <Table variant="vertical" withTableBorder layout="fixed">
            <Table.Tbody>
              {encryption.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={260}>{t(label)}</Table.Th>
                  <Table.Td ff="monospace">{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      ) : null}
    </Stack>
  );
}
