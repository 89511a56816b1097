// The dates of a notice as the reviewer types them: one date per line or separated by commas or spaces, and a
// run of days as "2027-02-06~2027-02-11" (放假 from … to …). Unreadable pieces are returned to be shown.

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const daysFrom = (from: string, to: string): string[] => {
  const days: string[] = [];
  for (let at = Date.parse(`${from}T00:00:00Z`); at <= Date.parse(`${to}T00:00:00Z`); at += DAY_MS) {
    days.push(new Date(at).toISOString().slice(0, 10));
    if (days.length > 60) break;
  }
  return days;
};

export const parseDates = (text: string): { dates: string[]; unreadable: string[] } => {
  const dates: string[] = [];
  const unreadable: string[] = [];
  for (const piece of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const [from, to, ...rest] = piece.split(/~|～|至/);
    if (from && DATE.test(from) && to === undefined) dates.push(from);
    else if (from && to && rest.length === 0 && DATE.test(from) && DATE.test(to) && from <= to)
      dates.push(...daysFrom(from, to));
    else unreadable.push(piece);
  }
  return { dates: [...new Set(dates)].sort(), unreadable };
};
