import { CASE_DOCUMENT_NAMES, LATE_PAYMENT_LAW, moneyText, type CaseDocumentType } from '@inspecta/domain';
import type { FileChild } from 'docx';
import {
  addressee,
  bureauLine,
  chineseDate,
  chineseDateTime,
  closingLine,
  formTable,
  heading,
  keptSpacer,
  labelled,
  numberLine,
  officerSignatures,
  officialDocument,
  paragraph,
  receiptLine,
  sealBlock,
  table,
  titleLine,
} from '../../../platform/documents/docx-layout.ts';
import type { CaseDocumentSnapshot } from './snapshot.ts';

// Issue 15 item 11: the docx of each case document, from its frozen snapshot only (rendering does no I/O, and the
// same document renders the same text every time). The contents follow what the law requires each to state:
// 行政处罚法 第四十四条 (告知), 第五十九条 (决定书), 第六十四条 (听证); 行政强制法 第二十四条 (查封、扣押决定书),
// 第三十五条 (催告).

export type RenderableCaseDocument = {
  type: CaseDocumentType;
  number: string;
  snapshot: CaseDocumentSnapshot;
  issuedAt: Date;
};

const money = (fen: number | null | undefined) => (fen ? moneyText(fen) : '无罚款');

const dateOrBlank = (value: string | null | undefined) => (value ? chineseDate(value) : '＿＿年＿＿月＿＿日');

// the party, as 第五十九条第（一）项 and 行政强制法 第二十四条第（一）项 require it named
const partyTable = (s: CaseDocumentSnapshot) =>
  formTable([
    ['当事人', s.enterprise.name],
    ['统一社会信用代码', s.enterprise.creditCode],
    ['地址', s.enterprise.address],
    ['法定代表人（负责人）', s.enterprise.legalRepresentative],
  ]);

// the facts as the case records them and, once recorded, the violation in the law's own words with its article
const factsLine = (s: CaseDocumentSnapshot) =>
  s.violation ? `${s.summary}，属于${s.violation.source}规定的“${s.violation.violation}”情形` : s.summary;

// A basis the party reads: the law's citation. A catalogue mark for the legal reviewer (待法制审核, placeholder)
// stays in the reviewer's views and is not printed on what the enterprise receives.
const publicBasis = (basis: string) => !/待法制审核|placeholder|未读到/.test(basis);

const sentence = (text: string) => (/[。！？；]$/.test(text) ? text : `${text}。`);

const signatures = (s: CaseDocumentSnapshot) =>
  s.officers.length > 0
    ? officerSignatures(s.officers)
    : officerSignatures([
        { name: '', certificate: '' },
        { name: '', certificate: '' },
      ]);

const approvalForm = (title: string, number: string, s: CaseDocumentSnapshot, rows: [string, string][]) => [
  bureauLine(s.bureauName),
  titleLine(title),
  numberLine(number),
  formTable([
    ['案号', s.reference],
    ['案件来源', s.source],
    ['当事人', s.enterprise.name],
    ['统一社会信用代码', s.enterprise.creditCode],
    ['地址', s.enterprise.address],
    ['法定代表人（负责人）', s.enterprise.legalRepresentative],
    ['案由', s.summary],
    ['违法行为', s.violation ? `${s.violation.violation}（${s.violation.source}）` : '调查中'],
    ['违法行为发生日期', s.committedOn ? chineseDate(s.committedOn) : '调查中'],
    ...rows,
  ]),
];

const evidenceTable = (s: CaseDocumentSnapshot) =>
  s.evidence && s.evidence.length > 0
    ? [
        heading('证据'),
        table(
          ['序号', '种类', '证据内容', '登记人'],
          s.evidence.map((item, i) => [String(i + 1), item.kind, item.description, item.recordedByName]),
          [8, 14, 60, 18],
        ),
      ]
    : [];

const caseFilingApproval = (number: string, s: CaseDocumentSnapshot, issuedAt: string): FileChild[] => [
  ...approvalForm('立案审批表', number, s, [
    ['立案日期', chineseDate(s.openedOn)],
    ['立案经办人', s.openedByName],
    ['立案依据', '《中华人民共和国行政处罚法》第五十四条第二款（“符合立案标准的，行政机关应当及时立案。”）'],
  ]),
  ...evidenceTable(s),
  heading('承办人意见'),
  paragraph('经初步审查，当事人涉嫌违法，符合立案条件，建议立案调查。', { keepNext: true }),
  receiptLine('承办人（签名）', { keepNext: true }),
  heading('负责人审批意见'),
  receiptLine('负责人（签名）', { keepNext: true }),
  ...sealBlock(s.bureauName, issuedAt),
];

