import { SimpleGrid, Stack } from '@mantine/core';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { IdentificationSchema } from '../../../../shared/domain/referrals';
import { useChannelQuery } from '../../app/data';
import { DateField } from '../../components/date-fields';
import { SelectField } from '../../components/fields';
import { kyivToday } from '../../components/format';
import { organisationOptions } from '../../components/organisation-options';
import { TerritoryPicker } from '../../components/TerritoryPicker';

export type IdentificationInput = z.input<typeof IdentificationSchema>;

/** The contract's identification, and what the window can tell before sending: the day has come. */
export const IdentificationFormSchema = IdentificationSchema.refine((v) => v.identifiedOn <= kyivToday(), { path: ['identifiedOn'], message: 'futureDate' });

/**
 * Who identified a presumed victim, when and where, under `identification.` of the form around it: the date, the
 * organisation from the directory (a closed one only when the record already names it), the КАТОТТГ code.
 */
export function IdentificationInputs({ readOnly = false, autoFocus = false }: { readOnly?: boolean; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const { control } = useFormContext<{ identification: IdentificationInput }>();
  const chosen = useWatch({ control, name: 'identification.identifiedByOrganisationId' });
  const organisations = useChannelQuery('organisations:options', { includeInactive: true });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          control={control}
          name="identification.identifiedOn"
          label={t('persons.identification.identifiedOn')}
          maxDate={kyivToday()}
          required
          readOnly={readOnly}
          data-autofocus={autoFocus || undefined}
        />
        <SelectField
          control={control}
          name="identification.identifiedByOrganisationId"
          label={t('persons.identification.identifiedBy')}
          description={t('persons.identification.identifiedByHint')}
          placeholder={t('persons.identification.identifiedByPlaceholder')}
          nothingFoundMessage={t('persons.identification.noOrganisation')}
          data={organisationOptions(organisations.data ?? [], { activeOnly: true, keep: chosen })}
          searchable
          clearable
          allowDeselect
          readOnly={readOnly}
        />
      </SimpleGrid>
      <TerritoryPicker
        control={control}
        name="identification.identifiedKatottg"
        label={t('persons.identification.katottg')}
        description={t('persons.identification.katottgHint')}
        readOnly={readOnly}
      />
    </Stack>
  );
}
