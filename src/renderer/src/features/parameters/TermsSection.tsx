import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TERM_KEYS, type Parameters, type TermKey } from '../../../../shared/domain/parameters';
import { formatDate } from '../../components/format';
import { NO_SHRINK } from '../../components/badge-styles';
import { RemoveVersionButton } from './RemoveVersionButton';
import { termText } from './term-words';
import { TermVersionModal, type TermDraft } from './TermVersionModal';
import { VersionBadge } from './VersionBadge';
import { newestFirst, versionStates } from './versions';

/**
 * Every term of the procedure, one table each: its versions with the value, which days count, from which event,
 * the legal basis and whether it was checked against the act. A change is a new version from today or later.
 */
export function TermsSection({ parameters, canWrite }: { parameters: Parameters; canWrite: boolean }) {
  const [draft, setDraft] = useState<TermDraft | null>(null);
  return (
    <Stack gap="md">
      {TERM_KEYS.map((key) => (
        <TermTable key={key} termKey={key} parameters={parameters} canWrite={canWrite} onDraft={setDraft} />
      ))}
      <TermVersionModal draft={draft} today={parameters.today} onClose={() => setDraft(null)} />
    </Stack>
  );
}

function TermTable({ termKey, parameters, canWrite, onDraft }: { termKey: TermKey; parameters: Parameters; canWrite: boolean; onDraft(draft: TermDraft): void }) {
  const { t } = useTranslation();
  const versions = parameters.terms.filter((v) => v.key === termKey);
  const states = versionStates(versions, parameters.today);
  const current = versions.find((v) => states.get(v.id) === 'current');
  const titleId = `term-${termKey}`;
  return (
    <Card withBorder component="section" aria-labelledby={titleId} padding="sm">
      <Group justify="space-between" mb={6}>
        <Title order={2} size="h5" id={titleId}>
          {t(`parameters.termKeys.${termKey}`)}
        </Title>
        {canWrite ? (
          <Button size="compact-sm" variant="light" onClick={() => onDraft({ key: termKey, from: current, validFrom: parameters.today })} aria-label={t('parameters.newVersionOf', { name: t(`parameters.termKeys.${termKey}`) })}>
            {t('parameters.newVersion')}
          </Button>
        ) : null}
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={4} aria-labelledby={titleId} layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('parameters.validFrom')}</Table.Th>
              <Table.Th w={200}>{t('parameters.terms.term')}</Table.Th>
              <Table.Th w={190}>{t('parameters.terms.countsFrom')}</Table.Th>
              <Table.Th>{t('parameters.terms.legalBasis')}</Table.Th>
              <Table.Th w={120}>{t('parameters.terms.checked')}</Table.Th>
              <Table.Th w={canWrite ? 190 : 100}>{t('parameters.versionState')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {newestFirst(versions).map((version) => {
              const state = states.get(version.id)!;
              return (
                <Table.Tr key={version.id} data-state={state}>
                  <Table.Td>{formatDate(version.validFrom)}</Table.Td>
                  <Table.Td>{termText(t, version)}</Table.Td>
                  <Table.Td>{t(`parameters.events.${version.countsFrom}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {version.legalBasis}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={version.confirmed ? 'green' : 'orange'} variant="outline" tt="none" size="sm" styles={NO_SHRINK}>
                      {version.confirmed ? t('parameters.terms.confirmed') : t('parameters.terms.toConfirm')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <VersionBadge state={state} />
                      {canWrite && state === 'future' ? (
                        <>
                          <Button size="compact-xs" variant="subtle" onClick={() => onDraft({ key: termKey, from: version, validFrom: version.validFrom })}>
                            {t('common.edit')}
                          </Button>
                          <RemoveVersionButton channel="parameters:removeTerm" id={version.id} label={t('parameters.removeVersionOf', { name: t(`parameters.termKeys.${termKey}`), date: formatDate(version.validFrom) })} />
                        </>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
