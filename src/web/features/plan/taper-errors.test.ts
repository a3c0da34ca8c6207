import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { readableTaperError } from './taper-errors.ts';

const refused = (fieldErrors: { pointer: string; detail: string }[]) =>
  new ApiError(400, 'validation-failed', 'Check the highlighted fields.', fieldErrors);

describe('a refused taper plan in words', () => {
  it("words option problems without the API's field paths, and names medicines by generic name", () => {
    const e = readableTaperError(
      refused([
        { pointer: '/rate', detail: 'rate.percent must be a percentage > 0–100 with at most 2 decimals' },
        { pointer: '/targetPercentOfOriginal', detail: 'targetPercentOfOriginal must be a percentage 0–< 100 with at most 2 decimals' },
        {
          pointer: '/strengthsByDrug/hydrocodone-er',
          detail: 'This rate needs the available strengths of hydrocodone-er; none are on file.',
        },
      ]),
      () => true,
    );
    const text = e.fieldErrors.map((f) => f.detail).join(' ');
    expect(text).not.toMatch(/rate\.percent|targetPercentOfOriginal|hydrocodone-er/);
    expect(text).toContain('hydrocodone extended-release');
    expect(e.message).toBe('Check the highlighted fields.');
  });

  it('puts a problem no field shows above the form, instead of "check the highlighted fields" with none highlighted', () => {
    const e = readableTaperError(
      refused([{ pointer: '/the', detail: 'the rate does not reach the target within 520 intervals' }]),
      (p) => p === '/startDate',
    );
    expect(e.message).not.toBe('Check the highlighted fields.');
    expect(e.message).not.toMatch(/intervals/);
    const percent = readableTaperError(refused([{ pointer: '/rate', detail: 'rate.percent must be …' }]), () => false);
    expect(percent.message).toBe(percent.fieldErrors[0]!.detail);
  });
});
