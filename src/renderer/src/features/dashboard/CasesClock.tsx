import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/domain/dashboard';
import { useNavigation } from '../../app/navigation';
import { formatDate } from '../../components/format';
import { DaysLeft } from '../cases/DaysLeft';

/**
 * «Процедура встановлення статусу»: how many steps fall due within the office's warning days and how many are late.
 * A case officer also sees the nearest ones by code, each opening its card; an analyst sees the overdue count only.
 */
export function CasesClock({ clock }: { clock: NonNullable<Dashboard['cases']> }) {
  const { t } = useTranslation();
  const { open } = useNavigation();
  const title = t('dashboard.cases.title');
  if (clock.dueSoon === null) {
    return (
      <Card withBorder component="section" aria-label={title}>
        <Title order={2} size="h4" mb="xs">
          {title}
        </Title>
        <Text size="sm" c={clock.overdue ? 'red' : undefined} data-testid="cases-overdue">
          {t('dashboard.cases.overdueSteps', { count: clock.overdue })}
        </Text>
      </Card>
    );
  }
  return (
    <Card withBorder component="section" aria-label={title}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Anchor component="button" type="button" size="sm" onClick={() => open('cases')}>
          {t('dashboard.cases.open')}
        </Anchor>
      </Group>
      <Group gap="xl" mb={clock.rows.length ? 'xs' : 0}>
        <Text size="sm" c={clock.dueSoon ? 'orange' : undefined} fw={clock.dueSoon ? 600 : undefined} data-testid="cases-due-soon">
          {t('dashboard.cases.dueSoon', { count: clock.days, due: clock.dueSoon })}
        </Text>
        <Text size="sm" c={clock.overdue ? 'red' : undefined} fw={clock.overdue ? 600 : undefined} data-testid="cases-overdue">
          {t('dashboard.cases.overdue', { count: clock.overdue })}
        </Text>
      </Group>
      {clock.rows.length ? (
        <Table verticalSpacing={4} highlightOnHover aria-label={t('dashboard.cases.rows')}>
          <Table.Tbody>
            {clock.rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td w={170}>
                  <Anchor component="button" type="button" fw={600} ff="monospace" fz="sm" onClick={() => open('cases', row.id)}>
                    {row.code}
                  </Anchor>
                </Table.Td>
                <Table.Td>{row.nextStep ? t(`cases.steps.${row.nextStep}`) : t('common.none')}</Table.Td>
                <Table.Td w={120}>{formatDate(row.dueOn)}</Table.Td>
                <Table.Td w={200}>
                  <DaysLeft daysLeft={row.daysLeft} dueSoonDays={clock.days} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Card>
  );
}
