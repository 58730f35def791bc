import { Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecidingBodyInputSchema, type Parameters } from '../../../../shared/domain/parameters';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { DateField } from '../../components/date-fields';
import { asAppError } from '../../components/describe-error';
import { FormActions } from '../../components/FormActions';
import { TextField } from '../../components/fields';
import { formatDate } from '../../components/format';
import { ParameterErrorAlert } from './ParameterErrorAlert';
import { RemoveVersionButton } from './RemoveVersionButton';
import { VersionBadge } from './VersionBadge';
import { newestFirst, versionStates } from './versions';

/**
 * Who decides on status, by date (the Ministry until 2021, the National Social Service since): a file forwarded on
 * a day goes to the body then in force, and the case keeps its name.
 */
export function DecidingBodiesSection({ parameters, canWrite }: { parameters: Parameters; canWrite: boolean }) {
  const { t } = useTranslation();
  const states = versionStates(parameters.decidingBodies, parameters.today);
  return (
    <Stack gap="md">
      <Table verticalSpacing={4} withTableBorder aria-label={t('parameters.bodies.tableLabel')} layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>{t('parameters.validFrom')}</Table.Th>
            <Table.Th>{t('parameters.bodies.name')}</Table.Th>
            <Table.Th w={canWrite ? 190 : 110}>{t('parameters.versionState')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {newestFirst(parameters.decidingBodies).map((body) => {
            const state = states.get(body.id)!;
            return (
              <Table.Tr key={body.id}>
                <Table.Td>{formatDate(body.validFrom)}</Table.Td>
                <Table.Td>{body.name}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <VersionBadge state={state} />
                    {canWrite && state === 'future' ? (
                      <RemoveVersionButton channel="parameters:removeDecidingBody" id={body.id} label={t('parameters.removeVersionOf', { name: body.name, date: formatDate(body.validFrom) })} />
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {canWrite ? (
        <Card withBorder padding="sm" component="section" aria-labelledby="body-form-title" maw={720}>
          <Title order={2} size="h5" id="body-form-title" mb={6}>
            {t('parameters.bodies.add')}
          </Title>
          <Text size="sm" c="dimmed" mb="xs">
            {t('parameters.bodies.addHint')}
          </Text>
          <BodyForm today={parameters.today} />
        </Card>
      ) : null}
    </Stack>
  );
}

function BodyForm({ today }: { today: string }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('parameters:saveDecidingBody', { invalidates: ['cases'] });
  const form = useContractForm(DecidingBodyInputSchema, { feature: 'parameters', defaultValues: { name: '', validFrom: today } });
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync(values);
      notifications.show({ color: 'green', message: t('parameters.bodies.saved', { date: formatDate(values.validFrom) }) });
      form.reset({ name: '', validFrom: today });
    } catch (caught) {
      const error = asAppError(caught);
      if (placeServerError(form, t, error, 'parameters').length === 0) setFormError(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <Group grow align="flex-start">
          <TextField control={form.control} name="name" label={t('parameters.bodies.name')} required style={{ flexGrow: 3 }} />
          <DateField control={form.control} name="validFrom" label={t('parameters.validFrom')} required minDate={today} />
        </Group>
        <ParameterErrorAlert error={formError} />
        <FormActions error={null} submit={t('common.add')} loading={save.isPending} />
      </Stack>
    </form>
  );
}
