import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/permissions';

const COLORS: Record<Role, string> = {
  admin: 'red',
  secretary: 'blue',
  case_officer: 'grape',
  analyst: 'teal',
  auditor: 'orange',
  member: 'gray',
  coordinator: 'cyan',
  reporting_officer: 'indigo',
};

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} color={COLORS[role]} variant="light" tt="none" size="sm">
          {t(`roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}
