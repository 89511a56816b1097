import { addDays } from '../calendar/iso-day.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { addWorkdays } from '../calendar/workdays.ts';
import type { StatutoryCalendar } from '../calendar/statutory-calendar.ts';
import { seededCalendar } from '../calendar/statutory-calendar.ts';
import type { ComplaintChannel } from './supervision-catalog.ts';

// measure 29: a complaint about enforcement is answered by the day its channel's catalogue entry gives, counted
// from the day it was received (workdays on the statutory calendar, or calendar days).

export type ComplaintDue = { dueOn: IsoDate; pendingYears: number[]; verified: boolean; source: string };

export const complaintDueOn = (
  channel: ComplaintChannel,
  receivedOn: IsoDate,
  calendar: StatutoryCalendar = seededCalendar,
): ComplaintDue => {
  const base = { verified: channel.verified, source: channel.source };
  if (channel.answer.unit === 'days')
    return { dueOn: addDays(receivedOn, channel.answer.count), pendingYears: [], ...base };
  const counted = addWorkdays(receivedOn, channel.answer.count, calendar);
  if (!counted.ok) throw new RangeError(counted.message);
  return { dueOn: counted.value, pendingYears: counted.pendingYears, ...base };
};

// Unanswered after its day: listed on the workbench.
export const complaintOverdue = (
  complaint: { dueOn: string; answeredOn: string | null },
  today: IsoDate,
): boolean => complaint.answeredOn === null && complaint.dueOn < today;

// A complaint about an officer or a decision (an inspection or a penalty case) goes to the next case-file review.
export const complaintQueuesReview = (complaint: {
  officerId: string | null;
  inspectionId: string | null;
  penaltyCaseId: string | null;
}): boolean =>
  complaint.officerId !== null || complaint.inspectionId !== null || complaint.penaltyCaseId !== null;
