import { describe, expect, it } from 'vitest';
import {
  REDACTED,
  isNaturalPersonParty,
  maskPersonName,
  redactPublicDecision,
  redactText,
} from './redact.ts';

describe('maskPersonName', () => {
  it('keeps the surname and masks the rest', () => {
    expect(maskPersonName('张三')).toBe('张*');
    expect(maskPersonName('李小龙')).toBe('李**');
    expect(maskPersonName('欧阳小明')).toBe('欧阳**');
    expect(maskPersonName('王')).toBe('*');
    expect(maskPersonName('  ')).toBe('');
  });
});

describe('redactText', () => {
  it('removes identity-card numbers, old and new', () => {
    expect(redactText('身份证号440703199001011234，住址')).toBe(`身份证号${REDACTED}，住址`);
    expect(redactText('号码 44070319900101123X 已核')).toBe(`号码 ${REDACTED} 已核`);
    expect(redactText('旧证 440703900101123')).toBe(`旧证 ${REDACTED}`);
  });
  it('removes mobile and landline numbers', () => {
    expect(redactText('电话13812345678。')).toBe(`电话${REDACTED}。`);
    expect(redactText('电话 +86 138-1234-5678')).toBe(`电话 ${REDACTED}`);
    expect(redactText('座机0750-3456789转12')).toBe(`座机${REDACTED}`);
  });
  it('leaves credit codes, document numbers, amounts and dates alone', () => {
    const text = '统一社会信用代码91440703MA4UXXXX1K，江应急罚〔2026〕12号，罚款30000元，2026-03-01';
    expect(redactText(text)).toBe(text);
    expect(redactText('91440703123456789X')).toBe('91440703123456789X');
  });
  it('masks the names given wherever they appear', () => {
    expect(redactText('张三未按规定佩戴，张三的', ['张三'])).toBe('张*未按规定佩戴，张*的');
    expect(redactText('单字王不替换', ['王'])).toBe('单字王不替换');
  });
});

describe('redactPublicDecision', () => {
  const base = {
    caseName: '未如实记录隐患排查案',
    facts: '当事人李四（身份证号 440703198507071234，电话 13912345678）未如实记录。',
    basis: '《中华人民共和国安全生产法》第一百零一条',
    decision: '对李四罚款2万元',
  };
  it('masks a natural person party everywhere and strips numbers', () => {
    const redacted = redactPublicDecision({ ...base, partyType: '自然人', partyName: '李四' });
    expect(redacted.partyName).toBe('李*');
    expect(redacted.facts).toBe(`当事人李*（身份证号 ${REDACTED}，电话 ${REDACTED}）未如实记录。`);
    expect(redacted.decision).toBe('对李*罚款2万元');
    expect(JSON.stringify(redacted)).not.toMatch(/李四|440703198507071234|13912345678/);
  });
  it('keeps a legal person named, still stripping numbers', () => {
    const redacted = redactPublicDecision({
      ...base,
      partyType: '法人或者其他组织',
      partyName: '江门市某化工有限公司',
    });
    expect(redacted.partyName).toBe('江门市某化工有限公司');
    expect(redacted.facts).not.toMatch(/13912345678/);
    expect(redacted.decision).toBe('对李四罚款2万元');
  });
  it('knows natural-person party types', () => {
    expect(isNaturalPersonParty('自然人')).toBe(true);
    expect(isNaturalPersonParty('个体工商户')).toBe(true);
    expect(isNaturalPersonParty('法人或者其他组织')).toBe(false);
  });
});
