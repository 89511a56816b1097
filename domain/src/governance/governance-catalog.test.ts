import { describe, expect, it } from 'vitest';
import { governanceCatalog, governanceCatalogEntries, parseGovernanceCatalog } from './governance-catalog.ts';

const PLACEHOLDER = '待法制审核 (placeholder): ';

describe('governance catalogue (measures 5, 8, 12, 24)', () => {
  it('loads with yellow at the second inspection, red at the third, merging by month and publication in 20 workdays', () => {
    expect(governanceCatalog.burden).toMatchObject({ yellowFrom: 2, redFrom: 3 });
    expect(governanceCatalog.merge.period).toBe('month');
    expect(governanceCatalog.merge.source).toContain('第八项');
    expect(governanceCatalog.publication).toMatchObject({ workdays: 20, verified: true });
    expect(governanceCatalog.publication.source).toContain('《广东省行政执法公示办法》第二十一条');
    expect(governanceCatalog.publicationReminder.verified).toBe(false);
  });

  it('marks every unverified entry as a placeholder for the legal reviewer', () => {
    for (const entry of governanceCatalogEntries(governanceCatalog)) {
      if (!entry.verified) expect(entry.source.startsWith(PLACEHOLDER), entry.code).toBe(true);
      if (entry.source.startsWith(PLACEHOLDER)) expect(entry.verified, entry.code).toBe(false);
    }
  });

  it('does not call the display rule for yearly inspections verified: it is not a legal text (issue 11 item 1)', () => {
    expect(governanceCatalog.burden.verified).toBe(false);
  });

  it('rejects red at or below yellow, and a reminder lead as long as the deadline', () => {
    const levels = structuredClone(governanceCatalog);
    levels.burden.redFrom = 2;
    expect(() => parseGovernanceCatalog(levels)).toThrow('红色提示的次数须大于黄色提示的次数');
    const lead = structuredClone(governanceCatalog);
    lead.publicationReminder.workdaysBefore = 20;
    expect(() => parseGovernanceCatalog(lead)).toThrow('提前提醒的工作日数须小于公示期限');
  });
});
