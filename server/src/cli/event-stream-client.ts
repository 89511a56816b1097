import http from 'node:http';

// A minimal Server-Sent Events reader (for the simulator, the benchmark and the tests; browsers use EventSource):
// each frame's id, event and data, as they arrive.

export type StreamEvent = { id: string | undefined; event: string; data: string; receivedAt: number };

export type EventStreamConnection = {
  status: number;
  contentType: string;
  events: StreamEvent[];
  // resolves with the first event (already received or to come) that matches
  next: (match: (event: StreamEvent) => boolean, timeoutMs?: number) => Promise<StreamEvent>;
  onEvent: (listener: (event: StreamEvent) => void) => void;
  comments: () => number;
  closed: Promise<void>;
  close: () => void;
};

export const openEventStream = (
  url: string,
  headers: Record<string, string> = {},
): Promise<EventStreamConnection> =>
  new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      const events: StreamEvent[] = [];
      const listeners: ((event: StreamEvent) => void)[] = [];
      let comments = 0;
      let buffer = '';
      let endClosed: () => void = () => {};
      const closed = new Promise<void>((done) => (endClosed = done));
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields: Record<string, string> = {};
          let comment = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comment = true;
            const colon = line.indexOf(':');
            if (colon <= 0) continue;
            const name = line.slice(0, colon);
            const value = line.slice(colon + 1).replace(/^ /, '');
            fields[name] = name === 'data' && fields.data !== undefined ? `${fields.data}\n${value}` : value;
          }
          if (comment && fields.data === undefined) comments += 1;
          if (fields.data === undefined) continue;
          const event = {
            id: fields.id,
            event: fields.event ?? 'message',
            data: fields.data,
            receivedAt: performance.now(),
          };
          events.push(event);
          for (const listener of listeners) listener(event);
        }
      });
      // closing the stream ourselves aborts the response: that is its end, not a failure
      response.on('error', endClosed);
      response.on('end', endClosed);
      response.on('close', endClosed);
      resolve({
        status: response.statusCode ?? 0,
        contentType: String(response.headers['content-type'] ?? ''),
        events,
        comments: () => comments,
        onEvent: (listener) => listeners.push(listener),
        next: (match, timeoutMs = 10_000) =>
          new Promise((found, fail) => {
            const already = events.find(match);
            if (already) return found(already);
            const timer = setTimeout(
              () => fail(new Error(`no matching event in ${timeoutMs} ms`)),
              timeoutMs,
            );
            listeners.push((event) => {
              if (!match(event)) return;
              clearTimeout(timer);
              found(event);
            });
          }),
        closed,
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
