import { describe, expect, it } from 'vitest';
import { checklistCatalog, checklistCatalogProblems, checklistItemByCode } from './checklist-catalog.ts';
import type { ChecklistCatalog } from './checklist-catalog.ts';
import {
  checklistQuestion,
  isOfficialWording,
  officialWordingCatalog,
  wordingProblems,
} from './official-wordings.ts';

const items = checklistCatalog.checklists.flatMap((checklist) => checklist.items);
const text = (code: string) => checklistItemByCode(checklistCatalog, code)!.item.text;

describe('checklist texts equal the official wordings (issue 11 item 1)', () => {
  it('asks every verified major-hidden-danger item in the official words, and no item in other words', () => {
    const byItem = new Map(officialWordingCatalog.wordings.map((wording) => [wording.item, wording]));
    for (const item of items.filter((one) => one.majorHiddenDanger && one.verified)) {
      const wording = byItem.get(item.code);
      expect(wording, item.code).toBeDefined();
      expect(isOfficialWording(wording!), item.code).toBe(true);
      expect(item.text, item.code).toBe(checklistQuestion(wording!.wording));
    }
    expect(wordingProblems(items)).toEqual([]);
  });

  it('turns a wording into a question keeping every 且、或者、并且 and exception', () => {
    expect(
      checklistQuestion('（一）未对有限空间进行辨识、建立安全管理台账，并且未设置明显的安全警示标志的；'),
    ).toBe('是否存在：未对有限空间进行辨识、建立安全管理台账，并且未设置明显的安全警示标志');
    expect(
      checklistQuestion('（七）…钢丝卷扬系统选用非钢芯钢丝绳，或者未落实钢丝绳定期检查、更换制度的。'),
    ).toBe('是否存在：钢丝卷扬系统选用非钢芯钢丝绳，或者未落实钢丝绳定期检查、更换制度');
  });

  it('reads dust item (四) as the law does: for Al/Mg dust any positive-pressure removal is the hazard', () => {
    expect(text('dust_4')).toBe(
      '是否存在：铝镁等金属粉尘除尘系统采用正压除尘方式，或者其他可燃性粉尘除尘系统采用正压吹送粉尘时，未采取火花探测消除等防范点燃源措施',
    );
    const fix = checklistItemByCode(checklistCatalog, 'dust_4')!.item.howToFix;
    expect(fix).toContain('改为负压除尘方式');
    expect(fix).toContain('不能代替');
  });

  it('keeps the deep-well casting exception, the alarm points, the interlocks and the replacement regime', () => {
    expect(text('al_1')).toContain('（铝加工深井铸造工艺的结晶器除外）、加热炉未设置应急水源');
    expect(text('al_2')).toContain(
      '闭路循环水冷元件未设置出水温度、进出水流量差监测报警装置，或者开路水冷元件',
    );
    expect(text('al_3')).toContain('快速切断阀、紧急排放阀、流槽断开装置联锁');
    expect(text('al_3')).not.toContain('流槽断开装置或');
    expect(text('al_4')).toContain('流槽与模盘（分配流槽）入口连接处');
    expect(text('al_5')).toContain('未设置紧急排放阀，或者流槽与模盘入口连接处未设置快速切断阀');
    expect(text('al_6')).toContain('浇铸炉倾动控制系统、快速切断阀（断开装置）联锁');
    expect(text('al_7')).toContain('更换制度');
  });

  it('adds 121号 items (十五)–(二十) as verified and 10号令 dust (十) and 有限空间 (二) as partial', () => {
    for (const code of ['hc_15', 'hc_16', 'hc_17', 'hc_18', 'hc_19', 'hc_20'])
      expect(checklistItemByCode(checklistCatalog, code)!.item.verified, code).toBe(true);
    expect(text('hc_16')).toBe(
      '是否存在：未建立与岗位相匹配的全员安全生产责任制或者未制定实施生产安全事故隐患排查治理制度',
    );
    expect(text('dust_10')).toBe('是否存在：未落实粉尘清理制度，造成作业现场积尘严重');
    expect(text('cs_13_2')).toContain('或者未设置专人现场监护');
    for (const code of ['dust_10', 'cs_13_2'])
      expect(checklistItemByCode(checklistCatalog, code)!.item.verified, code).toBe(false);
  });

  it('refuses a paraphrase of a verified item, and a partial wording marked verified', () => {
    const catalog: ChecklistCatalog = structuredClone(checklistCatalog);
    const al2 = catalog.checklists
      .flatMap((checklist) => checklist.items)
      .find((item) => item.code === 'al_2')!;
    al2.text = '是否存在：冷却元件未设置温度、流量或压力等监测报警';
    const al3 = catalog.checklists
      .flatMap((checklist) => checklist.items)
      .find((item) => item.code === 'al_3')!;
    al3.verified = true;
    al3.source = '《工贸企业重大事故隐患判定标准》(应急管理部令第10号)';
    expect(checklistCatalogProblems(catalog)).toEqual([
      expect.stringMatching(/^检查项 al_2 的检查内容与原文不一致/),
      '检查项 al_3 的原文只见部分或单一来源，不得标为已核实',
    ]);
  });

  it('refuses a verified major hidden danger with no official wording to hold it against', () => {
    const catalog: ChecklistCatalog = structuredClone(checklistCatalog);
    const dust1 = catalog.checklists
      .flatMap((checklist) => checklist.items)
      .find((item) => item.code === 'dust_1')!;
    dust1.verified = true;
    expect(checklistCatalogProblems(catalog)).toEqual(['检查项 dust_1 标为已核实，但没有官方原文可以核对']);
  });
});

