import type { Role } from '../../api/types';

export const ROLES: readonly Role[] = [
  'inspector',
  'unit_head',
  'bureau_head',
  'legal_reviewer',
  'enterprise',
  'expert',
  'social_supervisor',
  'admin',
];

export type Permission =
  | 'enterprises.read'
  | 'enterprises.write'
  | 'enterprise.own'
  | 'people.read'
  | 'people.write'
  | 'audit.read';

// What the menu and buttons offer; the server's policy module still decides every request.
const grants: Record<Permission, readonly Role[]> = {
  'enterprises.read': ['inspector', 'unit_head', 'bureau_head', 'legal_reviewer', 'admin'],
  'enterprises.write': ['inspector', 'unit_head', 'admin'],
  'enterprise.own': ['enterprise'],
  'people.read': ['admin', 'legal_reviewer', 'bureau_head', 'unit_head'],
  'people.write': ['admin'],
  'audit.read': ['legal_reviewer', 'admin'],
};

export const can = (role: Role | undefined, permission: Permission): boolean =>
  role !== undefined && grants[permission].includes(role);
