import { randomUUID } from 'node:crypto';
import { complaintChannel, complaintDueOn, type IsoDate } from '@inspecta/domain';
import type { AppContext } from '../platform/http/context.ts';
import { shanghaiDate } from '../platform/http/dates.ts';
import { appendAuditEvent } from '../platform/audit/service.ts';
import { systemActor } from '../platform/auth/system-user.ts';
import {
  enterprisesOfTerritoryDesc,
  insertComplaints,
  insertFindings,
  insertInspectionsReturning,
  officersWithCertificates,
  organisationsOutsideUnits,
  type NewInspection,
} from './repository.ts';

// issue 17 items 3 and 9 (measures 18, 29): last year's visits of the 蓬江 bureau by three pairs of officers, so
// the supervision page shows one officer who found nothing (too lenient?) and one who found something at every
// visit and went back to the same enterprise (too severe?); and one complaint about enforcement, overdue.

const BY = '系统（演示数据）';

export const seedSupervision = async (ctx: AppContext): Promise<number> => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4)) - 1;
  const territory = '440703';
  const bureau = (await organisationsOutsideUnits(ctx.db)).find(
    (org) => org.kind === 'bureau' && org.territory === territory,
  );
  const team = await officersWithCertificates(ctx.db, territory, 5);
  const targets = await enterprisesOfTerritoryDesc(ctx.db, territory, 8);
  if (!bureau || team.length < 5 || targets.length < 8) return 0;
  const member = (index: number) => ({
    certificate: team[index]!.certificate,
    officerId: team[index]!.id,
    name: team[index]!.name,
    organisationName: bureau.name,
  });
  // [officers, enterprise, month, findings]: officer 0 finds nothing; officer 4 finds at every visit, twice at
  // one enterprise; officers 1 and 3 find at half
  const visits: [number[], number, number, number][] = [
    [[0, 2], 0, 3, 0],
    [[0, 2], 1, 5, 0],
    [[0, 2], 2, 7, 0],
    [[4, 2], 3, 4, 2],
    [[4, 2], 3, 8, 1],
    [[4, 2], 4, 10, 3],
    [[1, 3], 5, 3, 1],
    [[1, 3], 6, 6, 0],
    [[1, 3], 7, 9, 1],
    [[1, 3], 5, 11, 0],
  ];
  const values: NewInspection[] = visits.map(([members, target, month]) => {
    const enterprise = targets[target]!;
    const on = `${year}-${String(month).padStart(2, '0')}-15`;
    return {
      territory,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      creditCode: enterprise.creditCode,
      organisationId: bureau.id,
      organisationName: bureau.name,
      departmentType: null,
      kind: 'double_random',
      plannedOn: on,
      year,
      matters: ['work_safety_general'],
      stage: 'completed',
      team: members.map(member),
      completedOn: on,
      resultSummary: '现场检查完成',
      createdAt: now,
      createdByName: BY,
    };
  });
  await ctx.db.transaction(async (tx) => {
    const inserted = await insertInspectionsReturning(tx, values);
    await insertFindings(
      tx,
      inserted.flatMap((row, index) =>
        Array.from({ length: visits[index]![3] }, (_, n) => ({
          id: randomUUID(),
          inspectionId: row.id,
          territory,
          itemCode: 'work_safety_general',
          description: `一般事故隐患 ${n + 1}：安全警示标志缺失`,
          majorHiddenDanger: false,
          basis: '《中华人民共和国安全生产法》第三十五条',
          howToFix: '在有较大危险因素的场所设置明显的安全警示标志',
          status: 'fixed_on_spot' as const,
          recordedAt: now,
          recordedByName: BY,
          syncedAt: now,
        })),
      ),
    );
    const channel = complaintChannel('hotline_12345')!;
    const receivedOn = `${year}-12-01` as IsoDate;
    await insertComplaints(tx, [
      {
        territory,
        channel: channel.code,
        channelReference: `12345-${year}1201-0087`,
        complainant: null,
        summary: '来电反映区应急管理局执法人员一年内多次到同一企业检查，影响生产',
        receivedOn,
        dueOn: complaintDueOn(channel, receivedOn).dueOn,
        dueVerified: channel.verified,
        officerId: team[4]!.id,
        officerName: team[4]!.name,
        reviewQueued: true,
        status: 'open',
        receivedById: '00000000-0000-0000-0000-000000000000',
        receivedByName: BY,
        createdAt: now,
      },
    ]);
    await appendAuditEvent(tx, {
      actor: systemActor(BY),
      action: 'system.demo.seeded',
      entityType: 'system',
      entityId: 'demo-supervision',
      territory,
      payload: { inspections: values.length, year, complaints: 1 },
      at: now,
    });
  });
  return values.length;
};
