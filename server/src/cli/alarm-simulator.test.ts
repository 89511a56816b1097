import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/helpers.ts';
import { prepareSimulation, runSimulation } from './alarm-simulator.ts';

// Issue 16 item 9: the simulator sends signed traffic from the demo's two sources (normalised JSON and the
// provincial style) to the demo server, which accepts it, answers retries as duplicates and malformed items one
// by one.

describe('the alarm simulator against the demo server', () => {
  let t: TestContext;
  let base: string;
  beforeAll(async () => {
    t = await createTestContext();
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('signs with the demo keys, registers its points once, and reports what the server answered', async () => {
    const lines: string[] = [];
    const simulation = await prepareSimulation({
      baseUrl: base,
      pointsPerSource: 12,
      log: (line) => lines.push(line),
    });
    expect(simulation.sources.map((source) => source.style)).toEqual(['normalised', 'provincial']);
    expect(lines).toHaveLength(2);
    const batches: { path: string; acknowledged: boolean }[] = [];
    const summary = await runSimulation(simulation, {
      rate: 400,
      seconds: 3,
      onBatch: (batch) => batches.push({ path: batch.source.style, acknowledged: batch.acknowledged }),
    });
    expect(summary.failedRequests).toBe(0);
    expect(summary.sent).toBeGreaterThan(0);
    expect(summary.accepted + summary.duplicates + summary.rejected).toBe(summary.sent);
    expect(summary.accepted).toBeGreaterThan(0);
    expect(new Set(batches.map((batch) => batch.path))).toEqual(new Set(['normalised', 'provincial']));
    expect(batches.every((batch) => batch.acknowledged)).toBe(true);

    const incidents = (
      await t.app.inject({
        url: '/api/v1/monitoring/incidents?limit=500',
        headers: { cookie: await t.login('admin') },
      })
    ).json() as { items: { pointCode: string }[] };
    expect(incidents.items.some((incident) => incident.pointCode.startsWith('SIM-HC-'))).toBe(true);
    expect(incidents.items.some((incident) => incident.pointCode.startsWith('SIM-DUST-'))).toBe(true);

    // a second run finds its points registered
    const second: string[] = [];
    await prepareSimulation({ baseUrl: base, pointsPerSource: 12, log: (line) => second.push(line) });
    expect(second).toEqual([]);
  });
});