const inquiryRecord = (number: string, s: CaseDocumentSnapshot): FileChild[] => [
  bureauLine(s.bureauName),
  titleLine('询问笔录'),
  numberLine(number),
  formTable([
    ['案号', s.reference],
    ['案由', s.summary],
    ['被询问单位', s.enterprise.name],
    ['询问时间', s.inquiry ? chineseDateTime(s.inquiry.recordedAt) : ''],
    ['询问人、记录人', s.inquiry?.recordedByName ?? ''],
  ]),
  paragraph(
    '我们是应急管理部门的执法人员，已向你出示执法证件。依法对有关问题进行调查询问，你有如实回答询问、协助调查的义务；与本案有直接利害关系的，你有权申请我们回避。',
  ),
  heading('询问内容'),
  ...(s.inquiry?.description ?? '').split('\n').map((line) => paragraph(line)),
  paragraph('以上笔录我已看过（或者已向我宣读），与我所说的一致。', { keepNext: true }),
  receiptLine('被询问人（签名）', { keepNext: true }),
  ...signatures(s),
];

const noticeBody = (number: string, s: CaseDocumentSnapshot, issuedAt: string): FileChild[] => {
  const proposal = s.proposal;
  const notice = s.notice;
  return [
    bureauLine(s.bureauName),
    titleLine('行政处罚告知书'),
    numberLine(number),
    addressee(s.enterprise.name),
    paragraph(`经调查，你单位存在下列违法行为：${factsLine(s)}。`),
    ...(s.violation ? [paragraph(`依据${s.violation.source}：“${s.violation.penaltyText}”`)] : []),
    paragraph(
      `本机关拟对你单位作出如下行政处罚：${proposal?.amountFen ? `罚款${money(proposal.amountFen)}` : (proposal?.tierName ?? '')}。`,
    ),
    ...(proposal && proposal.reasons.length > 0
      ? [
          heading('裁量理由'),
          ...proposal.reasons.map((reason, i) =>
            paragraph(`${i + 1}．${reason.text}${publicBasis(reason.basis) ? `（${reason.basis}）` : ''}`),
          ),
        ]
      : []),
    paragraph(
      `依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩${notice?.defenceDue ? `，请于${chineseDate(notice.defenceDue)}前向本机关提出` : ''}；逾期未提出的，视为放弃此权利。本机关不因你单位陈述、申辩而给予更重的处罚。`,
      { keepNext: true },
    ),
    ...(notice?.hearingRight
      ? [
          paragraph(
            `依据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有要求听证的权利，要求听证的，应当在收到本告知书后五日内${notice.hearingRequestDue ? `（${chineseDate(notice.hearingRequestDue)}前）` : ''}向本机关提出。`,
            { keepNext: true },
          ),
        ]
      : []),
    keptSpacer(),
    receiptLine('当事人（签收）', { keepNext: true }),
    ...sealBlock(s.bureauName, issuedAt),
  ];
};

const hearingNotice = (number: string, s: CaseDocumentSnapshot, issuedAt: string): FileChild[] => [
  bureauLine(s.bureauName),
  titleLine('听证告知书'),
  numberLine(number),
  addressee(s.enterprise.name),
  paragraph(
    `你单位${factsLine(s)}，本机关拟对你单位作出行政处罚${s.proposal?.amountFen ? `（罚款${money(s.proposal.amountFen)}）` : ''}。`,
  ),
  paragraph(
    `依据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有要求听证的权利。你单位如要求听证，应当在收到本告知书后五日内${s.notice?.hearingRequestDue ? `（${chineseDate(s.notice.hearingRequestDue)}前）` : ''}向本机关提出；逾期未提出的，视为放弃听证权利。`,
  ),
  paragraph(
    '本机关将在举行听证的七日前通知你单位听证的时间、地点。听证由本机关指定的非本案调查人员主持；你单位认为主持人与本案有直接利害关系的，有权申请回避。你单位可以亲自参加听证，也可以委托一至二人代理。除涉及国家秘密、商业秘密或者个人隐私依法予以保密外，听证公开举行。当事人不承担行政机关组织听证的费用。',
    { keepNext: true },
  ),
  keptSpacer(),
  receiptLine('当事人（签收）', { keepNext: true }),
  ...sealBlock(s.bureauName, issuedAt),
];

