import { z } from 'zod';

// Every audit action, its entity type(s), the schema of its payload and its Chinese label: one registry, in
// the spirit of documenso's typed audit log. Names follow one grammar, `<entity>[.<part>].<past participle>`
// (`inspection.plan.submitted`), lower snake_case in each segment.

const id = z.string().min(1);
const text = z.string();
const location = z
  .object({ latitude: z.number(), longitude: z.number(), accuracy: z.number().nullish() })
  .nullable();
const record = z.record(z.string(), z.unknown());
const empty = z.object({});

// advanceStage adds the lifecycle step it took to whatever the step records.
const stage = { from: text.optional(), to: text.optional(), event: text.optional() };
const inspectionStep = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, ...stage });

const action = <S extends z.ZodType, E extends readonly [string, ...string[]]>(
  entityTypes: E,
  label: string,
  payload: S,
) => ({ entityTypes, label, payload });

const planStep = (kind: 'annual_plan' | 'monthly_plan', label: string) =>
  action([kind], label, z.object({ version: z.number().int().optional(), action: z.unknown().optional() }));

export const auditActions = {
  'user.session.opened': action(['user'], '登录', z.object({ ip: text.nullish() })),
  'user.session.closed': action(['user'], '退出登录', empty),
  'user.account.created': action(
    ['user'],
    '创建管理员账号',
    z.object({ username: text, displayName: text, role: text }),
  ),
  'user.account.locked': action(
    ['user'],
    '连续登录失败，账号锁定',
    z.object({ failures: z.number().int(), until: text.optional() }),
  ),
  'user.account.unlocked': action(['user'], '管理员解除账号锁定', z.object({ lockedUntil: text })),
  // measure 11: the bureau head delegates the approval of on-site plans to a unit head, with scope and term
  'user.plan_approval.delegated': action(
    ['user'],
    '委托审批现场检查方案',
    z.object({ delegationId: id, kinds: z.array(text), scopeNote: text, validFrom: text, validTo: text }),
  ),
  'user.plan_approval.revoked': action(['user'], '收回现场检查方案审批委托', z.object({ delegationId: id })),

  'enterprise.created': action(['enterprise'], '新增企业', z.object({ after: record })),
  'enterprise.updated': action(['enterprise'], '修改企业信息', z.object({ changed: z.unknown() })),
  'enterprise.imported': action(
    ['enterprise'],
    '导入企业',
    z.object({ mode: z.enum(['create', 'update']), after: record.optional(), changed: record.optional() }),
  ),
  'enterprise.grade.changed': action(
    ['enterprise'],
    '分级分类变更',
    z.object({ trigger: text, from: z.unknown(), to: z.unknown(), summary: z.unknown() }),
  ),
  'enterprise.fact.recorded': action(
    ['enterprise'],
    '记录分级事实',
    z.object({ factId: id, kind: text, data: z.unknown() }),
  ),
  'enterprise.fact.retracted': action(
    ['enterprise'],
    '撤回分级事实',
    z.object({ factId: id, kind: text, reason: text }),
  ),
  'regrade_run.batch.regraded': action(
    ['regrade_run'],
    '批量重新分级',
    z.object({ trigger: text, date: text, batchFrom: id, batchTo: id, changed: z.array(id) }),
  ),

  'organisation.created': action(['organisation'], '新增机构', z.object({ after: record })),
  'organisation.updated': action(
    ['organisation'],
    '修改机构信息',
    z.object({ before: record, after: record }),
  ),

  'officer.created': action(['officer'], '新增执法人员', z.object({ input: record })),
  'officer.updated': action(['officer'], '修改执法人员信息', z.object({ patch: record })),
  'officer.removed': action(['officer'], '执法人员移出名册', z.object({ date: text, reason: text })),
  'officer.certificate.added': action(['officer'], '登记执法证', record),
  'officer.certificate_status.changed': action(
    ['officer'],
    '执法证状态变更',
    z.object({ certificate: text, from: text, to: text, reason: text.nullish() }),
  ),
  'officer.conflict.declared': action(
    ['officer'],
    '申报利害关系（回避）',
    z.object({ enterpriseId: id, reason: text }),
  ),

  'guide_list.generated': action(
    ['guide_list'],
    '生成重点企业名单',
    z.object({
      year: z.number().int().optional(),
      entries: z.number().int(),
      regenerated: z.boolean().optional(),
    }),
  ),
  'guide_list.entry.added': action(
    ['guide_list'],
    '名单增列企业',
    z.object({ enterpriseId: id, reason: text }),
  ),
  'guide_list.entry.removed': action(
    ['guide_list'],
    '名单移出企业',
    z.object({ enterpriseId: id, creditCode: text, reason: text }),
  ),
  'guide_list.approved': action(['guide_list'], '批准重点企业名单', z.object({ comment: text.nullable() })),
  'guide_list.published': action(['guide_list'], '公示重点企业名单', empty),

  'plan.annual.computed': action(
    ['annual_plan'],
    '测算年度监督检查计划',
    z.object({
      year: z.number().int(),
      version: z.number().int(),
      workdays: z.unknown(),
      totals: z.unknown(),
      linkedTo: id.nullable(),
    }),
  ),
  'plan.annual.submitted': planStep('annual_plan', '报送年度计划'),
  'plan.annual.returned': planStep('annual_plan', '退回年度计划'),
  'plan.annual.approved': planStep('annual_plan', '批准年度计划'),
  'plan.annual.filed': planStep('annual_plan', '年度计划备案'),
  'plan.annual.published': planStep('annual_plan', '公布年度计划'),
  'plan.annual.adjusted': action(
    ['annual_plan'],
    '调整年度计划（新版本）',
    z.object({ reason: text, previousVersion: z.number().int(), previousId: id }),
  ),
  'plan.annual.superseded': action(
    ['annual_plan'],
    '年度计划被新版本取代',
    z.object({ version: z.number().int(), byVersion: z.number().int() }),
  ),
  'plan.monthly.created': action(
    ['monthly_plan'],
    '编制月度工作计划',
    z.object({
      year: z.number().int(),
      month: z.number().int(),
      annualPlanId: id,
      annualPlanVersion: z.number().int(),
      enterprises: z.number().int(),
    }),
  ),
  'plan.monthly.submitted': planStep('monthly_plan', '报送月度工作计划'),
  'plan.monthly.returned': planStep('monthly_plan', '退回月度工作计划'),
  'plan.monthly.approved': planStep('monthly_plan', '批准月度工作计划'),
  'plan.monthly.filed': planStep('monthly_plan', '月度工作计划备案'),
  'plan.monthly.published': planStep('monthly_plan', '公布月度工作计划'),
  'plan.monthly.adjusted': planStep('monthly_plan', '调整月度工作计划'),
  'plan.monthly.superseded': planStep('monthly_plan', '月度工作计划被取代'),

  'notification.reminder.sent': action(
    ['monthly_plan_reminder', 'draw'],
    '发送提醒',
    record.and(z.object({ notifications: z.number().int() })),
  ),

  'draw.pool.frozen': action(
    ['draw'],
    '冻结抽取名录',
    z.object({
      title: text,
      poolHash: text,
      inspectorPoolHash: text,
      enterprises: z.number().int(),
      sampleSize: z.number().int(),
      inspectors: z.number().int(),
      atCap: z.number().int(),
    }),
  ),
  'draw.performed': action(
    ['draw'],
    '双随机抽取',
    z.object({
      publicEntropy: z.unknown(),
      witnesses: z.unknown(),
      seed: text,
      selected: z.number().int(),
      resultHash: text.optional(),
    }),
  ),
  'draw.cancellation.requested': action(['draw'], '申请撤销抽取', z.object({ reason: text })),
  'draw.cancellation.decided': action(
    ['draw'],
    '决定是否撤销抽取',
    z.object({ approve: z.boolean(), comment: text.nullish() }),
  ),
  'draw.officer.recused': action(['draw'], '执法人员回避并递补', record),
  'draw.results.published': action(['draw'], '公示抽查结果', empty),

  'inspection.created': action(
    ['inspection'],
    '列入检查',
    z
      .object({
        enterpriseId: id,
        plannedOn: text,
        kind: text,
        matters: z.unknown(),
        partners: z.array(id),
        drawId: id.nullable(),
      })
      .loose(),
  ),
  'inspection.completed': action(
    ['inspection'],
    '检查完成',
    z.object({ completedOn: text, resultSummary: text.nullish(), drawId: id.nullable() }),
  ),
  'inspection.merged': action(
    ['inspection'],
    '合并检查',
    z.object({
      decisionId: id,
      intoId: id,
      merged: z.array(id),
      matters: z.unknown(),
      partners: z.array(text),
    }),
  ),
  'inspection.merge.declined': action(
    ['merge_decision'],
    '不予合并检查',
    z.object({ inspectionIds: z.array(id), reason: text }),
  ),
  'inspection.plan.drafted': action(
    ['inspection'],
    '草拟现场检查方案',
    inspectionStep({ planId: id, version: z.number().int(), fromDraw: id.nullish() }),
  ),
  'inspection.plan.submitted': action(
    ['inspection'],
    '提交现场检查方案',
    inspectionStep({ planId: id, version: z.number().int() }),
  ),
  'inspection.plan.approved': action(
    ['inspection'],
    '批准现场检查方案',
    inspectionStep({
      planId: id,
      comment: text.nullable(),
      checks: z.array(text),
      // the approver's authority (measure 11): the grant, or a unit head's delegation; and 事后补批
      under: z.enum(['grant', 'delegation']).optional(),
      delegationId: id.nullish(),
      afterwards: z.boolean().optional(),
    }),
  ),
  'inspection.plan.urgently_started': action(
    ['inspection'],
    '紧急情况先行检查（待事后补批）',
    inspectionStep({ planId: id, ground: text, reason: text, approvalDueBy: text }),
  ),
  'inspection.trigger.approved': action(
    ['inspection'],
    '批准“其他渠道”重点执法来源',
    z.object({ trigger: text, description: text }),
  ),
  'inspection.plan.rejected': action(
    ['inspection'],
    '退回现场检查方案',
    inspectionStep({ planId: id, reason: text.nullish(), afterwards: z.boolean().optional() }),
  ),
  'inspection.enterprise.notified': action(['inspection'], '通知企业', inspectionStep({}).loose()),
  'inspection.arrival.registered': action(
    ['inspection'],
    '亮码入企（企业扫码登记到达）',
    inspectionStep({ at: text, location }),
  ),
  'inspection.remote_check.recorded': action(['inspection'], '非现场检查', inspectionStep({}).loose()),
  'inspection.entry.recorded': action(['inspection'], '记录检查项目', inspectionStep({}).loose()),
  'inspection.finding.recorded': action(
    ['inspection'],
    '记录问题',
    inspectionStep({ findingId: id }).loose(),
  ),
  'inspection.evidence.uploaded': action(
    ['inspection'],
    '上传证据',
    z.object({ fileId: id, kind: text, sha256: text }).loose(),
  ),
  'inspection.emergency_measure.taken': action(
    ['inspection'],
    '采取现场处置措施（安全生产法第六十五条）',
    z.object({ findingId: id }).loose(),
  ),
  'inspection.case_referral.opened': action(
    ['inspection'],
    '重大事故隐患移交立案审查',
    z.object({ referralId: id, findingId: id, exemptUnderMeasure14: z.boolean() }),
  ),
  'inspection.case_referral.decided': action(
    ['inspection'],
    '法制审核办结移交立案审查（立案或说明不予立案理由）',
    z.object({
      referralId: id,
      outcome: z.enum(['case_opened', 'no_case']),
      caseReference: text.nullable(),
      reason: text.nullable(),
      basis: text.nullable(),
    }),
  ),
  // issue 15: penalty cases, every state change
  'penalty_case.opened': action(
    ['penalty_case'],
    '立案',
    z.object({
      reference: text,
      source: text,
      caseReferralId: id.nullable(),
      rectificationOrderId: id.nullable(),
      reportId: id.optional(),
    }),
  ),
  'penalty_case.facts.recorded': action(
    ['penalty_case'],
    '记录违法行为与裁量情节',
    z.object({ violationCode: text, committedOn: text, circumstances: z.array(text), foundBy: text }),
  ),
  'penalty_case.evidence.recorded': action(
    ['penalty_case'],
    '登记证据',
    z.object({ evidenceId: id, kind: text, description: text }),
  ),
  'penalty_case.proposal.drafted': action(
    ['penalty_case'],
    '生成裁量建议',
    z.object({
      tier: text,
      amountFen: z.number().int().nullable(),
      unverified: z.array(text),
      catalogVersions: record,
      // the tier rule used: a legal reviewer's edit or the placeholder (issue 15 item 2)
      tierRule: record.nullish(),
    }),
  ),
  // issue 15 item 2 (measure 17): the legal reviewer's edit of a violation's discretion tiers
  'discretion_tier.edit.recorded': action(
    ['discretion_tier'],
    '修改裁量阶次',
    z.object({
      violationCode: text,
      editIds: z.array(id),
      tiers: z.array(record),
      effective: text,
      source: text,
      verified: z.boolean(),
      reason: text,
    }),
  ),
  'penalty_case.transitioned': action(
    ['penalty_case'],
    '案件办理环节变更',
    z.object({ action: text, from: text, to: text, note: text.nullish() }).loose(),
  ),
  'penalty_case.observation.recorded': action(
    ['penalty_case'],
    '记录观察期回访结果',
    z.object({ outcome: text, note: text, followUpOn: text }),
  ),
  'penalty_case.seizure.proposed': action(
    ['penalty_case'],
    '提出查封、扣押',
    z.object({ seizureId: id, kind: text, items: z.array(z.object({ name: text }).loose()), reason: text }),
  ),
  'penalty_case.seizure.decided': action(
    ['penalty_case'],
    '负责人批准或者不批准查封、扣押',
    z.object({
      seizureId: id,
      approve: z.boolean(),
      note: text,
      startedOn: text.nullable(),
      dueOn: text.nullable(),
    }),
  ),
  'penalty_case.seizure.extension_requested': action(
    ['penalty_case'],
    '申请延长查封、扣押期限',
    z.object({ seizureId: id, days: z.number().int(), reason: text }),
  ),
  'penalty_case.seizure.extension_decided': action(
    ['penalty_case'],
    '负责人批准或者不批准延长查封、扣押期限',
    z.object({ seizureId: id, approve: z.boolean(), note: text, dueOn: text }),
  ),
  'penalty_case.seizure.testing_period_recorded': action(
    ['penalty_case'],
    '登记检测、检验、检疫或者技术鉴定的期间（不计入查封、扣押期限）',
    z.object({
      seizureId: id,
      kind: text,
      startsOn: text,
      endsOn: text,
      notifiedOn: text,
      note: text,
      dueOnBefore: text.nullable(),
      dueOn: text,
    }),
  ),
  'penalty_case.seizure.released': action(
    ['penalty_case'],
    '解除查封、扣押',
    z.object({ seizureId: id, ground: text, note: text, releasedOn: text }),
  ),
  'penalty_case.supply_suspension.proposed': action(
    ['penalty_case'],
    '提出停止供电、停止供应民用爆炸物品措施',
    z.object({ suspensionId: id, kinds: z.array(text), suppliers: text, urgent: z.boolean() }),
  ),
  'penalty_case.supply_suspension.decided': action(
    ['penalty_case'],
    '主要负责人批准或者不批准停止供电、供应措施',
    z.object({ suspensionId: id, approve: z.boolean(), note: text.nullable() }),
  ),
  'penalty_case.supply_suspension.lifted': action(
    ['penalty_case'],
    '企业履行决定后解除停止供电、供应措施',
    z.object({ suspensionId: id, note: text }),
  ),
  'penalty_case.listing.recommended': action(
    ['penalty_case'],
    '提出是否列入安全生产严重失信主体名单的意见',
    z.object({ listingId: id, criterion: text, recommendation: text, reason: text }),
  ),
  'penalty_case.listing.decided': action(
    ['penalty_case'],
    '负责人决定是否列入安全生产严重失信主体名单',
    z.object({
      listingId: id,
      listed: z.boolean(),
      note: text,
      listedOn: text.nullable(),
      endsOn: text.nullable(),
    }),
  ),
  'penalty_case.listing.removed': action(
    ['penalty_case'],
    '移出安全生产严重失信主体名单',
    z.object({ listingId: id, reason: text, removedOn: text, warning: text.nullable() }),
  ),
  // issue 15 item 3 after service: the performance of a fine
  'penalty_case.fine_payment.recorded': action(
    ['penalty_case'],
    '记录罚款缴纳',
    z.object({
      paymentId: id,
      paidOn: text,
      amountFen: z.number().int(),
      reference: text,
      outstandingFen: z.number().int(),
    }),
  ),
  'penalty_case.fine_arrangement.applied': action(
    ['penalty_case'],
    '记录当事人暂缓或者分期缴纳罚款的申请',
    z.object({
      arrangementId: id,
      kind: text,
      appliedOn: text,
      deferredUntil: text.nullable(),
      instalments: z.array(z.object({ dueOn: text, amountFen: z.number().int() })).nullable(),
    }),
  ),
  'penalty_case.fine_arrangement.decided': action(
    ['penalty_case'],
    '批准或者不批准暂缓、分期缴纳罚款',
    z.object({ arrangementId: id, approve: z.boolean(), note: text.nullable() }),
  ),
  'penalty_case.fine_reminder.recorded': action(
    ['penalty_case'],
    '记录催告书送达（申请强制执行前催告）',
    z.object({
      reminderId: id,
      servedOn: text,
      documentNumber: text,
      overdueFen: z.number().int(),
      outstandingFen: z.number().int(),
      note: text.nullable(),
    }),
  ),
  'penalty_case.court_enforcement.applied': action(
    ['penalty_case'],
    '申请人民法院强制执行',
    z.object({ appliedOn: text, court: text, outstandingFen: z.number().int(), warnings: z.array(text) }),
  ),
  // measure 15: 安全生产法 第一百一十二条 (按日连续处罚) and 第一百一十三条 (提请关闭)
  'penalty_case.correction_refusal.recorded': action(
    ['penalty_case'],
    '复查认定拒不改正，计算按日连续处罚',
    z.object({
      orderedToCorrectOn: text,
      refusalFoundOn: text,
      days: z.number().int(),
      amountFen: z.number().int(),
      evidenceNote: text,
    }),
  ),
  'penalty_case.follow_up_case.opened': action(
    ['penalty_case'],
    '按日连续处罚另行立案',
    z.object({ followUpCaseId: id, reference: text, days: z.number().int(), amountFen: z.number().int() }),
  ),
  'penalty_case.closure_proposal.sent': action(
    ['penalty_case'],
    '提请地方人民政府予以关闭',
    z.object({
      item: z.number().int(),
      sentOn: text,
      documentNote: text,
      penaltyCaseIds: z.array(id),
      // items (二) to (四): the facts the head recorded
      facts: text.optional(),
    }),
  ),
  'penalty_case.published': action(
    ['penalty_case'],
    '行政处罚决定公示（不含个人信息）',
    z.object({ publicationId: id, publishedOn: text, creditClass: text }),
  ),
  'penalty_case.publication.retracted': action(
    ['penalty_case'],
    '行政处罚决定被变更、撤销或者确认违法、无效，撤回公示',
    z.object({ publicationId: id, ground: text, groundOn: text, due: text }),
  ),
  'penalty_case.repair.applied': action(
    ['penalty_case'],
    '企业申请信用修复',
    z.object({ applicationId: id, publicationId: id, dueOn: text }),
  ),
  'penalty_case.repair.decided': action(
    ['penalty_case'],
    '信用修复申请审核',
    z.object({ applicationId: id, approve: z.boolean(), note: text.nullable() }),
  ),
  'penalty_case.document.issued': action(
    ['penalty_case'],
    '出具案件文书（带文书编号）',
    z.object({ documentId: id, type: text, number: text, subjectId: id.nullable() }),
  ),
  'inspection.emergency_measure.lifted': action(
    ['inspection'],
    '重大事故隐患排除后经审查同意恢复生产经营和使用',
    z.object({ findingId: id, kinds: z.array(text), note: text }),
  ),
  'inspection.record.acknowledged': action(
    ['inspection'],
    '企业负责人签字或拒签记录',
    z.object({ signed: z.boolean(), signerName: text }).loose(),
  ),
  'inspection.concluded': action(
    ['inspection'],
    '出具检查文书',
    inspectionStep({ documentId: id, number: text }),
  ),
  'inspection.closed': action(['inspection'], '结束检查', inspectionStep({ orders: z.array(record) })),
  'inspection.rating.submitted': action(['rating'], '企业评价执法人员', empty),
  'inspection.document.issued': action(
    ['inspection'],
    '文书编号出具',
    z.object({ documentId: id, type: text, number: text, subjectId: id.nullable() }),
  ),

  'rectification.order.issued': action(
    ['inspection'],
    '下达责令限期整改指令书',
    z.object({
      orderId: id,
      findingIds: z.array(id),
      deadline: text,
      workdays: z.number().int().nullable(),
      pendingYears: z.array(z.number().int()).optional(),
      number: text,
    }),
  ),
  'rectification.order.deadline_recomputed': action(
    ['inspection'],
    '节假日安排公布后重新计算整改期限',
    z.object({
      orderId: id,
      from: text,
      to: text,
      workdays: z.number().int(),
      years: z.array(z.number().int()),
    }),
  ),
  'rectification.proof.submitted': action(
    ['inspection'],
    '企业提交整改材料',
    z.object({ orderId: id, fileId: id, note: text.nullish(), joined: z.unknown() }),
  ),
  'rectification.order.reviewed': action(
    ['inspection'],
    '整改复查',
    z.object({ orderId: id, passed: z.boolean(), comment: text.nullish(), number: text, to: text }),
  ),
  'rectification.order.escalated': action(
    ['inspection'],
    '逾期或整改不到位，移交立案审查',
    z.object({ orderId: id, reason: text }),
  ),
  'rectification.order.closed_unrectified': action(
    ['inspection'],
    '未经整改关闭',
    z.object({ orderId: id, reason: text, from: text }),
  ),

  'calendar.holiday_table.entered': action(
    ['holiday_table'],
    '录入年度法定节假日安排',
    z.object({
      year: z.number().int(),
      notice: text,
      holidays: z.array(text),
      makeUpWorkdays: z.array(text),
      previous: z
        .object({ notice: text.nullable(), holidays: z.array(text), makeUpWorkdays: z.array(text) })
        .nullable(),
      recomputedOrders: z.number().int(),
    }),
  ),

  // issue 16: monitoring sources, their points, the batches they send and the incidents officers handle
  'monitoring_source.registered': action(
    ['monitoring_source'],
    '登记监测预警来源',
    z.object({ kind: text, name: text }),
  ),
  'monitoring_point.registered': action(
    ['monitoring_point'],
    '登记监测点',
    z.object({ sourceId: id, code: text, enterpriseId: id, kind: text }),
  ),
  'monitoring_source.batch.received': action(
    ['monitoring_source'],
    '接收监测报警',
    z.object({
      accepted: z.number().int(),
      duplicates: z.number().int(),
      rejected: z.number().int(),
      opened: z.number().int(),
      merged: z.number().int(),
      cleared: z.number().int(),
    }),
  ),
  'monitoring_incident.opened': action(
    ['monitoring_incident'],
    '生成监测预警线索',
    z.object({ level: text, priority: text, summary: text }),
  ),
  'monitoring_incident.handled': action(
    ['monitoring_incident'],
    '处置监测预警线索',
    z.object({ step: text, from: text, to: text, note: text.nullable(), inspectionId: id.optional() }),
  ),
  // issue 16 item 5: a lead nobody took up went up the territory's chain
  'monitoring_incident.escalated': action(
    ['monitoring_incident'],
    '监测预警线索逾期未处置，逐级上报',
    z.object({ steps: z.number().int(), handlingTerritory: text, notified: z.number().int() }),
  ),

  // measure 21: drone patrols planned, the findings their pilots report, the patrol completed
  'drone_mission.planned': action(
    ['drone_mission'],
    '安排无人机巡查',
    z.object({ title: text, areaKind: text, scheduledOn: text, startTime: text, endTime: text, pilotId: id }),
  ),
  'drone_mission.completed': action(
    ['drone_mission'],
    '完成无人机巡查',
    z.object({ findings: z.number().int() }),
  ),
  'drone_mission.finding.reported': action(
    ['drone_mission'],
    '上传无人机巡查发现',
    z.object({
      findingId: id,
      kind: text,
      enterpriseId: id,
      takenAt: text,
      location,
      insideArea: z.boolean(),
      sha256: text,
    }),
  ),

  // measure 28: open days and media observations
  'open_day.created': action(
    ['open_day'],
    '登记执法开放日或媒体观察活动',
    z.object({ kind: text, title: text, heldOn: text }),
  ),
  'open_day.participant.added': action(
    ['open_day'],
    '登记活动参加人员',
    z.object({ participantId: id, category: text, userId: id.nullable() }),
  ),
  'open_day.inspection.linked': action(['open_day'], '安排参加人员观摩检查', z.object({ inspectionId: id })),
  'open_day.suggestion.submitted': action(
    ['open_day'],
    '提出意见建议',
    z.object({ suggestionId: id, participantId: id }),
  ),
  'open_day.suggestion.answered': action(['open_day'], '答复意见建议并公开', z.object({ suggestionId: id })),
  // 公示办法 第十七条: a bureau's annual report
  'annual_report.generated': action(
    ['annual_report'],
    '生成年度行政执法数据及分析报告',
    z.object({ year: z.number().int() }),
  ),
  'annual_report.published': action(
    ['annual_report'],
    '发布年度行政执法数据及分析报告',
    z.object({ year: z.number().int(), publishedOn: text, dueOn: text, late: z.boolean() }),
  ),
  // measure 27: reports from the public and their handling; the payloads never carry the reporter's identity
  'report.received': action(
    ['report'],
    '收到举报',
    z.object({ kind: text, anonymous: z.boolean(), employeeOfEnterprise: z.boolean() }),
  ),
  'report.handled': action(
    ['report'],
    '办理举报',
    z.object({
      step: text,
      from: text,
      to: text,
      note: text.nullable().optional(),
      mergedIntoId: id.optional(),
      inspectionId: id.optional(),
      penaltyCaseId: id.optional(),
      outcome: text.optional(),
    }),
  ),
  'report.extension.requested': action(
    ['report'],
    '申请延长举报核查期限',
    z.object({ days: z.number().int(), reason: text }),
  ),
  'report.extension.decided': action(
    ['report'],
    '审批延长举报核查期限',
    z.object({ approved: z.boolean(), days: z.number().int() }),
  ),
  // the one way to the reporter's identity: every read is an event
  'report.identity.viewed': action(['report'], '查阅举报人身份信息', z.object({ reason: text })),
  'report.reward.proposed': action(
    ['report'],
    '提出举报奖励',
    z.object({ rewardId: id, kind: text, amountYuan: z.number(), verified: z.boolean() }),
  ),
  'report.reward.decided': action(
    ['report'],
    '审批举报奖励',
    z.object({ rewardId: id, approved: z.boolean(), note: text.nullable() }),
  ),
  'report.reward.notified': action(
    ['report'],
    '发出领奖通知',
    z.object({ rewardId: id, noticeOn: text, collectBy: text }),
  ),
  'report.reward.payment_recorded': action(
    ['report'],
    '登记奖励发放',
    z.object({ rewardId: id, paidOn: text, method: text, amountYuan: z.number() }),
  ),
  'report.reward.waived': action(
    ['report'],
    '登记放弃领取举报奖励',
    z.object({ rewardId: id, reason: text, collectBy: text.nullable(), collectPeriodOver: z.boolean() }),
  ),
  'internal_reporting.registered': action(
    ['enterprise'],
    '登记企业事故隐患内部报告奖励机制',
    z.object({ systemId: id, establishedOn: text }),
  ),
  'internal_reporting.payout.recorded': action(
    ['enterprise'],
    '登记企业内部报告奖励发放',
    z.object({ systemId: id, paidOn: text, amountYuan: z.number() }),
  ),
  // measure 29: complaints about enforcement and their answers; case-file review rounds, scores and corrections
  'complaint.received': action(
    ['complaint'],
    '登记执法投诉',
    z.object({
      channel: text,
      dueOn: text,
      officerId: id.nullable(),
      inspectionId: id.nullable(),
      penaltyCaseId: id.nullable(),
    }),
  ),
  'complaint.answered': action(
    ['complaint'],
    '答复执法投诉',
    z.object({ answeredOn: text, overdue: z.boolean() }),
  ),
  'case_review.round.opened': action(
    ['case_review'],
    '发起案卷评查',
    z.object({
      kind: text,
      topic: text.nullable(),
      poolSize: z.number().int(),
      poolHash: text,
      sampleSize: z.number().int(),
    }),
  ),
  'case_review.round.sampled': action(
    ['case_review'],
    '抽取评查案卷',
    z.object({ publicEntropy: text, seed: text, selected: z.array(text), complaintDriven: z.array(text) }),
  ),
  'case_review.file.scored': action(
    ['case_review'],
    '案卷评分',
    z.object({ fileId: id, grade: text, total: z.number(), vetoFailed: z.array(text), findings: text }),
  ),
  'case_review.correction.ordered': action(
    ['case_review'],
    '评查责令整改',
    z.object({ fileId: id, correctionId: id, dueOn: text, requirement: text }),
  ),
  'case_review.correction.completed': action(
    ['case_review'],
    '评查整改完成',
    z.object({ fileId: id, correctionId: id, completedOn: text }),
  ),
  // measure 30
  'accountability_record.drafted': action(
    ['accountability_record'],
    '起草问责记录',
    z.object({
      kind: text,
      origin: text,
      officerIds: z.array(id),
      correction: text.nullable(),
      complaintId: id.nullable().optional(),
    }),
  ),
  'accountability_record.updated': action(
    ['accountability_record'],
    '修改问责记录',
    z.object({ patch: record }),
  ),
  'accountability_record.submitted': action(
    ['accountability_record'],
    '提交问责记录审批',
    z.object({ warnings: z.array(text) }),
  ),
  'accountability_record.returned': action(
    ['accountability_record'],
    '退回问责记录',
    z.object({ note: text }),
  ),
  'accountability_record.approved': action(
    ['accountability_record'],
    '批准问责记录（处理生效）',
    z.object({
      note: text.nullable(),
      certificates: z.array(z.object({ officerId: id, effect: text, numbers: z.array(text) })),
      publicationWithdrawn: z.boolean(),
    }),
  ),
  'accountability_record.correction.completed': action(
    ['accountability_record'],
    '登记纠正措施完成',
    z.object({ completedOn: text, note: text }),
  ),
  // measure 23: the expert database and the dispatches of its experts
  'expert.registered': action(['expert'], '专家入库', z.object({ name: text, fields: z.array(text) })),
  'expert.updated': action(
    ['expert'],
    '修改专家信息',
    z.object({ fields: z.array(text), active: z.boolean() }),
  ),
  'expert.qualification.recorded': action(
    ['expert'],
    '登记专家资格',
    z.object({ kind: text, validFrom: text, validTo: text }),
  ),
  'expert.conflict.recorded': action(
    ['expert'],
    '登记专家利益冲突（回避）',
    z.object({ enterpriseId: id, reason: text }),
  ),
  'expert_dispatch.requested': action(
    ['expert_dispatch'],
    '企业申请专家帮扶',
    z.object({ enterpriseId: id }),
  ),
  'expert_dispatch.dispatched': action(
    ['expert_dispatch'],
    '派遣专家帮扶',
    z.object({
      expertId: id,
      enterpriseId: id,
      origin: text,
      findingId: id.nullable(),
      plannedOn: text.nullable(),
    }),
  ),
  'expert_dispatch.declined': action(['expert_dispatch'], '不予派遣专家', z.object({ reason: text })),
  'expert_dispatch.visit.recorded': action(
    ['expert_dispatch'],
    '专家记录帮扶服务',
    z.object({ visitedOn: text, hazards: z.number().int(), major: z.number().int() }),
  ),
  'expert_dispatch.hazard.fixed': action(
    ['expert_dispatch'],
    '专家确认隐患整改',
    z.object({ hazardId: text, fixedOn: text, marked: z.boolean() }),
  ),
  'expert_dispatch.rated': action(
    ['expert_dispatch'],
    '企业评价专家帮扶',
    z.object({ rating: z.number().int() }),
  ),
  // measures 25, 26: the team
  'team.qualification.recorded': action(
    ['team'],
    '登记执法队伍资格',
    z.object({ kind: text, personName: text, officerId: id.nullable() }),
  ),
  'team.course.created': action(
    ['team'],
    '登记培训班',
    z.object({ title: text, heldOn: text, hours: z.number() }),
  ),
  'team.attendance.recorded': action(['team'], '登记参训人员', z.object({ courseId: id, officerId: id })),
  'team.selection.created': action(
    ['team'],
    '发起评选',
    z.object({ kind: text, title: text, year: z.number().int() }),
  ),
  'team.selection.nominated': action(
    ['team'],
    '提名评选对象',
    z.object({ nominationId: id, nomineeUserId: id.nullable(), caseId: id.nullable() }),
  ),
  'team.selection.voted': action(['team'], '评选投票', z.object({ nominationId: id })),
  'team.selection.closed': action(['team'], '公布评选结果', z.object({ winners: z.array(text) })),

  'system.demo.seeded': action(['system'], '载入演示数据', record),
} as const;

