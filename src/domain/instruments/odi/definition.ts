// Oswestry Disability Index v2.1a (Fairbank & Pynsent 2000). Every fact: https://doi.org/10.1097/00007632-200011150-00017.
// Ten sections scored 0 (least disability) – 5 (most). ODI % = total / (5 × sections answered) × 100, kept
// unrounded (the form's own example truncates 16/45 to "35.5"; implementations round to an integer — both
// are display choices, Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017).
//
// Missing sections — explicit decision:
// - Section 8 (sex life) is marked "if applicable" on the form, so it is `optional`: leaving it unanswered
//   is treated as "not applicable" and it drops out of the denominator, exactly like any other unanswered
//   section (denominator reduced by 5 per unanswered section).
// - The only cap in the sources is "at most 1 missing section" (AO Foundation Stata `odi`, awell-score
//   requires ≥ 9 answers); no source gives section 8 an allowance of its own.
//   So the cap counts unanswered sections IN TOTAL, section 8 included: section 8 unanswered plus any other
//   section unanswered (8 answered) is not scored (Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 row 3). Setting ODI_MAX_MISSING.
//
// Bands by percent: 0–20 minimal; "21–40" moderate etc. read as strictly above the lower decade so that
// unrounded percents such as 20.5 fall in the next band (inclusive: false). The LOINC 97909-6 raw-sum bands
// belong to the Neck Disability Index convention and are not used (Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017 caution).
// Change: 10 points or 30 % of baseline (Ostelo 2008).

import type { InstrumentDefinition, ScoreResult } from '../model.ts';
import { bandFor, scaleOptions } from '../scoring.ts';

export const ODI_MAX_MISSING = 1;
export const ODI_OPTIONAL_SECTION = '8';

// The six statements of each section are copyrighted; only their score is labelled here.
const OPTIONS = scaleOptions(['0 — least disability', '1', '2', '3', '4', '5 — most disability']);

const SECTIONS = [
  ['1', 'Pain intensity'],
  ['2', 'Personal care (washing, dressing)'],
  ['3', 'Lifting'],
  ['4', 'Walking'],
  ['5', 'Sitting'],
  ['6', 'Standing'],
  ['7', 'Sleeping'],
  ['8', 'Sex life (if applicable)'],
  ['9', 'Social life'],
  ['10', 'Travelling'],
] as const;

const KEYS = SECTIONS.map(([key]) => key);

const BANDS = [
  {
    id: 'minimal',
    label: 'Minimal disability',
    from: 0,
    inclusive: true,
    range: '0–20 %',
    patientText: 'Your back pain limits your daily activities very little.',
  },
  {
    id: 'moderate',
    label: 'Moderate disability',
    from: 20,
    inclusive: false,
    range: '21–40 %',
    patientText: 'Your back pain causes moderate limits in daily activities such as sitting, lifting and standing.',
  },
  {
    id: 'severe',
    label: 'Severe disability',
    from: 40,
    inclusive: false,
    range: '41–60 %',
    patientText: 'Your back pain causes severe limits in daily activities. Talk with your care team about a fuller assessment.',
  },
  {
    id: 'crippled',
    label: 'Crippled (published term)',
    from: 60,
    inclusive: false,
    range: '61–80 %',
    patientText: 'Your back pain affects almost every part of daily life. Your care team should review this with you.',
  },
  {
    id: 'bed-bound',
    label: 'Bed-bound, or symptoms possibly overstated (published term)',
    from: 80,
    inclusive: false,
    range: '81–100 %',
    patientText: 'Your answers show very severe limits. Your care team will go through them with you.',
  },
] as const;

export const odi: InstrumentDefinition = {
  id: 'odi',
  version: 'ODI v2.1a',
  scoringVersion: '1',
  title: 'Oswestry Disability Index (ODI) v2.1a',
  shortTitle: 'ODI',
  measures: 'Back-pain-related disability in daily activities',
  recallPeriod: 'Today',
  items: SECTIONS.map(([key, construct]) =>
    key === ODI_OPTIONAL_SECTION ? { key, construct, options: OPTIONS, optional: true } : { key, construct, options: OPTIONS },
  ),
  scoreRange: { min: 0, max: 100 },
  primaryScore: 'percent',
  scoreUnit: '% (0–100)',
  direction: 'lower-is-better',
  bands: BANDS,
  change: {
    kind: 'threshold',
    points: 10,
    percent: 30,
    source:
      'Ostelo 2008, Spine 33:90 consensus: 10 points or 30 % improvement from baseline (Ostelo RWJG, Deyo RA, Stratford P, et al. Spine 2008;33(1):90–94)',
  },
  monotone: true,
  loinc: { panel: '97908-8', score: '97909-6' },
  licence: {
    kind: 'licensed',
    holder: 'Jeremy Fairbank; distributed by Mapi Research Trust',
    attribution: 'Oswestry Disability Index © Jeremy Fairbank, 1980. All rights reserved. Distributed by Mapi Research Trust.',
    note: 'Free for clinicians and non-funded academic users; fees may apply for healthcare organisations, commercial and IT companies (RMD). Obtain a licence (ePROVIDE) before showing the section statements to patients (Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017).',
  },
  source:
    'Fairbank JC, Pynsent PB. Spine 2000;25:2940; Ostelo 2008 Spine 33:90; LOINC 97908-8 / 97909-6. Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017.',
  settings: [
    {
      name: 'ODI_MAX_MISSING',
      value: ODI_MAX_MISSING,
      why: 'At most 1 unanswered section in total (section 8 included), as in the AO Foundation Stata implementation and awell-score; no developer limit retrieved — UNCONFIRMED (Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017).',
    },
    {
      name: 'ODI_SECTION_8',
      value: 'unanswered = not applicable, excluded from the denominator, counts toward ODI_MAX_MISSING',
      why: 'The form marks section 8 "if applicable"; no source gives it a separate allowance (Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017).',
    },
    {
      name: 'ODI_ROUNDING',
      value: 'unrounded',
      why: 'The form truncates (35.5), implementations round to an integer (36); display to 1 decimal or integer (Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017). Bands compare the unrounded percent.',
    },
    {
      name: 'ODI_RECALL',
      value: 'Today',
      why: 'Respondents choose the statement that describes them now; wording UNCONFIRMED (Fairbank & Pynsent 2000, Spine 25:2940, https://doi.org/10.1097/00007632-200011150-00017).',
    },
  ],
  score(answers): ScoreResult {
    const missing = KEYS.filter((k) => !answers.has(k));
    const answered = KEYS.length - missing.length;
    if (missing.length > ODI_MAX_MISSING)
      return { kind: 'incomplete', missing, scores: { percent: null, total: null, answered }, flags: [] };
    let total = 0;
    for (const k of KEYS) total += answers.get(k) ?? 0;
    const percent = (total / (5 * answered)) * 100;
    return {
      kind: 'scored',
      score: percent,
      scores: { percent, total, answered },
      band: bandFor(BANDS, percent)?.id ?? null,
      flags: [],
      missing,
    };
  },
};
