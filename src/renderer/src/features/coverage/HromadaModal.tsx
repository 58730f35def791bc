import { Button, Group, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { HromadaSetupInputSchema, type HromadaCoverage } from '../../../../shared/domain/coverage';
import { AGREEMENT_KINDS, AGREEMENT_KIND_WORDS } from '../../../../shared/domain/training-codes';
import type { AppError } from '../../../../shared/errors';
import { useChannelMutation } from '../../app/data';
import { useLanguage, wordsIn } from '../../components/code-words';
import { placeServerError, useContractForm } from '../../components/contract-form';
import { DateField } from '../../components/date-fields';
import { asAppError } from '../../components/describe-error';
import { SelectField, TextField } from '../../components/fields';
import { kyivToday } from '../../components/format';
import { RefusalAlert } from '../../components/RefusalAlert';

type Values = z.input<typeof HromadaSetupInputSchema>;

/**
 * What a hromada has of the mechanism: its designated coordinator (who, in what position, since when) and its
 * cooperation memorandum or local programme. Emptied fields clear what was recorded.
 */
export function HromadaModal({ hromada, onClose }: { hromada: HromadaCoverage; onClose(): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [formError, setFormError] = useState<AppError | null>(null);
  const save = useChannelMutation('coverage:saveHromada');
  const [defaultValues] = useState<Values>(() => ({
    code: hromada.code,
    coordinatorName: hromada.coordinator?.name ?? '',
    coordinatorPosition: hromada.coordinator?.position ?? '',
    coordinatorSince: hromada.coordinator?.since ?? null,
    agreementKind: hromada.agreement?.kind ?? null,
    agreementNumber: hromada.agreement?.number ?? '',
    agreementDate: hromada.agreement?.date ?? null,
  }));
  const form = useContractForm(HromadaSetupInputSchema, {
    defaultValues,
    feature: 'coverage',
  });
  const { control } = form;
  const submit = form.handleSubmit(async (given) => {
    setFormError(null);
    try {
      await save.mutateAsync(given);
      onClose();
    } catch (caught) {
      const error = asAppError(caught);
      const placed = placeServerError(form, t, error, 'coverage');
      // The hromada's code has no box of its own: a refusal about it is said above the buttons.
      if (placed.length === 0 || placed.includes('code')) setFormError(error);
    }
  });
  return (
    <Modal opened onClose={onClose} title={t('coverage.form.title', { name: hromada.name })} size="lg">
      <form onSubmit={submit} noValidate data-testid="hromada-form">
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('coverage.form.coordinator')}
          </Text>
          <TextField control={control} name="coordinatorName" label={t('coverage.form.coordinatorName')} data-autofocus />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextField control={control} name="coordinatorPosition" label={t('coverage.form.coordinatorPosition')} />
            <DateField control={control} name="coordinatorSince" label={t('coverage.form.coordinatorSince')} nullable maxDate={kyivToday()} />
          </SimpleGrid>
          <Text size="sm" fw={600} mt="xs">
            {t('coverage.form.agreement')}
          </Text>
          <SelectField
            control={control}
            name="agreementKind"
            label={t('coverage.form.agreementKind')}
            data={AGREEMENT_KINDS.map((value) => ({
              value,
              label: wordsIn(AGREEMENT_KIND_WORDS[value], language),
            }))}
            clearable
            allowDeselect
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextField control={control} name="agreementNumber" label={t('coverage.form.agreementNumber')} />
            <DateField control={control} name="agreementDate" label={t('coverage.form.agreementDate')} nullable maxDate={kyivToday()} />
          </SimpleGrid>
          <RefusalAlert
            error={formError}
            sentence={(e) =>
              typeof e.details.reason === 'string'
                ? t(`coverage.errors.${e.details.reason}`, {
                    defaultValue: '',
                  }) || null
                : null
            }
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
