import { STAGES_BEFORE_VISIT, caseProcedureCatalog, type InspectionStage } from '@inspecta/domain';
import type { AppContext } from '../../platform/http/context.ts';
import { shanghaiDate } from '../../platform/http/dates.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import { mayUse, type Actor, type Resource } from '../../platform/policy/grants.ts';
import { actsForOwnEnterprise } from '../../platform/policy/predicates.ts';
import { countUnreadForUser } from '../../platform/notifications/repository.ts';
import { FINE_DEADLINE_NAMES, fineDeadlinesWithin, penaltyCases } from '../cases/index.ts';
import { RATABLE_STAGES } from '../inspections/index.ts';
import { annualReportWaiting } from '../disclosure/index.ts';
import { reportsDue } from '../reports/index.ts';
import { complaintsOverdue } from '../supervision/index.ts';
import {
  drawsWaiting,
  guideListsWaiting,
  monthlyPlansWaiting,
  observationsWaiting,
  seizuresEnding,
  visitsToRate,
  inspectionsAtStages,
  onsitePlansWaiting,
  ordersWaiting,
  type Scoper,
  type Waiting,
} from './repository.ts';

// The keys of what may wait for a user; the web names each in Chinese.
export const WORKBENCH_ITEMS = [
  'plans_to_decide',
  'plans_returned',
  'plans_to_draft',
  'inspections_to_notify',
  'visits_this_week',
  'planned_overdue',
  'findings_to_conclude',
  'orders_due',
  'orders_overdue',
  'proofs_to_review',
  'draws_to_perform',
  'results_to_publish',
  'observations_due',
  'seizures_ending',
  'fine_deadlines',
  'complaints_overdue',
  'guide_lists_to_approve',
  'guide_lists_to_publish',
  'monthly_plans_to_submit',
  'monthly_plans_to_file',
  'enterprise_notices',
  'enterprise_open_orders',
  'enterprise_proofs_asked',
  'enterprise_ratings_to_give',
  'annual_report_due',
  'reports_to_accept',
  'reports_overdue',
] as const;
export type WorkbenchItemKey = (typeof WORKBENCH_ITEMS)[number];

export type WorkbenchItem = Waiting & { key: WorkbenchItemKey; link: string; urgent: boolean };

// the days ahead within which a deadline shows (整改 due, 观察期 follow-ups, the payment of a fine)
const HORIZON_DAYS = 7;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// Monday to Sunday of the week holding `date`.
const weekOf = (date: string) => {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(date, -weekday);
  return { from: monday, to: addDays(monday, 6) };
};

const stagesParam = (stages: InspectionStage[]) => stages.join(',');

