import { z } from 'zod';

export const ROLES = ['admin', 'secretary', 'case_officer', 'analyst', 'auditor', 'member', 'coordinator', 'reporting_officer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const PERMISSIONS = [
  'users.read',
  'users.write',
  'settings.write',
  'audit.read',
  'meetings.read',
  'meetings.write',
  'cases.read',
  'cases.write',
  'personal.read',
  'personal.write',
  'reports.read',
  'reports.export',
  'reports.sign',
  'trainings.read',
  'trainings.write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * `public`: allowed while the store is locked (set-up, unlock, status).
 * `session`: any unlocked user, whatever the roles.
 */
export type Access = Permission | 'public' | 'session';

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ['users.read', 'users.write', 'settings.write', 'audit.read', 'meetings.read', 'meetings.write'],
  secretary: ['meetings.read', 'meetings.write', 'trainings.read', 'trainings.write'],
  case_officer: ['meetings.read', 'cases.read', 'cases.write', 'personal.read', 'personal.write'],
  analyst: ['meetings.read', 'reports.read', 'reports.export', 'trainings.read'],
  auditor: ['audit.read', 'users.read', 'meetings.read'],
  member: ['meetings.read', 'trainings.read'],
  /** Runs trainings and prevention work, and keeps the map of the mechanism in the hromadas. */
  coordinator: ['meetings.read', 'trainings.read', 'trainings.write'],
  /** Produces the reports for the Ministry and signs their bundles with the oblast's key. */
  reporting_officer: ['meetings.read', 'reports.read', 'reports.export', 'reports.sign', 'trainings.read'],
};

export function permissionsOf(roles: readonly Role[]): Permission[] {
  const granted = new Set<Permission>();
  for (const role of roles) for (const permission of ROLE_PERMISSIONS[role]) granted.add(permission);
  return PERMISSIONS.filter((p) => granted.has(p));
}
