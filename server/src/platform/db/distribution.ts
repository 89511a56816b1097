// Issue 18 item 9: the plan past one primary, as data. With Citus (distributed PostgreSQL) each table is one of:
// - distributed by its territory (the county or city code every row of the province's work carries), so a
//   county's rows live together on one worker and a query that names the territory goes to that worker alone;
// - co-located with a parent that is distributed: it has no territory of its own today, and gets its parent's
//   (a copied column) when the plan is carried out, so a join with its parent stays on one worker;
// - a reference table, copied to every worker: small, read by many queries, rarely written;
// - kept on the coordinator: per-session or per-process bookkeeping no worker needs.
// docs/scaling.md explains the plan; distribution.test.ts checks that every table of the schema is placed here,
// and server/test/statement-scope.ts that every statement the tests send to a distributed table either names a
// territory or is one of those recorded, reviewed, in server/test/unscoped-statements.txt.

export type Placement =
  | { kind: 'distributed'; column: string }
  | { kind: 'colocated'; parent: string; via: string }
  | { kind: 'reference'; why: string }
  | { kind: 'coordinator'; why: string };

const byTerritory: Placement = { kind: 'distributed', column: 'territory' };
const colocated = (parent: string, via: string): Placement => ({ kind: 'colocated', parent, via });
const reference = (why: string): Placement => ({ kind: 'reference', why });
const coordinator = (why: string): Placement => ({ kind: 'coordinator', why });

const officerRecord = '执法人员及其资格、培训、评选：全省约两万人，每个核查与指派都读';

export const placements: Record<string, Placement> = {
  // the territory's work
  accountability_records: byTerritory,
  annual_plans: byTerritory,
  annual_reports: byTerritory,
  audit_events: byTerritory,
  case_closure_proposals: byTerritory,
  case_continuous_penalties: byTerritory,
  case_documents: byTerritory,
  case_fine_arrangements: byTerritory,
  case_fine_enforcement: byTerritory,
  case_fine_payments: byTerritory,
  case_fine_reminders: byTerritory,
  case_referrals: byTerritory,
  case_review_corrections: byTerritory,
  case_review_files: byTerritory,
  case_review_rounds: byTerritory,
  case_seizures: byTerritory,
  case_supply_suspensions: byTerritory,
  conflict_declarations: byTerritory,
  credit_repair_applications: byTerritory,
  draws: byTerritory,
  drone_findings: byTerritory,
  drone_missions: byTerritory,
  enforcement_complaints: byTerritory,
  enterprise_facts: byTerritory,
  enterprise_grades: byTerritory,
  enterprises: byTerritory,
  evidence_files: byTerritory,
  expert_dispatches: byTerritory,
  findings: byTerritory,
  grade_changes: byTerritory,
  guide_list_entries: byTerritory,
  guide_lists: byTerritory,
  inspection_documents: byTerritory,
  inspections: byTerritory,
  internal_reporting_systems: byTerritory,
  merge_decisions: byTerritory,
  monitoring_incident_events: byTerritory,
  monitoring_incidents: byTerritory,
  monitoring_points: byTerritory,
  monitoring_sources: byTerritory,
  monthly_plans: byTerritory,
  notifications: byTerritory,
  onsite_plans: byTerritory,
  open_day_inspections: byTerritory,
  open_day_participants: byTerritory,
  open_day_suggestions: byTerritory,
  open_days: byTerritory,
  penalty_case_evidence: byTerritory,
  penalty_cases: byTerritory,
  penalty_publications: byTerritory,
  rectification_orders: byTerritory,
  report_rewards: byTerritory,
  reports: byTerritory,
  serious_dishonesty_listings: byTerritory,
  visit_ratings: byTerritory,

  // children without a territory of their own yet
  accountability_persons: colocated('accountability_records', 'record_id'),
  checklist_entries: colocated('inspections', 'inspection_id'),
  expert_conflicts: colocated('enterprises', 'enterprise_id'),
  internal_reporting_payouts: colocated('internal_reporting_systems', 'system_id'),
  monitoring_alarms: colocated('monitoring_sources', 'source_id'),
  report_photos: colocated('reports', 'report_id'),

  // copied to every worker
  organisations: reference('机关与执法单位：全省数百个，每个查询的属地与主体都读'),
  users: reference('账号：每个请求的会话都读，按账号改动很少'),
  officers: reference(officerRecord),
  certificates: reference(officerRecord),
  team_qualifications: reference(officerRecord),
  training_courses: reference(officerRecord),
  training_attendances: reference(officerRecord),
  selections: reference(officerRecord),
  selection_nominations: reference(officerRecord),
  selection_votes: reference(officerRecord),
  experts: reference('专家库：全省共用，按需指派'),
  expert_qualifications: reference('专家库：全省共用，按需指派'),
  plan_approval_delegations: reference('计划审批授权：每个机关几条'),
  discretion_tier_edits: reference('裁量基准的修改记录：法制审核员改，全省读'),
  holiday_tables: reference('节假日表：每年一行，期限计算都读'),
  signing_keys: reference('亮码入企的签名密钥：每个机关一把，验码都读'),
  grade_results: reference('分级结果按摘要只存一份，许多企业共用同一份'),

  // the coordinator's own bookkeeping
  sessions: coordinator('会话：按令牌查，与属地无关'),
  login_attempts: coordinator('登录尝试：按账号和地址限次'),
  audit_chain_heads: coordinator('审计链的链头：每条链一行，追加时加锁'),
  document_counters: coordinator('文书编号计数：按机关、文书、年度一行，取号时加锁'),
  regrade_runs: coordinator('全量重评的运行记录：一晚一行'),
  report_lookups: coordinator('举报查询码：匿名查询，按码找'),
  monitoring_read_marks: coordinator('每个账号读到哪条监测事件'),
};

