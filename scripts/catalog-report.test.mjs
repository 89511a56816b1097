import { describe, expect, it } from 'vitest';
import { report } from './catalog-report.mjs';

// issue 11, "done when": `npm run catalog:report -- --unverified` lists what is still unverified.
describe('catalogue report', () => {
  const { lines } = report(undefined, { unverifiedOnly: true });
  const text = lines.join('\n');

  it('lists the unverified issuers, caps, wordings and dated articles, and leaves out the verified ones', () => {
    expect(text).toContain('待核实 entries guangdong_provincial_government 广东省人民政府');
    expect(text).toContain('待核实 wordings al_3 原文 (confidence=partial 部分原文)');
    expect(text).toMatch(
      /待核实 checklists\[hazardous_chemicals\]\.items\[hc_4\]\.datedLegalBasis 《中华人民共和国危险化学品安全法》 第三十六条/,
    );
    expect(text).toContain('待核实 burden burden_levels');
    expect(text).not.toContain('wordings dust_4 原文');
    expect(text).not.toMatch(/已核实/);
  });

  it('counts every entry, verified or not', () => {
    const all = report();
    expect(all.lines.join('\n')).toContain('已核实 wordings dust_4 原文 (confidence=verified)');
    expect(all.unverified).toBeLessThan(all.total);
  });
});
