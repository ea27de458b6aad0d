import { describe, expect, it } from 'vitest';
import { INDUSTRY_CLASSES, INDUSTRY_DIVISIONS, industryName } from '../src/registry/industries';
import {
  PROGRAMME_INDUSTRIES,
  programmeIndustry,
  programmeIndustryOf,
} from '../src/registry/programme-industries';

describe('GB/T 4754 classes', () => {
  it('are unique 4-digit codes under a named division', () => {
    const codes = INDUSTRY_CLASSES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of INDUSTRY_CLASSES) {
      expect(c.code).toMatch(/^\d{4}$/);
      expect(c.name.length).toBeGreaterThan(1);
      expect(INDUSTRY_DIVISIONS[c.division], c.code).toBeDefined();
    }
  });

  it.each([
    ['3011', '水泥制造'],
    ['4411', '火力发电'],
    ['2221', '机制纸及纸板制造'],
    ['3360', '金属表面处理及热处理加工'],
    ['22', '造纸和纸制品业'],
    ['9999', undefined],
    ['99', undefined],
  ])('industryName(%s) = %s', (code, name) => {
    expect(industryName(code)).toBe(name);
  });
});

describe('programme industries (seed 004)', () => {
  it('has 9, 18 and 16 industries in batches 1, 2 and 3', () => {
    const count = (b: number) => PROGRAMME_INDUSTRIES.filter((p) => p.batch === b).length;
    expect([count(1), count(2), count(3)]).toEqual([9, 18, 16]);
  });

  it('lists batch 1 as 004 四(一)2 does', () => {
    const batch1 = PROGRAMME_INDUSTRIES.filter((p) => p.batch === 1).map((p) => p.zh);
    expect(batch1.join('、')).toBe('钢铁、火电、水泥、煤炭、造纸、印染、污水处理厂、垃圾焚烧厂、有色金属');
  });

  it('has unique keys and class entries that no two industries share', () => {
    const keys = PROGRAMME_INDUSTRIES.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    const entries = PROGRAMME_INDUSTRIES.flatMap((p) => p.classes);
    expect(new Set(entries).size).toBe(entries.length);
  });

  it('maps every entry onto at least one class of the catalogue', () => {
    for (const entry of PROGRAMME_INDUSTRIES.flatMap((p) => p.classes)) {
      expect(
        INDUSTRY_CLASSES.some((c) => c.code.startsWith(entry)),
        entry,
      ).toBe(true);
    }
  });

  it.each([
    ['3110', 'steel', 1],
    ['3140', 'steel', 1],
    ['4411', 'thermal_power', 1],
    ['4412', 'thermal_power', 1],
    ['3011', 'cement', 1],
    ['0610', 'coal', 1],
    ['2221', 'paper', 1],
    ['2223', 'paper', 1],
    ['1713', 'dyeing', 1],
    ['1752', 'dyeing', 1],
    ['4620', 'wastewater_plant', 1],
    ['4417', 'waste_incineration', 1],
    ['7820', 'waste_incineration', 1],
    ['3215', 'nonferrous', 1],
    ['0915', 'nonferrous', 1],
    ['3232', 'rare_earth', 3],
    ['0932', 'rare_earth', 3],
    ['2521', 'coking', 2],
    ['3843', 'battery', 2],
    ['3360', 'electroplating', 2],
    ['1314', 'agri_food', 2],
    ['1530', 'beverages', 2],
    ['2029', 'wood_panels', 3],
    ['3041', 'flat_glass', 3],
    ['3031', 'ceramics_bricks', 3],
    ['0313', 'livestock', 3],
  ])('programmeIndustryOf(%s) = %s, batch %i', (code, key, batch) => {
    expect(programmeIndustryOf(code)).toMatchObject({ key, batch });
  });

  it.each(['2614', '2231', '3012', '2041', '7724', '311', '31100', 'abcd', ''])(
    '%j is outside the programme',
    (code) => {
      expect(programmeIndustryOf(code)).toBeUndefined();
    },
  );

  it('finds industries by key', () => {
    expect(programmeIndustry('paper')?.zh).toBe('造纸');
    expect(programmeIndustry('nope')).toBeUndefined();
  });
});
