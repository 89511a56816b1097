import { appendAuditEvent, type AuditEventInput } from '../audit/service.ts';
import type { Tx } from '../db/client.ts';
import { insertNewNotifications, type NewNotification } from './repository.ts';

type Reminder = Omit<AuditEventInput<'notification.reminder.sent'>, 'action' | 'payload'> & {
  payload: Record<string, unknown>;
};

// Sends each notification once: a user who already has one under the same dedupe key gets nothing new, so a
// scheduled scan may run any number of times. When something was sent, the reminder (if given) is audited in
// the same transaction with the number sent. Returns that number.
export const notifyOnce = async (tx: Tx, rows: NewNotification[], reminder?: Reminder): Promise<number> => {
  if (rows.length === 0) return 0;
  const inserted = await insertNewNotifications(tx, rows);
  if (inserted.length > 0 && reminder) {
    await appendAuditEvent(tx, {
      ...reminder,
      action: 'notification.reminder.sent',
      payload: { ...reminder.payload, notifications: inserted.length },
    });
  }
  return inserted.length;
};
