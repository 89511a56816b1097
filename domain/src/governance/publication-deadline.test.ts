import { describe, expect, it } from 'vitest';
import { workdaysBetween } from '../calendar/workdays.ts';
import { publicationDeadline } from './publication-deadline.ts';

describe('publication deadline of a draw’s results (measure 12, 公示办法 art. 21)', () => {
  it('falls 20 workdays after completion, skipping the National Day holiday, with a reminder five workdays before', () => {
    const answer = publicationDeadline('2026-09-25');
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(workdaysBetween('2026-09-25', answer.deadline)).toEqual({ ok: true, value: 20 });
    expect(workdaysBetween(answer.reminderOn, answer.deadline)).toEqual({ ok: true, value: 5 });
    // 1–7 October 2026 are holidays: a plain count of weekdays would end a week earlier
    expect(answer.deadline > '2026-10-23').toBe(true);
    expect(answer).toMatchObject({ workdays: 20, verified: true, reminderVerified: false });
  });

  it('refuses to guess when the holiday calendar does not cover the days to count', () => {
    expect(publicationDeadline('2026-12-20')).toMatchObject({
      ok: false,
      code: 'PUBLICATION_CALENDAR_NOT_COVERED',
      measure: 12,
    });
  });
});
