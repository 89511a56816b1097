// Who may do what to which kind of record: one table, enforced by the server (mayUse, can, scopeCondition)
// and shown to the web as the actor's permissions (GET /api/v1/auth/me).

export const roles = [
  'inspector',
  'unit_head',
  'bureau_head',
  'legal_reviewer',
  'enterprise',
  'expert',
  'social_supervisor',
  'admin',
] as const;
export type Role = (typeof roles)[number];

export type Actor = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  territory: string;
  organisationId: string | null;
  enterpriseId: string | null;
};

export const resources = [
  'enterprise',
  'organisation',
  'officer',
  'audit',
  'catalog',
  'grading_run',
  'guide_list',
  'annual_plan',
  'monthly_plan',
  'draw',
  'inspection',
  'onsite_plan',
  'rectification',
  'case_referral',
  'penalty_case',
  'penalty_decision',
  'holiday_table',
  'user',
  'monitoring_source',
  'monitoring_incident',
  'drone_mission',
  'expert',
  'expert_dispatch',
  'team',
] as const;
export type Resource = (typeof resources)[number];
export const actions = ['read', 'create', 'update', 'approve', 'publish'] as const;
export type Action = (typeof actions)[number];

const staff: Role[] = ['inspector', 'unit_head', 'bureau_head', 'legal_reviewer', 'admin'];

