// Body-map region set for the pain diary: stable region codes, plain-English labels, front/back view,
// side, SNOMED CT body-structure code + laterality qualifier, ACR 2016 WPI area, and a simple layout
// box on a 200 × 440 figure for the web body map.
//
// Sources (full table with one source per code in docs/body-map.md):
// - SNOMED CT body structures: DICOM PS3.16 CID 4031 "Common Anatomic Region" (version 20250709) as
//   encoded in GitHub bvdh/dicom-terminology-in-fhir `input/fsh/ValueSet-dicom-cid-4031-CommonAnatomicRegion.fsh`
//   (commit 3645edf5); DICOM PS3.16 Annex L (Body Part Examined ↔ SNOMED CT), as encoded in a public
//   Python mapping `BodyPartExamined2SCT`; ACC ICP IG `acc-fhir-publisher/icp input/fsh/vocabulary/icp-bodysite.fsh`
//   (lower back 37822005); thoracic structure 51185008 and abdominal structure 113345001 as used in
//   FHIR bodySite examples and DICOM CID 4031 note 3.
// - Laterality qualifiers: 7771000 Left, 24028007 Right, 51440002 Right and left —
//   hl7ch/ch-ems `input/fsh/valuesets/Laterality.fsh`; 399488007 Midline — HL7 mCODE LateralityVS
//   (copy in fhircat/e2c2-fsh-modeling `input/fsh/valuesets/LateralityVS.fsh`) and
//   HL7/fhir-breast-radiology-ig `input/FSH/Terminology/Laterality.fsh`.
// - ACR 2016 WPI areas and regions: Wolfe F et al. 2016 Revisions to the 2010/2011 fibromyalgia
//   diagnostic criteria, Semin Arthritis Rheum 46:319–329 (via Wolfe 2016, Semin Arthritis Rheum 46:319, https://doi.org/10.1016/j.semarthrit.2016.08.012).
//
// Invariants: region codes are stable kebab ids and never reused; a code we could not confirm from a
// source is `null` with `unconfirmed: true` (never guessed); laterality applies only to paired
// structures (left/right regions) — midline regions carry no laterality qualifier.
// Layout: the front view shows the patient facing the viewer (patient's right on the viewer's left);
// the back view shows the patient from behind (patient's left on the viewer's left).

export type BodyView = 'front' | 'back';
export type RegionViews = 'front' | 'back' | 'both';
export type BodySide = 'left' | 'right' | 'midline';

/** ACR 2016 Widespread Pain Index areas (19). */
export const WPI_AREAS = [
  'jaw-left',
  'shoulder-girdle-left',
  'upper-arm-left',
  'lower-arm-left',
  'jaw-right',
  'shoulder-girdle-right',
  'upper-arm-right',
  'lower-arm-right',
  'hip-left',
  'upper-leg-left',
  'lower-leg-left',
  'hip-right',
  'upper-leg-right',
  'lower-leg-right',
  'neck',
  'upper-back',
  'lower-back',
  'chest',
  'abdomen',
] as const;
export type WpiArea = (typeof WPI_AREAS)[number];

/** ACR 2016 regions for the generalized-pain criterion. */
export type WpiRegion = 'left-upper' | 'right-upper' | 'left-lower' | 'right-lower' | 'axial';

export const WPI_AREA_REGION: Readonly<Record<WpiArea, WpiRegion>> = {
  'jaw-left': 'left-upper',
  'shoulder-girdle-left': 'left-upper',
  'upper-arm-left': 'left-upper',
  'lower-arm-left': 'left-upper',
  'jaw-right': 'right-upper',
  'shoulder-girdle-right': 'right-upper',
  'upper-arm-right': 'right-upper',
  'lower-arm-right': 'right-upper',
  'hip-left': 'left-lower',
  'upper-leg-left': 'left-lower',
  'lower-leg-left': 'left-lower',
  'hip-right': 'right-lower',
  'upper-leg-right': 'right-lower',
  'lower-leg-right': 'right-lower',
  neck: 'axial',
  'upper-back': 'axial',
  'lower-back': 'axial',
  chest: 'axial',
  abdomen: 'axial',
};

/** Areas that count toward the WPI but not toward the generalized-pain region count (Wolfe 2016). */
export const WPI_AREAS_EXCLUDED_FROM_GENERALIZED: readonly WpiArea[] = ['jaw-left', 'jaw-right', 'chest', 'abdomen'];

export interface SnomedCoding {
  readonly system: 'http://snomed.info/sct';
  readonly code: string;
  readonly display: string;
}

