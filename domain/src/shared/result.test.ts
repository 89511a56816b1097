import { describe, expect, it } from 'vitest';
import { isRefusal, ok, refuse } from './result.ts';

describe('rule results', () => {
  it('answers a bare yes as { ok: true }', () => {
    expect(ok()).toEqual({ ok: true });
  });

  it('carries what the rule found alongside a yes', () => {
    expect(ok({ certificate: 'GD-1' })).toEqual({ ok: true, certificate: 'GD-1' });
  });

  it('keeps ok true even if the fields try to say otherwise', () => {
    expect(ok({ ok: false }).ok).toBe(true);
  });

  it('states a refusal as data naming the measure and its basis', () => {
    const refusal = refuse({ code: 'X', measure: 9, basis: '第九项', message: '不得实施' });
    expect(refusal).toEqual({ ok: false, code: 'X', measure: 9, basis: '第九项', message: '不得实施' });
    expect(isRefusal(refusal)).toBe(true);
    expect(isRefusal(ok())).toBe(false);
  });
});
