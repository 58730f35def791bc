import { Alert, Badge, Button, Group, NumberInput, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_SECTIONS, type ReportProfile } from '../../../../shared/reports/report';
import { useChannelMutation, useChannelQuery } from '../../app/data';
import { can, useSession } from '../../app/session-context';
import { useLanguage } from '../../components/code-words';
import { asAppError, describeError } from '../../components/describe-error';
import { formatDate, formatKyivDateTime, kyivToday } from '../../components/format';
import { LoadStatus } from '../../components/LoadStatus';
import { PeriodPicker, lastQuarter, periodName, type PeriodChoice } from './PeriodPicker';
import { ReportCharts } from './ReportCharts';
import { ReportExport } from './ReportExport';
import { ReportTableView } from './ReportTableView';
import { SigningKeyCard } from './SigningKeyCard';

/** The threshold of the publication profile, for the reporting officer. */
function ThresholdForm({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | string>(threshold);
  const save = useChannelMutation('reports:saveOptions');
  useEffect(() => setValue(threshold), [threshold]);
  return (
    <Group align="flex-end" gap="xs">
      <NumberInput label={t('reports.options.threshold')} min={3} max={50} value={value} onChange={setValue} w={200} />
      <Button
        variant="default"
        loading={save.isPending}
        disabled={Number(value) === threshold}
        onClick={() =>
          save.mutateAsync({ threshold: Number(value) }).then(
            () => notifications.show({ color: 'green', message: t('reports.options.saved') }),
            (caught: unknown) => notifications.show({ color: 'red', message: describeError(t, asAppError(caught)) }),
          )
        }
      >
        {t('reports.options.save')}
      </Button>
    </Group>
  );
}

/**
 * The report of a period: the period picker and the profile, the figures by section with their charts and the
 * cells a publication hides, the files and the signed bundle, the key that signs and what already left.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const language = useLanguage();
  const canSign = can(session, 'reports.sign');
  const [choice, setChoice] = useState<PeriodChoice>(() => lastQuarter(kyivToday()));
  const [profile, setProfile] = useState<ReportProfile>('ministry');
  const period = periodName(choice);
  const view = useChannelQuery('reports:get', { period: period ?? '', profile }, { enabled: period !== null });
  const options = useChannelQuery('reports:options', {});
  const data = view.data;
  const report = data?.report;
  const k = options.data?.threshold ?? 5;

  return (
    <Stack>
      <Stack gap={0}>
        <Title order={1} size="h2">
          {t('reports.title')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('reports.subtitle')}
        </Text>
      </Stack>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <PeriodPicker value={choice} onChange={setChoice} />
          <Group align="center" gap="md">
            <SegmentedControl
              aria-label={t('reports.profile.label')}
              value={profile}
              onChange={(p) => setProfile(p as ReportProfile)}
              data={[
                { value: 'ministry', label: t('reports.profile.ministry') },
                { value: 'publication', label: t('reports.profile.publication') },
              ]}
            />
            <Text size="sm" c="dimmed">
              {profile === 'ministry' ? t('reports.profile.ministryHint') : t('reports.profile.publicationHint', { k, max: k - 1 })}
            </Text>
          </Group>
          {canSign && options.data ? <ThresholdForm threshold={options.data.threshold} /> : null}
        </Stack>
      </Paper>
      <LoadStatus query={view} />
      {report && data ? (
        <>
          <Group gap="xs">
            <Badge variant="light">{t('reports.meta.oblast', { name: report.oblast.name })}</Badge>
            <Badge variant="light" color="gray">{`${formatDate(report.period.from)} — ${formatDate(report.period.to)}`}</Badge>
            {report.profile === 'publication' ? (
              <Badge variant="light" color="orange" data-suppressed-count={data.suppressed}>
                {t('reports.meta.suppressed', { count: data.suppressed })}
              </Badge>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">
            {t('reports.meta.computed', { at: formatKyivDateTime(report.computedAt), count: report.data.auditCount, hash: report.data.auditHash.slice(0, 16) })}
          </Text>
          {data.unprotected.length > 0 ? (
            <Alert color="red" variant="light" role="alert">
              {t('reports.unprotected', { tables: [...new Set(data.unprotected.map((c) => report.tables.find((x) => x.name === c.table)?.title[language] ?? c.table))].join('; ') })}
            </Alert>
          ) : null}
          <ReportCharts report={report} />
          {REPORT_SECTIONS.map((section) => {
            const tables = report.tables.filter((x) => x.section === section);
            if (tables.length === 0) return null;
            return (
              <Paper key={section} withBorder p="md" component="section" aria-label={t(`reports.sections.${section}`)}>
                <Stack gap="md">
                  <Title order={2} size="h3">
                    {t(`reports.sections.${section}`)}
                  </Title>
                  {tables.map((x) => (
                    <ReportTableView key={x.name} report={report} table={x} />
                  ))}
                </Stack>
              </Paper>
            );
          })}
          {canSign && period ? (
            <ReportExport period={period} profile={profile} blocked={data.unprotected.length > 0} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('reports.export.noPermission')}
            </Text>
          )}
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('reports.releases.title')}
              </Title>
              {data.releases.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('reports.releases.none')}
                </Text>
              ) : (
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('reports.releases.at')}</Table.Th>
                      <Table.Th>{t('reports.releases.profile')}</Table.Th>
                      <Table.Th>{t('reports.releases.form')}</Table.Th>
                      <Table.Th>{t('reports.releases.by')}</Table.Th>
                      <Table.Th>{t('reports.releases.hash')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.releases.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>{formatKyivDateTime(r.releasedAt)}</Table.Td>
                        <Table.Td>{t(`reports.profile.${r.profile}`)}</Table.Td>
                        <Table.Td>{t(`reports.releases.${r.form}`)}</Table.Td>
                        <Table.Td>{r.releasedBy}</Table.Td>
                        <Table.Td>
                          <Text size="xs" ff="monospace">
                            {r.reportHash.slice(0, 16)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          </Paper>
        </>
      ) : null}
      <SigningKeyCard canSign={canSign} />
    </Stack>
  );
}