export const LATERALITY_QUALIFIERS = {
  left: { system: 'http://snomed.info/sct', code: '7771000', display: 'Left' },
  right: { system: 'http://snomed.info/sct', code: '24028007', display: 'Right' },
  bilateral: { system: 'http://snomed.info/sct', code: '51440002', display: 'Right and left' },
  midline: { system: 'http://snomed.info/sct', code: '399488007', display: 'Midline' },
} as const satisfies Record<string, SnomedCoding>;

/** A box on the 200 × 440 figure, in figure units, origin top-left. */
export interface LayoutBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export const FIGURE_SIZE = { width: 200, height: 440 } as const;

export interface BodyRegion {
  readonly code: string;
  readonly label: string;
  readonly views: RegionViews;
  readonly side: BodySide;
  /** SNOMED CT body structure; null when no source confirmed one (`unconfirmed` is then true). */
  readonly snomed: SnomedCoding | null;
  readonly unconfirmed: boolean;
  /** SNOMED CT laterality qualifier for paired structures; null for midline regions. */
  readonly laterality: SnomedCoding | null;
  /** ACR 2016 WPI area this region pre-fills, or null when none applies. */
  readonly wpiArea: WpiArea | null;
  readonly layout: Partial<Record<BodyView, LayoutBox>>;
}

const sct = (code: string, display: string): SnomedCoding => ({ system: 'http://snomed.info/sct', code, display });

// Body structures, each confirmed from the source named in docs/body-map.md.
const S = {
  head: sct('69536005', 'Head'),
  face: sct('89545001', 'Face'),
  jaw: sct('661005', 'Jaw region'),
  neck: sct('45048000', 'Neck'),
  shoulder: sct('16982005', 'Shoulder'),
  upperArm: sct('40983000', 'Upper arm'),
  elbowJoint: sct('16953009', 'Elbow joint'),
  forearm: sct('14975008', 'Forearm'),
  wristJoint: sct('74670003', 'Wrist joint'),
  hand: sct('85562004', 'Hand'),
  chest: sct('51185008', 'Thoracic structure'),
  abdomen: sct('113345001', 'Abdominal structure'),
  pelvis: sct('816092008', 'Pelvis'),
  groin: sct('26893007', 'Inguinal region'),
  hip: sct('29836001', 'Hip'),
  buttock: sct('46862004', 'Buttock'),
  lowerBack: sct('37822005', 'Lower back structure'),
  cervicalSpine: sct('122494005', 'Cervical spine'),
  thoracicSpine: sct('122495006', 'Thoracic spine'),
  lumbarSpine: sct('122496007', 'Lumbar spine'),
  sacrum: sct('54735007', 'Sacrum'),
  thigh: sct('68367000', 'Thigh'),
  knee: sct('72696002', 'Knee'),
  lowerLeg: sct('30021000', 'Lower leg'),
  ankleJoint: sct('70258002', 'Ankle joint'),
  foot: sct('56459004', 'Foot'),
} as const;

/** Mirror a box drawn on the viewer's left half to the viewer's right half. */
const mirror = (b: LayoutBox): LayoutBox => ({ x: FIGURE_SIZE.width - b.x - b.w, y: b.y, w: b.w, h: b.h });

interface PairSpec {
  readonly base: string;
  readonly label: string;
  readonly views: RegionViews;
  readonly snomed: SnomedCoding | null;
  readonly wpi: { left: WpiArea; right: WpiArea } | null;
  /** Box for the viewer's-left instance in each view (front: patient's right; back: patient's left). */
  readonly viewerLeft: Partial<Record<BodyView, LayoutBox>>;
}

function pair(spec: PairSpec): [BodyRegion, BodyRegion] {
  const make = (side: 'left' | 'right'): BodyRegion => {
    const layout: Partial<Record<BodyView, LayoutBox>> = {};
    const front = spec.viewerLeft.front;
    const back = spec.viewerLeft.back;
    // Front view: the patient's right is on the viewer's left. Back view: the patient's left is.
    if (front) layout.front = side === 'right' ? front : mirror(front);
    if (back) layout.back = side === 'left' ? back : mirror(back);
    return {
      code: `${spec.base}-${side}`,
      label: `${spec.label}, ${side}`,
      views: spec.views,
      side,
      snomed: spec.snomed,
      unconfirmed: spec.snomed === null,
      laterality: LATERALITY_QUALIFIERS[side],
      wpiArea: spec.wpi ? spec.wpi[side] : null,
      layout,
    };
  };
  return [make('left'), make('right')];
}

function midline(
  code: string,
  label: string,
  views: RegionViews,
  snomed: SnomedCoding | null,
  wpiArea: WpiArea | null,
  layout: Partial<Record<BodyView, LayoutBox>>,
): BodyRegion {
  return { code, label, views, side: 'midline', snomed, unconfirmed: snomed === null, laterality: null, wpiArea, layout };
}

