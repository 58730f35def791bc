import { Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ImportRow, Training } from '../../../../shared/domain/trainings';
import { useChannelQuery } from '../../app/data';
import { SelectField, TextField } from '../../components/fields';
import { organisationOptions } from '../../components/organisation-options';
import { TerritoryPicker } from '../../components/TerritoryPicker';

interface FixValues {
  surname: string;
  name: string;
  patronymic: string;
  position: string;
  organisationId: string | null;
  territoryCode: string;
  hours: string;
  attendance: string;
}

/**
 * One row of the sheet put right before the import: the names retyped, the organisation chosen from the directory
 * and the place from the codifier where the sheet's words found none or several. The sheet stays as it was.
 */
export function FixRowModal({ training, row, onClose, onApply }: { training: Training; row: ImportRow; onClose(): void; onApply(change: Partial<ImportRow>): void }) {
  const { t } = useTranslation();
  const organisations = useChannelQuery('organisations:options', {
    includeInactive: false,
  });
  const form = useForm<FixValues>({
    defaultValues: {
      surname: row.surname ?? '',
      name: row.name ?? '',
      patronymic: row.patronymic ?? '',
      position: row.position ?? '',
      organisationId: row.organisationId ?? null,
      territoryCode: row.territoryCode ?? '',
      hours: row.hours ?? '',
      attendance: row.attendance ?? '',
    },
  });
  const { control } = form;
  const apply = form.handleSubmit((v) => {
    const renamed = v.surname.trim() !== (row.surname ?? '') || v.name.trim() !== (row.name ?? '') || v.patronymic.trim() !== (row.patronymic ?? '');
    onApply({
      surname: v.surname.trim(),
      name: v.name.trim(),
      patronymic: v.patronymic.trim(),
      position: v.position.trim(),
      organisationId: v.organisationId,
      // Once chosen from the directory or the codifier, the sheet's words are no longer what is read.
      ...(v.organisationId ? { organisation: '' } : {}),
      territoryCode: v.territoryCode ? v.territoryCode : null,
      ...(v.territoryCode ? { territory: '' } : {}),
      hours: v.hours.trim(),
      attendance: v.attendance.trim(),
      // Other names, other people trained before: the choice made for the old names is asked again.
      ...(renamed ? { match: undefined } : {}),
      skip: false,
    });
  });
  return (
    <Modal opened onClose={onClose} title={t('trainings.import.fixTitle', { row: row.row })} size="xl">
      <form onSubmit={apply} noValidate data-testid="fix-row-form">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextField control={control} name="surname" label={t('trainings.participant.surname')} data-autofocus />
            <TextField control={control} name="name" label={t('trainings.participant.name')} />
            <TextField control={control} name="patronymic" label={t('trainings.participant.patronymic')} />
          </SimpleGrid>
          <TextField control={control} name="position" label={t('trainings.participant.position')} />
          {row.organisation ? (
            <Text size="xs" c="dimmed">
              {t('trainings.import.inSheet', { text: row.organisation })}
            </Text>
          ) : null}
          <SelectField
            control={control}
            name="organisationId"
            label={t('trainings.participant.organisation')}
            description={t('trainings.import.organisationHint')}
            data={organisationOptions(organisations.data ?? [], {
              activeOnly: true,
            })}
            searchable
            clearable
          />
          {row.territory ? (
            <Text size="xs" c="dimmed">
              {t('trainings.import.inSheet', { text: row.territory })}
            </Text>
          ) : null}
          <TerritoryPicker control={control} name="territoryCode" label={t('trainings.participant.territory')} description={t('trainings.import.territoryHint')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextField
              control={control}
              name="hours"
              label={t('trainings.participant.hours', {
                hours: training.hours,
              })}
            />
            <TextField control={control} name="attendance" label={t('trainings.participant.attendance')} description={t('trainings.import.attendanceHint')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit">{t('trainings.import.applyFix')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