describe('major-hidden-danger checklists for every key industry of measure 4 (issue 11 item 14)', () => {
  it('has a 烟花爆竹批发 checklist from the 121号 fireworks criteria, every item unverified with its source', () => {
    const fireworks = checklistCatalog.checklists.find(
      (checklist) => checklist.code === 'fireworks_wholesale',
    )!;
    expect(fireworks.appliesTo).toEqual({ matters: ['fireworks'], industries: ['fireworks_wholesale'] });
    expect(fireworks.items).toHaveLength(20);
    expect(fireworks.source).toContain('烟花爆竹生产经营单位重大生产安全事故隐患判定标准');
    for (const item of fireworks.items) {
      expect(item.verified, item.code).toBe(false);
      expect(item.majorHiddenDanger, item.code).toBe(true);
      expect(item.note, item.code).toContain('单一来源');
    }
    expect(text('fw_5')).toBe('是否存在：工（库）房实际滞留、存储药量超过核定药量');
  });

  it('has a 非煤矿山 checklist from 矿安〔2022〕88号 in force 2022-09-01, every item unverified', () => {
    const mines = checklistCatalog.checklists.find((checklist) => checklist.code === 'non_coal_mine')!;
    expect(mines.appliesTo).toEqual({ matters: ['non_coal_mine'], industries: ['non_coal_mine'] });
    expect(mines.effective).toBe('2022-09-01');
    expect(mines.source).toContain('矿安〔2022〕88号');
    expect(mines.items.every((item) => !item.verified && item.majorHiddenDanger)).toBe(true);
    expect(text('ncm_ug_1_2')).toBe(
      '是否存在：矿井只有两个独立直达地面的安全出口且安全出口的间距小于30米，或者矿体一翼走向长度超过1000米且未在此翼设置安全出口',
    );
  });

  it('cites the 危险化学品安全法 from 2026-05-01 beside the 2013 regulation, unverified until its articles are read', () => {
    const hc4 = checklistItemByCode(checklistCatalog, 'hc_4')!.item;
    expect(hc4.legalBasis).toContain('《危险化学品安全管理条例》(2013年修订) 第二十条');
    expect(hc4.datedLegalBasis).toEqual([
      expect.objectContaining({
        basis: '《中华人民共和国危险化学品安全法》 第三十六条',
        effective: '2026-05-01',
        verified: false,
      }),
    ]);
    const chemicals = checklistCatalog.checklists.find(
      (checklist) => checklist.code === 'hazardous_chemicals',
    )!;
    // the 121号 date is from memory only
    expect(chemicals.verified).toBe(false);
  });
});