export type AuditAction = keyof typeof auditActions;
export type AuditEntityType = (typeof auditActions)[AuditAction]['entityTypes'][number];
export type AuditPayload<A extends AuditAction> = z.input<(typeof auditActions)[A]['payload']>;

// The names events carried before this grammar; stored events keep them (their hashes cover them), so the
// viewer and every reader of the chain map them through here.
export const legacyActionNames: Record<string, AuditAction> = {
  'auth.login': 'user.session.opened',
  'auth.logout': 'user.session.closed',
  'auth.lockout': 'user.account.locked',
  'enterprise.create': 'enterprise.created',
  'enterprise.update': 'enterprise.updated',
  'enterprise.import': 'enterprise.imported',
  'organisation.create': 'organisation.created',
  'organisation.update': 'organisation.updated',
  'officer.create': 'officer.created',
  'officer.update': 'officer.updated',
  'officer.remove': 'officer.removed',
  'certificate.add': 'officer.certificate.added',
  'certificate.status': 'officer.certificate_status.changed',
  'grading.change': 'enterprise.grade.changed',
  'grading.regrade': 'regrade_run.batch.regraded',
  'fact.record': 'enterprise.fact.recorded',
  'fact.retract': 'enterprise.fact.retracted',
  'guide_list.generate': 'guide_list.generated',
  'guide_list.entry_add': 'guide_list.entry.added',
  'guide_list.entry_remove': 'guide_list.entry.removed',
  'guide_list.approve': 'guide_list.approved',
  'guide_list.publish': 'guide_list.published',
  'notification.remind': 'notification.reminder.sent',
  'draw.freeze': 'draw.pool.frozen',
  'draw.perform': 'draw.performed',
  'draw.cancellation_request': 'draw.cancellation.requested',
  'draw.cancellation_decide': 'draw.cancellation.decided',
  'draw.recusal': 'draw.officer.recused',
  'draw.results_publish': 'draw.results.published',
  'conflict.declare': 'officer.conflict.declared',
  'inspection.create': 'inspection.created',
  'inspection.complete': 'inspection.completed',
  'inspection.merge': 'inspection.merged',
  'inspection.merge_decline': 'inspection.merge.declined',
  'inspection.plan_draft': 'inspection.plan.drafted',
  'inspection.plan_submit': 'inspection.plan.submitted',
  'inspection.plan_approve': 'inspection.plan.approved',
  'inspection.plan_reject': 'inspection.plan.rejected',
  'inspection.notify': 'inspection.enterprise.notified',
  'inspection.check_in': 'inspection.arrival.registered',
  'inspection.remote_check': 'inspection.remote_check.recorded',
  'inspection.entry': 'inspection.entry.recorded',
  'inspection.finding': 'inspection.finding.recorded',
  'inspection.evidence': 'inspection.evidence.uploaded',
  'inspection.emergency_measure': 'inspection.emergency_measure.taken',
  'inspection.acknowledge': 'inspection.record.acknowledged',
  'inspection.conclude': 'inspection.concluded',
  'inspection.close': 'inspection.closed',
  'inspection.rating': 'inspection.rating.submitted',
  'rectification.issue': 'rectification.order.issued',
  'rectification.proof': 'rectification.proof.submitted',
  'rectification.review': 'rectification.order.reviewed',
  'rectification.escalate': 'rectification.order.escalated',
  'rectification.close_without': 'rectification.order.closed_unrectified',
  'document.issue': 'inspection.document.issued',
  'demo.seed': 'system.demo.seeded',
};

export const isAuditAction = (name: string): name is AuditAction => Object.hasOwn(auditActions, name);

// The current name of a stored action (itself, or what its legacy name became); null when unknown.
export const currentActionName = (stored: string): AuditAction | null =>
  isAuditAction(stored) ? stored : (legacyActionNames[stored] ?? null);

// Every name an action has been stored under: for queries that must find old events too.
export const storedActionNames = (name: AuditAction): string[] => [
  name,
  ...Object.entries(legacyActionNames)
    .filter(([, current]) => current === name)
    .map(([legacy]) => legacy),
];

export const auditActionLabel = (stored: string): string => {
  const current = currentActionName(stored);
  return current ? auditActions[current].label : stored;
};
