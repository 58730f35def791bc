import { Alert, Anchor, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COVERAGE_GAPS, type CoverageGap, type HromadaCoverage, type RaionCoverage } from '../../../../shared/domain/coverage';
import { AGREEMENT_KIND_WORDS, PREVENTION_KIND_WORDS } from '../../../../shared/domain/training-codes';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { can, useSession } from '../../app/session-context';
import { BarChart } from '../../components/BarChart';
import { useLanguage, wordsIn } from '../../components/code-words';
import { asAppError, describeError } from '../../components/describe-error';
import { formatDate } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { saveFile } from '../../components/save-file';
import { territoryName } from '../../components/territory-words';
import { HromadaModal } from './HromadaModal';

/** «Кременчуцький район», as people say it; the codifier keeps the bare name. */
function raionName(t: TFunction, raion: { code: string; name: string }): string {
  return territoryName(t, { code: raion.code, category: 'P', name: raion.name });
}

/**
 * Every raion and hromada of the store's oblast: whether the hromada has a coordinator of the mechanism and a
 * memorandum or local programme, and when it last had a training and a prevention event. The chart shows the raions
 * side by side; the filters leave the hromadas that lack what is asked («no training in 12 months»).
 */
export function CoveragePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const { open } = useNavigation();
  const [raion, setRaion] = useState('');
  const [gaps, setGaps] = useState<CoverageGap[]>([]);
  const [editing, setEditing] = useState<HromadaCoverage | null>(null);
  const coverage = useChannelQuery('coverage:get', { raion, gaps });
  const exporter = useChannelMutation('coverage:export', {
    invalidates: 'nothing',
  });
  const canWrite = can(session, 'trainings.write');
  const data = coverage.data;

  const download = async () => {
    try {
      saveFile(await exporter.mutateAsync({ raion, gaps }));
    } catch (caught) {
      notifications.show({
        color: 'red',
        message: describeError(t, asAppError(caught)),
      });
    }
  };

  if (data && !data.oblast) {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('coverage.title')}
        </Title>
        <Alert color="orange" variant="light">
          <Stack gap="xs">
            <Text size="sm">{t('coverage.noOblast')}</Text>
            {can(session, 'settings.write') ? (
              <Anchor component="button" type="button" size="sm" onClick={() => open('settings')} style={{ alignSelf: 'flex-start' }}>
                {t('coverage.toSettings')}
              </Anchor>
            ) : null}
          </Stack>
        </Alert>
      </Stack>
    );
  }

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={0}>
          <Title order={1} size="h2">
            {t('coverage.title')}
          </Title>
          {data?.oblast ? (
            <Text size="sm" c="dimmed">
              {t('coverage.subtitle', {
                oblast: territoryName(t, { code: data.oblast.code, category: 'O', name: data.oblast.name }),
                date: formatDate(data.asOf),
                since: formatDate(data.since),
              })}
            </Text>
          ) : null}
        </Stack>
        {canWrite ? (
          <Button variant="default" onClick={() => void download()} loading={exporter.isPending}>
            {t('coverage.export')}
          </Button>
        ) : null}
      </Group>
      <LoadStatus query={coverage} />
      {coverage.error && (raion || gaps.length) ? (
        <Button
          variant="default"
          style={{ alignSelf: 'flex-start' }}
          onClick={() => {
            setRaion('');
            setGaps([]);
          }}
        >
          {t('coverage.resetFilters')}
        </Button>
      ) : null}
      {data ? (
        <>
          <RaionChart raions={data.raions} />
          <Paper withBorder p="sm">
            <Group align="flex-end" gap="lg">
              <Select
                label={t('coverage.raion')}
                data={data.raions.map((r) => ({
                  value: r.code,
                  label: raionName(t, r),
                }))}
                value={raion || null}
                onChange={(v) => setRaion(v ?? '')}
                clearable
                placeholder={t('coverage.allRaions')}
                w={280}
              />
              <Checkbox.Group label={t('coverage.gapsLabel')} value={gaps} onChange={(v) => setGaps(v as CoverageGap[])}>
                <Group gap="md" mt={6}>
                  {COVERAGE_GAPS.map((gap) => (
                    <Checkbox key={gap} value={gap} label={t(`coverage.gaps.${gap}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
            </Group>
          </Paper>
          <Text size="sm" role="status" aria-live="polite">
            {t('coverage.shown', {
              count: data.hromadas.length,
              total: data.total,
            })}
          </Text>
          <HromadaTable hromadas={data.hromadas} raions={data.raions} canWrite={canWrite} onEdit={setEditing} onTraining={(id) => open('trainings', id)} />
        </>
      ) : null}
      {editing ? <HromadaModal hromada={editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}

function RaionChart({ raions }: { raions: RaionCoverage[] }) {
  const { t } = useTranslation();
  const categories = useMemo(() => raions.map((r) => raionName(t, r)), [raions, t]);
  const series = useMemo(
    () => [
      {
        name: t('coverage.series.hromadas'),
        values: raions.map((r) => r.hromadas),
        color: '#adb5bd',
      },
      {
        name: t('coverage.series.coordinator'),
        values: raions.map((r) => r.withCoordinator),
        color: '#1c7ed6',
      },
      {
        name: t('coverage.series.agreement'),
        values: raions.map((r) => r.withAgreement),
        color: '#7048e8',
      },
      {
        name: t('coverage.series.training'),
        values: raions.map((r) => r.trainedRecently),
        color: '#0ca678',
      },
      {
        name: t('coverage.series.event'),
        values: raions.map((r) => r.eventRecently),
        color: '#f08c00',
      },
    ],
    [raions, t],
  );
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('coverage.chartTitle')}
        </Text>
        <BarChart categories={categories} series={series} label={t('coverage.chartTitle')} />
        <Table withTableBorder verticalSpacing={2} fz="xs" aria-label={t('coverage.raionTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('coverage.raion')}</Table.Th>
              {series.map((s) => (
                <Table.Th key={s.name}>{s.name}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {raions.map((r, i) => (
              <Table.Tr key={r.code}>
                <Table.Td>{raionName(t, r)}</Table.Td>
                {series.map((s) => (
                  <Table.Td key={s.name}>{s.values[i]}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

function HromadaTable({
  hromadas,
  raions,
  canWrite,
  onEdit,
  onTraining,
}: {
  hromadas: HromadaCoverage[];
  raions: RaionCoverage[];
  canWrite: boolean;
  onEdit(h: HromadaCoverage): void;
  onTraining(id: string): void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const raionNames = new Map(raions.map((r) => [r.code, raionName(t, r)]));
  const missing = (
    <Text size="sm" c="red">
      {t('coverage.missing')}
    </Text>
  );
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped withTableBorder verticalSpacing="xs" aria-label={t('coverage.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('coverage.columns.hromada')}</Table.Th>
            <Table.Th>{t('coverage.columns.coordinator')}</Table.Th>
            <Table.Th>{t('coverage.columns.agreement')}</Table.Th>
            <Table.Th>{t('coverage.columns.training')}</Table.Th>
            <Table.Th>{t('coverage.columns.event')}</Table.Th>
            <Table.Th>{t('coverage.columns.trained')}</Table.Th>
            {canWrite ? <Table.Th /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {hromadas.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={canWrite ? 7 : 6}>
                <Text c="dimmed" size="sm" ta="center" py="sm">
                  {t('coverage.nothing')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ) : null}
          {hromadas.map((h) => (
            <Table.Tr key={h.code} data-code={h.code}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {t('territories.named.H', { name: h.name })}
                </Text>
                <Text size="xs" c="dimmed">
                  {raionNames.get(h.raionCode) ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                {h.coordinator ? (
                  <>
                    <Text size="sm">{h.coordinator.name}</Text>
                    <Text size="xs" c="dimmed">
                      {[
                        h.coordinator.position,
                        h.coordinator.since
                          ? t('coverage.since', {
                              date: formatDate(h.coordinator.since),
                            })
                          : '',
                      ]
                        .filter(Boolean)
                        .join(', ')}
                    </Text>
                  </>
                ) : (
                  missing
                )}
              </Table.Td>
              <Table.Td>
                {h.agreement ? (
                  <Text size="sm">
                    {wordsIn(AGREEMENT_KIND_WORDS[h.agreement.kind], language)} {h.agreement.number ? `№ ${h.agreement.number}` : ''}{' '}
                    {t('coverage.of', { date: formatDate(h.agreement.date) })}
                  </Text>
                ) : (
                  missing
                )}
              </Table.Td>
              <Table.Td>
                {h.lastTraining ? (
                  <>
                    <Text size="sm">{formatDate(h.lastTraining.date)}</Text>
                    <Anchor component="button" type="button" size="xs" onClick={() => onTraining(h.lastTraining!.id)} ta="left">
                      {h.lastTraining.title}
                    </Anchor>
                  </>
                ) : (
                  <Text size="sm" c="red">
                    {t('coverage.never')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {h.lastEvent ? (
                  <>
                    <Text size="sm">{formatDate(h.lastEvent.date)}</Text>
                    <Text size="xs" c="dimmed">
                      {wordsIn(PREVENTION_KIND_WORDS[h.lastEvent.kind], language)}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="red">
                    {t('coverage.never')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{h.trainedRecently}</Table.Td>
              {canWrite ? (
                <Table.Td>
                  <Button size="xs" variant="subtle" onClick={() => onEdit(h)} aria-label={t('coverage.editNamed', { name: h.name })}>
                    {t('coverage.edit')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
