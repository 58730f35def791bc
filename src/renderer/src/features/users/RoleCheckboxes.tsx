import { Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../shared/permissions';

export function RoleCheckboxes({
  value,
  onChange,
  error,
  label,
}: {
  value: Role[];
  onChange(roles: Role[]): void;
  error?: string | undefined;
  label: string;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group
      label={label}
      value={value}
      onChange={(next) => onChange(ROLES.filter((role) => next.includes(role)))}
      error={error}
      withAsterisk
    >
      <Stack gap={6} mt={6}>
        {ROLES.map((role) => (
          <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
