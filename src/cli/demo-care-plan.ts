// Demo conditions, care plans, medicines, procedures and conservative care for a few demo patients,
// entered by the clinic's physician through the care-plan use cases (so every rule and audit applies).
// Doses are ordinary labelled doses; the MME and flags shown for them are computed by the domain.
// James Carter's regimen is CDC 2022, MMWR Recomm Rep 71(RR-3), https://doi.org/10.15585/mmwr.rr7103a1 (MME conversion table) M13 (hydrocodone/APAP 10/325 q4h + alprazolam 0.5 mg TID:
// 60 MME/day, opioid + benzodiazepine).
import { saveCarePlan, type CarePlanInput } from '../app/care-plan.ts';
import { saveConservativeCare, saveProcedure, type ConservativeCareInput, type ProcedureInput } from '../app/care-history.ts';
import { saveCondition, type ConditionInput } from '../app/conditions.ts';
import type { AppDeps, RequestContext } from '../app/context.ts';
import { CONFIRMED_FLAGS, saveMedicationOrder } from '../app/medication-order-safety.ts';
import { createTaperPlan, type MedicationOrderInput } from '../app/medications.ts';

interface DemoCare {
  readonly conditions: readonly ConditionInput[];
  readonly plan: CarePlanInput;
  readonly orders: readonly MedicationOrderInput[];
  readonly procedures?: readonly ProcedureInput[];
  readonly conservativeCare?: readonly ConservativeCareInput[];
  readonly taper?: boolean;
}

/** Demo content keyed by the patient's position in the demo list; dates are days before today. */
function demoCare(daysAgo: (n: number) => string, daysAhead: (n: number) => string): Record<number, DemoCare> {
  const order = (formularyId: string, startedDaysAgo: number, fields: Partial<MedicationOrderInput>): MedicationOrderInput => ({
    formularyId,
    route: 'oral',
    schedule: 'scheduled',
    startDate: daysAgo(startedDaysAgo),
    ...fields,
  });
  return {
    // Maria Gonzalez: fibromyalgia (nociplastic), non-opioid regimen, active self-management plan.
    0: {
      conditions: [
        {
          label: 'Fibromyalgia',
          bodySite: 'widespread',
          mechanism: 'nociplastic',
          onsetDate: daysAgo(900),
          notes: 'ACR 2016 criteria met.',
        },
      ],
      plan: {
        goals: [
          {
            activity: 'Garden for an afternoon',
            measure: 'minutes of gardening before a rest',
            baseline: '15',
            target: '45',
            targetDate: daysAhead(120),
          },
        ],
        interventions: [
          { modality: 'pharmacological', description: 'Duloxetine', startDate: daysAgo(200), frequency: 'daily', status: 'active' },
          {
            modality: 'physical',
            description: 'Aerobic exercise programme (aquatic)',
            startDate: daysAgo(90),
            frequency: '3 times a week',
            status: 'active',
          },
          {
            modality: 'psychological',
            description: 'CBT for chronic pain',
            startDate: daysAgo(60),
            frequency: 'weekly, 8 sessions',
            status: 'active',
          },
          { modality: 'self-management', description: 'Activity pacing and sleep routine', startDate: daysAgo(60), status: 'active' },
        ],
      },
      orders: [
        order('duloxetine', 200, { doseMg: 60, timesPerDay: 1, strength: { value: 60, unit: 'mg' } }),
        order('acetaminophen', 300, { doseMg: 500, schedule: 'as-needed', maxPerDay: 4, strength: { value: 500, unit: 'mg' } }),
      ],
    },
    // James Carter: chronic low back pain on hydrocodone/APAP with alprazolam (≥ 50 MME, opioid + benzodiazepine).
    1: {
      conditions: [
        { label: 'Chronic low back pain', bodySite: 'lumbar spine', mechanism: 'mixed', onsetDate: daysAgo(2200) },
        { label: 'Generalised anxiety (on alprazolam)', bodySite: null, mechanism: 'unknown', onsetDate: daysAgo(3000) },
      ],
      plan: {
        goals: [
          {
            activity: 'Walk to church on Sunday',
            measure: 'minutes walked without stopping',
            baseline: '10',
            target: '25',
            targetDate: daysAhead(180),
          },
        ],
        interventions: [
          {
            modality: 'pharmacological',
            description: 'Review opioid and benzodiazepine together; discuss a slow opioid taper',
            startDate: daysAgo(7),
            status: 'active',
          },
          {
            modality: 'physical',
            description: 'Graded walking with the physical therapist',
            startDate: daysAgo(30),
            frequency: 'twice a week',
            status: 'active',
          },
          {
            modality: 'interventional',
            description: 'Lumbar medial branch blocks, then radiofrequency ablation if ≥ 80 % relief',
            startDate: daysAgo(21),
            status: 'completed',
          },
        ],
        notes: 'Naloxone offered and discussed.',
      },
      orders: [
        order('hydrocodone-acetaminophen', 700, {
          doseMg: 10,
          acetaminophenMg: 325,
          timesPerDay: 6,
          strength: { value: 10, unit: 'mg' },
          instructions: 'One tablet every 4 hours.',
        }),
        order('alprazolam', 1200, { doseMg: 0.5, timesPerDay: 3, strength: { value: 0.5, unit: 'mg' } }),
      ],
      procedures: [
        {
          type: 'medial-branch-block',
          date: daysAgo(21),
          levels: ['L4-L5', 'L5-S1'],
          side: 'bilateral',
          intent: 'diagnostic',
          imageGuidance: 'fluoroscopy',
        },
      ],
      conservativeCare: [
        {
          treatment: 'Physical therapy: core stabilisation',
          modality: 'physical',
          startDate: daysAgo(400),
          endDate: daysAgo(320),
          sessions: 12,
          outcome: 'partly-improved',
          outcomeNotes: 'Walking 5 → 10 minutes.',
        },
        {
          treatment: 'NSAID trial (naproxen)',
          modality: 'pharmacological',
          startDate: daysAgo(500),
          endDate: daysAgo(470),
          outcome: 'not-tolerated',
          outcomeNotes: 'Dyspepsia.',
        },
      ],
      taper: true,
    },
    // Aisha Bello: painful diabetic neuropathy (neuropathic) on pregabalin with a topical.
    2: {
      conditions: [
        { label: 'Painful diabetic peripheral neuropathy', bodySite: 'both feet', mechanism: 'neuropathic', onsetDate: daysAgo(500) },
      ],
      plan: {
        goals: [
          {
            activity: 'Sleep through the night',
            measure: 'nights a week woken by foot pain',
            baseline: '5',
            target: '1',
            targetDate: daysAhead(90),
          },
        ],
        interventions: [
          {
            modality: 'pharmacological',
            description: 'Pregabalin, titrated',
            startDate: daysAgo(120),
            frequency: 'twice daily',
            status: 'active',
          },
          {
            modality: 'complementary',
            description: 'Mindfulness-based stress reduction',
            startDate: daysAgo(40),
            frequency: 'weekly',
            status: 'active',
          },
        ],
      },
      orders: [
        order('pregabalin', 120, { doseMg: 75, timesPerDay: 2, strength: { value: 75, unit: 'mg' } }),
        order('capsaicin-cream', 60, { route: 'topical', instructions: 'Thin layer to both feet up to 4 times a day.' }),
      ],
    },
    // Lukas Becker: lumbar radiculopathy, short opioid course stopped, an epidural steroid injection.
    3: {
      conditions: [
        { label: 'Left L5 radiculopathy', bodySite: 'lumbar spine, left leg', mechanism: 'neuropathic', onsetDate: daysAgo(75) },
      ],
      plan: {
        goals: [
          { activity: 'Return to work full days', measure: 'hours worked per day', baseline: '4', target: '8', targetDate: daysAhead(60) },
        ],
        interventions: [
          {
            modality: 'interventional',
            description: 'Transforaminal epidural steroid injection, left L5',
            startDate: daysAgo(14),
            status: 'completed',
          },
          {
            modality: 'physical',
            description: 'Nerve-glide exercises and graded return to work',
            startDate: daysAgo(30),
            frequency: 'daily',
            status: 'active',
          },
        ],
      },
      orders: [
        order('oxycodone', 70, {
          doseMg: 5,
          schedule: 'as-needed',
          maxPerDay: 4,
          stopDate: daysAgo(60),
          strength: { value: 5, unit: 'mg' },
        }),
        order('ibuprofen', 70, { doseMg: 400, timesPerDay: 3, strength: { value: 400, unit: 'mg' } }),
      ],
      procedures: [
        {
          type: 'epidural-steroid-injection-transforaminal',
          date: daysAgo(14),
          levels: ['L5-S1'],
          side: 'left',
          intent: 'therapeutic',
          imageGuidance: 'fluoroscopy',
        },
      ],
      conservativeCare: [
        {
          treatment: 'Physical therapy: McKenzie method',
          modality: 'physical',
          startDate: daysAgo(70),
          endDate: daysAgo(28),
          sessions: 8,
          outcome: 'no-change',
        },
      ],
    },
  };
}

