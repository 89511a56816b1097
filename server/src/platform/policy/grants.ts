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
  // measure 27: 举报受理员, the one role that reads a reporter's identity (every read audited)
  'report_officer',
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
  'open_day',
  'observation',
  'annual_report',
  'report',
  'report_identity',
  'report_reward',
  'internal_reporting',
  'complaint',
  'case_review',
  'supervision_statistics',
  'accountability_record',
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
  // measure 28: the bureau's staff organise open days and media observations, record the participants, the
  // inspections they observe and their suggestions; the legal reviewer or a head answers each suggestion
  open_day: {
    read: staff,
    create: ['unit_head', 'bureau_head', 'legal_reviewer'],
    update: ['unit_head', 'bureau_head', 'legal_reviewer'],
    approve: ['bureau_head', 'legal_reviewer'],
  },
  // measure 28: a social supervisor reads, read-only, the events it takes part in and their inspections (its own
  // participations only: observesAsParticipant), and adds its suggestions
  observation: { read: ['social_supervisor'], create: ['social_supervisor'] },
  // 公示办法 第十七条 (measure 29): the legal reviewer generates the report from the year's figures, the bureau head
  // publishes it (nobody approves what they drafted)
  annual_report: {
    read: staff,
    create: ['legal_reviewer'],
    publish: ['bureau_head'],
  },
  // measure 27 (安全生产法 第七十三条): the 举报受理员 accepts reports and answers the reporter; officers verify and
  // may open a targeted inspection; only the bureau head approves an extension of the verification (not the one
  // who asked). The reporter's identity is read by the 举报受理员 alone, through one audited endpoint.
  report: {
    read: [...staff, 'report_officer'],
    update: ['report_officer', 'inspector', 'unit_head', 'bureau_head'],
    approve: ['bureau_head'],
  },
  report_identity: { read: ['report_officer'] },
  // 谁受理、谁奖励: the accepting bureau's 举报受理员 proposes, its head approves (never the proposer)
  report_reward: {
    read: [...staff, 'report_officer'],
    create: ['report_officer', 'unit_head'],
    update: ['report_officer', 'unit_head'],
    approve: ['bureau_head', 'unit_head'],
  },
  // 安委〔2024〕7号: officers register an enterprise's internal reporting-reward mechanism and its payouts
  internal_reporting: {
    read: [...staff, 'report_officer'],
    create: ['inspector', 'unit_head', 'bureau_head'],
    update: ['inspector', 'unit_head', 'bureau_head'],
  },
  // measure 29: whoever takes a complaint registers it; the unit head, the bureau head or the legal reviewer (the
  // enforcement-supervision unit) answers it
  complaint: {
    read: staff,
    create: ['inspector', 'unit_head', 'bureau_head', 'legal_reviewer'],
    update: ['unit_head', 'bureau_head', 'legal_reviewer'],
  },
  // measure 29, 案卷评查: the legal reviewer (执法监督机构) of the bureau or of a level above opens a round, samples
  // and scores; the bureau's officers read the findings and record the corrections done
  case_review: {
    read: staff,
    create: ['legal_reviewer'],
    update: ['legal_reviewer', 'unit_head', 'bureau_head'],
    approve: ['legal_reviewer'],
  },
  // measures 18, 29: leniency and severity figures per bureau and officer, for the supervisors
  supervision_statistics: { read: ['legal_reviewer', 'bureau_head', 'unit_head', 'admin'] },
  // measure 30: the legal reviewer (执法监督机构) or a bureau head drafts an accountability record; the bureau head
  // approves it, never the one who drafted it (accountability/service.ts); nobody else reads them
  accountability_record: {
    read: ['bureau_head', 'legal_reviewer'],
    create: ['legal_reviewer', 'bureau_head'],
    update: ['legal_reviewer', 'bureau_head'],
    approve: ['bureau_head'],
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
