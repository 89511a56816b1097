import { describe, expect, it } from 'vitest';
import {
  drawDisclosed,
  drawWindowClosesOn,
  exclusionReasonCode,
  publishedWitness,
} from './draw-publication.ts';

describe('what a draw publishes (issue 12 item 9, issue 11 item 11)', () => {
  it('closes the window at the end of the inspection month, leap years included', () => {
    expect(drawWindowClosesOn('2026-12-10')).toBe('2026-12-31');
    expect(drawWindowClosesOn('2028-02-03')).toBe('2028-02-29');
    expect(drawWindowClosesOn('2027-02-03')).toBe('2027-02-28');
  });

  it('discloses once every inspection is done or the window has closed', () => {
    expect(drawDisclosed({ inspectionDate: '2026-12-10', openInspections: 3, today: '2026-12-31' })).toBe(
      false,
    );
    expect(drawDisclosed({ inspectionDate: '2026-12-10', openInspections: 3, today: '2027-01-01' })).toBe(
      true,
    );
    expect(drawDisclosed({ inspectionDate: '2026-12-10', openInspections: 0, today: '2026-12-11' })).toBe(
      true,
    );
  });

  it('turns reasons into codes and names only officials', () => {
    expect(exclusionReasonCode('申报回避：执法人员配偶在该企业任职')).toBe('申报回避');
    expect(exclusionReasonCode('上次检查该企业的执法人员')).toBe('上次检查人员');
    expect(exclusionReasonCode('与企业负责人系近亲属')).toBe('申报回避');
    expect(publishedWitness({ name: '梁敏', role: 'supervision' })).toBe('执法监督机构人员 梁敏');
    expect(publishedWitness({ name: '吴丽娟', role: 'social_supervisor' })).toBe('社会监督员');
    expect(publishedWitness({ name: '周斌', role: 'enterprise_representative' })).toBe('企业代表');
  });
});
