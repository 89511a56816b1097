import type { AppContext } from '../platform/http/context.ts';
import {
  enterpriseNames,
  insertDemoAttendances,
  insertDemoCourse,
  insertDemoDispatches,
  insertDemoExpert,
  insertDemoExpertConflict,
  insertDemoExpertQualifications,
  insertDemoNominations,
  insertDemoSelection,
  insertDemoTeamQualifications,
  officersOfTerritory,
  userByName,
} from './repository.ts';

// issue 17 items 6 and 7 (measures 23, 25, 26): the city's expert database with the expert.demo account's expert,
// one dispatch waiting for his visit and one visited and rated (at 蓬江区 enterprises other than the portal's), and
// a little of the team: qualifications, a training course with its attendance, a 执法能手 selection open for votes.

const shanghaiDay = (instant: Date, offsetDays = 0): string =>
  new Date(instant.getTime() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

export const seedExpertsAndTeam = async (ctx: AppContext): Promise<void> => {
  const now = ctx.clock.now();
  const today = shanghaiDay(now);
  const year = Number(today.slice(0, 4));
  await ctx.db.transaction(async (tx) => {
    const expertUser = await userByName(tx, 'expert.demo');
    const head = await userByName(tx, 'pengjiang.unithead');
    // the portal's enterprise is the first of 蓬江区 by credit code: the demo's dispatches go to the next ones
    const [portal, first, second] = await enterpriseNames(tx, '440703', 3);
    const deng = await insertDemoExpert(tx, {
      territory: '440700',
      userId: expertUser?.id ?? null,
      name: '邓俊',
      employer: '江门市安全生产协会',
      phone: '0750-3200001',
      fields: ['dust_explosion', 'hazardous_chemicals'],
      createdAt: now,
      updatedAt: now,
    });
    const luo = await insertDemoExpert(tx, {
      territory: '440700',
      name: '罗晓峰',
      employer: '五邑大学',
      phone: '0750-3200002',
      fields: ['metallurgy', 'electrical'],
      createdAt: now,
      updatedAt: now,
    });
    const chen = await insertDemoExpert(tx, {
      territory: '440700',
      name: '陈慧',
      employer: '江门市特种设备检验所',
      phone: '0750-3200003',
      fields: ['ammonia_refrigeration', 'fire_and_evacuation'],
      createdAt: now,
      updatedAt: now,
    });
    await insertDemoExpertQualifications(tx, [
      {
        expertId: deng,
        kind: 'registered_safety_engineer',
        number: '0044-2019-0001',
        validFrom: `${year - 2}-01-01`,
        validTo: `${year + 2}-12-31`,
        createdAt: now,
      },
      {
        expertId: deng,
        kind: 'expert_appointment',
        number: '江应急专家〔演示〕001号',
        validFrom: `${year - 1}-03-01`,
        validTo: `${year + 2}-02-28`,
        createdAt: now,
      },
      {
        expertId: luo,
        kind: 'senior_engineer',
        number: '粤高职〔演示〕0317',
        validFrom: `${year - 5}-01-01`,
        validTo: `${year + 5}-12-31`,
        createdAt: now,
      },
      // lapsed: 陈慧 cannot be dispatched until her appointment is renewed
      {
        expertId: chen,
        kind: 'expert_appointment',
        number: '江应急专家〔演示〕017号',
        validFrom: `${year - 4}-01-01`,
        validTo: `${year - 1}-12-31`,
        createdAt: now,
      },
    ]);
    if (first)
      await insertDemoExpertConflict(tx, {
        expertId: luo,
        enterpriseId: first.id,
        reason: '近三年曾为该企业提供有偿安全评价服务',
        recordedByName: '系统（演示数据）',
        createdAt: now,
      });
    if (first && second && head)
      await insertDemoDispatches(tx, [
        {
          territory: first.territory,
          enterpriseId: first.id,
          enterpriseName: first.name,
          origin: 'request',
          request: '粉尘除尘系统改造后，请专家指导泄爆、隔爆设施和清扫制度',
          requestedByName: '企业安全负责人（演示）',
          requestedAt: now,
          state: 'dispatched',
          expertId: deng,
          plannedOn: shanghaiDay(now, 2),
          dispatchedById: head.id,
          dispatchedByName: head.displayName,
          dispatchedAt: now,
          createdAt: now,
          updatedAt: now,
        },
        {
          territory: second.territory,
          enterpriseId: second.id,
          enterpriseName: second.name,
          origin: 'request',
          request: '请专家帮助梳理危险化学品储存场所的隐患',
          requestedByName: '企业安全负责人（演示）',
          requestedAt: new Date(now.getTime() - 20 * 86_400_000),
          state: 'rated',
          expertId: deng,
          plannedOn: shanghaiDay(now, -15),
          dispatchedById: head.id,
          dispatchedByName: head.displayName,
          dispatchedAt: new Date(now.getTime() - 18 * 86_400_000),
          visitedOn: shanghaiDay(now, -15),
          visitNote: '查看了仓库、装卸区和应急器材，与企业负责人、安全员交流储存管理制度',
          advice: '按《危险化学品仓库储存通则》分区分类储存，完善出入库台账，补充应急演练记录',
          hazards: [
            {
              id: '6f0c9a52-1d1b-4f4e-9d8e-5b1f3c2a7e01',
              description: '甲类仓库内违规存放其他物品，防火分隔被破坏',
              major: true,
              dueOn: shanghaiDay(now, -8),
              fixedOn: shanghaiDay(now, -10),
            },
            {
              id: '6f0c9a52-1d1b-4f4e-9d8e-5b1f3c2a7e02',
              description: '部分灭火器压力不足',
              major: false,
              dueOn: shanghaiDay(now, -10),
              fixedOn: shanghaiDay(now, -12),
            },
          ],
          visitRecordedAt: new Date(now.getTime() - 15 * 86_400_000),
          rating: 5,
          ratingComment: '专家讲解细致，问题指得准',
          ratedAt: new Date(now.getTime() - 9 * 86_400_000),
          createdAt: now,
          updatedAt: now,
        },
      ]);
    void portal;
    const cityOfficers = await officersOfTerritory(tx, '440700', 4);
    const pengjiangOfficers = await officersOfTerritory(tx, '440703', 3);
    await insertDemoTeamQualifications(tx, [
      ...cityOfficers.slice(0, 2).map((o, i) => ({
        territory: o.territory,
        kind: 'registered_safety_engineer' as const,
        personName: o.name,
        officerId: o.id,
        number: `演示-注安-${i + 1}`,
        validFrom: `${year - 2}-06-01`,
        validTo: `${year + 3}-05-31`,
        recordedByName: '系统（演示数据）',
        createdAt: now,
      })),
      {
        territory: '440700',
        kind: 'public_lawyer' as const,
        personName: '梁敏',
        number: '演示-公职律师-1',
        validFrom: `${year - 1}-01-01`,
        recordedByName: '系统（演示数据）',
        createdAt: now,
      },
      {
        territory: '440700',
        kind: 'legal_adviser' as const,
        personName: '广东五邑律师事务所 周律师',
        number: '',
        validFrom: `${year}-01-01`,
        validTo: `${year}-12-31`,
        recordedByName: '系统（演示数据）',
        createdAt: now,
      },
      {
        territory: '440703',
        kind: 'technical_inspector' as const,
        personName: '刘工',
        number: '',
        validFrom: `${year}-01-01`,
        validTo: `${year}-12-31`,
        recordedByName: '系统（演示数据）',
        createdAt: now,
      },
      {
        territory: '440703',
        kind: 'social_supervisor' as const,
        personName: '吴丽娟',
        number: '',
        validFrom: `${year}-01-01`,
        validTo: `${year + 1}-12-31`,
        recordedByName: '系统（演示数据）',
        createdAt: now,
      },
    ]);
    const course = await insertDemoCourse(tx, {
      territory: '440700',
      title: '新《行政处罚法》与应急管理行政执法文书制作培训班',
      heldOn: `${year}-03-15`,
      hours: 8,
      organiser: '江门市应急管理局',
      createdByName: '系统（演示数据）',
      createdAt: now,
    });
    await insertDemoAttendances(
      tx,
      [...cityOfficers.slice(0, 3), ...pengjiangOfficers.slice(0, 2)].map((o) => ({
        courseId: course,
        officerId: o.id,
        recordedByName: '系统（演示数据）',
        recordedAt: now,
      })),
    );
    const selection = await insertDemoSelection(tx, {
      territory: '440700',
      kind: 'enforcement_expert',
      title: `${year}年度全市应急管理“执法能手”评选`,
      year,
      places: 2,
      state: 'open',
      createdByName: '系统（演示数据）',
      createdAt: now,
    });
    const nominees = await Promise.all(
      ['city.inspector', 'pengjiang.inspector'].map((u) => userByName(tx, u)),
    );
    await insertDemoNominations(
      tx,
      nominees
        .filter((n) => n !== undefined)
        .map((n) => ({
          selectionId: selection,
          nomineeUserId: n.id,
          nomineeName: n.displayName,
          reason: '全年检查企业数与问题发现率居前，执法文书规范',
          nominatedByName: '系统（演示数据）',
          createdAt: now,
        })),
    );
  });
};
