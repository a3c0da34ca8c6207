import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import { readableOrderError } from './order-errors.ts';

const refused = (fieldErrors: { pointer: string; detail: string }[]) =>
  new ApiError(400, 'validation-failed', 'Check the highlighted fields.', fieldErrors);

describe('a refused medication order in words', () => {
  it("says what to enter, without the API's field names or formulary ids", () => {
    const e = readableOrderError(
      refused([
        { pointer: '/doseMg', detail: 'doseMg is required for oxycodone' },
        {
          pointer: '/acetaminophenMg',
          detail: 'acetaminophenMg is required for combination product hydrocodone-acetaminophen (mg per administration)',
        },
        { pointer: '/timesPerDay', detail: 'timesPerDay is required (administrations per day; for as-needed use the maximum)' },
        { pointer: '/route', detail: 'fentanyl-transdermal is a transdermal patch; its route is transdermal.' },
      ]),
      'Norco',
    );
    const text = e.fieldErrors.map((f) => f.detail).join(' ');
    expect(text).not.toMatch(/doseMg|acetaminophenMg|timesPerDay|perDay|fentanyl-transdermal|hydrocodone-acetaminophen/);
    expect(e.fieldErrors.map((f) => f.pointer)).toEqual(['/doseMg', '/acetaminophenMg', '/timesPerDay', '/route']);
  });

  it('asks for a medicine, one of the close matches, or says nothing in the formulary is close', () => {
    expect(readableOrderError(refused([{ pointer: '/formularyId', detail: 'Enter something here.' }]), ' ').fieldErrors[0]!.detail).toBe(
      'Choose a medicine.',
    );
    expect(
      readableOrderError(
        refused([{ pointer: '/formularyId', detail: '"oxycodon" is not in the formulary (id, generic or brand name).' }]),
        'oxycodon',
      ).fieldErrors[0]!.detail,
    ).toBe('"oxycodon" is not a formulary name as typed: choose the medicine from the list of close matches.');
    expect(
      readableOrderError(
        refused([{ pointer: '/formularyId', detail: '"qqqqqq" is not in the formulary (id, generic or brand name).' }]),
        'qqqqqq',
      ).fieldErrors[0]!.detail,
    ).toBe('"qqqqqq" is not in the formulary, and no formulary name is close to it.');
  });
});
