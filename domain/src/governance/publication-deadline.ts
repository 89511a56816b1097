import { seededCalendar } from '../calendar/statutory-calendar.ts';
import type { StatutoryCalendar } from '../calendar/statutory-calendar.ts';
import { addWorkdays, workdaysBefore } from '../calendar/workdays.ts';
import { ok, refuse } from '../shared/result.ts';
import type { Ok, Refusal } from '../shared/result.ts';
import type { IsoDate } from '../shared/iso-date.ts';
import { governanceCatalog } from './governance-catalog.ts';
import type { GovernanceCatalog } from './governance-catalog.ts';

// measure 12 (执法信息及时公示) and 《广东省行政执法公示办法》第二十一条: the results of a double-random batch
// are published within 20 workdays (catalog/governance.json, publication), counted from the day the batch's
// last inspection was completed; the legal reviewers are reminded some workdays before (a placeholder lead).

export type PublicationDeadline = {
  completedOn: IsoDate;
  deadline: IsoDate;
  reminderOn: IsoDate;
  workdays: number;
  source: string;
  verified: boolean;
  reminderVerified: boolean;
  // years counted weekends only for want of a holiday table (待国务院公布)
  pendingYears: number[];
};

export type PublicationDeadlineRefusal = Refusal<'PUBLICATION_CALENDAR_INVALID_DATE'>;

export const publicationDeadline = (
  completedOn: IsoDate,
  context: { catalog: GovernanceCatalog; calendar?: StatutoryCalendar } = { catalog: governanceCatalog },
): Ok<PublicationDeadline> | PublicationDeadlineRefusal => {
  const { publication, publicationReminder } = context.catalog;
  const calendar = context.calendar ?? seededCalendar;
  const calendarRefusal = (message: string): PublicationDeadlineRefusal =>
    refuse({
      code: 'PUBLICATION_CALENDAR_INVALID_DATE',
      measure: 12,
      basis: publication.source,
      message: `无法计算公示期限：${message}`,
    });
  const deadline = addWorkdays(completedOn, publication.workdays, calendar);
  if (!deadline.ok) return calendarRefusal(deadline.message);
  const reminderOn = workdaysBefore(deadline.value, publicationReminder.workdaysBefore, calendar);
  if (!reminderOn.ok) return calendarRefusal(reminderOn.message);
  return ok({
    completedOn,
    deadline: deadline.value,
    reminderOn: reminderOn.value,
    workdays: publication.workdays,
    source: publication.source,
    verified: publication.verified,
    reminderVerified: publicationReminder.verified,
    pendingYears: deadline.pendingYears,
  });
};