export const grants: Record<Resource, Partial<Record<Action, Role[]>>> = {
  enterprise: {
    read: [...staff, 'enterprise'],
    create: ['inspector', 'unit_head', 'bureau_head', 'admin'],
    update: ['inspector', 'unit_head', 'bureau_head', 'admin'],
  },
  organisation: {
    read: ['unit_head', 'bureau_head', 'legal_reviewer', 'admin', 'inspector'],
    create: ['admin'],
    update: ['admin'],
  },
  officer: {
    read: ['unit_head', 'bureau_head', 'legal_reviewer', 'admin', 'inspector'],
    create: ['admin'],
    update: ['admin'],
  },
  audit: { read: ['legal_reviewer', 'admin'] },
  // legal catalogues are not secret: every staff role reads them (fact forms need the credit grades); the legal
  // reviewer edits the discretion tiers (issue 15 item 2, a city's: mayEditDiscretionTiers)
  catalog: { read: staff, update: ['legal_reviewer'] },
  grading_run: { read: ['legal_reviewer', 'bureau_head', 'admin'], create: ['admin'] },
  // measure 4: generated and reviewed by legal reviewers, approved and published by them or the bureau head
  guide_list: {
    read: staff,
    create: ['legal_reviewer'],
    update: ['legal_reviewer'],
    approve: ['legal_reviewer', 'bureau_head'],
    publish: ['legal_reviewer', 'bureau_head'],
  },
  // measure 1: the legal reviewer (法制审核) computes and submits the plan, records the government's
  // approval and the upper-level filing, and publishes it
  annual_plan: {
    read: staff,
    create: ['legal_reviewer'],
    update: ['legal_reviewer'],
    approve: ['legal_reviewer'],
    publish: ['legal_reviewer'],
  },
  // measure 2: unit heads draft and submit next month's plan; the legal reviewer, as the supervision
  // unit (执法监督机构), files it
  monthly_plan: {
    read: staff,
    create: ['unit_head'],
    update: ['unit_head'],
    approve: ['legal_reviewer'],
  },
  // measures 5, 12: the legal reviewer (法制审核) freezes pools and runs the draw session; only the bureau
  // head approves a cancellation (item 9)
  draw: {
    read: staff,
    create: ['legal_reviewer'],
    update: ['legal_reviewer'],
    approve: ['bureau_head'],
    publish: ['legal_reviewer'],
  },
  inspection: {
    read: staff,
    create: ['inspector', 'unit_head', 'bureau_head'],
    update: ['inspector', 'unit_head', 'bureau_head'],
    approve: ['unit_head', 'bureau_head'],
  },
  // measure 11: the officers draft the on-site plan; the 部门负责人 (bureau head) approves it, a unit head only
  // under a delegation the bureau head records (duties.ts: mayDecideOnsitePlan)
  onsite_plan: {
    read: staff,
    create: ['inspector', 'unit_head'],
    update: ['inspector', 'unit_head'],
    approve: ['bureau_head'],
  },
  // measure 13: officers issue and review orders; the enterprise's own proofs are checked in the service
  rectification: {
    read: staff,
    create: ['inspector', 'unit_head'],
    update: ['inspector', 'unit_head'],
    approve: ['unit_head', 'bureau_head'],
  },
  // measure 15: a major hidden danger's 移交立案审查 is settled by the legal reviewer (法制审核) alone
  case_referral: {
    read: staff,
    approve: ['legal_reviewer'],
  },
  // issue 15: officers investigate and propose; the legal reviewer opens the case from a 移交立案审查 item and
  // reviews the proposal (法制审核, 行政处罚法 第五十八条); the bureau head (行政机关负责人) decides
  penalty_case: {
    read: staff,
    create: ['legal_reviewer', 'unit_head'],
    update: ['inspector', 'unit_head'],
    approve: ['legal_reviewer'],
  },
  penalty_decision: {
    read: staff,
    approve: ['bureau_head'],
  },
  // issue 11 item 12: the legal reviewer enters a year's holidays from the State Council's notice (a city's or
  // above: one national table for every bureau, see mayEnterHolidayTables)
  holiday_table: {
    read: staff,
    update: ['legal_reviewer'],
  },
  // accounts: the administrator opens one that failed logins locked (issue 12 item 1)
  user: { update: ['admin'] },
  // issue 16: the administrator registers monitoring sources; the administrator or a unit head maps their points
  // to the territory's enterprises; officers handle the incidents
  // (an enterprise answers the question put to it: mayAnswerIncident)
  monitoring_source: { read: staff, create: ['admin'], update: ['admin', 'unit_head'] },
  monitoring_incident: {
    read: staff,
    update: ['inspector', 'unit_head', 'bureau_head'],
  },
  // measure 21: an officer of the territory plans a drone patrol and names its pilot; only the pilot reports its
  // findings and completes it (mayFlyDroneMission)
  drone_mission: {
    read: staff,
    create: ['inspector', 'unit_head', 'bureau_head'],
    update: ['inspector', 'unit_head', 'bureau_head'],
  },
  // measure 23: unit heads, bureau heads and the administrator keep the expert database; a unit head or the
  // bureau head of the territory dispatches an expert; only the dispatched expert records the visit
  // (isDispatchedExpert); the enterprise asks for help and rates the visit from its portal (speaksForEnterprise)
  expert: {
    read: staff,
    create: ['unit_head', 'bureau_head', 'admin'],
    update: ['unit_head', 'bureau_head', 'admin'],
  },
  expert_dispatch: {
    read: [...staff, 'expert'],
    create: ['unit_head', 'bureau_head'],
    update: ['expert'],
  },
  // measures 25, 26: the team's qualifications, training and selections; the bureau head announces a result
  team: {
    read: staff,
    create: ['unit_head', 'bureau_head', 'admin'],
    update: ['unit_head', 'bureau_head', 'admin'],
    approve: ['bureau_head'],
  },
};

export const mayUse = (actor: Pick<Actor, 'role'>, resource: Resource, action: Action): boolean =>
  grants[resource][action]?.includes(actor.role) ?? false;

// A grant as the web reads it: `resource:action` (e.g. `officer:read`).
export type Permission = `${Resource}:${Action}`;

// Every permission the table can grant, in the table's order (the OpenAPI enum of /auth/me's permissions).
export const permissionNames: Permission[] = resources.flatMap((resource) =>
  actions
    .filter((action) => grants[resource][action] !== undefined)
    .map((action): Permission => `${resource}:${action}`),
);

// The actor's effective permissions: every grant of the table its role holds.
export const permissionsOf = (actor: Pick<Actor, 'role'>): Permission[] =>
  permissionNames.filter((permission) => {
    const [resource, action] = permission.split(':') as [Resource, Action];
    return grants[resource][action]!.includes(actor.role);
  });