// The territory columns a predicate may name to keep a statement on one worker (a distributed table's own
// column, or an incident's handling territory).
const territoryColumnPattern = /"(?:territory|handling_territory)"/;

const tablePattern = /\b(?:from|join|update|into)\s+"([a-z_0-9]+)"/gi;

const placed = (table: string) => {
  const placement = placements[table];
  return placement?.kind === 'distributed' || placement?.kind === 'colocated';
};

// What a statement does to the tables the plan distributes without naming a territory: one shape per such
// table, "select inspections by id", from the columns its conditions name. Empty when the statement names a
// territory in its conditions (or, an insert, among its columns: its rows carry their territory), or touches no
// distributed table.
export const unscopedShapes = (text: string): string[] => {
  const sql = text.replace(/\s+/g, ' ').trim();
  const operation = sql.split(' ', 1)[0]!.toLowerCase();
  if (operation === 'insert') {
    const target = /^insert into "([a-z_0-9]+)" \(([^)]*)\)/i.exec(sql);
    if (!target || !placed(target[1]!)) return [];
    // the column list, quoted by Drizzle or bare in a statement written by hand
    return /\b(?:handling_)?territory\b/.test(target[2]!) ? [] : [`insert ${target[1]}`];
  }
  if (!['select', 'update', 'delete', 'with'].includes(operation)) return [];
  const distributed = [...new Set([...sql.matchAll(tablePattern)].map((match) => match[1]!))].filter(placed);
  if (distributed.length === 0) return [];
  // the conditions: everything after the first WHERE, and the joins' ON clauses
  const whereAt = sql.toLowerCase().indexOf(' where ');
  const conditions = [
    whereAt >= 0 ? sql.slice(whereAt) : '',
    ...[...sql.matchAll(/ on (.+?)(?= (?:inner |left |right |full |cross )?join | where |$)/gi)].map(
      (m) => m[1]!,
    ),
  ].join(' ');
  if (territoryColumnPattern.test(conditions)) return [];
  return distributed.sort().map((table) => {
    const columns = new Set(
      [...conditions.matchAll(new RegExp(`"${table}"\\."([a-z_0-9]+)"`, 'g'))].map((match) => match[1]!),
    );
    const by = columns.size > 0 ? [...columns].sort().join(',') : 'nothing';
    return `${operation} ${table} by ${by}`;
  });
};
