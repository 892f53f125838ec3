import { describe, expect, it } from 'vitest';
import { agencyKinds } from '../../src/shared/contract/common';
import { districtBoundaries, referenceData } from '../../src/shared/domain/reference';
import { scenarioMeta } from './meta';
import { scenarioWorld } from './world';

describe('reference data', () => {
  const meta = referenceData();

  it('is loaded once and shared with the mock', () => {
    expect(referenceData()).toBe(meta);
    expect(scenarioMeta()).toBe(meta);
    expect(districtBoundaries().features).toHaveLength(9);
  });

  it('has the 88 handling units of the seed article, of every kind', () => {
    expect(meta.agencies).toHaveLength(88);
    const byKind = Object.fromEntries(agencyKinds.map((k) => [k, meta.agencies.filter((a) => a.kind === k).length]));
    expect(byKind.district_pc).toBe(9);
    for (const k of agencyKinds) expect(byKind[k]).toBeGreaterThan(0);
    for (const a of meta.agencies) expect(a.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(meta.agencies.map((a) => a.id)).size).toBe(88);
  });

  it('names a People\'s Committee for every district, and links each commune committee to its district', () => {
    for (const d of meta.districts) {
      const pc = meta.agencies.find((a) => a.kind === 'district_pc' && a.districtCode === d.code);
      expect(pc?.name, d.name).toContain(d.name.slice(d.kind.length + 1));
    }
    for (const a of meta.agencies.filter((x) => x.kind === 'commune_pc')) {
      const parent = meta.agencies.find((p) => p.id === a.parentId);
      expect(parent?.kind).toBe('district_pc');
      expect(parent?.districtCode).toBe(a.districtCode);
    }
    // all 27 wards of Thành phố Huế take part
    expect(meta.agencies.filter((a) => a.kind === 'commune_pc' && a.districtCode === '474')).toHaveLength(27);
  });

  it('finds the ward of every commune committee (the generator routes by it)', () => {
    const world = scenarioWorld();
    const communes = meta.agencies.filter((a) => a.kind === 'commune_pc');
    expect(new Set([...world.communePcOfWard.values()].map((a) => a.id))).toEqual(new Set(communes.map((a) => a.id)));
  });

  it('has categories with SLAs, including ones that fall back to the defaults', () => {
    expect(meta.categories.length).toBeGreaterThanOrEqual(12);
    expect(meta.categories.some((c) => c.sla.routine === null)).toBe(true);
    expect(meta.categories.some((c) => c.sla.urgent === null)).toBe(true);
    const routineDays = meta.categories.map((c) => c.sla.routine?.amount ?? 7);
    expect(routineDays.filter((d) => d === 7).length).toBeGreaterThan(routineDays.length / 2);
    for (const c of meta.categories) {
      if (c.sla.routine) expect(c.sla.routine.unit).toBe('working_days');
      if (c.sla.urgent) expect(c.sla.urgent.amount).toBeLessThanOrEqual(8);
    }
  });

  it('has ward points for all 152 communes and wards', () => {
    expect(meta.wards).toHaveLength(152);
    expect(meta.districts).toHaveLength(9);
  });
});
