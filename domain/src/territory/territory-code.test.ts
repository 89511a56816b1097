import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWithinTerritory, territoryLevel, ZTerritoryCodeSchema } from './territory-code.ts';

const twoDigits = fc.integer({ min: 1, max: 99 }).map((value) => String(value).padStart(2, '0'));
const province = fc.integer({ min: 11, max: 82 }).map(String);

describe('territory codes', () => {
  it('accepts a six-digit division code and refuses anything else', () => {
    expect(ZTerritoryCodeSchema.safeParse('440703').success).toBe(true);
    for (const bad of ['44070', '4407030', '44070A', '', '040700']) {
      expect(ZTerritoryCodeSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('reads province, city and county off the code', () => {
    expect(territoryLevel('440000')).toBe('province');
    expect(territoryLevel('440700')).toBe('city');
    expect(territoryLevel('440703')).toBe('county');
    expect(territoryLevel('110101')).toBe('county');
  });

  it('refuses to guess the level of a malformed code', () => {
    expect(() => territoryLevel('4407')).toThrow(RangeError);
  });

  it('lets the city bureau see every county of Jiangmen', () => {
    for (const county of ['440703', '440704', '440705', '440781', '440783', '440784', '440785']) {
      expect(isWithinTerritory('440700', county)).toBe(true);
    }
    expect(isWithinTerritory('440700', '440700')).toBe(true);
  });

  it('keeps a county bureau to its own county', () => {
    expect(isWithinTerritory('440703', '440703')).toBe(true);
    expect(isWithinTerritory('440703', '440704')).toBe(false);
    expect(isWithinTerritory('440703', '440700')).toBe(false);
  });

  it('keeps the city out of a neighbouring city', () => {
    expect(isWithinTerritory('440700', '440604')).toBe(false);
    expect(isWithinTerritory('440700', '440000')).toBe(false);
  });

  it('lets a province see its cities and counties but not another province', () => {
    expect(isWithinTerritory('440000', '440700')).toBe(true);
    expect(isWithinTerritory('440000', '441900')).toBe(true);
    expect(isWithinTerritory('440000', '450703')).toBe(false);
  });

  it('never matches on a malformed code', () => {
    expect(isWithinTerritory('4407', '440703')).toBe(false);
    expect(isWithinTerritory('440700', '44070x')).toBe(false);
  });

  it('works the same way for any province, city and county', () => {
    fc.assert(
      fc.property(province, twoDigits, twoDigits, twoDigits, (p, c, k, other) => {
        const provinceCode = `${p}0000`;
        const cityCode = `${p}${c}00`;
        const countyCode = `${p}${c}${k}`;
        expect(isWithinTerritory(provinceCode, cityCode)).toBe(true);
        expect(isWithinTerritory(provinceCode, countyCode)).toBe(true);
        expect(isWithinTerritory(cityCode, countyCode)).toBe(true);
        expect(isWithinTerritory(countyCode, countyCode)).toBe(true);
        expect(isWithinTerritory(countyCode, cityCode)).toBe(false);
        expect(isWithinTerritory(cityCode, provinceCode)).toBe(false);
        if (other !== c) expect(isWithinTerritory(`${p}${other}00`, countyCode)).toBe(false);
        if (other !== k) expect(isWithinTerritory(countyCode, `${p}${c}${other}`)).toBe(false);
      }),
    );
  });

  it('is a partial order: every division covers itself, and coverage passes down', () => {
    const code = fc
      .tuple(province, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }))
      .map(([p, c, k]) => `${p}0${c}0${k}`);
    fc.assert(
      fc.property(code, code, code, (a, b, c) => {
        expect(isWithinTerritory(a, a)).toBe(true);
        if (isWithinTerritory(a, b) && isWithinTerritory(b, c)) expect(isWithinTerritory(a, c)).toBe(true);
        if (isWithinTerritory(a, b) && isWithinTerritory(b, a)) expect(a).toBe(b);
      }),
    );
  });
});
