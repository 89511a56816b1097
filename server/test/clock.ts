// The instant every test context starts at unless it names its own: the demo data seeded once per run (see
// global-setup.ts) is seeded at it.
export const defaultTestNow = new Date('2026-11-26T02:00:00Z');
