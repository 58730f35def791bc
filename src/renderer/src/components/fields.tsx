import {
  Group,
  MultiSelect,
  NumberInput,
  Radio,
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
import { useState } from "react";

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

/** Lines of a list (documents received, one per line) from the text a box holds: blank lines are no entries. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * A list of short texts typed one per line in a text box, held in the form as an array. The box keeps what was
 * typed (a new empty line, spaces) while the form holds the lines; a value set from outside replaces the text.
 */
export function LinesField<T extends FieldValues>({
  control,
  name,
  ...props
}: Bound<T> & Omit<TextareaProps, "value" | "onChange" | "name">) {
  const { field, fieldState } = useController({ control, name });
  const lines = Array.isArray(field.value) ? (field.value as string[]) : [];
  const [text, setText] = useState(() => lines.join("\n"));
  // A reset (a save brought the record back, a draft restored) shows its lines; typing that only adds blanks keeps the box.
  const shown = linesOf(text).join("\n") === lines.join("\n") ? text : lines.join("\n");
  const error = fieldState.error?.message ?? firstItemError(fieldState.error);
  return (
    <Textarea
      autosize
      minRows={2}
      {...props}
      ref={field.ref}
      name={field.name}
      onBlur={field.onBlur}
      value={shown}
      onChange={(event) => {
        setText(event.currentTarget.value);
        field.onChange(linesOf(event.currentTarget.value));
      }}
      error={error}
    />
  );
}

/** An array field's error may sit on one of its lines (`documents.2`): the box shows the first. */
function firstItemError(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  for (const value of Object.values(error as Record<string, unknown>)) {
    if (value && typeof value === "object" && typeof (value as { message?: unknown }).message === "string") return (value as { message: string }).message;
  }
  return undefined;
}

/**
 * A yes-or-no question as two radio buttons bound to a boolean: neither is chosen until the user answers, so an
 * answer nobody gave is never saved as «no». The arrow keys move between the two, as in any radio group.
 */
export function YesNoField<T extends FieldValues>({
  control,
  name,
  label,
  yes,
  no,
  required,
  readOnly,
}: Bound<T> & { label: string; yes: string; no: string; required?: boolean; readOnly?: boolean }) {
  const { field, fieldState } = useController({ control, name });
  const value = field.value === true ? "yes" : field.value === false ? "no" : null;
  return (
    <Radio.Group
      label={label}
      required={required}
      value={value}
      onChange={(next) => !readOnly && field.onChange(next === "yes")}
      error={fieldState.error?.message}
      name={field.name}
    >
      <Group gap="lg" mt={6}>
        <Radio value="yes" label={yes} ref={field.ref} onBlur={field.onBlur} disabled={readOnly} />
        <Radio value="no" label={no} onBlur={field.onBlur} disabled={readOnly} />
      </Group>
    </Radio.Group>
  );
}
