import { describe, expect, it } from 'vitest';
import type { DiaryEntryView, DiaryRecord } from '../../api/client.ts';
import { filterDiary, NO_QUERY } from './diary-filter.ts';

function record(id: string, entry: Partial<DiaryEntryView>): DiaryRecord {
  return {
    id,
    version: 1,
    changeSeq: 1,
    updatedAt: '2025-03-01T09:00:00.000Z',
    deleted: false,
    entry: {
      intensity: 3,
      notes: '',
      medicines: [],
      regions: [],
      provenance: { enteredBy: 'u-patient', mode: 'real-time', source: 'self' },
      ...entry,
    } as DiaryEntryView,
  };
}

const naproxen = {
  name: 'Naproxen',
  dose: 250,
  unit: 'mg',
  takenAt: null,
  regimen: 'as-needed',
  formularyId: null,
  medicationOrderId: null,
};
const records = [
  record('a', { intensity: 0, notes: 'A good morning' }),
  record('b', { intensity: 4, medicines: [naproxen], regions: [{ code: 'knee-l', intensity: null, qualities: [] }] }),
  record('c', { intensity: 5, notes: 'Walked to the café, knee sore' }),
  record('d', { intensity: 8, notes: '  ' }),
];
const names: Record<string, string> = { 'knee-l': 'Left knee' };
const ids = (query: Parameters<typeof filterDiary>[1]) => filterDiary(records, query, (c) => names[c] ?? c).map((r) => r.id);

describe('filterDiary', () => {
  it('keeps every check-in, in order, with no search and no filter', () => {
    expect(ids(NO_QUERY)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('filters by the pain band of the rating (0 none, 1–4 mild, 5–6 moderate, 7–10 severe)', () => {
    expect(ids({ search: '', filter: 'none' })).toEqual(['a']);
    expect(ids({ search: '', filter: 'mild' })).toEqual(['b']);
    expect(ids({ search: '', filter: 'moderate' })).toEqual(['c']);
    expect(ids({ search: '', filter: 'severe' })).toEqual(['d']);
  });
  it('filters to check-ins with medicines, or with a note (blank notes are none)', () => {
    expect(ids({ search: '', filter: 'with-medicines' })).toEqual(['b']);
    expect(ids({ search: '', filter: 'with-notes' })).toEqual(['a', 'c']);
  });
  it('searches notes, medicine names and body areas, every word, ignoring case and accents', () => {
    expect(ids({ search: 'NAPROX', filter: 'all' })).toEqual(['b']);
    expect(ids({ search: 'knee', filter: 'all' })).toEqual(['b', 'c']);
    expect(ids({ search: 'cafe knee', filter: 'all' })).toEqual(['c']);
    expect(ids({ search: 'knee', filter: 'with-medicines' })).toEqual(['b']);
    expect(ids({ search: 'swim', filter: 'all' })).toEqual([]);
  });
});
