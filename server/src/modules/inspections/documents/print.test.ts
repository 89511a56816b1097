import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocument, type RenderableDocument } from './render-document.ts';
import type { DocumentSnapshots, EnterpriseLine, OfficerLine } from './snapshots.ts';

// Issue 14 items 1 and 2: every document type as its reader's own tool prints it. Each docx is rendered by
// LibreOffice (headless, all in one run) to PDF; the test counts the pages and reads the last one, which must
// hold body text (a signature line, the closing sentence), never the seal and date alone. `.ci/run` installs
// LibreOffice; on a machine without it the test says so and skips.

const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;
const hasPoppler = spawnSync('pdfinfo', ['-v'], { stdio: 'ignore' }).status === 0;
if (!hasSoffice || !hasPoppler) {
  console.warn(
    'print.test.ts skipped: LibreOffice (soffice) or poppler-utils (pdfinfo) is missing; install libreoffice-writer-nogui poppler-utils',
  );
}

const bureauName = '江门市蓬江区应急管理局';
const enterprise: EnterpriseLine = {
  name: '江门市蓬江区华美五金制品有限公司',
  creditCode: '91440703MA4UJ5XX1K',
  address: '江门市蓬江区棠下镇金桐路18号',
  legalRepresentative: '李华美',
};
const officers: OfficerLine[] = [
  { name: '陈志强', certificate: '44070312001' },
  { name: '黄丽敏', certificate: '44070312002' },
];
const matters = ['安全生产责任制落实情况', '粉尘防爆安全管理情况', '有限空间作业安全管理情况'];
const findings = [
  {
    itemCode: 'dust_removal_system',
    description: '抛光车间除尘系统未按规定设置泄爆装置，风管内积尘较多，未建立定期清扫记录。',
    basis: '《工贸企业粉尘防爆安全规定》第十三条、第十四条',
    howToFix:
      '立即停止使用存在隐患的除尘系统；委托有资质的单位按 GB 15577 设计并加装泄爆装置；清理风管积尘，建立每班清扫制度并如实记录；整改完成后组织自查，留存照片与记录。',
    major: true,
  },
  {
    itemCode: 'confined_space_permit',
    description: '有限空间作业未执行作业审批制度，现场未配备气体检测仪和应急救援装备。',
    basis: '《工贸企业有限空间作业安全规定》第十二条、第十四条',
    howToFix:
      '建立有限空间作业审批制度，作业前由负责人审批并进行气体检测；配备合格的气体检测报警仪、呼吸防护用品和应急救援装备；对作业人员开展专项培训并考核。',
    major: false,
  },
  {
    itemCode: 'training_records',
    description: '新入职员工未经三级安全教育培训即上岗作业，培训档案不全。',
    basis: '《中华人民共和国安全生产法》第二十八条',
    howToFix:
      '对在岗未培训的员工立即停岗补训，完成厂、车间、班组三级安全教育并考核合格后方可上岗；补齐培训档案，由员工本人签字确认。',
    major: false,
  },
];
const at = '2026-11-26T02:30:00.000Z';