const defenceRecord = (number: string, s: CaseDocumentSnapshot, issuedAt: string): FileChild[] => [
  bureauLine(s.bureauName),
  titleLine('陈述申辩笔录'),
  numberLine(number),
  formTable([
    ['案号', s.reference],
    ['当事人', s.enterprise.name],
    ['陈述申辩人', s.statement?.statedBy ?? ''],
    ['记录时间', chineseDateTime(issuedAt)],
  ]),
  heading('陈述、申辩内容'),
  ...(s.statement?.text ?? '').split('\n').map((line) => paragraph(line)),
  heading('复核意见'),
  ...(s.statement?.reply ?? '').split('\n').map((line) => paragraph(line)),
  paragraph('以上笔录我已看过（或者已向我宣读），与我所说的一致。', { keepNext: true }),
  receiptLine('陈述申辩人（签名）', { keepNext: true }),
  ...signatures(s),
];

const penaltyDecision = (number: string, s: CaseDocumentSnapshot, issuedAt: string): FileChild[] => {
  const decision = s.decision;
  const noPenalty = decision?.noPenalty ?? false;
  return [
    bureauLine(s.bureauName),
    titleLine(noPenalty ? '不予行政处罚决定书' : '行政处罚决定书'),
    numberLine(number),
    partyTable(s),
    heading('违法事实和证据'),
    paragraph(
      `经查，你单位${s.committedOn ? `于${chineseDate(s.committedOn)}` : ''}存在下列违法行为：${factsLine(s)}。`,
    ),
    ...(s.evidence && s.evidence.length > 0
      ? [
          paragraph(
            `以上事实有下列证据为证：${s.evidence.map((item) => `${item.kind}（${item.description}）`).join('；')}。`,
          ),
        ]
      : []),
    heading(noPenalty ? '不予处罚的理由和依据' : '行政处罚的种类和依据'),
    ...(noPenalty
      ? [
          paragraph(
            `${sentence(decision?.legalGround ?? s.proposal?.noPenaltyGround ?? '')}本机关决定对你单位不予行政处罚，并责令你单位改正上述违法行为。`,
          ),
        ]
      : [
          ...(s.violation ? [paragraph(`依据${s.violation.source}：“${s.violation.penaltyText}”`)] : []),
          paragraph(
            `本机关决定：对你单位处以罚款${money(decision?.amountFen)}（裁量：${decision?.tierName ?? ''}）。`,
          ),
          ...(decision?.departureReason
            ? [labelled('与裁量建议不一致的理由', decision.departureReason)]
            : []),
          heading('履行方式和期限'),
          paragraph(
            '依据《中华人民共和国行政处罚法》第六十七条第三款，你单位应当自收到本决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款。到期不缴纳罚款的，本机关可以依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。',
          ),
        ]),
    ...(s.remedy ? [closingLine(s.remedy)] : []),
    keptSpacer(),
    receiptLine('当事人（签收）', { keepNext: true }),
    ...sealBlock(s.bureauName, decision?.decidedOn ?? issuedAt),
  ];
};

const creditRepairNotice = (number: string, s: CaseDocumentSnapshot, issuedAt: string): FileChild[] => {
  const credit = s.credit;
  if (!credit) return [];
  return [
    bureauLine(s.bureauName),
    titleLine('信用修复告知书'),
    numberLine(number),
    addressee(s.enterprise.name),
    paragraph(
      `本机关于${chineseDate(credit.publishedFrom)}对你单位作出《行政处罚决定书》${credit.decisionNumber ? `（${credit.decisionNumber}）` : ''}。该行政处罚信息将依法在${credit.platforms.join('、')}公示。现将公示期限和信用修复有关事项告知如下：`,
    ),
    heading('一、失信行为类型和公示期限'),
    paragraph(
      `你单位的违法行为属于${credit.className}（${credit.rule}）。${credit.minUntil ? `最短公示期至${chineseDate(credit.minUntil)}，` : ''}最长公示期至${chineseDate(credit.maxUntil)}，期满自动停止公示。`,
    ),
    heading('二、修复条件'),
    ...credit.conditions.map((condition, i) => paragraph(`${i + 1}．${condition}`)),
    paragraph(`${credit.repair}。`),
    heading('三、申请方式和材料'),
    paragraph(`${credit.channel}。申请时请提交：${credit.materials.join('；')}。`),
    paragraph('信用修复后，本机关终止公示该行政处罚信息，并停止共享和使用。', { keepNext: true }),
    keptSpacer(),
    receiptLine('当事人（签收）', { keepNext: true }),
    ...sealBlock(s.bureauName, issuedAt),
  ];
};

