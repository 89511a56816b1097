import type { FileChild } from 'docx';
import {
  bureauLine,
  chineseDate,
  closingLine,
  formTable,
  numberLine,
  sealBlock,
  titleLine,
} from '../../../platform/documents/docx-layout.ts';
import type { InspectionRecordSnapshot } from './snapshots.ts';

// 安全生产法 第六十八条: "监督检查人员应当将检查的时间、地点、内容、发现的问题及其处理情况，作出书面记录". A remote or
// written check (measure 7) is a 监督检查 as well, so it is recorded in the same terms as a visit.

const MODE_NAMES = { remote: '远程（非现场）检查', written: '书面检查' } as const;

export const remoteHandling = (remote: NonNullable<InspectionRecordSnapshot['remote']>): string =>
  !remote.violation
    ? '未发现违法行为，依照《江门市应急管理系统严格规范涉企行政检查若干措施》第七项，原则上不再进行现场检查'
    : remote.next === 'visit'
      ? '发现问题，到现场核查'
      : '发现问题，责令限期整改';

export const remoteCheckRecordBody = (
  number: string,
  s: InspectionRecordSnapshot,
  issuedAt: string,
): FileChild[] => {
  const remote = s.remote!;
  return [
    bureauLine(s.bureauName),
    titleLine(`检查记录（${MODE_NAMES[remote.mode]}）`),
    numberLine(number),
    formTable([
      ['被检查单位', s.enterprise.name],
      ['统一社会信用代码', s.enterprise.creditCode],
      ['地址', s.enterprise.address],
      ['检查方式', MODE_NAMES[remote.mode]],
      ['检查时间', chineseDate(remote.checkedOn)],
      ['检查地点', s.place],
      ['检查事项', s.matters.map((m, i) => `${i + 1}．${m}`).join('\n')],
      ['检查内容及情况', remote.note],
      ['发现的问题', remote.violation ? '发现违法行为或事故隐患（见检查内容及情况）' : '未发现违法行为'],
      ['处理情况', remoteHandling(remote)],
      [
        '检查人员',
        s.officers
          .map((o) => (o.certificate ? `${o.name}（执法证号：${o.certificate}）` : o.name))
          .join('\n'),
      ],
    ]),
    closingLine('本记录依据《中华人民共和国安全生产法》第六十八条作出。'),
    ...sealBlock(s.bureauName, issuedAt),
  ];
};
