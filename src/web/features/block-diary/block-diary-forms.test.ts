import { describe, expect, it } from 'vitest';
import { checkDetails, detailsOf } from './block-diary-forms.tsx';
import type { BlockDiaryView } from './block-diary-api.ts';

const diary = {
  id: 'd1',
  version: 2,
  procedureLabel: 'Right L4-L5 medial branch block',
  procedureAt: '2026-05-30T07:03:27.512Z',
  timeZone: 'Europe/Berlin',
  baselineIntensity: 8,
  offsetsMinutes: [15, 30, 60],
  readings: [],
  schedule: [],
  relief: {},
} as unknown as BlockDiaryView;

describe('the diary details form', () => {
  it("keeps the procedure's exact instant when only the label changed", () => {
    const draft = { ...detailsOf(diary), label: 'Left L4-L5 medial branch block' };
    const checked = checkDetails(draft, 'Europe/Berlin');
    expect('value' in checked && checked.value).toMatchObject({
      procedureLabel: 'Left L4-L5 medial branch block',
      procedureAt: '2026-05-30T07:03:27.512Z',
    });
  });

  it("reads a changed date or time on the diary's clock", () => {
    const draft = { ...detailsOf(diary), time: '09:30' };
    const checked = checkDetails(draft, 'Europe/Berlin');
    expect('value' in checked && checked.value.procedureAt).toBe('2026-05-30T07:30:00.000Z');
    const back = checkDetails({ ...draft, time: detailsOf(diary).time }, 'Europe/Berlin');
    expect('value' in back && back.value.procedureAt).toBe('2026-05-30T07:03:27.512Z');
  });

  it('still refuses an emptied time', () => {
    const checked = checkDetails({ ...detailsOf(diary), time: '' }, 'Europe/Berlin');
    expect('errors' in checked && checked.errors.time).toBeTruthy();
  });
});
