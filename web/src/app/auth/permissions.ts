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
  | 'rectification.read'
  | 'rectification.issue'
  | 'rectification.review'
  | 'rectification.closeWithout'
  | 'rectification.own'
  | 'enterprises.read'
  | 'enterprises.write'
  | 'enterprise.own'
  | 'people.read'
  | 'people.write'
  | 'audit.read'
  | 'grading.read'
  | 'grading.facts.write'
  | 'grading.regrade'
  | 'grading.runs.read'
  | 'grading.catalog'
  | 'guideLists.read'
  | 'guideLists.generate'
  | 'guideLists.edit'
  | 'guideLists.approve'
  | 'guideLists.publish'
  | 'plans.read'
  | 'plans.annual.manage'
  | 'plans.monthly.create'
  | 'plans.monthly.file'
  | 'draws.read'
  | 'draws.freeze'
  | 'draws.perform'
  | 'draws.recusal'
  | 'draws.cancellation.request'
  | 'draws.cancellation.decide'
  | 'draws.results.publish'
  | 'inspections.read'
  | 'inspections.plan'
  | 'inspections.merge'
  | 'onsite.record'
  | 'onsite.read'
  | 'onsite.plan'
  | 'onsite.approve'
  | 'onsite.notify'
  | 'ratings.read';

// What the menu and buttons offer; the server's policy module still decides every request.
const grants: Record<Permission, readonly Role[]> = {
  // measure 13: officers issue and review orders; unit and bureau heads close one without rectification; the
  // enterprise sees its own and uploads proof
  'rectification.read': ['inspector', 'unit_head', 'bureau_head', 'legal_reviewer', 'admin'],
  'rectification.issue': ['inspector', 'unit_head'],
  'rectification.review': ['inspector', 'unit_head'],
  'rectification.closeWithout': ['unit_head', 'bureau_head'],
  'rectification.own': ['enterprise'],
  // issue 5 item 6: the officers who write the on-site record on their phones
  'onsite.record': ['inspector', 'unit_head', 'bureau_head'],
  'enterprises.read': ['inspector', 'unit_head', 'bureau_head', 'legal_reviewer', 'admin'],
  'enterprises.write': ['inspector', 'unit_head', 'bureau_head', 'admin'],
  'enterprise.own': ['enterprise'],
  'people.read': ['admin', 'legal_reviewer', 'bureau_head', 'unit_head'],
  'people.write': ['admin'],
  'audit.read': ['legal_reviewer', 'admin'],
  // measures 3, 4, 24: grades, the facts behind them, the key-enterprise guide list
  'grading.read': ['inspector', 'unit_head', 'bureau_head', 'legal_reviewer', 'admin'],
  'grading.facts.write': ['inspector', 'unit_head', 'bureau_head', 'admin'],
  'grading.regrade': ['admin'],
  'grading.runs.read': ['legal_reviewer', 'bureau_head', 'admin'],
  'grading.catalog': ['legal_reviewer', 'admin'],
  'guideLists.read': ['inspector', 'unit_head', 'bureau_head', 'legal_reviewer', 'admin'],
  'guideLists.generate': ['legal_reviewer'],
  'guideLists.edit': ['legal_reviewer'],
  'guideLists.approve': ['legal_reviewer', 'bureau_head'],
  'guideLists.publish': ['legal_reviewer', 'bureau_head'],
  // measure 1: the legal reviewer computes the annual plan and records its approval, filing and publication
  'plans.read': ['inspector', 'unit_head', 'bureau_head', 'legal_reviewer', 'admin'],
  'plans.annual.manage': ['legal_reviewer'],
  // measure 2: unit heads draft and submit next month's plan; the legal reviewer (supervision unit) files it
  'plans.monthly.create': ['unit_head'],
  'plans.monthly.file': ['legal_reviewer'],
  // measures 5, 6, 12: the legal reviewer freezes the pools and runs the witnessed draw session; only the
  // bureau head decides a cancellation
  'draws.read': ['inspector', 'unit_head', 'bureau_head', 'legal_reviewer', 'admin'],
  'draws.freeze': ['legal_reviewer'],
  'draws.perform': ['legal_reviewer'],
  'draws.recusal': ['legal_reviewer'],
  'draws.cancellation.request': ['legal_reviewer'],
  'draws.cancellation.decide': ['bureau_head'],
  'draws.results.publish': ['legal_reviewer'],
  // measures 5, 8, 24: officers and heads plan inspections within the enterprise's cap and merge those of one
  // enterprise in one period; every staff role reads the burden
  'inspections.read': ['inspector', 'unit_head', 'bureau_head', 'legal_reviewer', 'admin'],
  'inspections.plan': ['inspector', 'unit_head', 'bureau_head'],
  'inspections.merge': ['inspector', 'unit_head', 'bureau_head'],
  // measure 11 and issue 5 items 3, 4, 9: officers draft and submit the on-site plan, the department head
  // approves it, the code is shown after the notice; supervisors see the enterprises' anonymous ratings
  'onsite.read': ['inspector', 'unit_head', 'bureau_head', 'legal_reviewer', 'admin'],
  'onsite.plan': ['inspector', 'unit_head'],
  'onsite.approve': ['unit_head', 'bureau_head'],
  'onsite.notify': ['inspector', 'unit_head', 'bureau_head'],
  'ratings.read': ['legal_reviewer', 'admin'],
};

export const can = (role: Role | undefined, permission: Permission): boolean =>
  role !== undefined && grants[permission].includes(role);

// The city bureau (and a province above it) oversees every county: its code ends in 00 (440700).
export const isCityLevel = (territory: string): boolean => territory.endsWith('00');
