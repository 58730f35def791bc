import { Button, Card, Grid, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Calendar } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DayOffSchema, type Parameters } from '../../../../shared/domain/parameters';
import type { AppError } from '../../../../shared/errors';
import { isWeekend } from '../../../../shared/terms';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { DateField } from '../../components/date-fields';
import { asAppError, describeError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { TextField } from '../../components/fields';
import { formatDate } from '../../components/format';
import { ParameterErrorAlert } from './ParameterErrorAlert';

/**
 * The office's days off beyond weekends: working-day terms skip them, and a term ending on one moves to the next
 * working day when the options say so. Under martial law the holidays are no days off; the office decides what is.
 * The calendar shows them; a click on a day puts it in the form.
 */
export function DaysOffSection({ parameters, canWrite }: { parameters: Parameters; canWrite: boolean }) {
  const { t } = useTranslation();
  const thisYear = parameters.today.slice(0, 4);
  const [year, setYear] = useState(thisYear);
  const [picked, setPicked] = useState<{ date: string; name: string } | null>(null);
  const byDate = useMemo(() => new Map(parameters.daysOff.map((d) => [d.date, d.name])), [parameters.daysOff]);
  const years = [...new Set([thisYear, String(Number(thisYear) + 1), ...parameters.daysOff.map((d) => d.date.slice(0, 4))])].sort().reverse();
  const ofYear = parameters.daysOff.filter((d) => d.date.startsWith(year));
  const remove = useChannelMutation('parameters:removeDayOff', { invalidates: ['cases', 'dashboard'] });

  return (
    <Grid gutter="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <Calendar
            aria-label={t('parameters.daysOff.calendar')}
            ariaLabels={{
              previousMonth: t('calendar.previousMonth'),
              nextMonth: t('calendar.nextMonth'),
              previousYear: t('calendar.previousYear'),
              nextYear: t('calendar.nextYear'),
              previousDecade: t('calendar.previousDecade'),
              nextDecade: t('calendar.nextDecade'),
            }}
            defaultDate={parameters.today}
            classNames={{ day: 'zlagoda-calendar-day' }}
            getDayProps={(date) => ({
              selected: byDate.has(date),
              title: byDate.get(date) ?? (isWeekend(date) ? t('parameters.daysOff.weekend') : undefined),
              onClick: () => canWrite && setPicked({ date, name: byDate.get(date) ?? '' }),
            })}
          />
          {canWrite ? (
            <Card withBorder padding="sm" component="section" aria-labelledby="day-off-form-title">
              <Title order={3} size="h5" id="day-off-form-title" mb={6}>
                {t('parameters.daysOff.add')}
              </Title>
              <DayOffForm key={picked?.date ?? 'new'} initial={picked} />
            </Card>
          ) : null}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="xs">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {t('parameters.daysOff.intro')}
            </Text>
            <Select aria-label={t('parameters.daysOff.year')} data={years} value={year} onChange={(value) => value && setYear(value)} allowDeselect={false} w={110} />
          </Group>
          <Table verticalSpacing={4} aria-label={t('parameters.daysOff.tableLabel', { year })} withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={120}>{t('parameters.daysOff.date')}</Table.Th>
                <Table.Th>{t('parameters.daysOff.name')}</Table.Th>
                {canWrite ? <Table.Th w={110}>{t('common.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ofYear.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={canWrite ? 3 : 2}>
                    <Text size="sm" c="dimmed" ta="center">
                      {t('parameters.daysOff.none', { year })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : (
                ofYear.map((day) => (
                  <Table.Tr key={day.date}>
                    <Table.Td>{formatDate(day.date)}</Table.Td>
                    <Table.Td>{day.name}</Table.Td>
                    {canWrite ? (
                      <Table.Td>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={t('parameters.daysOff.removeNamed', { date: formatDate(day.date) })}
                          onClick={async () => {
                            try {
                              await remove.mutateAsync({ date: day.date });
                              notifications.show({ color: 'green', message: t('parameters.daysOff.removed', { date: formatDate(day.date) }) });
                            } catch (caught) {
                              notifications.show({ color: 'red', message: describeError(t, asAppError(caught)) });
                            }
                          }}
                        >
                          {t('common.remove')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))
              )}
            </Table.Tbody>
          </Table>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

function DayOffForm({ initial }: { initial: { date: string; name: string } | null }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('parameters:saveDayOff', { invalidates: ['cases', 'dashboard'] });
  const form = useContractForm(DayOffSchema, { feature: 'parameters', defaultValues: { date: initial?.date ?? '', name: initial?.name ?? '' } });
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync(values);
      notifications.show({ color: 'green', message: t('parameters.daysOff.saved', { date: formatDate(values.date) }) });
      form.reset({ date: '', name: '' });
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'parameters').length === 0) setFormError(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <DateField control={form.control} name="date" label={t('parameters.daysOff.date')} required />
          <TextField control={form.control} name="name" label={t('parameters.daysOff.name')} placeholder={t('parameters.daysOff.namePlaceholder')} required />
        </Group>
        <ParameterErrorAlert error={formError} />
        <FormActions error={null} submit={initial?.name ? t('common.save') : t('common.add')} loading={save.isPending} />
      </Stack>
    </form>
  );
}
