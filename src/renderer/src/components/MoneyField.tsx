import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { useController, type FieldValues } from 'react-hook-form';
import type { Bound } from './fields';
import { formatUah, kopFromTyped } from './money';

/**
 * An amount typed in hryvnias («3028», «3 028,00») and held in the form as whole kopiyky, the contract's unit. Text
 * that is no amount goes to the form as typed, so the contract names the problem rather than the box dropping it.
 */
export function MoneyField<T extends FieldValues>({ control, name, ...props }: Bound<T> & Omit<TextInputProps, 'value' | 'onChange' | 'name'>) {
  const { field, fieldState } = useController({ control, name });
  const held = typeof field.value === 'number' ? formatUah(field.value) : typeof field.value === 'string' ? field.value : '';
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      {...props}
      ref={field.ref}
      name={field.name}
      value={typed ?? held}
      onChange={(event) => {
        const text = event.currentTarget.value;
        setTyped(text);
        const kop = kopFromTyped(text);
        field.onChange(kop ?? (text.trim() ? text : undefined));
      }}
      onBlur={() => {
        // Once left, the box shows the amount as it will be saved: «3 028,00».
        setTyped(null);
        field.onBlur();
      }}
      error={fieldState.error?.message}
    />
  );
}
