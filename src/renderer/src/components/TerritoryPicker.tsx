import { Group, Loader, Select, Stack, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useController, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Territory } from '../../../shared/domain/territories';
import { useChannelQuery } from '../app/data';
import type { Bound } from './fields';
import { territoryPath } from './territory-words';

/** Two letters narrow 31,748 units to a list worth reading; a code is searched from «UA» on. */
const MIN_TEXT = 2;

/**
 * A КАТОТТГ field: the user types a name or a code, the main process searches the codifier (the store's oblast
 * first), and each option says where the place is, so the two Андріївкаs of one oblast are told apart. The form
 * holds the code; `onChoose` hands the chosen unit to a form that also keeps its name.
 */
export function TerritoryPicker<T extends FieldValues>({
  control,
  name,
  onChoose,
  readOnly,
  ...props
}: Bound<T> & { onChoose?: (unit: Territory | null, label: string) => void } & Omit<SelectProps, 'value' | 'onChange' | 'name' | 'data'>) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  const code = (field.value ?? '') as string;
  const [search, setSearch] = useState('');
  const current = useChannelQuery('territories:get', { codes: [code] }, { enabled: code !== '' });
  const chosen = code ? current.data?.find((u) => u.code === code) : undefined;
  const chosenLabel = chosen ? territoryPath(t, chosen) : code;
  // The chosen unit's own label in the box is not a search: it would find nothing and hide the choice.
  const typed = search.trim() === chosenLabel ? '' : search.trim();
  const [text] = useDebouncedValue(typed, 250);
  const found = useChannelQuery('territories:search', { text, limit: 30 }, { enabled: !readOnly && text.length >= MIN_TEXT });
  const searched = text.length >= MIN_TEXT;

  const units = useMemo(() => {
    const all = new Map<string, Territory>();
    if (chosen) all.set(chosen.code, chosen);
    for (const unit of searched ? (found.data ?? []) : []) all.set(unit.code, unit);
    return all;
  }, [chosen, searched, found.data]);
  const data = useMemo(() => {
    const options = [...units.values()].map((u) => ({ value: u.code, label: territoryPath(t, u) }));
    // A stored code the codifier does not know (a record from before validation) still shows, as its code.
    if (code && !units.has(code)) options.unshift({ value: code, label: code });
    return options;
  }, [units, code, t]);

  const dropped = chosen?.droppedIn ? t('territories.picker.dropped', { edition: chosen.droppedIn }) : null;
  return (
    <Select
      comboboxProps={{ withinPortal: true }}
      placeholder={t('territories.picker.placeholder')}
      {...props}
      description={
        code || dropped ? (
          <Stack gap={0} component="span">
            {props.description ? <span>{props.description}</span> : null}
            <Text span size="xs" ff="monospace">
              {code}
              {dropped ? ` — ${dropped}` : ''}
            </Text>
          </Stack>
        ) : (
          props.description
        )
      }
      ref={field.ref}
      name={field.name}
      onBlur={field.onBlur}
      value={code || null}
      onChange={(value) => {
        field.onChange(value ?? '');
        const unit = value ? (units.get(value) ?? null) : null;
        onChoose?.(unit, unit ? territoryPath(t, unit) : '');
      }}
      data={data}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The main process has matched already (by name, apostrophes and case aside, or by code): show what it found.
      filter={({ options }) => options}
      renderOption={({ option }) => (
        <Group gap="xs" wrap="nowrap" justify="space-between" w="100%">
          <Text size="sm">{option.label}</Text>
          <Text size="xs" c="dimmed" ff="monospace">
            {option.value}
          </Text>
        </Group>
      )}
      nothingFoundMessage={searched && !found.isFetching ? t('territories.picker.nothingFound') : undefined}
      rightSection={found.isFetching ? <Loader size="xs" aria-label={t('territories.picker.searching')} /> : undefined}
      clearable={!readOnly}
      readOnly={readOnly}
      spellCheck={false}
      error={fieldState.error?.message}
    />
  );
}
