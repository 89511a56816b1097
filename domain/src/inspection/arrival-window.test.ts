import { describe, expect, it } from 'vitest';
import { governanceCatalog } from '../governance/governance-catalog.ts';
import { arrivalWindowOf, mayArriveOn } from './arrival-window.ts';

// issue 12 item 3: the arrival is registered on the plan's date; earlier or later needs an amended plan.
describe('the arrival window around the planned date (measure 11)', () => {
  it('accepts the planned day only by default, and says an amended plan is needed otherwise', () => {
    expect(governanceCatalog.arrivalWindow.verified).toBe(false);
    expect(mayArriveOn('2026-11-26', '2026-11-26')).toMatchObject({ ok: true });
    const early = mayArriveOn('2026-11-25', '2026-11-26');
    expect(early).toMatchObject({ ok: false, code: 'ARRIVAL_OUTSIDE_PLANNED_DATE', measure: 11 });
    if (!early.ok) expect(early.message).toContain('变更现场检查方案');
    expect(mayArriveOn('2026-11-27', '2026-11-26')).toMatchObject({ ok: false });
  });

  it('widens by the catalogue’s days before and after, across a year end', () => {
    const catalog = {
      ...governanceCatalog,
      arrivalWindow: { ...governanceCatalog.arrivalWindow, daysBefore: 1, daysAfter: 2 },
    };
    expect(arrivalWindowOf('2026-12-31', catalog)).toEqual({ from: '2026-12-30', to: '2027-01-02' });
    expect(mayArriveOn('2027-01-02', '2026-12-31', catalog)).toMatchObject({ ok: true });
    expect(mayArriveOn('2027-01-03', '2026-12-31', catalog)).toMatchObject({ ok: false });
    expect(mayArriveOn('2026-12-29', '2026-12-31', catalog)).toMatchObject({ ok: false });
  });
});
