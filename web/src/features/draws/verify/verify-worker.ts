import { verifyRecordText, type VerifyOutcome } from './verify-record';

// Runs off the main thread: a record of a million codes takes seconds to hash, and the page keeps its spinner
// turning meanwhile. The record is fetched here too, so its tens of megabytes are never parsed on the page.

// `committed`: the resultHash the public page showed since the session (issue 12 item 9)
export type VerifyRequest = { url: string; committed?: string | null } | { text: string };
export type VerifyReply = VerifyOutcome | { ok: false; reason: 'fetch'; detail: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<VerifyRequest>) => void) | null;
  postMessage: (reply: VerifyReply) => void;
};

const run = async (request: VerifyRequest): Promise<VerifyReply> => {
  if ('text' in request) return verifyRecordText(request.text);
  const response = await fetch(request.url, { credentials: 'same-origin' });
  if (!response.ok) return { ok: false, reason: 'fetch', detail: `HTTP ${response.status}` };
  return verifyRecordText(await response.text(), request.committed ?? null);
};

scope.onmessage = (event) => {
  run(event.data).then(scope.postMessage, (error: unknown) =>
    scope.postMessage({
      ok: false,
      reason: 'fetch',
      detail: error instanceof Error ? error.message : String(error),
    }),
  );
};