type PaymentFigures = NonNullable<CaseDocumentSnapshot['payment']>;

// The 罚款催缴通知书's body (issue 15 item 3): the decision, then the amounts and due days as the approved 暂缓/分期
// set them, what is paid, overdue and not yet due, the 加处罚款 of 第七十二条, and the 催告 of 行政强制法 第五十四条.
const fineReminderBody = (payment: PaymentFigures, issuedAt: string): FileChild[] => {
  const decided = `本机关作出的《行政处罚决定书》${payment.decisionNumber ? `（${payment.decisionNumber}）` : ''}已于${chineseDate(payment.servedOn)}送达你单位，决定对你单位处以罚款${money(payment.fineFen)}。`;
  const arrangement = payment.arrangement;
  const paidFen = payment.paidFen ?? 0;
  const overdueFen = payment.overdueFen ?? payment.fineFen;
  const outstandingFen = payment.outstandingFen ?? payment.fineFen;
  const terms = !arrangement
    ? `你单位应当于${chineseDate(payment.paymentDue)}前缴纳`
    : arrangement.kind === 'deferral'
      ? `经你单位申请，本机关已批准暂缓缴纳，你单位应当于${chineseDate(arrangement.schedule[0]?.dueOn ?? payment.paymentDue)}前缴纳罚款${money(payment.fineFen)}`
      : `经你单位申请，本机关已批准分期缴纳：${arrangement.schedule
          .map(
            (instalment, index) =>
              `第${index + 1}期应当于${chineseDate(instalment.dueOn)}前缴纳${money(instalment.amountFen)}`,
          )
          .join('；')}`;
  const status =
    paidFen === 0 && outstandingFen === overdueFen
      ? '，至今未缴纳。'
      : `。截至${chineseDate(issuedAt)}，你单位已缴纳${money(paidFen)}，已到缴纳期限仍未缴纳的罚款${money(overdueFen)}${
          outstandingFen > overdueFen ? `，尚未到缴纳期限的罚款${money(outstandingFen - overdueFen)}` : ''
        }。`;
  const surcharge = arrangement
    ? `依据${LATE_PAYMENT_LAW}，截至${chineseDate(issuedAt)}已逾期${payment.overdueDays}日，加处罚款${money(payment.surchargeFen)}；暂缓或者分期缴纳的罚款在批准的缴纳期限届满前不加处罚款，届满仍未缴纳的，自届满之日的次日起每日按该笔罚款数额的百分之三加处，加处罚款的数额不得超出罚款的数额。`
    : `依据${LATE_PAYMENT_LAW}，截至${chineseDate(issuedAt)}已逾期${payment.overdueDays}日，加处罚款${money(payment.surchargeFen)}，此后每日按罚款数额的百分之三继续加处，加处罚款的数额不得超出罚款的数额。`;
  return [
    paragraph(decided + terms + status),
    paragraph(surcharge),
    paragraph(
      `依据《中华人民共和国行政强制法》第三十五条、第五十四条，现催告你单位自收到本通知书之日起十日内，到指定的银行或者通过电子支付系统缴纳已到缴纳期限的罚款${money(overdueFen)}及加处罚款${
        arrangement && outstandingFen > overdueFen ? '，其余罚款按批准的期限缴纳' : ''
      }。你单位有权进行陈述和申辩。逾期仍未履行的，本机关将依法申请人民法院强制执行。`,
      { keepNext: true },
    ),
  ];
};

const fineReminder = (number: string, s: CaseDocumentSnapshot, issuedAt: string): FileChild[] => {
  const payment = s.payment;
  if (!payment) return [];
  return [
    bureauLine(s.bureauName),
    titleLine('罚款催缴通知书'),
    numberLine(number),
    addressee(s.enterprise.name),
    ...fineReminderBody(payment, issuedAt),
    keptSpacer(),
    receiptLine('当事人（签收）', { keepNext: true }),
    ...sealBlock(s.bureauName, issuedAt),
  ];
};

