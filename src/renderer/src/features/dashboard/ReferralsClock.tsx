import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/domain/dashboard';
import { useNavigation } from '../../app/navigation';
import { formatDate } from '../../components/format';
import { DaysLeft } from '../cases/DaysLeft';

/**
 * «Направлення»: answers and services overdue, those due within the office's warning days, and the nearest rows by
 * code and number, each opening its referral. Case officers only (the section is null for everyone else).
 */
export function ReferralsClock({ clock, days }: { clock: NonNullable<Dashboard['referrals']>; days: number }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const title = t('dashboard.referrals.title');
  return (
    <Card withBorder component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Anchor component="button" type="button" size="sm" onClick={() => open('referrals')}>
          {t('dashboard.referrals.open')}
        </Anchor>
      </Group>
      <Group gap="xl" mb={clock.rows.length ? 'xs' : 0}>
        <Text size="sm" c={clock.overdueAnswers ? 'red' : undefined} fw={clock.overdueAnswers ? 600 : undefined} data-testid="referrals-overdue-answers">
          {t('dashboard.referrals.overdueAnswers', { count: clock.overdueAnswers })}
        </Text>
        <Text size="sm" c={clock.overdueServices ? 'red' : undefined} fw={clock.overdueServices ? 600 : undefined} data-testid="referrals-overdue-services">
          {t('dashboard.referrals.overdueServices', { count: clock.overdueServices })}
        </Text>
        <Text size="sm" c={clock.dueSoon ? 'orange' : undefined} fw={clock.dueSoon ? 600 : undefined} data-testid="referrals-due-soon">
          {t('dashboard.referrals.dueSoon', { count: days, due: clock.dueSoon })}
        </Text>
      </Group>
      {clock.rows.length ? (
        <Table verticalSpacing={4} highlightOnHover aria-label={t('dashboard.referrals.rows')}>
          <Table.Tbody>
            {clock.rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td w={170}>
                  <Anchor
                    component="button"
                    type="button"
                    fw={600}
                    ff="monospace"
                    fz="sm"
                    onClick={() => open('referrals', row.id)}
                    aria-label={t('dashboard.referrals.openRow', { code: row.code, number: row.number })}
                  >
                    {row.code}
                  </Anchor>
                </Table.Td>
                <Table.Td w={90}>{row.number ? t('referrals.numberRef', { number: row.number }) : ''}</Table.Td>
                <Table.Td>{row.toName}</Table.Td>
                <Table.Td>{row.dueKind ? t(`dashboard.referrals.awaited.${row.dueKind}`) : t('common.none')}</Table.Td>
                <Table.Td w={110}>{formatDate(row.dueOn)}</Table.Td>
                <Table.Td w={200}>
                  <DaysLeft daysLeft={row.daysLeft} dueSoonDays={days} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Card>
  );
}
