import { Checkbox, Group, Radio, Stack, type CheckboxGroupProps, type RadioGroupProps } from '@mantine/core';
import { useController, type FieldValues } from 'react-hook-form';
import type { Bound } from './fields';

type Choice = { value: string; label: string; description?: string };

/** A few choices of which several may be taken, as checkboxes bound to an array (Space ticks, Tab moves on). */
export function CheckboxGroupField<T extends FieldValues>({
  control,
  name,
  data,
  ...props
}: Bound<T> & { data: Choice[] } & Omit<CheckboxGroupProps, 'value' | 'onChange' | 'name' | 'children'>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <Checkbox.Group {...props} value={(field.value ?? []) as string[]} onChange={field.onChange} error={fieldState.error?.message}>
      <Stack gap={6} mt={6}>
        {data.map((choice, i) => (
          <Checkbox key={choice.value} value={choice.value} label={choice.label} description={choice.description} ref={i === 0 ? field.ref : undefined} onBlur={field.onBlur} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** One of a few choices, all in view, as radio buttons (the arrow keys move between them). */
export function RadioGroupField<T extends FieldValues>({
  control,
  name,
  data,
  ...props
}: Bound<T> & { data: Choice[] } & Omit<RadioGroupProps, 'value' | 'onChange' | 'name' | 'children'>) {
  const { field, fieldState } = useController({ control, name });
  return (
    <Radio.Group {...props} name={field.name} value={(field.value ?? null) as string | null} onChange={field.onChange} error={fieldState.error?.message}>
      <Group gap="lg" mt={6}>
        {data.map((choice, i) => (
          <Radio key={choice.value} value={choice.value} label={choice.label} ref={i === 0 ? field.ref : undefined} onBlur={field.onBlur} />
        ))}
      </Group>
    </Radio.Group>
  );
}
