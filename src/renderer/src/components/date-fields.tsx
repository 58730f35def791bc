import { DateInput, TimePicker, type DateInputProps } from "@mantine/dates";
import { type TextInputProps } from "@mantine/core";
import { useState } from "react";
import { useController, type FieldValues } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { type Bound } from "./fields";
import { isoFromTyped } from "./format";

// Date and time inputs bound to a contract form, apart from the others so the unlock screen loads without the calendar.

/**
 * A calendar date as ДД.ММ.РРРР on screen and YYYY-MM-DD in the form; an empty optional date is null. Text that
 * is no date (31.02.2025) stays in the box and goes to the form as typed, so the contract names the problem
 * instead of the box quietly forgetting it. The calendar opens on a click or Alt+↓, not when Tab passes through:
 * opened on focus it covered the buttons below, and a click meant for «Зберегти» picked a day instead.
 */
export function DateField<T extends FieldValues>({
  control,
  name,
  nullable = false,
  ...props
}: Bound<T> & { nullable?: boolean } & Omit<
    DateInputProps,
    "value" | "onChange" | "name"
  >) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  const [calendar, setCalendar] = useState(false);
  const empty = nullable ? null : "";
  const value =
    typeof field.value === "string" && isoFromTyped(field.value) === field.value
      ? field.value
      : null;
  return (
    <DateInput
      valueFormat="DD.MM.YYYY"
      placeholder={t("calendar.datePlaceholder")}
      dateParser={isoFromTyped}
      clearable={nullable}
      // Mantine's ✕ has no words of its own; a screen reader must hear what it does.
      clearButtonProps={{ "aria-label": t("calendar.clear") }}
      fixOnBlur={false}
      {...props}
      popoverProps={{
        ...props.popoverProps,
        opened: calendar && !props.readOnly,
      }}
      onClick={() => setCalendar(true)}
      onKeyDown={(event) => {
        if (event.key === "ArrowDown" && event.altKey) setCalendar(true);
        if (event.key === "Escape" && calendar) {
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

/**
 * A time as ГГ:ХХ, 24 hours, whatever the operating system's locale: Mantine's picker of two number boxes, not the
 * browser's time input, which showed «10:00 AM» on an office PC set to English. Typing «1030» fills both.
 */
export function TimeField<T extends FieldValues>({
  control,
  name,
  label,
  description,
  required,
  readOnly,
}: Bound<T> & Pick<TextInputProps, "label" | "description" | "required" | "readOnly">) {
  const { t } = useTranslation();
  const { field, fieldState } = useController({ control, name });
  return (
    <TimePicker
      format="24h"
      label={label}
      description={description}
      required={required}
      readOnly={readOnly}
      hoursInputLabel={t("common.hours")}
      minutesInputLabel={t("common.minutes")}
      hoursPlaceholder={t("calendar.hoursPlaceholder")}
      minutesPlaceholder={t("calendar.minutesPlaceholder")}
      name={field.name}
      value={(field.value ?? "") as string}
      onChange={(value) => field.onChange(value)}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}
