import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_DOCUMENT_TYPES, creditRepairTerms, type CaseDocumentType } from '@inspecta/domain';
import { renderCaseDocument } from './render.ts';
import type { CaseDocumentSnapshot } from './snapshot.ts';

// Issue 15 item 11: every case document as the party's own tool prints it. Each docx is rendered by LibreOffice
// (headless, all in one run) to PDF; the test counts the pages, reads the last one (body text, never the seal and
// date alone) and reads them all for what a party must never see: an internal code or a reviewer's mark.

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const hasPoppler = spawnSync('pdfinfo', ['-v'], { stdio: 'ignore' }).status === 0;

const bureauName = '江门市蓬江区应急管理局';
const at = new Date('2026-12-14T02:30:00.000Z');
const base: CaseDocumentSnapshot = {
  bureauName,
  reference: '2026-0007',
  source: '移交立案审查',
  enterprise: {
    name: '江门市蓬江区华美五金制品有限公司',
    creditCode: '91440703MA4UJ5XX1K',
    address: '江门市蓬江区棠下镇金桐路18号',
    legalRepresentative: '李华美',
  },
  summary: '抛光车间除尘系统未按规定设置泄爆装置',
  violation: {
    violation: '生产经营单位未采取措施消除事故隐患的',
    provision: '第一百零二条第一款',
    penaltyText:
      '生产经营单位未采取措施消除事故隐患的，责令立即消除或者限期消除，处五万元以下的罚款；生产经营单位拒不执行的，责令停产停业整顿，对其直接负责的主管人员和其他直接责任人员处五万元以上十万元以下的罚款；构成犯罪的，依照刑法有关规定追究刑事责任。',
    source: '《中华人民共和国安全生产法》(2021年修正) 第一百零二条第一款',
  },
  committedOn: '2026-11-20',
  openedOn: '2026-11-26',
  openedByName: '蓬江区法制审核 冯洁',
  officers: [
    { name: '陈志强', certificate: '44070312001' },
    { name: '黄丽敏', certificate: '44070312002' },
  ],
  remedy:
    '你单位如不服本决定，可以自收到本决定书之日起六十日内向江门市蓬江区人民政府申请行政复议，或者自收到本决定书之日起六个月内依法向江门市蓬江区人民法院提起行政诉讼。复议、诉讼期间，本决定不停止执行，法律另有规定的除外。',
  proposal: {
    tierName: '一般',
    amountFen: 2_250_000,
    reasons: [
      { code: 'major_hidden_danger', text: '存在重大事故隐患', basis: '从重情节（裁量阶次待法制审核）' },
      { code: 'first_violation', text: '初次违法', basis: '《中华人民共和国行政处罚法》第三十二条' },
    ],
    noPenaltyGround: null,
    draftedByName: '蓬江区执法人员 张伟',
    reviewedByName: '蓬江区法制审核 冯洁',
    reviewNote: '事实清楚',
  },
  decision: {
    tierName: '一般',
    noPenalty: false,
    amountFen: 2_250_000,
    decidedOn: '2026-12-10',
    decidedByName: '蓬江区局领导 林涛',
    legalGround: null,
    departureReason: null,
    sanctions: [],
  },
  evidence: [
    {
      kind: '询问笔录',
      description: '问：除尘器是否设有泄爆装置？答：没有。',
      recordedByName: '张伟',
      recordedAt: at.toISOString(),
    },
    {
      kind: '照片',
      description: '抛光车间除尘器外观照片 3 张',
      recordedByName: '张伟',
      recordedAt: at.toISOString(),
    },
  ],
  inquiry: {
    description:
      '问：你单位抛光车间除尘器是否设有泄爆装置？\n答：没有设置，正在联系厂家。\n问：何时投入使用？\n答：去年三月。',
    recordedByName: '蓬江区执法人员 张伟',
    recordedAt: at.toISOString(),
  },
  statement: {
    statedBy: '李华美（法定代表人）',
    text: '我单位已于告知当日停用除尘器，并已委托厂家加装泄爆装置，请求从轻处罚。',
    reply: '经复核，整改属实，但违法事实在检查时存在，维持拟作出的处罚。',
  },
  notice: { defenceDue: '2026-12-09', hearingRequestDue: '2026-12-11', hearingRight: true },
  credit: {
    ...creditRepairTerms({ decidedOn: '2026-12-10', amountFen: 2_250_000, sanctions: ['order_correction'] }),
    decisionNumber: '（蓬江）应急罚〔2026〕7号',
  },
  payment: {
    fineFen: 2_250_000,
    servedOn: '2026-12-10',
    paymentDue: '2026-12-25',
    overdueDays: 5,
    surchargeFen: 337_500,
    decisionNumber: '（蓬江）应急罚〔2026〕7号',
  },
  seizure: {
    kind: '查封',
    items: [
      { name: '1号除尘器', quantity: 1, unit: '台', relation: '未设泄爆装置，继续使用有粉尘爆炸危险' },
      { name: '抛光车间', quantity: 1, unit: '处', relation: '违法使用存在重大事故隐患设备的作业场所' },
    ],
    reason: '防止在整改完成前继续使用存在重大事故隐患的设备',
    basis:
      '《中华人民共和国安全生产法》第六十五条第一款第（四）项：“对有根据认为不符合保障安全生产的国家标准或者行业标准的设施、设备、器材以及违法生产、储存、使用、经营、运输的危险物品予以查封或者扣押，对违法生产、储存、使用、经营危险物品的作业场所予以查封，并依法作出处理决定。”',
    periodLaw:
      '《中华人民共和国行政强制法》第二十五条第一款：“查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日。法律、行政法规另有规定的除外。”',
    startedOn: '2026-11-26',
    dueOn: '2027-01-15',
    decidedByName: '蓬江区局领导 林涛',
    extensionDays: 20,
    extensionReason: '情况复杂，需委托技术鉴定',
    extensionDecidedByName: '蓬江区局领导 林涛',
    releasedOn: '2026-12-20',
    releaseGround: '（三）行政机关对违法行为已经作出处理决定，不再需要查封、扣押',
    releaseLaw: '《中华人民共和国行政强制法》第二十八条',
    releaseNote: '设备已加装泄爆装置并经审查',
    decisionNumber: '（蓬江）应急查扣〔2026〕3号',
  },
  closing: {
    closedOn: '2027-01-05',
    servedOn: '2026-12-10',
    creditRepairNoticeServed: true,
    criminalReferralNote: null,
    observationFollowUpOn: null,
  },
};