const itemsTable = (s: CaseDocumentSnapshot) =>
  table(
    ['序号', '名称', '数量', '单位', '与违法行为的关系'],
    (s.seizure?.items ?? []).map((item, i) => [
      String(i + 1),
      item.name,
      String(item.quantity),
      item.unit,
      item.relation,
    ]),
    [8, 30, 12, 10, 40],
  );

const seizureDecision = (number: string, s: CaseDocumentSnapshot, issuedAt: string): FileChild[] => {
  const seizure = s.seizure;
  if (!seizure) return [];
  return [
    bureauLine(s.bureauName),
    titleLine(`${seizure.kind}决定书`),
    numberLine(number),
    partyTable(s),
    paragraph(`经查，你单位存在下列违法行为：${factsLine(s)}。${sentence(seizure.reason)}`),
    paragraph(
      `依据${seizure.basis}的规定，经本机关负责人批准，本机关决定对下列场所、设施或者财物予以${seizure.kind}：`,
    ),
    itemsTable(s),
    paragraph(
      `${seizure.kind}期限自${dateOrBlank(seizure.startedOn)}起至${dateOrBlank(seizure.dueOn)}止（${seizure.periodLaw}）。${seizure.kind}期间，你单位不得擅自启封、转移、损毁或者使用上述场所、设施或者财物。`,
    ),
    paragraph('本决定书附清单一式二份，由你单位和本机关分别保存。'),
    ...(s.remedy ? [closingLine(s.remedy)] : []),
    keptSpacer(),
    ...signatures(s),
    receiptLine('当事人（签收）', { keepNext: true }),
    ...sealBlock(s.bureauName, seizure.startedOn ?? issuedAt),
  ];
};

const seizureExtension = (number: string, s: CaseDocumentSnapshot, issuedAt: string): FileChild[] => {
  const seizure = s.seizure;
  if (!seizure) return [];
  return [
    bureauLine(s.bureauName),
    titleLine(`延长${seizure.kind}期限决定书`),
    numberLine(number),
    addressee(s.enterprise.name),
    paragraph(
      `本机关于${dateOrBlank(seizure.startedOn)}对你单位作出${seizure.kind}决定${seizure.decisionNumber ? `（${seizure.decisionNumber}）` : ''}，对下列场所、设施或者财物予以${seizure.kind}：`,
    ),
    itemsTable(s),
    paragraph(
      `因${seizure.extensionReason?.replace(/[。；]$/, '') ?? '情况复杂'}，依据${seizure.periodLaw}，经本机关负责人批准，决定将${seizure.kind}期限延长${seizure.extensionDays}日，至${dateOrBlank(seizure.dueOn)}止。`,
    ),
    ...(s.remedy ? [closingLine(s.remedy)] : []),
    keptSpacer(),
    receiptLine('当事人（签收）', { keepNext: true }),
    ...sealBlock(s.bureauName, issuedAt),
  ];
};

const seizureRelease = (number: string, s: CaseDocumentSnapshot, issuedAt: string): FileChild[] => {
  const seizure = s.seizure;
  if (!seizure) return [];
  return [
    bureauLine(s.bureauName),
    titleLine(`解除${seizure.kind}决定书`),
    numberLine(number),
    addressee(s.enterprise.name),
    paragraph(
      `本机关于${dateOrBlank(seizure.startedOn)}对你单位作出${seizure.kind}决定${seizure.decisionNumber ? `（${seizure.decisionNumber}）` : ''}。因${seizure.releaseGround ?? ''}${seizure.releaseNote ? `（${seizure.releaseNote}）` : ''}，依据${seizure.releaseLaw}的规定，本机关决定自${dateOrBlank(seizure.releasedOn)}起解除对下列场所、设施或者财物的${seizure.kind}：`,
    ),
    itemsTable(s),
    paragraph('请你单位持本决定书到本机关办理有关手续。', { keepNext: true }),
    keptSpacer(),
    receiptLine('当事人（签收）', { keepNext: true }),
    ...sealBlock(s.bureauName, seizure.releasedOn ?? issuedAt),
  ];
};