export const BODY_REGIONS: readonly BodyRegion[] = [
  // Head and neck
  midline('head', 'Head', 'both', S.head, null, { front: { x: 82, y: 2, w: 36, h: 14 }, back: { x: 80, y: 2, w: 40, h: 46 } }),
  midline('face', 'Face', 'front', S.face, null, { front: { x: 84, y: 16, w: 32, h: 22 } }),
  ...pair({
    base: 'jaw',
    label: 'Jaw',
    views: 'front',
    snomed: S.jaw,
    wpi: { left: 'jaw-left', right: 'jaw-right' },
    viewerLeft: { front: { x: 82, y: 38, w: 18, h: 10 } },
  }),
  midline('neck-front', 'Neck, front', 'front', S.neck, 'neck', { front: { x: 88, y: 50, w: 24, h: 14 } }),
  midline('neck-back', 'Neck, back', 'back', S.neck, 'neck', { back: { x: 84, y: 50, w: 10, h: 16 } }),
  midline('cervical-spine', 'Cervical spine (neck bones)', 'back', S.cervicalSpine, 'neck', { back: { x: 94, y: 50, w: 12, h: 18 } }),
  // Shoulders and arms
  ...pair({
    base: 'shoulder',
    label: 'Shoulder',
    views: 'both',
    snomed: S.shoulder,
    wpi: { left: 'shoulder-girdle-left', right: 'shoulder-girdle-right' },
    viewerLeft: { front: { x: 46, y: 64, w: 24, h: 20 }, back: { x: 46, y: 64, w: 16, h: 20 } },
  }),
  ...pair({
    base: 'upper-arm',
    label: 'Upper arm',
    views: 'both',
    snomed: S.upperArm,
    wpi: { left: 'upper-arm-left', right: 'upper-arm-right' },
    viewerLeft: { front: { x: 40, y: 84, w: 20, h: 54 }, back: { x: 40, y: 84, w: 20, h: 54 } },
  }),
  ...pair({
    base: 'elbow',
    label: 'Elbow',
    views: 'both',
    snomed: S.elbowJoint,
    wpi: null,
    viewerLeft: { front: { x: 36, y: 138, w: 20, h: 16 }, back: { x: 36, y: 138, w: 20, h: 16 } },
  }),
  ...pair({
    base: 'forearm',
    label: 'Lower arm (forearm)',
    views: 'both',
    snomed: S.forearm,
    wpi: { left: 'lower-arm-left', right: 'lower-arm-right' },
    viewerLeft: { front: { x: 30, y: 154, w: 20, h: 50 }, back: { x: 30, y: 154, w: 20, h: 50 } },
  }),
  ...pair({
    base: 'wrist',
    label: 'Wrist',
    views: 'both',
    snomed: S.wristJoint,
    wpi: null,
    viewerLeft: { front: { x: 28, y: 204, w: 18, h: 12 }, back: { x: 28, y: 204, w: 18, h: 12 } },
  }),
  ...pair({
    base: 'hand',
    label: 'Hand',
    views: 'both',
    snomed: S.hand,
    wpi: null,
    viewerLeft: { front: { x: 20, y: 216, w: 26, h: 34 }, back: { x: 20, y: 216, w: 26, h: 34 } },
  }),
  // Trunk, front
  midline('chest', 'Chest', 'front', S.chest, 'chest', { front: { x: 70, y: 66, w: 60, h: 64 } }),
  midline('abdomen', 'Abdomen (belly)', 'front', S.abdomen, 'abdomen', { front: { x: 70, y: 130, w: 60, h: 50 } }),
  midline('pelvis', 'Lower belly and pelvis', 'front', S.pelvis, null, { front: { x: 86, y: 180, w: 28, h: 24 } }),
  ...pair({
    base: 'groin',
    label: 'Groin',
    views: 'front',
    snomed: S.groin,
    wpi: null,
    viewerLeft: { front: { x: 70, y: 182, w: 16, h: 24 } },
  }),
  // Trunk, back
  ...pair({
    base: 'upper-back',
    label: 'Upper back',
    views: 'back',
    snomed: null,
    wpi: { left: 'upper-back', right: 'upper-back' },
    viewerLeft: { back: { x: 62, y: 70, w: 32, h: 80 } },
  }),
  midline('thoracic-spine', 'Thoracic spine (mid-back bones)', 'back', S.thoracicSpine, 'upper-back', {
    back: { x: 94, y: 68, w: 12, h: 82 },
  }),
  ...pair({
    base: 'lower-back',
    label: 'Lower back',
    views: 'back',
    snomed: S.lowerBack,
    wpi: { left: 'lower-back', right: 'lower-back' },
    viewerLeft: { back: { x: 64, y: 150, w: 30, h: 40 } },
  }),
  midline('lumbar-spine', 'Lumbar spine (low-back bones)', 'back', S.lumbarSpine, 'lower-back', { back: { x: 94, y: 150, w: 12, h: 40 } }),
  midline('sacrum', 'Sacral spine (sacrum)', 'back', S.sacrum, 'lower-back', { back: { x: 94, y: 190, w: 12, h: 18 } }),
  ...pair({
    base: 'buttock',
    label: 'Buttock',
    views: 'back',
    snomed: S.buttock,
    wpi: { left: 'hip-left', right: 'hip-right' },
    viewerLeft: { back: { x: 64, y: 190, w: 30, h: 40 } },
  }),
  // Hips and legs
  ...pair({
    base: 'hip',
    label: 'Hip',
    views: 'both',
    snomed: S.hip,
    wpi: { left: 'hip-left', right: 'hip-right' },
    viewerLeft: { front: { x: 54, y: 180, w: 16, h: 30 }, back: { x: 50, y: 190, w: 14, h: 30 } },
  }),
  ...pair({
    base: 'thigh',
    label: 'Thigh (upper leg)',
    views: 'both',
    snomed: S.thigh,
    wpi: { left: 'upper-leg-left', right: 'upper-leg-right' },
    viewerLeft: { front: { x: 66, y: 210, w: 32, h: 80 }, back: { x: 66, y: 230, w: 32, h: 60 } },
  }),
  ...pair({
    base: 'knee',
    label: 'Knee',
    views: 'both',
    snomed: S.knee,
    wpi: null,
    viewerLeft: { front: { x: 70, y: 290, w: 26, h: 28 }, back: { x: 70, y: 290, w: 26, h: 28 } },
  }),
  ...pair({
    base: 'lower-leg',
    label: 'Lower leg (shin and calf)',
    views: 'both',
    snomed: S.lowerLeg,
    wpi: { left: 'lower-leg-left', right: 'lower-leg-right' },
    viewerLeft: { front: { x: 72, y: 318, w: 22, h: 72 }, back: { x: 72, y: 318, w: 22, h: 72 } },
  }),
  ...pair({
    base: 'ankle',
    label: 'Ankle',
    views: 'both',
    snomed: S.ankleJoint,
    wpi: null,
    viewerLeft: { front: { x: 74, y: 390, w: 18, h: 14 }, back: { x: 74, y: 390, w: 18, h: 14 } },
  }),
  ...pair({
    base: 'foot',
    label: 'Foot',
    views: 'both',
    snomed: S.foot,
    wpi: null,
    viewerLeft: { front: { x: 66, y: 404, w: 28, h: 32 }, back: { x: 68, y: 404, w: 24, h: 32 } },
  }),
];

