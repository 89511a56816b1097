import { describe, expect, it } from 'vitest';
import { workdaysBetween } from '../calendar/workdays.ts';
import { publicationDeadline } from './publication-deadline.ts';

describe('publication deadline of a draw’s results (measure 12, 公示办法 art. 21)', () => {
  it('falls 20 workdays after completion, skipping the National Day holiday, with a reminder five workdays before', () => {
    const answer = publicationDeadline('2026-09-25');
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(workdaysBetween('2026-09-25', answer.deadline)).toEqual({ ok: true, value: 20, pendingYears: [] });
    expect(workdaysBetween(answer.reminderOn, answer.deadline)).toEqual({
      ok: true,
      value: 5,
      pendingYears: [],
    });
    // 1–7 October 2026 are holidays: a plain count of weekdays would end a week earlier
    expect(answer.deadline > '2026-10-23').toBe(true);
    expect(answer).toMatchObject({ workdays: 20, verified: true, reminderVerified: false });
  });

  it('counts into a year without a holiday table provisionally, weekends only, and names the year', () => {
    // 2026-12-20 is a Sunday: 9 workdays remain in December, 11 more in January 2027 counted weekends only
    expect(publicationDeadline('2026-12-20')).toMatchObject({
      ok: true,
      deadline: '2027-01-15',
      pendingYears: [2027],
    });
  });
});
