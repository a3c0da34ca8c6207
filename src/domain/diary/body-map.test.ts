import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BODY_REGIONS,
  BODY_REGION_CODES,
  FIGURE_SIZE,
  LATERALITY_QUALIFIERS,
  WPI_AREAS,
  findBodyRegion,
  generalizedPainRegions,
  regionsInView,
  wpiAreasFromRegions,
  type BodyView,
  type LayoutBox,
} from './body-map.ts';

const overlaps = (a: LayoutBox, b: LayoutBox) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('body-map region set', () => {
  it('has unique, stable kebab-case codes', () => {
    expect(new Set(BODY_REGION_CODES).size).toBe(BODY_REGION_CODES.length);
    for (const code of BODY_REGION_CODES) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('covers every area the issue names', () => {
    for (const code of [
      'head',
      'face',
      'jaw-left',
      'neck-front',
      'shoulder-right',
      'upper-arm-left',
      'forearm-right',
      'elbow-left',
      'wrist-right',
      'hand-left',
      'chest',
      'abdomen',
      'upper-back-left',
      'cervical-spine',
      'thoracic-spine',
      'lumbar-spine',
      'sacrum',
      'buttock-right',
      'hip-left',
      'groin-right',
      'pelvis',
      'thigh-left',
      'knee-right',
      'lower-leg-left',
      'ankle-right',
      'foot-left',
    ])
      expect(findBodyRegion(code), code).toBeDefined();
  });

  it('gives paired regions a laterality qualifier matching their side, and midline regions none', () => {
    for (const r of BODY_REGIONS) {
      if (r.side === 'left') expect(r.laterality).toEqual(LATERALITY_QUALIFIERS.left);
      if (r.side === 'right') expect(r.laterality).toEqual(LATERALITY_QUALIFIERS.right);
      if (r.side === 'midline') expect(r.laterality).toBeNull();
      if (r.side !== 'midline') expect(r.code.endsWith(`-${r.side}`)).toBe(true);
    }
    expect(LATERALITY_QUALIFIERS.left.code).toBe('7771000');
    expect(LATERALITY_QUALIFIERS.right.code).toBe('24028007');
    expect(LATERALITY_QUALIFIERS.bilateral.code).toBe('51440002');
  });

  it('marks exactly the regions without a confirmed SNOMED code as unconfirmed', () => {
    for (const r of BODY_REGIONS) {
      expect(r.unconfirmed).toBe(r.snomed === null);
      if (r.snomed) expect(r.snomed.code).toMatch(/^\d{6,18}$/);
    }
    expect(BODY_REGIONS.filter((r) => r.unconfirmed).map((r) => r.code)).toEqual(['upper-back-left', 'upper-back-right']);
  });

  it('has a layout box for exactly the views it is drawn on, inside the figure, without overlaps', () => {
    for (const r of BODY_REGIONS) {
      expect(Boolean(r.layout.front), r.code).toBe(r.views !== 'back');
      expect(Boolean(r.layout.back), r.code).toBe(r.views !== 'front');
    }
    for (const view of ['front', 'back'] as BodyView[]) {
      const drawn = regionsInView(view);
      for (const { region, box } of drawn) {
        expect(box.x >= 0 && box.y >= 0 && box.w > 0 && box.h > 0, region.code).toBe(true);
        expect(box.x + box.w <= FIGURE_SIZE.width && box.y + box.h <= FIGURE_SIZE.height, region.code).toBe(true);
      }
      for (let i = 0; i < drawn.length; i++) {
        for (let j = i + 1; j < drawn.length; j++) {
          expect(overlaps(drawn[i]!.box, drawn[j]!.box), `${view}: ${drawn[i]!.region.code} × ${drawn[j]!.region.code}`).toBe(false);
        }
      }
    }
  });

  it("mirrors the sides: front view shows the patient's right on the viewer's left, back view the opposite", () => {
    expect(findBodyRegion('knee-right')!.layout.front!.x).toBeLessThan(100);
    expect(findBodyRegion('knee-left')!.layout.front!.x).toBeGreaterThan(100);
    expect(findBodyRegion('knee-left')!.layout.back!.x).toBeLessThan(100);
    expect(findBodyRegion('buttock-right')!.layout.back!.x).toBeGreaterThan(100);
  });
});

describe('wpiAreasFromRegions (ACR 2016, Wolfe 2016 via https://doi.org/10.1016/j.semarthrit.2016.08.012)', () => {
  it('pre-fills Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012 case A: 8 areas covering all 5 regions', () => {
    const areas = wpiAreasFromRegions([
      'shoulder-left',
      'upper-arm-left',
      'shoulder-right',
      'forearm-right',
      'hip-left',
      'thigh-right',
      'neck-front',
      'lumbar-spine',
    ]);
    expect(areas).toEqual([
      'shoulder-girdle-left',
      'upper-arm-left',
      'shoulder-girdle-right',
      'lower-arm-right',
      'hip-left',
      'upper-leg-right',
      'neck',
      'lower-back',
    ]);
    expect(generalizedPainRegions(areas)).toHaveLength(5);
  });

  it(' case B: jaw, chest and abdomen count for the WPI but not for generalized pain', () => {
    const areas = wpiAreasFromRegions(['jaw-left', 'jaw-right', 'chest', 'abdomen', 'lower-back-left']);
    expect(areas).toHaveLength(5);
    expect(generalizedPainRegions(areas)).toEqual(['axial']);
  });

  it('counts an area once however many regions map to it; the buttock counts as the hip area', () => {
    expect(wpiAreasFromRegions(['lower-back-left', 'lower-back-right', 'lumbar-spine', 'sacrum'])).toEqual(['lower-back']);
    expect(wpiAreasFromRegions(['buttock-right', 'hip-right'])).toEqual(['hip-right']);
    expect(wpiAreasFromRegions(['knee-left', 'hand-right', 'not-a-region'])).toEqual([]);
  });

  it('never exceeds 19 areas and is order-independent', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...BODY_REGION_CODES)), (codes) => {
        const a = wpiAreasFromRegions(codes);
        expect(a.length).toBeLessThanOrEqual(WPI_AREAS.length);
        expect(wpiAreasFromRegions([...codes].reverse())).toEqual(a);
      }),
    );
    expect(wpiAreasFromRegions(BODY_REGION_CODES)).toEqual([...WPI_AREAS]);
  });
});
