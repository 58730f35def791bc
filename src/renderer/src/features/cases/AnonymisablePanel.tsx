import { Button, Card, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { formatDate } from '../../components/format';
import { AnonymiseModal, type AnonymiseTarget } from './AnonymiseModal';
import { personRoute } from './case-route';

/**
 * «Знеособлення»: persons whose every case closed longer ago than the retention term, by code. Shown only when there
 * are some; erasing takes `personal.write` and the code typed to confirm.
 */
export function AnonymisablePanel() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { open } = useNavigation();
  const titleId = useId();
  const due = useChannelQuery('cases:anonymisable', {});
  const [target, setTarget] = useState<AnonymiseTarget | null>(null);
  if (!due.data || due.data.length === 0) return null;
  const mayErase = can(session, 'personal.write');
  const mayRead = can(session, 'personal.read');
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId}>
        {t('cases.anonymise.panelTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('cases.anonymise.panelIntro')}
      </Text>
      <Table verticalSpacing={4} aria-labelledby={titleId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('cases.list.columns.code')}</Table.Th>
            <Table.Th>{t('cases.anonymise.closedOn')}</Table.Th>
            <Table.Th>{t('cases.anonymise.eligibleSince')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {due.data.map((row) => (
            <Table.Tr key={row.personId}>
              <Table.Td>
                <Text size="sm" ff="monospace" fw={600}>
                  {row.code}
                </Text>
              </Table.Td>
              <Table.Td>{formatDate(row.closedOn)}</Table.Td>
              <Table.Td>{formatDate(row.eligibleSince)}</Table.Td>
              <Table.Td>
                {mayRead ? (
                  <Button size="compact-sm" variant="subtle" onClick={() => open('cases', personRoute(row.personId))}>
                    {t('cases.anonymise.openPerson')}
                  </Button>
                ) : null}
                {mayErase ? (
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => setTarget(row)} aria-label={t('cases.anonymise.openNamed', { code: row.code })}>
                    {t('cases.anonymise.open')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <AnonymiseModal target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