// What waits for this user today, each with a link into the list filtered to it. Only what the user's role
// may act on is counted, and every count is scoped like the list it links to.
export const workbench = async (ctx: AppContext, actor: Actor) => {
  const today = shanghaiDate(ctx.clock.now());
  const week = weekOf(today);
  const tasks: Promise<WorkbenchItem | null>[] = [];
  const add = (key: WorkbenchItemKey, link: string, waiting: Promise<Waiting>, urgent = false) =>
    tasks.push(waiting.then((found) => ({ key, link, urgent, ...found })));
  // measure 27: reports waiting to be accepted, and those whose verification or answer is overdue
  const due = await reportsDue(ctx, actor);
  if (due) {
    const waiting = (rows: typeof due.received) =>
      Promise.resolve({ count: rows.length, rows: rows.slice(0, 5) });
    add('reports_to_accept', '/reports?state=received', waiting(due.received), true);
    add('reports_overdue', '/reports?overdue=true', waiting(due.overdue), true);
  }
  // a role that reads nothing else (the 举报受理员, expert, social supervisor) has nothing more waiting here
  if (!mayUse(actor, 'inspection', 'read') && !actsForOwnEnterprise(actor)) {
    const items = (await Promise.all(tasks)).filter((item): item is WorkbenchItem => item !== null);
    return { today, items, unreadNotifications: await countUnreadForUser(ctx.db, actor.id) };
  }
  // an enterprise account reads its own enterprise's records only; staff read their territory's
  const own = actsForOwnEnterprise(actor);
  const scoped =
    (resource: Resource): Scoper =>
    (columns) =>
      scopeCondition(actor, own ? 'enterprise' : resource, columns);
  const inspectionScope = scoped('inspection');
  const orderScope = scoped('rectification');

  if (own) {
    add(
      'enterprise_notices',
      '/my-enterprise',
      inspectionsAtStages(ctx.db, { scope: inspectionScope, stages: ['notified'] }),
    );
    add(
      'enterprise_proofs_asked',
      '/my-enterprise/rectifications',
      ordersWaiting(ctx.db, { scope: orderScope, statuses: ['issued', 'failed'] }),
      true,
    );
    add(
      'enterprise_open_orders',
      '/my-enterprise/rectifications',
      ordersWaiting(ctx.db, { scope: orderScope, statuses: ['issued', 'proof_submitted', 'failed'] }),
    );
    add(
      'enterprise_ratings_to_give',
      '/my-enterprise',
      visitsToRate(ctx.db, { scope: inspectionScope, stages: RATABLE_STAGES }),
    );
  } else {
    if (mayUse(actor, 'onsite_plan', 'approve'))
      add(
        'plans_to_decide',
        '/inspections?stage=plan_submitted',
        onsitePlansWaiting(ctx.db, { scope: inspectionScope, status: 'submitted', notDraftedBy: actor.id }),
        true,
      );
    if (mayUse(actor, 'onsite_plan', 'update')) {
      add(
        'plans_returned',
        '/inspections?returnedToMe=true',
        onsitePlansWaiting(ctx.db, { scope: inspectionScope, status: 'rejected', draftedBy: actor.id }),
        true,
      );
      add(
        'plans_to_draft',
        `/inspections?stage=${stagesParam(['planned', 'plan_drafted'])}`,
        inspectionsAtStages(ctx.db, { scope: inspectionScope, stages: ['planned', 'plan_drafted'] }),
      );
    }
    if (mayUse(actor, 'inspection', 'update')) {
      add(
        'inspections_to_notify',
        '/inspections?stage=plan_approved',
        inspectionsAtStages(ctx.db, { scope: inspectionScope, stages: ['plan_approved'] }),
      );
      add(
        'visits_this_week',
        `/inspections?stage=${stagesParam(['plan_approved', 'notified'])}&plannedFrom=${week.from}&plannedTo=${week.to}`,
        inspectionsAtStages(ctx.db, {
          scope: inspectionScope,
          stages: ['plan_approved', 'notified'],
          plannedFrom: week.from,
          plannedTo: week.to,
        }),
      );
      add(
        'planned_overdue',
        '/inspections?overdue=true',
        inspectionsAtStages(ctx.db, {
          scope: inspectionScope,
          stages: [...STAGES_BEFORE_VISIT],
          plannedBefore: today,
        }),
        true,
      );
      add(
        'findings_to_conclude',
        `/inspections?stage=${stagesParam(['checked_in', 'findings_recorded'])}`,
        inspectionsAtStages(ctx.db, { scope: inspectionScope, stages: ['checked_in', 'findings_recorded'] }),
      );
    }
    if (mayUse(actor, 'rectification', 'update')) {
      add(
        'proofs_to_review',
        '/rectification?status=proof_submitted',
        ordersWaiting(ctx.db, { scope: orderScope, statuses: ['proof_submitted'] }),
        true,
      );
    }
    if (mayUse(actor, 'rectification', 'read')) {
      add(
        'orders_due',
        '/rectification?status=issued',
        ordersWaiting(ctx.db, {
          scope: orderScope,
          statuses: ['issued', 'failed'],
          deadlineFrom: today,
          deadlineTo: addDays(today, HORIZON_DAYS),
        }),
      );
      add(
        'orders_overdue',
        '/rectification?overdue=true',
        ordersWaiting(ctx.db, {
          scope: orderScope,
          statuses: ['issued', 'proof_submitted', 'failed'],
          deadlineBefore: today,
        }),
        true,
      );
    }
    // measure 14: the enterprises spared a penalty whose follow-up visit is due within a week
    if (mayUse(actor, 'penalty_case', 'update')) {
      const dueBy = addDays(today, HORIZON_DAYS);
      add(
        'observations_due',
        `/penalty-cases?observationDueBy=${dueBy}`,
        observationsWaiting(ctx.db, { scope: scoped('penalty_case'), dueBy }),
      );
      // measure 16: a 查封、扣押 ending within the catalogue's reminder days (or past its last day) is released
      // or, before its last day, extended
      const seizureDueBy = addDays(today, caseProcedureCatalog.seizure.remindDaysBefore);
      add(
        'seizures_ending',
        `/penalty-cases?seizureDueBy=${seizureDueBy}`,
        seizuresEnding(ctx.db, { scope: scoped('penalty_case'), dueBy: seizureDueBy }),
        true,
      );
      // issue 15 item 3: a fine's payment period, its 催告's ten days, or the court's three months ending soon
      add(
        'fine_deadlines',
        '/penalty-cases',
        fineDeadlinesWithin(ctx.db, {
          scope: scoped('penalty_case')({ territory: penaltyCases.territory }),
          today,
          dueBy: addDays(today, HORIZON_DAYS),
        }).then((found) => ({
          count: found.length,
          rows: found.slice(0, 5).map((deadline) => ({
            id: `${deadline.caseId}:${deadline.kind}`,
            title: `${deadline.enterpriseName}（${deadline.reference}）：${FINE_DEADLINE_NAMES[deadline.kind]}`,
            date: deadline.date,
            inspectionId: null,
            caseId: deadline.caseId,
          })),
        })),
        true,
      );
    }
    // 公示办法 第十七条: last year's report of the bureau, due by 31 January, urgent (逾期) after it
    if (mayUse(actor, 'annual_report', 'create') || mayUse(actor, 'annual_report', 'publish'))
      tasks.push(
        annualReportWaiting(ctx, actor).then(({ overdue, ...found }) => ({
          key: 'annual_report_due' as const,
          link: '/annual-reports',
          urgent: overdue,
          ...found,
        })),
      );
    // measure 29: complaints about enforcement still unanswered after their day
    if (mayUse(actor, 'complaint', 'update'))
      add(
        'complaints_overdue',
        '/complaints?overdue=true',
        complaintsOverdue(ctx.db, { scope: scoped('complaint'), today }),
        true,
      );
    const drawScope = scoped('draw');
    if (mayUse(actor, 'draw', 'create'))
      add(
        'draws_to_perform',
        '/draws?status=frozen',
        drawsWaiting(ctx.db, { scope: drawScope, stage: 'to_perform' }),
      );
    if (mayUse(actor, 'draw', 'publish'))
      add(
        'results_to_publish',
        '/draws?status=drawn',
        drawsWaiting(ctx.db, { scope: drawScope, stage: 'to_publish' }),
      );
    // measure 2: unit heads submit next month's plan before the month begins; the legal reviewer files it
    const monthlyScope = scoped('monthly_plan');
    if (mayUse(actor, 'monthly_plan', 'update'))
      add(
        'monthly_plans_to_submit',
        '/plans/monthly',
        monthlyPlansWaiting(ctx.db, { scope: monthlyScope, status: 'draft' }),
        true,
      );
    if (mayUse(actor, 'monthly_plan', 'approve'))
      add(
        'monthly_plans_to_file',
        '/plans/monthly',
        monthlyPlansWaiting(ctx.db, { scope: monthlyScope, status: 'submitted' }),
      );
    const listScope = scoped('guide_list');
    if (mayUse(actor, 'guide_list', 'approve'))
      add(
        'guide_lists_to_approve',
        '/guide-lists',
        guideListsWaiting(ctx.db, { scope: listScope, status: 'draft' }),
      );
    if (mayUse(actor, 'guide_list', 'publish'))
      add(
        'guide_lists_to_publish',
        '/guide-lists',
        guideListsWaiting(ctx.db, { scope: listScope, status: 'approved' }),
      );
  }
  const [items, unread] = await Promise.all([Promise.all(tasks), countUnreadForUser(ctx.db, actor.id)]);
  return {
    today,
    items: items.filter((item): item is WorkbenchItem => item !== null),
    unreadNotifications: unread,
  };
};