const snapshots: { name: string; doc: RenderableDocument; maxPages: number }[] = [
  {
    name: 'onsite-plan',
    maxPages: 2,
    doc: {
      type: 'onsite_plan',
      number: '蓬应急检方〔2026〕12号',
      issuedAt: new Date(at),
      snapshot: {
        bureauName,
        enterprise,
        scheduledAt: '2026-11-30T01:30:00.000Z',
        site: enterprise.address,
        matters,
        officers,
        checklists: [{ code: 'common_responsibility_system', version: '2026.1' }],
        mode: 'on_site',
        visitReason: null,
        unannounced: false,
        unannouncedReason: null,
        subjectName: bureauName,
        draftedByName: '陈志强',
        approvedByName: '王建国',
        approvedAt: at,
        approvalOpinion: '同意按方案实施，重点核查除尘系统泄爆装置。',
      } satisfies DocumentSnapshots['onsite_plan'],
    },
  },
  {
    // the notice is one sheet: contact, seal and receipt under its body (set at the compact line height)
    name: 'inspection-notice',
    maxPages: 1,
    doc: {
      type: 'inspection_notice',
      number: '蓬应急检通〔2026〕12号',
      issuedAt: new Date(at),
      snapshot: {
        bureauName,
        enterprise,
        scheduledAt: '2026-11-30T01:30:00.000Z',
        site: enterprise.address,
        matters,
        officers,
        subjectName: bureauName,
        preparation: '请对照企业门户中的自查清单开展自查，检查时备好相关台账和资料',
        contact: null,
      } satisfies DocumentSnapshots['inspection_notice'],
    },
  },
  {
    // issue 14 item 1: three findings fit in two pages
    name: 'inspection-record',
    maxPages: 2,
    doc: {
      type: 'inspection_record',
      number: '蓬应急检记〔2026〕12号',
      issuedAt: new Date(at),
      snapshot: {
        bureauName,
        enterprise,
        startedAt: '2026-11-30T01:40:00.000Z',
        endedAt: '2026-11-30T04:10:00.000Z',
        place: enterprise.address,
        matters,
        checklist: [
          ...findings.map((f) => ({
            itemCode: f.itemCode,
            itemName: f.description.slice(0, 12),
            outcome: 'finding' as const,
            note: null,
          })),
          ...['安全生产责任制', '安全管理机构和人员', '应急预案及演练', '特种作业人员持证'].map((name) => ({
            itemCode: 'common_responsibility_system',
            itemName: name,
            outcome: 'conforming' as const,
            note: null,
          })),
        ],
        findings: findings.map((f, i) => ({
          ...f,
          handling: i === 2 ? ('fixed_on_spot' as const) : ('ordered' as const),
          orderNumber: i === 2 ? null : '蓬应急责改〔2026〕12号',
        })),
        officers,
        acknowledgement: { signed: true, signerName: '李华美', signatureFileId: null, at },
        identification: `我们是${bureauName}的执法人员陈志强、黄丽敏，证件号码为44070312001、44070312002，这是我们的证件。`,
        siteHead: { name: '张伟', position: '安全主任' },
      } satisfies DocumentSnapshots['inspection_record'],
    },
  },
  {
    name: 'remote-record',
    maxPages: 1,
    doc: {
      type: 'inspection_record',
      number: '蓬应急检记〔2026〕13号',
      issuedAt: new Date(at),
      snapshot: {
        bureauName,
        enterprise,
        startedAt: null,
        endedAt: at,
        place: '远程视频检查',
        matters,
        checklist: [],
        findings: [],
        officers,
        acknowledgement: null,
        remote: {
          mode: 'remote',
          checkedOn: '2026-11-26',
          violation: false,
          note: '通过视频查看抛光车间除尘系统和有限空间作业台账，未发现违法行为。',
          next: null,
        },
      } satisfies DocumentSnapshots['inspection_record'],
    },
  },
  {
    name: 'rectification-order',
    maxPages: 2,
    doc: {
      type: 'rectification_order',
      number: '蓬应急责改〔2026〕12号',
      issuedAt: new Date(at),
      snapshot: {
        bureauName,
        enterprise,
        inspectedOn: '2026-11-30',
        problems: findings.slice(0, 2),
        requirements: '请你单位按下列整改指引逐项整改，整改期间采取有效措施确保安全。',
        deadline: '2026-12-14',
        deadlineWorkdays: 10,
        reviewArrangement: '整改期限届满后5个工作日内复查',
        officers,
        basis: '《中华人民共和国安全生产法》第六十五条第一款第（三）项',
        remedy:
          '你单位如对本指令不服，可以自收到本指令之日起六十日内依法向江门市蓬江区人民政府申请行政复议，或者在六个月内依法向江门市蓬江区人民法院提起行政诉讼。',
      } satisfies DocumentSnapshots['rectification_order'],
    },
  },
  {
    name: 'rectification-review',
    maxPages: 2,
    doc: {
      type: 'rectification_review',
      number: '蓬应急复查〔2026〕12号',
      issuedAt: new Date(at),
      snapshot: {
        bureauName,
        enterprise,
        orderNumber: '蓬应急责改〔2026〕12号',
        orderIssuedOn: '2026-11-30',
        reviewedOn: '2026-12-15',
        results: findings.slice(0, 2).map((f) => ({ description: f.description, passed: true, note: null })),
        passed: true,
        comment: '泄爆装置已加装，有限空间作业审批制度已建立。',
        officers,
        acknowledgement: null,
      } satisfies DocumentSnapshots['rectification_review'],
    },
  },
  {
    name: 'onsite-measures-decision',
    maxPages: 2,
    doc: {
      type: 'onsite_measures_decision',
      number: '蓬应急现决〔2026〕12号',
      issuedAt: new Date(at),
      snapshot: {
        bureauName,
        enterprise,
        decidedOn: '2026-11-30',
        measures: [
          {
            kind: 'stop_use',
            finding: findings[0]!.description,
            note: '抛光车间除尘系统，至泄爆装置加装完毕并经审查同意',
            decidedAt: '2026-11-30T03:00:00.000Z',
          },
        ],
        basis: '《中华人民共和国安全生产法》第六十五条第一款第（三）项',
        officers,
        remedy:
          '你单位如对本决定不服，可以自收到本决定之日起六十日内依法向江门市蓬江区人民政府申请行政复议，或者在六个月内依法向江门市蓬江区人民法院提起行政诉讼。',
      } satisfies DocumentSnapshots['onsite_measures_decision'],
    },
  },
];

