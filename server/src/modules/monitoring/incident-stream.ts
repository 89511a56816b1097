import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../platform/http/context.ts';
import { scopeCondition } from '../../platform/db/scope.ts';
import type { Actor } from '../../platform/policy/policy.ts';
import {
  countUnreadIncidents,
  findIncidentEventsAfter,
  findReadMark,
  latestIncidentEventId,
  storeReadMark,
} from './repository.ts';
import { monitoringIncidentEvents, monitoringIncidents } from './schema.ts';
import { incidentView } from './service.ts';

// Issue 16 item 4: officers' browsers hear of new and changed incidents of their territory by Server-Sent Events.
// Every committed change is an event numbered in commit order (migration 0054's trigger), and its NOTIFY wakes
// every server instance's feed, which wakes each stream; a stream reads the events after its cursor through the
// officer's scope (so nobody hears of an incident he may not read), sends them with their number as the SSE id,
// and a reconnecting browser's Last-Event-ID resumes where it stopped.

export const INCIDENT_CHANNEL = 'monitoring_incident_events';

export type StreamTiming = {
  heartbeatMs: number;
  // a stream also re-reads on this timer, in case a notification was lost with the listening connection
  pollMs: number;
  // then it ends and the browser reconnects (with Last-Event-ID), so a session ended meanwhile is honoured
  lifetimeMs: number;
};

// A browser resumes with Last-Event-ID after a dropped connection or the stream's lifetime, within seconds; the
// events are kept a day, and the minute scan trims the older ones (scan.ts).
export const INCIDENT_EVENT_RESUME_HOURS = 24;

export const defaultStreamTiming: StreamTiming = { heartbeatMs: 15_000, pollMs: 10_000, lifetimeMs: 300_000 };

export type IncidentFeed = {
  // resolves once the process listens, so nothing committed after it is missed
  subscribe: (stream: { wake: () => void; end: () => void }) => Promise<() => void>;
  // ends every stream and stops listening (the app is closing)
  close: () => Promise<void>;
};

// One LISTEN per process, shared by its streams; started with the first stream.
export const createIncidentFeed = (ctx: AppContext, onError: (error: unknown) => void): IncidentFeed => {
  const streams = new Set<{ wake: () => void; end: () => void }>();
  let listening: Promise<(() => Promise<void>) | null> | null = null;
  return {
    subscribe: async (stream) => {
      streams.add(stream);
      if (!listening && ctx.listen)
        listening = ctx
          .listen(INCIDENT_CHANNEL, () => {
            for (const each of streams) each.wake();
          })
          .catch((error: unknown) => {
            // the streams still re-read on their timer
            onError(error);
            listening = null;
            return null;
          });
      await listening;
      return () => streams.delete(stream);
    },
    close: async () => {
      for (const each of [...streams]) each.end();
      streams.clear();
      const stop = await listening;
      listening = null;
      if (stop) await stop();
    },
  };
};

const unreadOf = async (ctx: AppContext, actor: Actor) =>
  countUnreadIncidents(
    ctx.db,
    await findReadMark(ctx.db, actor.id),
    scopeCondition(actor, 'monitoring_incident', { territory: monitoringIncidents.territory }),
  );

export const unreadIncidents = async (ctx: AppContext, actor: Actor) => ({
  count: await unreadOf(ctx, actor),
  eventId: await latestIncidentEventId(ctx.db),
});

// The officer has seen the list as of this event (never beyond the last one there is).
export const markIncidentsRead = async (ctx: AppContext, actor: Actor, eventId: number) => {
  scopeCondition(actor, 'monitoring_incident', { territory: monitoringIncidents.territory });
  await storeReadMark(ctx.db, actor.id, Math.min(eventId, await latestIncidentEventId(ctx.db)));
  return unreadIncidents(ctx, actor);
};

const frame = (fields: { id?: number; event: string; data: unknown }) =>
  `${fields.id === undefined ? '' : `id: ${fields.id}\n`}event: ${fields.event}\ndata: ${JSON.stringify(fields.data)}\n\n`;

export const streamIncidents = async (options: {
  ctx: AppContext;
  feed: IncidentFeed;
  actor: Actor;
  reply: FastifyReply;
  lastEventId: number | undefined;
  timing: StreamTiming;
}): Promise<void> => {
  const { ctx, feed, actor, reply, timing } = options;
  // refused here, before the stream opens, for anyone who may not read incidents (an enterprise's account)
  const scope = scopeCondition(actor, 'monitoring_incident', {
    territory: monitoringIncidentEvents.territory,
  });
  let cursor = options.lastEventId ?? (await latestIncidentEventId(ctx.db));
  const unread = await unreadOf(ctx, actor);

  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    // nginx would otherwise buffer the stream
    'x-accel-buffering': 'no',
  });
  raw.write(`retry: 2000\n\n`);
  raw.write(frame({ event: 'ready', data: { eventId: cursor, unread } }));

  let closed = false;
  let running = false;
  let again = false;
  const pump = async (): Promise<void> => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        let sent = 0;
        for (;;) {
          const rows = await findIncidentEventsAfter(ctx.db, cursor, scope, 500);
          if (closed || rows.length === 0) break;
          // an incident changed several times since the cursor is sent once, as it is now, with its last number
          const last = new Map(rows.map((row) => [row.incident.id, row]));
          // a page of events goes out in one write: one system call rather than one per incident
          let frames = '';
          for (const row of rows)
            if (last.get(row.incident.id) === row)
              frames += frame({
                id: row.eventId,
                event: 'incident',
                data: { eventId: row.eventId, change: row.change, incident: incidentView(ctx, row) },
              });
          raw.write(frames);
          cursor = rows.at(-1)!.eventId;
          sent += rows.length;
          if (rows.length < 500) break;
        }
        if (sent > 0 && !closed)
          raw.write(frame({ event: 'unread', data: { count: await unreadOf(ctx, actor) } }));
      } while (again && !closed);
    } catch (error) {
      reply.log.error({ err: error }, 'incident stream read failed');
    } finally {
      running = false;
    }
  };

  const wake = () => void pump();
  const unsubscribe = await feed.subscribe({ wake, end: () => finish() });
  const heartbeat = setInterval(() => raw.write(`: keep-alive\n\n`), timing.heartbeatMs);
  const poll = setInterval(wake, timing.pollMs);
  const finish = () => {
    if (closed) return;
    closed = true;
    unsubscribe();
    clearInterval(heartbeat);
    clearInterval(poll);
    clearTimeout(lifetime);
    raw.end();
  };
  const lifetime = setTimeout(finish, timing.lifetimeMs);
  raw.on('close', finish);
  // what came after Last-Event-ID (or while the stream was opening) goes out at once
  void pump();
};