/** Loads the demo care content for the listed patients (positions as in the demo list); returns how many patients got some. */
export async function loadDemoCarePlans(
  deps: AppDeps,
  clinician: RequestContext,
  patients: readonly { readonly patientId: string }[],
): Promise<number> {
  const todayMs = Date.parse(deps.clock.now().toISOString().slice(0, 10));
  const shift = (days: number) => new Date(todayMs + days * 86_400_000).toISOString().slice(0, 10);
  const content = demoCare(
    (n) => shift(-n),
    (n) => shift(n),
  );
  let loaded = 0;
  for (const [position, care] of Object.entries(content)) {
    const patient = patients[Number(position)];
    if (!patient) continue;
    const pid = patient.patientId;
    for (const c of care.conditions) await saveCondition(deps, clinician, pid, deps.ids.newId(), c);
    await saveCarePlan(deps, clinician, pid, care.plan);
    // The demo's clinician has read the flags these regimens raise (one is above 50 MME with a benzodiazepine).
    for (const o of care.orders)
      await saveMedicationOrder(deps, clinician, pid, deps.ids.newId(), { ...o, confirmHighRisk: CONFIRMED_FLAGS });
    for (const p of care.procedures ?? []) await saveProcedure(deps, clinician, pid, deps.ids.newId(), p);
    for (const c of care.conservativeCare ?? []) await saveConservativeCare(deps, clinician, pid, deps.ids.newId(), c);
    if (care.taper) await createTaperPlan(deps, clinician, pid, deps.ids.newId(), { startDate: shift(14) });
    loaded++;
  }
  return loaded;
}
