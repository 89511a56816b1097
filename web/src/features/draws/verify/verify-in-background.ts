import type { VerifyReply, VerifyRequest } from './verify-worker';

// A Web Worker when the browser gives one; otherwise the same work after a tick, so the spinner is drawn first.
const inWorker = (request: VerifyRequest): Promise<VerifyReply> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./verify-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<VerifyReply>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker failed'));
    };
    worker.postMessage(request);
  });

const onMainThread = async (request: VerifyRequest): Promise<VerifyReply> => {
  await new Promise((resolve) => setTimeout(resolve, 50));
  const { verifyRecordText } = await import('./verify-record');
  if ('text' in request) return verifyRecordText(request.text);
  const response = await fetch(request.url, { credentials: 'same-origin' });
  if (!response.ok) return { ok: false, reason: 'fetch', detail: `HTTP ${response.status}` };
  return verifyRecordText(await response.text(), request.committed ?? null);
};

export const verifyInBackground = async (request: VerifyRequest): Promise<VerifyReply> => {
  // a URL the page sees as relative is absolute inside the worker
  const absolute =
    'url' in request ? { ...request, url: new URL(request.url, window.location.href).href } : request;
  if (typeof Worker === 'undefined') return onMainThread(absolute);
  try {
    return await inWorker(absolute);
  } catch {
    return onMainThread(absolute);
  }
};
