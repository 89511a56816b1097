import { describe, expect, it } from 'vitest';
import { guideListDiff, guideListTransition } from './guide-list.ts';

describe('guide list workflow (measure 4)', () => {
  it('lets a draft be edited with a reason, approved, then published', () => {
    expect(guideListTransition({ status: 'draft', action: 'remove_entry', reason: '已关闭停产' })).toEqual({
      ok: true,
      next: 'draft',
    });
    expect(guideListTransition({ status: 'draft', action: 'approve' })).toEqual({
      ok: true,
      next: 'approved',
    });
    expect(guideListTransition({ status: 'approved', action: 'publish' })).toEqual({
      ok: true,
      next: 'published',
    });
  });

  it('refuses an edit without a written reason', () => {
    expect(guideListTransition({ status: 'draft', action: 'add_entry', reason: '  ' })).toMatchObject({
      ok: false,
      code: 'GUIDE_LIST_REASON_REQUIRED',
      measure: 4,
    });
  });

  it('refuses to change or re-approve a list once approved, and to publish a draft', () => {
    expect(guideListTransition({ status: 'approved', action: 'remove_entry', reason: 'x' })).toMatchObject({
      ok: false,
      code: 'GUIDE_LIST_WRONG_STATE',
    });
    expect(guideListTransition({ status: 'published', action: 'approve' })).toMatchObject({ ok: false });
    expect(guideListTransition({ status: 'draft', action: 'publish' })).toMatchObject({ ok: false });
  });

  it('shows which enterprises joined and left since last year', () => {
    const a = { creditCode: 'A', name: '甲', territory: '440703' };
    const b = { creditCode: 'B', name: '乙', territory: '440703' };
    const c = { creditCode: 'C', name: '丙', territory: '440705' };
    expect(guideListDiff([a, b], [b, c])).toEqual({ added: [c], removed: [a] });
  });
});
