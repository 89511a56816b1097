// The sending side of `npm run bench:ingest`, on a thread of its own: the monitoring systems are other machines,
// so their requests (signing, HTTP) do not share the event loop of the server they load. Sends each body to the
// batch endpoint, `concurrency` at a time, and answers with the sums of the outcomes and the seconds it took.
import { parentPort, workerData } from 'node:worker_threads';
import { sendSigned, type Simulation, type SimulatorSource } from '../server/src/cli/alarm-simulator.ts';
import { elapsedSeconds, startClock } from './stats.ts';

export type LoadRequest = {
  simulation: Simulation;
  path: string;
  concurrency: number;
  batches: { source: SimulatorSource; body: string }[];
};
export type LoadAnswer =
  | { ok: true; seconds: number; accepted: number; duplicates: number; rejected: number }
  | { ok: false; message: string };

const { simulation, path, concurrency, batches } = workerData as LoadRequest;
const totals = { accepted: 0, duplicates: 0, rejected: 0 };
let next = 0;
const clock = startClock();
Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < batches.length) {
      const i = next++;
      const batch = batches[i]!;
      const response = await sendSigned(simulation, batch.source, path, batch.body);
      if (!response.ok) throw new Error(`batch ${i}: ${response.status} ${await response.text()}`);
      const outcome = (await response.json()) as {
        accepted: number;
        duplicates: number;
        rejected: unknown[];
      };
      totals.accepted += outcome.accepted;
      totals.duplicates += outcome.duplicates;
      totals.rejected += outcome.rejected.length;
    }
  }),
).then(
  () => parentPort!.postMessage({ ok: true, seconds: elapsedSeconds(clock), ...totals } satisfies LoadAnswer),
  (error: unknown) => parentPort!.postMessage({ ok: false, message: String(error) } satisfies LoadAnswer),
);
