// The data of a definition without its scoring function: what the CLI prints and the API returns.
import type { InstrumentDefinition } from './model.ts';

export function describeInstrument(d: InstrumentDefinition) {
  return {
    id: d.id,
    version: d.version,
    scoringVersion: d.scoringVersion,
    title: d.title,
    shortTitle: d.shortTitle,
    measures: d.measures,
    recallPeriod: d.recallPeriod,
    items: d.items.map((i) => ({
      key: i.key,
      construct: i.construct,
      optional: i.optional ?? false,
      group: i.group ?? null,
      loinc: i.loinc ?? null,
      options: i.options.map((o) => ({ value: o.value, label: o.label, loinc: o.loinc ?? null })),
    })),
    scoreRange: { ...d.scoreRange },
    primaryScore: d.primaryScore,
    scoreUnit: d.scoreUnit,
    direction: d.direction,
    bands: d.bands.map((b) => ({
      id: b.id,
      label: b.label,
      range: b.range,
      from: b.from,
      inclusive: b.inclusive,
      patientText: b.patientText,
    })),
    change:
      d.change.kind === 'threshold'
        ? { kind: d.change.kind, points: d.change.points, percent: d.change.percent ?? null, source: d.change.source }
        : d.change.kind === 'none'
          ? { kind: d.change.kind, points: null, percent: null, source: d.change.reason }
          : { kind: d.change.kind, points: null, percent: null, source: d.change.source },
    loinc: { panel: d.loinc.panel ?? null, score: d.loinc.score ?? null },
    licence: {
      kind: d.licence.kind,
      holder: d.licence.holder,
      attribution: d.licence.attribution,
      note: d.licence.note,
      unconfirmed: d.licence.unconfirmed ?? false,
    },
    source: d.source,
    settings: d.settings.map((s) => ({ name: s.name, value: s.value, why: s.why })),
  };
}

export type InstrumentDescription = ReturnType<typeof describeInstrument>;
