import { describe, expect, it } from 'vitest';
import { todayInZone } from './format';
import { noteServerTime } from './server-clock';

// issue 11 item 13: the web's "today" is the server's, whatever the computer's clock says.
describe('today in the web', () => {
  it('follows the server’s clock told in x-server-time', () => {
    noteServerTime('2026-12-27T16:30:00.000Z');
    expect(todayInZone()).toBe('2026-12-28');
    noteServerTime('2027-01-03T17:00:00.000Z');
    expect(todayInZone()).toBe('2027-01-04');
    noteServerTime(null);
    expect(todayInZone()).toBe('2027-01-04');
  });
});