// the lines a page may hold that are not body text: the seal, a date, the page footer, a receipt blank
const notBody = (text: string) => {
  const line = text.replace(/\s/g, '');
  return (
    line === '' ||
    /（印章）$/.test(line) ||
    /^\d{4}年\d{1,2}月\d{1,2}日$/.test(line) ||
    /^第\d+页共\d+页$/.test(line) ||
    /签收/.test(line)
  );
};

describe.skipIf(!hasSoffice || !hasPoppler)(
  'documents as LibreOffice prints them (issue 14 items 1, 2)',
  () => {
    let dir = '';
    const pdf = (name: string) => path.join(dir, `${name}.pdf`);
    const pages = (name: string) =>
      Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf(name)], { encoding: 'utf8' }))![1]);
    const pageText = (name: string, page: number) =>
      execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdf(name), '-'], {
        encoding: 'utf8',
      });

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inspecta-print-'));
      for (const { name, doc } of snapshots)
        fs.writeFileSync(path.join(dir, `${name}.docx`), await renderDocument(doc));
      // one soffice run for every document, with its own profile so a running LibreOffice does not block it
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          ...snapshots.map(({ name }) => path.join(dir, `${name}.docx`)),
        ],
        { stdio: 'ignore', timeout: 240_000 },
      );
    }, 300_000);
    afterAll(() => {
      if (dir && !process.env.KEEP_PRINTS) fs.rmSync(dir, { recursive: true, force: true });
    });

    it.each(snapshots.map((s) => [s.name, s.maxPages] as const))(
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

    it('prints no internal code and the full bureau name in the heading', () => {
      for (const { name } of snapshots) {
        const first = pageText(name, 1);
        expect(first).toContain(bureauName);
        const all = Array.from({ length: pages(name) }, (_, i) => pageText(name, i + 1)).join('\n');
        expect(all).not.toMatch(/[a-z]+_[a-z_]+/);
        // the Jiangmen measures are cited by their title, never as a bare 措施第N项
        expect(all).not.toMatch(/[（(]措施第/);
      }
    });

    it('the notice names a contact, with a blank for the phone, on the sheet it is delivered on', () => {
      const text = pageText('inspection-notice', 1).replace(/\s+/g, '');
      expect(text).toMatch(/联系人：陈志强联系电话：＿+/);
      expect(text).toContain('被检查单位签收');
    });
  },
);
