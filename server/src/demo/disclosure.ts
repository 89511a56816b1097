import { randomUUID } from 'node:crypto';
import { addWorkdays, seededCalendar } from '@inspecta/domain';
import type { AppContext } from '../platform/http/context.ts';
import { shanghaiDate } from '../platform/http/dates.ts';
import { penaltyCases, penaltyPublications } from '../modules/cases/schema.ts';
import { annualReports } from '../modules/disclosure/schema.ts';
import {
  openDayInspections,
  openDayParticipants,
  openDays,
  openDaySuggestions,
} from '../modules/open-days/schema.ts';
import { bureauRowOf, concludedInspectionOf, userIdOf } from './repository.ts';

// Issue 17 items 4 and 5 (measures 28, 29): a little of the portal for every first screen: an open day of 蓬江
// with the demo social supervisor as a participant observing one concluded inspection, one suggestion answered
// (public) and one waiting; a published decision against an individual business whose operator's name and
// telephone the portal must hide; last year's annual reports of the city and 蓬江 published (新会's is not: its
// head's workbench shows it overdue).

const ago = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

export const seedDisclosure = async (ctx: AppContext) => {
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const pengjiang = await bureauRowOf(ctx.db, '440703');
  const city = await bureauRowOf(ctx.db, '440700');
  const supervisor = await userIdOf(ctx.db, 'supervisor.demo');
  const head = await userIdOf(ctx.db, 'pengjiang.head');
  const inspection = await concludedInspectionOf(ctx.db, '440703');
  if (!pengjiang || !city || !supervisor || !head) return;
  await ctx.db.transaction(async (tx) => {
    const openDayId = randomUUID();
    await tx.insert(openDays).values({
      id: openDayId,
      territory: '440703',
      organisationName: pengjiang.name,
      kind: 'open_day',
      title: '蓬江区应急管理局“执法开放日”——走进工贸企业检查现场',
      heldOn: ago(today, 14),
      place: '蓬江区杜阮镇工业园',
      summary: '邀请人大代表、社会监督员和媒体记者全程观摩一次粉尘涉爆企业现场检查。',
      createdById: head,
      createdByName: '蓬江区局领导 林涛',
      createdAt: now,
    });
    const supervisorId = randomUUID();
    const deputyId = randomUUID();
    await tx.insert(openDayParticipants).values([
      {
        id: supervisorId,
        openDayId,
        territory: '440703',
        category: 'social_supervisor',
        name: '吴丽娟',
        affiliation: '江门市应急管理社会监督员',
        userId: supervisor,
        createdAt: now,
      },
      {
        id: deputyId,
        openDayId,
        territory: '440703',
        category: 'npc_deputy',
        name: '梁建华',
        affiliation: '蓬江区人大代表',
        userId: null,
        createdAt: now,
      },
      {
        openDayId,
        territory: '440703',
        category: 'media',
        name: '记者 何静',
        affiliation: '江门日报',
        userId: null,
        createdAt: now,
      },
    ]);
    if (inspection)
      await tx
        .insert(openDayInspections)
        .values({ openDayId, inspectionId: inspection.id, territory: '440703', addedAt: now });
    await tx.insert(openDaySuggestions).values([
      {
        openDayId,
        participantId: deputyId,
        territory: '440703',
        text: '建议检查结束时向企业负责人当面讲清整改要求和期限，并留下书面清单。',
        submittedAt: now,
        submittedByName: '蓬江区局领导 林涛',
        answer: '已采纳：自下月起，现场检查结束时一并送达整改清单，并由执法人员当面说明。',
        answeredAt: now,
        answeredById: head,
        answeredByName: '蓬江区局领导 林涛',
      },
      {
        openDayId,
        participantId: supervisorId,
        territory: '440703',
        text: '建议在企业门口公示检查人员的执法证号，方便企业核对。',
        submittedAt: now,
        submittedByName: '社会监督员 吴丽娟',
      },
    ]);

    // a decision against an individual business (个体工商户): the portal masks its operator's name and removes the
    // telephone number the facts carry
    const caseId = randomUUID();
    const decidedOn = ago(today, 20);
    const due = addWorkdays(decidedOn, 5, seededCalendar);
    const publishedOn = due.ok ? due.value : decidedOn;
    await tx.insert(penaltyCases).values({
      id: caseId,
      territory: '440703',
      reference: 'DEMO-GT-001',
      source: 'report',
      enterpriseName: '张伟明（江门市蓬江区伟明五金加工店经营者）',
      summary: '个体工商户未按规定对从业人员进行安全生产教育和培训',
      status: 'closed',
      foundBy: 'inspection',
      decisionTier: 'lighter',
      decisionAmountFen: 300_000,
      decidedByName: '蓬江区局领导 林涛',
      openedOn: ago(today, 60),
      decidedOn,
      servedOn: publishedOn,
      closedOn: publishedOn,
      openedByName: '系统（演示数据）',
      createdAt: now,
      updatedAt: now,
    });
    await tx.insert(penaltyPublications).values({
      caseId,
      territory: '440703',
      enterpriseId: null,
      documentNumber: '江蓬应急罚〔2026〕901号',
      caseName: '未按规定对从业人员进行安全生产教育和培训案',
      partyType: '个体工商户',
      partyName: '张伟明',
      facts:
        '经营者张伟明（联系电话13800138000，身份证号440703198001011234）未按规定对从业人员进行安全生产教育和培训。',
      basis: '《中华人民共和国安全生产法》第九十七条第三项',
      decision: '罚款3000元',
      authority: pengjiang.name,
      decidedOn,
      publishedOn,
      creditClass: 'general',
      minUntil: ago(today, -345),
      maxUntil: ago(today, -710),
      createdAt: now,
    });

    // last year's reports: the city's and 蓬江's published, 新会's not yet
    const year = Number(today.slice(0, 4)) - 1;
    const figures = {
      inspectionsConcluded: 0,
      inspectionsWithFindings: 0,
      findings: 0,
      rectificationOrders: 0,
      penaltyDecisions: 0,
      fineTotalFen: 0,
      publicationsWithdrawn: 0,
      creditRepairs: 0,
      draws: 0,
      openDays: 0,
      suggestionsAnswered: 0,
    };
    for (const [bureau, territory] of [
      [city, '440700'],
      [pengjiang, '440703'],
    ] as const)
      await tx.insert(annualReports).values({
        organisationId: bureau.id,
        organisationName: bureau.name,
        territory,
        year,
        figures,
        analysis: `${year}年，${bureau.name}上线本平台前的执法数据未迁入，本报告仅列平台内数据。`,
        status: 'published',
        generatedAt: now,
        generatedByName: '系统（演示数据）',
        publishedOn: `${year + 1}-01-20`,
        publishedAt: now,
        publishedByName: '系统（演示数据）',
      });
  });
};
