// Every problem the server answers with, by its stable code: the HTTP status and the Chinese title users
// see. A title that names the record in question is a template of typed parameters. The domain's rule
// refusals (422, `refused(refusal)`) keep their own codes and messages in `domain/`.
type Entry = { readonly status: number; readonly title: string | ((params: never) => string) };

export const problems = {
  // HTTP and input
  VALIDATION_FAILED: { status: 400, title: '提交的内容不符合要求' },
  BAD_REQUEST: { status: 400, title: '请求无法处理' },
  MALFORMED_JSON: { status: 400, title: '请求体不是合法的 JSON' },
  EMPTY_BODY: { status: 400, title: '请求体为空' },
  INVALID_CONTENT_LENGTH: { status: 400, title: '内容长度不正确' },
  INVALID_SORT: { status: 400, title: (p: { field: string }) => `不支持按“${p.field}”排序` },
  INVALID_CHARACTERS: {
    status: 400,
    title: (p: { where: string }) => `${p.where}含有不允许的字符（空字符或残缺的 Unicode 字符）`,
  },
  FOREIGN_ORIGIN: { status: 403, title: '请求不是从本平台的页面发出的，已拒绝' },
  BODY_MUST_BE_JSON: { status: 415, title: '请以 JSON（application/json）提交' },
  BODY_TOO_LARGE: { status: 413, title: '请求体过大' },
  FILE_TOO_LARGE: { status: 413, title: '上传的文件过大' },
  TOO_MANY_FILES: { status: 413, title: '一次只能上传一个文件' },
  TOO_MANY_PARTS: { status: 413, title: '上传的表单字段过多' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: '不支持的内容类型' },
  NOT_MULTIPART: { status: 415, title: '请以 multipart/form-data 上传文件' },
  ROUTE_NOT_FOUND: { status: 404, title: '接口不存在' },
  NOT_FOUND: { status: 404, title: (p: { what: string }) => `未找到该${p.what}，或您无权查看` },
  INTERNAL_ERROR: { status: 500, title: '服务器内部错误，请稍后重试' },

  // authentication and scope
  UNAUTHENTICATED: { status: 401, title: '请先登录' },
  INVALID_CREDENTIALS: { status: 401, title: '用户名或密码错误' },
  FORBIDDEN: { status: 403, title: '您的角色无权执行此操作' },
  CITY_ONLY: { status: 403, title: '计划衔接比对仅供市级部门使用' },
  ACCOUNT_LOCKED: { status: 423, title: (p: { until: string }) => `账号已被锁定，请于 ${p.until} 后再试` },
  ACCOUNT_NOT_LOCKED: { status: 409, title: '该账号未被锁定' },
  LOGIN_RATE_LIMITED: {
    status: 429,
    title: (p: { minutes: number }) => `登录尝试过于频繁，请 ${p.minutes} 分钟后再试`,
  },

  // files and uploads
  FILE_MISSING: { status: 400, title: (p: { file: string }) => `请选择要${p.file}` },
  FILE_EMPTY: { status: 422, title: '上传的文件是空的' },
  FILE_TYPE_NOT_ALLOWED: {
    status: 415,
    title: (p: { kind: string; allowed: string; detected: string }) =>
      `${p.kind}只接受 ${p.allowed} 文件，上传的文件内容是 ${p.detected}`,
  },
  FILE_ID_REUSED: { status: 409, title: '该文件编号已用于另一个文件，请重新选择文件上传' },
  IMPORT_INVALID_ROWS: {
    status: 422,
    title: (p: { count: number }) => `导入失败：${p.count} 处错误，未导入任何数据`,
  },
  IMPORT_TOO_MANY_ROWS: {
    status: 413,
    title: (p: { limit: number }) =>
      `工作簿超过 ${p.limit} 行，未导入任何数据；请分批导入，每批不超过 ${p.limit} 行`,
  },
  IMPORT_TOO_LARGE: {
    status: 413,
    title: (p: { limitMb: number }) =>
      `工作簿解压后超过 ${p.limitMb} MB 或压缩比异常，未导入任何数据；请检查文件或分批导入`,
  },
  IMPORT_UNREADABLE: {
    status: 422,
    title: '工作簿过于复杂，无法在限定的时间和内存内读取，未导入任何数据；请检查文件或分批导入',
  },
  IMPORT_BUSY: {
    status: 429,
    title: (p: { running: number; waiting: number }) =>
      `当前已有 ${p.running} 个导入正在进行、${p.waiting} 个在排队，请稍后再试`,
  },

  // organisations, officers, enterprises, grading, guide lists
  ENTRUSTING_NOT_BUREAU: { status: 422, title: '委托机关必须是具有法定资格的应急管理部门' },
  CERTIFICATE_NUMBER_EXISTS: {
    status: 409,
    title: (p: { number: string }) => `执法证编号 ${p.number} 已登记`,
  },
  CERTIFICATE_REVOKED_FINAL: { status: 409, title: '已吊销的执法证不能恢复，请登记新证' },
  OFFICER_ALREADY_REMOVED: {
    status: 409,
    title: (p: { name: string; removedOn: string | null }) => `${p.name} 已于 ${p.removedOn} 调离执法岗位`,
  },
  ENTERPRISE_EXISTS: {
    status: 409,
    title: (p: { creditCode: string }) => `统一社会信用代码 ${p.creditCode} 已登记`,
  },
  FACT_ALREADY_RETRACTED: { status: 409, title: '该记录已撤销' },
  REGRADE_RUNNING: { status: 409, title: '已有分级任务正在运行，请稍后' },
  GUIDE_LIST_EXISTS: { status: 409, title: (p: { year: number }) => `${p.year} 年的名单已存在` },
  GUIDE_LIST_ENTRY_EXISTS: { status: 409, title: '该企业已在名单中' },
  GUIDE_LIST_ENTRY_REMOVED: { status: 409, title: '该企业已移出名单' },

  // annual and monthly plans
  ANNUAL_PLAN_LEVEL_UNSUPPORTED: { status: 422, title: '省级年度计划暂不在本系统中编制' },
  ANNUAL_PLAN_NOT_DRAFT: {
    status: 409,
    title: (p: { year: number; version: number; superseded: boolean }) =>
      `${p.year} 年计划第 ${p.version} 版已${p.superseded ? '被替代' : '报送'}，不能重新计算`,
  },
  ANNUAL_PLAN_REVISION_EXISTS: {
    status: 409,
    title: (p: { version: number }) => `已有更新的第 ${p.version} 版，请在该版本上继续`,
  },
  ANNUAL_PLAN_NOT_IN_FORCE: {
    status: 422,
    title: (p: { year: number }) => `${p.year} 年度计划尚未批准，不能据以制定月度工作计划`,
  },
  MONTHLY_PLAN_ENTERPRISE_NOT_IN_ANNUAL_PLAN: {
    status: 422,
    title: (p: { count: number }) => `有 ${p.count} 家企业不在年度计划本月的安排中`,
  },
  MONTHLY_PLAN_EXISTS: {
    status: 409,
    title: (p: { unit: string; year: number; month: number }) =>
      `${p.unit} ${p.year} 年 ${p.month} 月的工作计划已存在`,
  },

  // draws (双随机抽取)
  UNKNOWN_MATTER: {
    status: 422,
    title: (p: { matters: string[] }) => `检查事项不在检查事项清单中：${p.matters.join('、')}`,
  },
  DRAW_NO_BUREAU: { status: 422, title: '未登记本级应急管理部门，不能组织抽取' },
  DRAW_PARTNER_NOT_DEPARTMENT: {
    status: 422,
    title: '联合检查的参与单位须为已登记的其他行政部门（措施第六项）',
  },
  DRAW_PARTNER_ROSTER_TOO_SMALL: {
    status: 422,
    title: (p: { organisation: string }) =>
      `${p.organisation}在检查日持有效执法证的人员不足两名，不能参加联合检查`,
  },
  DRAW_NOT_ENOUGH_INSPECTORS: {
    status: 422,
    title: (p: { available: number; teamSize: number }) =>
      `检查日持有效执法证的执法人员只有 ${p.available} 名，少于每组 ${p.teamSize} 名`,
  },
  DRAW_PLAN_NOT_IN_FORCE: { status: 422, title: '年度计划尚未批准，不能据以抽取' },
  DRAW_BAD_CHARACTER: { status: 422, title: '企业代码含制表符或换行，无法唯一计算名单哈希' },
  DRAW_STRATA_OVERLAP: {
    status: 422,
    title: (p: { code: string }) => `企业 ${p.code} 同时属于两个分层，分层须互不重叠`,
  },
  DRAW_EMPTY_STRATUM: {
    status: 422,
    title: (p: { stratum: string }) => `分层“${p.stratum}”没有可抽取的企业`,
  },
  DRAW_SAMPLE_TOO_LARGE: {
    status: 422,
    title: (p: { stratum: string; available: number; wanted: number }) =>
      `分层“${p.stratum}”只有 ${p.available} 家企业，不能抽取 ${p.wanted} 家`,
  },
  DRAW_BATCH_ALREADY_DRAWN: { status: 409, title: '该批次已冻结或已抽取，不得重复抽取（不得重抽）' },
  DRAW_ALREADY_DRAWN: { status: 409, title: '该批次已抽取，抽取不得重做' },
  DRAW_ALREADY_CANCELLED: { status: 409, title: '该批次已取消' },
  DRAW_CANCELLATION_PENDING: { status: 409, title: '已有待审批的取消申请' },
  DRAW_NO_CANCELLATION_REQUEST: { status: 409, title: '没有待审批的取消申请' },
  DRAW_REJECTION_NEEDS_COMMENT: { status: 422, title: '不同意取消时请写明意见' },
  DRAW_NOT_DRAWN: { status: 409, title: '该批次尚未抽取' },
  DRAW_RECORD_NOT_YET: {
    status: 409,
    title: (p: { until: string }) =>
      `为不预告检查，完整抽取记录在本批次检查全部办结或抽查期结束（${p.until}）后公布；现已公布结果哈希，届时可据以核验`,
  },
  DRAW_RESULTS_INCOMPLETE: {
    status: 422,
    title: (p: { open: number }) => `尚有 ${p.open} 项检查未完成，完成后再公示检查结果`,
  },
  DRAW_RESULTS_PUBLISHED: { status: 409, title: '该批次检查结果已公示' },

  // inspections
  INSPECTION_NO_SUBJECT: { status: 422, title: '未登记检查主体，不能实施检查' },
  INSPECTION_PARTNER_NOT_DEPARTMENT: { status: 422, title: '联合检查的部门须是在册的其他行政部门' },
  INSPECTION_NOT_OPEN: { status: 409, title: (p: { inspections: string }) => `${p.inspections}，不能再办理` },
  INSPECTION_MERGE_ENTERPRISES_DIFFER: { status: 422, title: '只能合并同一企业的检查' },
  INSPECTION_MERGE_YEARS_DIFFER: { status: 422, title: '所选检查不在同一年度，不能合并为一次检查' },
  MERGE_ALREADY_DECLINED: { status: 409, title: '这几次检查的合并建议已经决定不合并' },
  REMOTE_CHECK_IN_FUTURE: { status: 422, title: '检查日期不能晚于今天' },
  DOCUMENT_NO_ISSUING_BUREAU: {
    status: 409,
    title: (p: { document: string }) => `该检查没有记录实施检查的部门，无法为${p.document}编号`,
  },

  // the on-site plan and the check-in (亮码入企)
  UNANNOUNCED_REASON_REQUIRED: { status: 422, title: '不打招呼、直奔现场（四不两直）的检查须记录理由' },
  ONSITE_PLAN_NOT_DRAFT: { status: 409, title: '没有待提交的现场检查方案草稿' },
  ONSITE_PLAN_NOT_SUBMITTED: { status: 409, title: '没有待审批的现场检查方案' },
  ONSITE_PLAN_REJECTION_REASON: { status: 422, title: '退回现场检查方案须写明理由' },
  // measure 11 and issue 12 item 7: who approves, never the drafter; the urgent visit approved afterwards
  // measure 30: accountability records
  ACCOUNTABILITY_OWN_DRAFT: { status: 403, title: '不能审批本人起草的问责记录，请由其他部门负责人审批' },
  ACCOUNTABILITY_COMPLAINT_OUTSIDE_TERRITORY: {
    status: 400,
    title: '问责记录关联的投诉不属于该记录的辖区',
  },
  ACCOUNTABILITY_NOT_DRAFT: { status: 409, title: '问责记录已提交或已批准，不能再修改' },
  ACCOUNTABILITY_OFFICER_REPEATED: {
    status: 400,
    title: (p: { name: string }) => `责任人员“${p.name}”重复列出，请合并为一条`,
  },
  ONSITE_PLAN_OWN_DRAFT: { status: 403, title: '不能审批本人拟定的现场检查方案，请由部门负责人审批' },
  ONSITE_PLAN_APPROVER_NOT_HEAD: {
    status: 403,
    title: '现场检查方案须经部门负责人审批；科室负责人须有部门负责人记录的委托（在委托范围和期限内）',
  },
  DELEGATION_DELEGATE_NOT_UNIT_HEAD: { status: 422, title: '只能委托本辖区在职的科室负责人审批现场检查方案' },
  DELEGATION_NOT_FOUND: { status: 404, title: '未找到该委托，或您无权查看' },
  DELEGATION_ALREADY_REVOKED: { status: 409, title: '该委托已经收回' },
  URGENT_VISIT_NOT_NOW: { status: 409, title: '只有草拟或待审批的现场检查方案才能紧急先行检查' },
  TRIGGER_APPROVAL_NOT_NEEDED: { status: 409, title: '只有“其他渠道”的重点执法来源需要部门负责人批准' },
  TRIGGER_ALREADY_APPROVED: { status: 409, title: '该重点执法来源已经批准' },
  ORDER_CLOSED_BY_ISSUER: {
    status: 403,
    title: '不能未经整改关闭本人下达的整改指令，请由其他负责人决定',
  },
  INSPECTION_PLAN_NOT_APPROVED: { status: 422, title: '现场检查方案未经批准' },
  CHECKIN_CODE_NOT_YET: { status: 422, title: '现场检查方案批准并通知企业后才生成检查码' },
  CHECKIN_CODE_INVALID: { status: 422, title: (p: { reason: string }) => p.reason },
  CHECKIN_CODE_EXPIRED: { status: 422, title: (p: { until: string }) => `检查码有效期至 ${p.until}，已过期` },
  RATING_BEFORE_VISIT: { status: 422, title: '检查结束后才能评价' },
  OBSERVATION_NONE: { status: 422, title: '本案不是不予处罚决定，没有观察期' },
  CHECKIN_ENTERPRISE_ONLY: {
    status: 403,
    title: '只有被检查企业本企业账号才能登记到达和评价，请企业负责人登录后操作',
  },
  ALREADY_RATED: { status: 409, title: '本次检查已经评价过了' },

  // the on-site record
  CLIENT_ID_REUSED: { status: 409, title: '记录编号已被另一次检查使用，请刷新后重新记录' },
  CHECKLIST_ITEM_NOT_IN_FORM: {
    status: 422,
    title: (p: { items: string[] }) => `检查项不在本次检查的检查表中：${p.items.join('、')}`,
  },
  EVIDENCE_NOT_UPLOADED: {
    status: 422,
    title: (p: { files: string[] }) =>
      `有 ${p.files.length} 个照片或材料尚未上传，请先上传再同步：${p.files.join('、')}`,
  },
  FINDING_NOT_RECORDED: { status: 422, title: '措施所针对的问题尚未记录，请先记录问题' },
  EMERGENCY_MEASURE_NEEDS_MAJOR_HIDDEN_DANGER: {
    status: 422,
    title: '撤出作业人员、暂时停产停业、停止使用相关设施设备只适用于重大事故隐患',
  },
  RESUMPTION_NOT_NOW: {
    status: 422,
    title: '该重大事故隐患尚未排除（未当场整改或整改未经复查通过），不能同意恢复生产经营和使用',
  },
  RESUMPTION_NO_MEASURE: { status: 409, title: '该问题没有需要审查恢复的现场处理措施，或已同意恢复' },
  SIGNATURE_NOT_UPLOADED: { status: 422, title: '签名图片尚未上传到本次检查，请先上传签名' },
  ACKNOWLEDGEMENT_NOT_NOW: {
    status: 422,
    title: '请先记录检查情况，再请企业负责人签字（或记录拒签）；检查文书出具后不能再更改',
  },

  // rectification and concluding an inspection
  // issue 11 item 12: a year's holiday table that cannot be what the State Council's notice says
  CALENDAR_TABLE_INVALID: { status: 422, title: '节假日安排填写有误' },
  ORDER_NOT_NOW: { status: 409, title: '记录检查发现的问题后才能下达整改指令' },
  ORDER_FINDING_UNKNOWN: { status: 422, title: '所选问题不属于本次检查' },
  ORDER_FINDING_NOT_OPEN: {
    status: 409,
    title: (p: { findings: string[] }) => `所选问题已当场整改或已下达整改指令：${p.findings.join('；')}`,
  },
  REVIEW_FINDING_UNKNOWN: { status: 422, title: '复查结果中的问题不属于该整改指令' },
  CONCLUDE_NOT_NOW: { status: 409, title: '请先记录检查情况，再出具现场检查记录' },
  CONCLUDE_NEEDS_ACKNOWLEDGEMENT: {
    status: 422,
    title: '请被检查单位负责人签字，或记录其拒绝签字的情况，再出具现场检查记录',
  },
  CONCLUDE_OPEN_FINDINGS: {
    status: 422,
    title: (p: { findings: string[] }) =>
      `还有 ${p.findings.length} 个问题既未当场整改也未下达整改指令：${p.findings.join('；')}`,
  },
  CLOSE_ORDERS_UNSETTLED: {
    status: 422,
    title: (p: { count: number }) =>
      `还有 ${p.count} 份整改指令未经复查通过、移交立案或未经整改关闭，检查不能结束`,
  },
  CLOSE_CASE_REFERRAL_OPEN: {
    status: 422,
    title: (p: { count: number }) =>
      `还有 ${p.count} 项重大事故隐患的移交立案审查尚未由法制审核人员办结，检查不能结束`,
  },

  // monitoring sources (issue 16)
  MONITORING_STALE_REQUEST: {
    status: 401,
    title: (p: { seconds: number }) =>
      `请求时间戳缺失或与服务器时间相差超过 ${p.seconds} 秒，视为重放，已拒绝`,
  },
  MONITORING_SIGNATURE_INVALID: { status: 401, title: '监测来源或请求签名不正确' },
  MONITORING_POINT_EXISTS: { status: 409, title: '该来源已登记此监测点编码' },
  MONITORING_BATCH_TOO_LARGE: { status: 413, title: '一次最多提交 1000 条报警' },
  // drone patrols (issue 16 item 6, measure 21)
  DRONE_NOT_PILOT: { status: 403, title: '只有本次巡查指定的飞手可以上传发现或完成巡查' },
  DRONE_MISSION_COMPLETED: { status: 409, title: '巡查任务已完成' },
  // open days and the public portal (issue 17 items 4, 5)
  OPEN_DAY_ACCOUNT_NOT_SUPERVISOR: {
    status: 422,
    title: '该账号不是本辖区的社会监督员账号，请核对用户名或不填账号',
  },
  OPEN_DAY_ACCOUNT_TWICE: { status: 409, title: '该社会监督员账号已登记为本次活动的参加人员' },
  OPEN_DAY_SUGGESTION_ANSWERED: { status: 409, title: '该意见建议已答复并公开，不能再修改答复' },
  OPEN_DAY_NOT_HELD: { status: 422, title: '活动尚未举行，暂不能登记意见建议' },
  ANNUAL_REPORT_NO_BUREAU: { status: 422, title: '只有执法部门（局）的账号可以生成或发布本局年度报告' },
  ANNUAL_REPORT_YEAR: { status: 422, title: '只能生成已结束年度的年度报告' },
  ANNUAL_REPORT_PUBLISHED: { status: 409, title: '该年度报告已发布，不能重新生成' },
  ANNUAL_REPORT_NOT_GENERATED: { status: 409, title: '请先生成该年度报告再发布' },
  // reports and rewards (issue 17, measure 27)
  REPORT_FOLLOW_FAILED: { status: 404, title: '受理编号或查询密码不正确' },
  REPORT_LOOKUP_RATE_LIMITED: {
    status: 429,
    title: (p: { minutes: number }) => `查询失败次数过多，请 ${p.minutes} 分钟后再试`,
  },
  REPORT_SUBMISSION_RATE_LIMITED: {
    status: 429,
    title: (p: { minutes: number }) => `本网络地址提交举报过于频繁，请 ${p.minutes} 分钟后再试`,
  },
  REPORT_TOO_MANY_PHOTOS: { status: 413, title: '每次举报最多上传 5 张照片' },
  REPORT_NEEDS_PLACE: { status: 400, title: '请从企业名录中选择被举报单位，或描述被举报单位并选择所在区县' },
  REPORT_IDENTITY_UNREADABLE: {
    status: 409,
    title: '举报人身份信息无法解密（密钥与加密时不一致），请联系系统管理员核对 REPORT_IDENTITY_KEY',
  },
  REPORT_NO_IDENTITY: { status: 404, title: '该举报为匿名举报，没有举报人身份信息' },
  REPORT_NO_ENTERPRISE: {
    status: 409,
    title: '该举报未关联企业名录中的企业，不能据此安排检查；请先关联企业',
  },
  REPORT_MERGE_INTO_SELF: { status: 400, title: '不能将举报并入其自身' },
  REPORT_EXTENSION_NOT_REQUESTED: { status: 409, title: '没有待审批的延期申请' },
  REPORT_OWN_REQUEST: { status: 403, title: '不能审批自己提出的延期申请或奖励' },
  REWARD_EXISTS: { status: 409, title: '该举报已有奖励记录' },
  REWARD_CASE_NOT_DECIDED: {
    status: 409,
    title: (p: { reference: string }) =>
      `该举报已立案（案件 ${p.reference}），待案件作出处罚决定后按决定的罚款数额计算奖励`,
  },
  REWARD_NOT_ELIGIBLE: { status: 409, title: '只有核查属实（或部分属实）且未并案的举报可以奖励' },
  REWARD_STEP_NOT_ALLOWED: {
    status: 409,
    title: (p: { state: string }) => `奖励当前为“${p.state}”，不能执行此操作`,
  },
  INTERNAL_REPORTING_EXISTS: { status: 409, title: '该企业已登记事故隐患内部报告奖励机制' },
  INTERNAL_REPORTING_MISSING: { status: 404, title: '该企业尚未登记事故隐患内部报告奖励机制' },
  // enforcement supervision (issue 17 items 3, 8, 9; measures 18, 29)
  COMPLAINT_UNKNOWN_CHANNEL: { status: 400, title: '没有这个投诉渠道，请从列表中选择' },
  COMPLAINT_ANSWERED: { status: 409, title: '该投诉已答复' },
  COMPLAINT_OUTSIDE_TERRITORY: { status: 400, title: '投诉涉及的执法人员、检查或案件不属于该投诉的辖区' },
  REVIEW_ROUND_SAMPLED: { status: 409, title: '本轮评查已抽取案卷，不能再次抽取' },
  REVIEW_ROUND_NOT_SAMPLED: { status: 409, title: '请先抽取评查案卷' },
  REVIEW_ROUND_EMPTY: { status: 409, title: '该期间内没有可评查的已结案件或已办结检查，也没有待评查的投诉' },
  REVIEW_PERIOD_INVALID: { status: 400, title: '评查期间的开始日期不能晚于结束日期' },
  REVIEW_TOPIC_REQUIRED: { status: 400, title: '专项执法检查请填写检查主题' },
  REVIEW_OWN_FILE: { status: 403, title: '评查人员不得评查本人承办的案卷，请由其他人员评查' },
  REVIEW_FILE_SCORED: { status: 409, title: '该案卷已评分' },
  REVIEW_FILE_NOT_SCORED: { status: 409, title: '请先为该案卷评分，再责令整改' },
  REVIEW_CORRECTION_DONE: { status: 409, title: '该整改事项已完成' },
  REVIEW_DUE_BEFORE_TODAY: { status: 400, title: '整改期限不能早于今天' },
  STATISTICS_PERIOD_INVALID: { status: 400, title: '统计期间不正确：开始日期不能晚于结束日期，且不超过三年' },
  // experts (issue 17 item 6, measure 23)
  EXPERT_NOT_DISPATCHED_TO_YOU: { status: 403, title: '只有被派遣的专家本人可以记录这次帮扶服务' },
  EXPERT_DISPATCH_STATE: { status: 409, title: '这次帮扶服务当前的状态不允许该操作' },
  EXPERT_UNKNOWN_FIELD: { status: 400, title: '专业领域不在专家库目录中' },
  EXPERT_UNKNOWN_QUALIFICATION: { status: 400, title: '资格种类不在目录中' },
  EXPERT_CONFLICT_EXISTS: { status: 409, title: '该专家与该企业的利益冲突已登记' },
  EXPERT_ACCOUNT_TAKEN: { status: 409, title: '该账号已关联其他专家' },
  EXPERT_FINDING_NOT_OF_ENTERPRISE: { status: 400, title: '所选问题不属于该企业的检查' },
  // the team (issue 17 item 7, measures 25, 26)
  TEAM_ALREADY_ATTENDED: { status: 409, title: '该执法人员的参训记录已登记' },
  TEAM_CASE_NOT_CLOSED: { status: 409, title: '只有已结案的行政处罚案件可以提名典型案例' },
  TEAM_NOMINEE_KIND: { status: 400, title: '执法能手提名执法人员账号，典型案例提名已结案的案件' },
  TEAM_ALREADY_NOMINATED: { status: 409, title: '该人员或案件已被提名' },
  TEAM_SELECTION_CLOSED: { status: 409, title: '评选已结束' },
  // penalty cases (issue 15)
  CASE_ORDER_NOT_OVERDUE: { status: 409, title: '只有逾期未整改（已移交）或复查不合格的整改指令可以立案' },
  CASE_ALREADY_OPENED: { status: 409, title: '该事项已立案' },
  CASE_FACTS_LOCKED: { status: 409, title: '案件已提交法制审核，违法事实和情节不能再修改；请先退回调查' },
  CASE_CLOSED: { status: 409, title: '案件已结案' },
  SEIZURE_DECIDED: { status: 409, title: '该查封、扣押已有批准意见' },
  SEIZURE_NOT_IN_FORCE: { status: 409, title: '该查封、扣押不在实施中' },
  CASE_UNKNOWN_VIOLATION: { status: 400, title: '违法行为目录中没有该违法行为' },
  CASE_NEEDS_FACTS: { status: 409, title: '请先记录违法行为和发生日期，再生成裁量建议' },
  SUPPLY_SUSPENSION_DECIDED: { status: 409, title: '该停止供电、供应措施已有批准意见' },
  // measure 15: 安全生产法 第一百一十二条、第一百一十三条
  CONTINUOUS_PENALTY_NOT_DECIDED: { status: 409, title: '本案当前不能记录复查认定拒不改正' },
  CONTINUOUS_PENALTY_NOT_RECORDED: { status: 409, title: '请先记录复查认定拒不改正的情况' },
  CONTINUOUS_PENALTY_FOLLOW_UP_OPENED: { status: 409, title: '已据此另行立案，复查结果不能再修改' },
  CONTINUOUS_PENALTY_TOO_LARGE: {
    status: 422,
    title: '按日连续处罚的金额超出一个案件可以记录的上限（二千万元），请分段立案',
  },
  CLOSURE_PROPOSAL_RECORDED: { status: 409, title: '已记录提请关闭的情况' },
  CLOSURE_NO_ENTERPRISE: { status: 409, title: '该案件未关联企业，无法记录提请关闭' },
  FIRMNESS_FUTURE_DATE: { status: 400, title: '日期不能晚于今天' },
  CREDIT_REPAIR_DECIDED: { status: 409, title: '该信用修复申请已审核' },
  // the performance of a fine (issue 15 item 3 after service)
  FINE_NOT_IN_PERFORMANCE: {
    status: 409,
    title: '只有已送达、尚未结案的罚款决定可以记录缴纳、暂缓分期、催告和申请强制执行',
  },
  FINE_ARRANGEMENT_DECIDED: { status: 409, title: '该暂缓、分期缴纳申请已有批准意见' },
  FINE_REMINDER_DOCUMENT_MISSING: {
    status: 422,
    title: '请先制作罚款催缴通知书（催告书），每次催告以一份已编号、尚未记录送达的通知书送达',
  },
  CASE_DOCUMENT_STATEMENT: {
    status: 400,
    title: '陈述申辩笔录须写明陈述申辩人、陈述申辩内容和复核意见；其他文书不填写此项',
  },
} as const satisfies Record<string, Entry>;

export type ProblemCode = keyof typeof problems;

// The codes whose title takes no parameters.
export type PlainProblemCode = {
  [C in ProblemCode]: (typeof problems)[C]['title'] extends string ? C : never;
}[ProblemCode];
