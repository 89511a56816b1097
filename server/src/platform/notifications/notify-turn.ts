import type { Role } from '../policy/grants.ts';
import type { Tx } from '../db/client.ts';
import { findActiveUsers, insertNewNotifications } from './repository.ts';

// Issue 13 item 2: whoever acts next in a chain (a head to decide a submitted plan, the drafter whose plan was
// approved or returned, the enterprise notified or ordered, the officer whose order has proof) is told in the
// app, in the same transaction as the change (which writes its own audit event). The acting user is never told
// about their own act.
export type Turn = {
  // who: users by id, by role within territories, or the enterprise's own accounts
  to: { userIds?: (string | null)[]; roles?: Role[]; territories?: string[]; enterpriseId?: string };
  exceptUserId: string;
  // once per user per key (a replayed request tells nobody twice)
  dedupeKey: string;
  territory: string;
  title: string;
  body: string;
  link: string;
  at: Date;
};

export const notifyTurn = async (tx: Tx, turn: Turn): Promise<number> => {
  const users = await findActiveUsers(tx, {
    ids: (turn.to.userIds ?? []).filter((id): id is string => id != null),
    roles: turn.to.roles ?? [],
    territories: turn.to.territories ?? [],
    enterpriseId: turn.to.enterpriseId ?? null,
  });
  const recipients = users.filter((user) => user.id !== turn.exceptUserId);
  if (recipients.length === 0) return 0;
  const inserted = await insertNewNotifications(
    tx,
    recipients.map((user) => ({
      userId: user.id,
      territory: turn.territory,
      kind: 'turn' as const,
      dedupeKey: `turn:${turn.dedupeKey}`,
      title: turn.title,
      body: turn.body,
      link: turn.link,
      createdAt: turn.at,
    })),
  );
  return inserted.length;
};
