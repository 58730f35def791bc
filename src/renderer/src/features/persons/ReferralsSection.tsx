import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CASE_OPTIONS } from '../../../../shared/domain/parameters';
import { REFERRAL_STATE_WORDS } from '../../../../shared/domain/referral-codes';
import type { PersonFile, ReferralSummary } from '../../../../shared/domain/referrals';
import { useChannelQuery } from '../../app/data';
import { useNavigation } from '../../app/navigation';
import { NO_SHRINK } from '../../components/badge-styles';
import { useLanguage, wordsIn } from '../../components/code-words';
import { DataTable } from '../../components/DataTable';
import { formatDate } from '../../components/format';
import { DaysLeft } from '../cases/DaysLeft';
import { FileSection } from './FileSection';
import { newReferralRoute } from './person-route';
import { servicesText } from './person-labels';

const column = createColumnHelper<ReferralSummary>();

/** The person's referrals (number, recipient, needs, state, what is due); each opens on the referrals page, as does «Нове направлення». */
export function ReferralsSection({ file, canWrite }: { file: PersonFile; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { open } = useNavigation();
  const parameters = useChannelQuery('parameters:get', {});
  const dueSoonDays = parameters.data?.options.dueSoonDays ?? DEFAULT_CASE_OPTIONS.dueSoonDays;

  const columns = useMemo(
    () => [
      column.accessor('number', {
        header: t('persons.referrals.number'),
        cell: (c) => (
          <Text size="sm" fw={600} c={c.getValue() ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
            {c.getValue() || t('persons.referrals.draft')}
          </Text>
        ),
      }),
      column.accessor('toName', { header: t('persons.referrals.recipient'), cell: (c) => <Text size="sm">{c.getValue()}</Text> }),
      column.accessor('needs', { header: t('persons.referrals.needs'), cell: (c) => <Text size="sm">{servicesText(c.getValue(), language)}</Text> }),
      column.accessor('state', {
        header: t('persons.referrals.state'),
        cell: (c) => (
          <Group gap={4}>
            <Badge variant="light" tt="none" styles={NO_SHRINK}>
              {wordsIn(REFERRAL_STATE_WORDS[c.getValue()], language)}
            </Badge>
            {c.row.original.consentRevoked ? (
              <Badge color="red" variant="outline" tt="none" size="sm" styles={NO_SHRINK}>
                {t('persons.referrals.consentRevoked')}
              </Badge>
            ) : null}
          </Group>
        ),
      }),
      column.display({
        id: 'due',
        header: t('persons.referrals.due'),
        cell: (c) => {
          const { dueKind, dueOn, daysLeft } = c.row.original;
          if (!dueKind || !dueOn) return <Text size="sm" c="dimmed">{t('common.none')}</Text>;
          return (
            <Stack gap={0}>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {t(`persons.referrals.dueKinds.${dueKind}`, { date: formatDate(dueOn) })}
              </Text>
              <DaysLeft daysLeft={daysLeft} dueSoonDays={dueSoonDays} size="xs" />
            </Stack>
          );
        },
      }),
    ],
    [t, language, dueSoonDays],
  );

  return (
    <FileSection
      title={t('persons.referrals.title')}
      actions={canWrite ? <Button size="sm" onClick={() => open('referrals', newReferralRoute(file.id))}>{t('persons.referrals.new')}</Button> : null}
    >
      <DataTable
        data={file.referrals}
        columns={columns}
        empty={t('persons.referrals.empty')}
        rowKey={(r) => r.id}
        label={t('persons.referrals.title')}
        onOpen={(r) => open('referrals', r.id)}
      />
    </FileSection>
  );
}
