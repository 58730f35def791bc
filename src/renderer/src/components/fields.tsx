import {
  MultiSelect,
  NumberInput,
  Select,
  Switch,
  Textarea,
  TextInput,
  type MultiSelectProps,
  type NumberInputProps,
  type SelectProps,
  type SwitchProps,
  type TextareaProps,
  type TextInputProps,
} from "@mantine/core";
import {
  useController,
  type Control,
  type FieldPath,
  type FieldValues,
} from "react-hook-form";

/**
 * Mantine inputs bound to a contract form by path: each shows the field's error and hands the form the value
 * shape the contract wants (null for an emptied optional number, ISO dates), so no screen wires this by hand.
 */
export interface Bound<T extends FieldValues> {
  control: Control<T, unknown, unknown>;
  name: FieldPath<T>;
}

/** The props every text-like input takes from its field: the value (never undefined, so React keeps control) and the error. */
export function useTextBinding<T extends FieldValues>({
  control,
  name,
}: Bound<T>) {
  const { field, fieldState } = useController({ control, name });
  return {
    ...field,
    value: (field.value ?? "") as string,
    error: fieldState.error?.message,
  };
}

export function TextField<T extends FieldValues>({
  control,
  name,
  ...props
}: Bound<T> & Omit<TextInputProps, "value" | "onChange" | "name">) {
  return (
    <TextInput
      autoComplete="off"
      {...props}
      {...useTextBinding({ control, name })}
    />
  );
}

export function TextAreaField<T extends FieldValues>({
  control,
  name,
  ...props
}: Bound<T> & Omit<TextareaProps, "value" | "onChange" | "name">) {
  return (
    <Textarea
      autosize
      minRows={2}
      {...props}
      {...useTextBinding({ control, name })}
    />
  );
}

/** A whole number; emptied, it is null where the contract allows none, otherwise left for the contract to name. */
export function NumberField<T extends FieldValues>({
  control,
  name,
  nullable = false,
  ...props
}: Bound<T> & { nullable?: boolean } & Omit<
    NumberInputProps,
    "value" | "onChange" | "name"
  >) {
  const { field, fieldState } = useController({ control, name });
  const now = typeof field.value === "number" ? field.value : undefined;
  return (
    <NumberInput
      allowDecimal={false}
      allowNegative={false}
      // A count the arrow keys step: announced as a spin button with its bounds.
      role="spinbutton"
      aria-valuemin={typeof props.min === "number" ? props.min : undefined}
      aria-valuemax={typeof props.max === "number" ? props.max : undefined}
      aria-valuenow={now}
      {...props}
      ref={field.ref}
      name={field.name}
      onBlur={field.onBlur}
      value={field.value ?? ""}
      onChange={(value) =>
        field.onChange(
          value === "" ? (nullable ? null : undefined) : Number(value),
        )
      }
      error={fieldState.error?.message}
    />
  );
}

export function SelectField<T extends FieldValues>({
  control,
  name,
  ...props
}: Bound<T> & Omit<SelectProps, "value" | "onChange" | "name">) {
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
      onChange={(value) =>
        field.onChange(value ?? (props.clearable ? null : undefined))
      }
      error={fieldState.error?.message}
    />
  );
}

export function MultiSelectField<T extends FieldValues>({
  control,
  name,
  ...props
}: Bound<T> & Omit<MultiSelectProps, "value" | "onChange" | "name">) {
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

export function SwitchField<T extends FieldValues>({
  control,
  name,
  ...props
}: Bound<T> & Omit<SwitchProps, "checked" | "onChange" | "name">) {
  const { field, fieldState } = useController({ control, name });
  return (
    <Switch
      {...props}
      ref={field.ref}
      name={field.name}
      onBlur={field.onBlur}
      checked={!!field.value}
      onChange={(e) => field.onChange(e.currentTarget.checked)}
      error={fieldState.error?.message}
    />
  );
}
