import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../shared/domain/organisations';
import { CLIENT_GROUP_WORDS, OWNERSHIP_WORDS, SERVICE_WORDS } from '../../../../shared/domain/referral-codes';
import { useLanguage, wordsIn } from '../../components/code-words';
import { ActiveBadge } from './ActiveBadge';

/** What a reader without the right to change organisations sees when opening one. */
export function OrganisationDetailsModal({ organisation, onClose }: { organisation: Organisation | null; onClose(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows: [string, ReactNode][] = organisation
    ? [
        [t('organisations.fields.name'), organisation.name],
        [t('organisations.fields.shortName'), organisation.shortName],
        [t('organisations.fields.type'), t(`organisations.types.${organisation.type}`)],
        [
          t('organisations.fields.katottg'),
          organisation.katottg ? (
            <Text ff="monospace" size="sm" component="span">
              {organisation.katottg}
            </Text>
          ) : (
            ''
          ),
        ],
        [t('organisations.fields.territoryName'), organisation.territoryName],
        [t('organisations.fields.address'), organisation.address],
        [t('organisations.fields.contactPerson'), organisation.contactPerson],
        [t('organisations.fields.phone'), organisation.phone],
        [t('organisations.fields.email'), organisation.email],
        [t('organisations.fields.nrmSubject'), organisation.nrmSubject ? t('common.yes') : t('common.no')],
        [t('organisations.fields.ownership'), organisation.ownership ? wordsIn(OWNERSHIP_WORDS[organisation.ownership], language) : ''],
        [t('organisations.fields.services'), organisation.services.map((s) => wordsIn(SERVICE_WORDS[s], language)).join(', ')],
        [
          t('organisations.fields.clientGroups'),
          organisation.clientGroups.length ? organisation.clientGroups.map((g) => wordsIn(CLIENT_GROUP_WORDS[g], language)).join(', ') : t('organisations.everyone'),
        ],
        [t('organisations.columns.active'), <ActiveBadge key="active" active={organisation.active} />],
      ]
    : [];
  return (
    <Modal opened={organisation !== null} onClose={onClose} title={t('organisations.detailsTitle')} size="lg">
      {organisation ? (
        <Stack>
          <Table variant="vertical" withTableBorder layout="fixed" aria-label={organisation.name}>
            <Table.Tbody>
              {rows.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Th w={200}>{label}</Table.Th>
                  <Table.Td>{value || <Text c="dimmed" size="sm" component="span">{t('common.none')}</Text>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Alert color="gray" variant="light">
            {t('organisations.readOnlyHint')}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
