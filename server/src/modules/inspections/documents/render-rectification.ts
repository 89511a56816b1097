import type { FileChild } from 'docx';
import {
  addressee,
  bureauLine,
  chineseDate,
  closingLine,
  enterpriseSignature,
  heading,
  keptSpacer,
  labelled,
  numberLine,
  officerSignatures,
  paragraph,
  receiptLine,
  sealBlock,
  table,
  titleLine,
} from '../../../platform/documents/docx-layout.ts';
import { cite } from '@inspecta/domain';
import type { RectificationOrderSnapshot, RectificationReviewSnapshot } from './snapshots.ts';

// measure 13: 责令限期整改指令书 and 整改复查意见书.

// The generic remedy sentence of orders issued before issue 11 item 10, kept so those documents render as they
// were issued; every new order carries the catalogue's sentence naming the government and the court.
const LEGACY_REMEDY = '你单位如对本指令不服，可以依法申请行政复议或者提起行政诉讼。';

// issue 11 item 12: a deadline counted into a year whose holidays are not yet published says so; once the
// notice is entered it is recomputed, never to an earlier day than the one written here.
const pendingSentence = (years: readonly number[] | undefined): string =>
  years && years.length > 0
    ? `（${years.join('、')}年节假日安排待国务院公布，上述日期暂按周六、周日休息计算；公布后按公布的安排重新计算并告知你单位，截止日期不早于上述日期。）`
    : '';

export const rectificationOrderBody = (
  number: string,
  s: RectificationOrderSnapshot,
  issuedAt: string,
): FileChild[] => [
  bureauLine(s.bureauName),
  titleLine('责令限期整改指令书'),
  numberLine(number),
  addressee(s.enterprise.name),
  paragraph(`经${chineseDate(s.inspectedOn)}检查，你单位存在下列问题：`),
  ...s.problems.map((problem, i) =>
    paragraph(
      `${i + 1}．${problem.major ? '【重大事故隐患】' : ''}${problem.description}（依据：${problem.basis}）`,
    ),
  ),
  paragraph(
    `依据${s.basis ?? cite('work_safety_law_art65_1_2_3')}的规定，现责令你单位于${chineseDate(s.deadline)}前${s.deadlineWorkdays ? `（${s.deadlineWorkdays}个工作日内）` : ''}整改完毕，达到有关法律、法规、规章和国家标准或者行业标准的要求。${pendingSentence(s.deadlinePendingYears)}`,
  ),
  heading('整改要求'),
  paragraph(s.requirements),
  ...s.problems.map((problem, i) => paragraph(`${i + 1}．${problem.howToFix}`)),
  ...(s.problems.some((problem) => problem.major)
    ? [
        paragraph(
          '重大事故隐患排除前或者排除过程中无法保证安全的，应当从危险区域内撤出作业人员；重大事故隐患排除后，经审查同意，方可恢复生产经营和使用。',
        ),
      ]
    : []),
  labelled('复查安排', s.reviewArrangement),
  paragraph('整改完成后，请通过企业端上传整改材料（照片、记录等）并说明整改情况。'),
  closingLine(s.remedy ?? LEGACY_REMEDY),
  keptSpacer(),
  ...officerSignatures(s.officers),
  receiptLine('被检查单位负责人（签收）', { keepNext: true }),
  ...sealBlock(s.bureauName, issuedAt),
];

export const rectificationReviewBody = (
  number: string,
  s: RectificationReviewSnapshot,
  issuedAt: string,
  signature: Buffer | null,
): FileChild[] => [
  bureauLine(s.bureauName),
  titleLine('整改复查意见书'),
  numberLine(number),
  addressee(s.enterprise.name),
  paragraph(
    `本机关于${chineseDate(s.orderIssuedOn)}对你单位作出《责令限期整改指令书》（${s.orderNumber}），于${chineseDate(s.reviewedOn)}对整改情况进行了复查。复查情况如下：`,
  ),
  table(
    ['序号', '问题', '复查结果', '说明'],
    s.results.map((result, i) => [
      String(i + 1),
      result.description,
      result.passed ? '已整改' : '未整改到位',
      result.note ?? '',
    ]),
    [8, 50, 16, 26],
  ),
  heading('复查意见'),
  paragraph(
    s.passed
      ? '经复查，上述问题已整改完毕，符合要求。'
      : '经复查，你单位未按要求完成整改。对未整改到位的问题，本机关将依法处理。',
    { keepNext: true },
  ),
  ...(s.comment ? [closingLine(s.comment)] : []),
  keptSpacer(),
  ...officerSignatures(s.officers, '复查人员'),
  ...enterpriseSignature(s.acknowledgement, signature),
  ...sealBlock(s.bureauName, issuedAt),
];
