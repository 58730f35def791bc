import { Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../app/data';
import { LoadStatus } from '../../components/LoadStatus';

export function AboutPage() {
  const { t } = useTranslation();
  const query = useChannelQuery('about:get', {});
  const about = query.data;

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
      <Title order={1} size="h2">{t('about.title')}</Title>
      <LoadStatus query={query} />
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
          <Title order={2} size="h3">{t('about.encryption')}</Title>
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
