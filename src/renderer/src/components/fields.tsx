import { Checkbox, MultiSelect, NumberInput, Select, Switch, Textarea, TextInput, type MultiSelectProps, type NumberInputProps, type SelectProps, type SwitchProps, type TextareaProps, type TextInputProps } from '@mantine/core';
import { DateInput, TimeInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { isoFromTyped } from './format';

/**
 * Mantine inputs bound to a contract form by path: each shows the field's error and hands the form the value
 * shape the contract wants (null for an emptied optional number, ISO dates), so no screen wires this by hand.
 */
interface Bound<T extends FieldValues> {
  control: Control<T, unknown, unknown>;
  name: FieldPath<T>;
}

export function TextField<T extends FieldValues>({ control, name, ...props }: Bound<T> & Omit<TextInputProps, 'value' | 'onChange' | 'name'>) {
  const { field, fieldState } = useController({ control, name });
  return <TextInput autoComplete="off" {...props} {...field} value={field.value ?? ''} error={fieldState.error?.message} />;
}

export function TextAreaField<T extends FieldValues>({ control, name, ...props }: Bound<T> & Omit<TextareaProps, 'value' | 'onChange' | 'name'>) {
  const { field, fieldState } = useController({ control, name });
  return <Textarea autosize minRows={2} {...props} {...field} value={field.value ?? ''} error={fieldState.error?.message} />;
}

/** A whole number; emptied, it is null where the contract allows none, otherwise left for the contract to name. */
export function NumberField<T extends FieldValues>({ control, name, nullable = false, ...props }: Bound<T> & { nullable?: boolean } & Omit<NumberInputProps, 'value' | 'onChange' | 'name'>) {
  const { field, fieldState } = useController({ control, name });
  const now = typeof field.value === 'number' ? field.value : undefined;
  return (
    <NumberInput
      allowDecimal={false}
      allowNegative={false}
      // A count the arrow keys step: announced as a spin button with its bounds.
      role="spinbutton"
      aria-valuemin={typeof props.min === 'number' ? props.min : undefined}
      aria-valuemax={typeof props.max === 'number' ? props.max : undefined}
      aria-valuenow={now}
      {...props}
      ref={field.ref}
      name={field.name}
      onBlur={field.onBlur}
      value={field.value ?? ''}
      onChange={(value) => field.onChange(value === '' ? (nullable ? null : undefined) : Number(value))}
      error={fieldState.error?.message}
    />
  );
}

export function SelectField<T extends FieldValues>({ control, name, ...props }: Bound<T> & Omit<SelectProps, 'value' | 'onChange' | 'name'>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <Select
      allowDeselect={false}
      comboboxProps={{ withinPortal: true }}
      {...props}
      ref={field.ref}
      name={field.name}
      onBlur={field.onBlur}
      value={field.value ?? null}
      onChange={(value) => field.onChange(value ?? (props.clearable ? null : undefined))}
      error={fieldState.error?.message}
    />
  );
}

export function MultiSelectField<T extends FieldValues>({ control, name, ...props }: Bound<T> & Omit<MultiSelectProps, 'value' | 'onChange' | 'name'>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <MultiSelect
      comboboxProps={{ withinPortal: true }}
      {...props}
      ref={field.ref}
      name={field.name}
      onBlur={field.onBlur}
      value={field.value ?? []}
      onChange={field.onChange}
      error={fieldState.error?.message}
    />
  );
}

/**
 * A calendar date as ДД.ММ.РРРР on screen and YYYY-MM-DD in the form; an empty optional date is null. Text that
 * is no date (31.02.2025) stays in the box and goes to the form as typed, so the contract names the problem
 * instead of the box quietly forgetting it. The calendar opens on a click or Alt+↓, not when Tab passes through:
 * opened on focus it covered the buttons below, and a click meant for «Зберегти» picked a day instead.
 */
export function DateField<T extends FieldValues>({ control, name, nullable = false, ...props }: Bound<T> & { nullable?: boolean } & Omit<DateInputProps, 'value' | 'onChange' | 'name'>) {
  const { field, fieldState } = useController({ control, name });
  const [calendar, setCalendar] = useState(false);
  const empty = nullable ? null : '';
  const value = typeof field.value === 'string' && isoFromTyped(field.value) === field.value ? field.value : null;
  return (
    <DateInput
      valueFormat="DD.MM.YYYY"
      placeholder="ДД.ММ.РРРР"
      dateParser={isoFromTyped}
      clearable={nullable}
      fixOnBlur={false}
      {...props}
      popoverProps={{ ...props.popoverProps, opened: calendar && !props.readOnly }}
      onClick={() => setCalendar(true)}
      onKeyDown={(event) => {
        if (event.key === 'ArrowDown' && event.altKey) setCalendar(true);
        if (event.key === 'Escape' && calendar) {
          // Closes the calendar, not the dialog around it.
          event.stopPropagation();
          setCalendar(false);
        }
      }}
      ref={field.ref}
      name={field.name}
      onBlur={(event) => {
        setCalendar(false);
        // What the box shows is what the form holds: a typed date outside the calendar's bounds too, for the
        // contract to judge, rather than the box keeping an older value under the new text.
        const typed = event.currentTarget.value.trim();
        const parsed = isoFromTyped(typed);
        if (!typed) field.onChange(empty);
        else if (!parsed) field.onChange(typed);
        else if (parsed !== field.value) field.onChange(parsed);
        field.onBlur();
      }}
      value={value}
      onChange={(next) => {
        field.onChange(next ?? empty);
        setCalendar(false);
      }}
      error={fieldState.error?.message}
    />
  );
}

export function TimeField<T extends FieldValues>({ control, name, ...props }: Bound<T> & Omit<TextInputProps, 'value' | 'onChange' | 'name'>) {
  const { field, fieldState } = useController({ control, name });
  return <TimeInput {...props} {...field} value={field.value ?? ''} error={fieldState.error?.message} />;
}

export function SwitchField<T extends FieldValues>({ control, name, ...props }: Bound<T> & Omit<SwitchProps, 'checked' | 'onChange' | 'name'>) {
  const { field, fieldState } = useController({ control, name });
  return <Switch {...props} ref={field.ref} name={field.name} onBlur={field.onBlur} checked={!!field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} error={fieldState.error?.message} />;
}

export function CheckboxField<T extends FieldValues>({ control, name, ...props }: Bound<T> & { label: string; description?: string; disabled?: boolean }) {
  const { field } = useController({ control, name });
  return <Checkbox {...props} ref={field.ref} name={field.name} onBlur={field.onBlur} checked={!!field.value} onChange={(e) => field.onChange(e.currentTarget.checked)} />;
}