const BY_CODE: ReadonlyMap<string, BodyRegion> = new Map(BODY_REGIONS.map((r) => [r.code, r]));

export const BODY_REGION_CODES: readonly string[] = BODY_REGIONS.map((r) => r.code);

export function isBodyRegionCode(code: string): boolean {
  return BY_CODE.has(code);
}

export function findBodyRegion(code: string): BodyRegion | undefined {
  return BY_CODE.get(code);
}

/** Regions drawn on one view of the figure, with their box there. */
export function regionsInView(view: BodyView): { region: BodyRegion; box: LayoutBox }[] {
  const out: { region: BodyRegion; box: LayoutBox }[] = [];
  for (const region of BODY_REGIONS) {
    const box = region.layout[view];
    if (box) out.push({ region, box });
  }
  return out;
}

/**
 * The ACR 2016 WPI areas that the given body-map regions pre-fill, in WPI_AREAS order, without
 * duplicates. Unknown codes and regions without a WPI area are ignored. A pre-fill only: the WPI asks
 * about pain "over the past week", so the person confirms each area.
 */
export function wpiAreasFromRegions(codes: Iterable<string>): WpiArea[] {
  const hit = new Set<WpiArea>();
  for (const code of codes) {
    const area = BY_CODE.get(code)?.wpiArea;
    if (area) hit.add(area);
  }
  return WPI_AREAS.filter((a) => hit.has(a));
}

/**
 * ACR 2016 generalized-pain regions (of 5) covered by `areas`; jaw, chest and abdomen do not count.
 * The criterion is met at ≥ 4 of 5 (Wolfe 2016) — that decision belongs to the instrument module.
 */
export function generalizedPainRegions(areas: Iterable<WpiArea>): WpiRegion[] {
  const order: WpiRegion[] = ['left-upper', 'right-upper', 'left-lower', 'right-lower', 'axial'];
  const hit = new Set<WpiRegion>();
  for (const a of areas) if (!WPI_AREAS_EXCLUDED_FROM_GENERALIZED.includes(a)) hit.add(WPI_AREA_REGION[a]);
  return order.filter((r) => hit.has(r));
}