const documents: {
  type: CaseDocumentType;
  name: string;
  snapshot: CaseDocumentSnapshot;
  maxPages: number;
}[] = [
  ...CASE_DOCUMENT_TYPES.map((type) => ({ type, name: type, snapshot: base, maxPages: 2 })),
  {
    type: 'penalty_decision',
    name: 'no-penalty-decision',
    snapshot: {
      ...base,
      decision: { ...base.decision!, noPenalty: true, amountFen: null, tierName: '不予处罚' },
      proposal: {
        ...base.proposal!,
        noPenaltyGround:
          '依据《中华人民共和国行政处罚法》第三十三条第一款第二句：初次违法且危害后果轻微并及时改正的，可以不予行政处罚',
      },
    },
    maxPages: 2,
  },
];

// the lines a page may hold that are not body text: the seal, a date, the page footer, a signature blank
const notBody = (text: string) => {
  const line = text.replace(/\s/g, '');
  return (
    line === '' ||
    /（印章）$/.test(line) ||
    /^\d{4}年\d{1,2}月\d{1,2}日$/.test(line) ||
    /^第\d+页共\d+页$/.test(line) ||
    /签收|签名/.test(line)
  );
};

describe.skipIf(!hasSoffice || !hasPoppler)(
  'case documents as LibreOffice prints them (issue 15 item 11)',
  () => {
    let dir = '';
    const pdf = (name: string) => path.join(dir, `${name}.pdf`);
    const pages = (name: string) =>
      Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf(name)], { encoding: 'utf8' }))![1]);
    const pageText = (name: string, page: number) =>
      execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf(name), '-'], {
        encoding: 'utf8',
      });
    const allText = (name: string) =>
      Array.from({ length: pages(name) }, (_, i) => pageText(name, i + 1)).join('\n');

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-case-print-'));
      for (const { type, name, snapshot } of documents)
        fs.writeFileSync(
          path.join(dir, `${name}.docx`),
          await renderCaseDocument({ type, number: `（蓬江）应急测〔2026〕1号`, snapshot, issuedAt: at }),
        );
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          ...documents.map(({ name }) => path.join(dir, `${name}.docx`)),
        ],
        { stdio: 'ignore', timeout: 240_000 },
      );
    }, 300_000);
    afterAll(() => {
      if (dir && !process.env.KEEP_PRINTS) fs.rmSync(dir, { recursive: true, force: true });
    });

    it.each(documents.map((d) => [d.name, d.maxPages] as const))(
      '%s fits in %i page(s) and its last page holds body text, not only the seal',
      (name, maxPages) => {
        const count = pages(name);
        expect(count).toBeGreaterThan(0);
        expect(count).toBeLessThanOrEqual(maxPages);
        const last = pageText(name, count)
          .split('\n')
          .map((line) => line.trim().replace(/\s{2,}/g, ' '));
        expect(last.filter((line) => !notBody(line)).length).toBeGreaterThan(0);
      },
    );

    it('prints the bureau on the first page, and no internal code or reviewer’s mark anywhere', () => {
      for (const { name } of documents) {
        expect(pageText(name, 1)).toContain(bureauName);
        const text = allText(name);
        expect(text, name).not.toMatch(/[a-z]+_[a-z_]+/);
        expect(text, name).not.toMatch(/待法制审核|placeholder|undefined|null/);
      }
    });

    it('writes amounts in capitals and figures, and the no-penalty decision as what it is', () => {
      expect(allText('penalty_decision').replace(/\s+/g, '')).toContain(
        '人民币贰万贰仟伍佰元整（￥22,500.00）',
      );
      expect(allText('fine_reminder').replace(/\s+/g, '')).toContain('已逾期5日');
      const noPenalty = allText('no-penalty-decision').replace(/\s+/g, '');
      expect(noPenalty).toContain('不予行政处罚决定书');
      expect(noPenalty).toContain('第三十三条第一款');
      expect(noPenalty).not.toContain('罚款人民币');
    });
  },
);