const caseClosingApproval = (number: string, s: CaseDocumentSnapshot, issuedAt: string): FileChild[] => [
  ...approvalForm('结案审批表', number, s, [
    ['立案日期', chineseDate(s.openedOn)],
    [
      '处理结果',
      s.decision
        ? `${s.decision.noPenalty ? '不予行政处罚' : `罚款${money(s.decision.amountFen)}`}（${s.decision.tierName}），${chineseDate(s.decision.decidedOn)}决定${s.decision.decidedByName ? `，${s.decision.decidedByName}` : ''}`
        : '',
    ],
    ...(s.decision?.legalGround ? ([['法定依据', s.decision.legalGround]] as [string, string][]) : []),
    [
      '送达',
      s.closing?.servedOn
        ? `${chineseDate(s.closing.servedOn)}送达${s.closing.creditRepairNoticeServed ? '（行政处罚决定书与信用修复告知书一并送达）' : ''}`
        : '',
    ],
    ...(s.closing?.criminalReferralNote
      ? ([['移送司法机关情况', s.closing.criminalReferralNote]] as [string, string][])
      : []),
    ...(s.closing?.observationFollowUpOn
      ? ([['观察期回访', chineseDate(s.closing.observationFollowUpOn)]] as [string, string][])
      : []),
    ['结案日期', s.closing?.closedOn ? chineseDate(s.closing.closedOn) : ''],
  ]),
  heading('承办人意见'),
  paragraph('本案已执行完毕，建议结案。', { keepNext: true }),
  receiptLine('承办人（签名）', { keepNext: true }),
  heading('负责人审批意见'),
  receiptLine('负责人（签名）', { keepNext: true }),
  ...sealBlock(s.bureauName, issuedAt),
];

const body = (doc: RenderableCaseDocument): FileChild[] => {
  const issuedAt = doc.issuedAt.toISOString();
  const s = doc.snapshot;
  switch (doc.type) {
    case 'case_filing_approval':
      return caseFilingApproval(doc.number, s, issuedAt);
    case 'inquiry_record':
      return inquiryRecord(doc.number, s);
    case 'penalty_notice':
      return noticeBody(doc.number, s, issuedAt);
    case 'hearing_notice':
      return hearingNotice(doc.number, s, issuedAt);
    case 'defence_record':
      return defenceRecord(doc.number, s, issuedAt);
    case 'penalty_decision':
      return penaltyDecision(doc.number, s, issuedAt);
    case 'credit_repair_notice':
      return creditRepairNotice(doc.number, s, issuedAt);
    case 'fine_reminder':
      return fineReminder(doc.number, s, issuedAt);
    case 'seizure_decision':
      return seizureDecision(doc.number, s, issuedAt);
    case 'seizure_extension_decision':
      return seizureExtension(doc.number, s, issuedAt);
    case 'seizure_release_decision':
      return seizureRelease(doc.number, s, issuedAt);
    case 'case_closing_approval':
      return caseClosingApproval(doc.number, s, issuedAt);
  }
};

// the title a reader sees: a 不予处罚 decision and a 扣押 are named for what they are
export const caseDocumentTitle = (doc: Pick<RenderableCaseDocument, 'type' | 'snapshot'>): string => {
  const kind = doc.snapshot.seizure?.kind;
  switch (doc.type) {
    case 'penalty_decision':
      return doc.snapshot.decision?.noPenalty ? '不予行政处罚决定书' : '行政处罚决定书';
    case 'seizure_decision':
      return kind ? `${kind}决定书` : CASE_DOCUMENT_NAMES[doc.type];
    case 'seizure_extension_decision':
      return kind ? `延长${kind}期限决定书` : CASE_DOCUMENT_NAMES[doc.type];
    case 'seizure_release_decision':
      return kind ? `解除${kind}决定书` : CASE_DOCUMENT_NAMES[doc.type];
    default:
      return CASE_DOCUMENT_NAMES[doc.type];
  }
};

export const renderCaseDocument = (doc: RenderableCaseDocument): Promise<Buffer> =>
  officialDocument(`${caseDocumentTitle(doc)} ${doc.number}`, body(doc));

export const caseDocumentFileName = (doc: Pick<RenderableCaseDocument, 'type' | 'number' | 'snapshot'>) =>
  `${doc.number} ${caseDocumentTitle(doc)}.docx`;
