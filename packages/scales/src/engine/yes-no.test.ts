import { describe, expect, it } from 'vitest';
import { phqFrequency, yesNo, yesNoRefused } from '../instruments/shared/options.ts';
import { instruments } from '../registry.ts';
import { asksYesNo, isYesNo } from './yes-no.ts';

describe('yes/no questions', () => {
  it('asksYesNo is true exactly for the instruments with a no (0) / yes (1) question', () => {
    // PHQ-A's supplement (a, c, d), the two suicide screens, and MHT's 是/否 items.
    expect(instruments.filter(asksYesNo).map((d) => d.id)).toEqual(['phq-a', 'asq', 'cssrs-screener', 'mht']);
  });

  it('isYesNo leaves a refusal aside, and needs no = 0 and yes = 1', () => {
    expect(isYesNo(yesNo)).toBe(true);
    expect(isYesNo(yesNoRefused)).toBe(true);
    expect(isYesNo(phqFrequency)).toBe(false);
    const [no, yes] = yesNo as [(typeof yesNo)[number], (typeof yesNo)[number]];
    expect(
      isYesNo([
        { ...no, value: 1 },
        { ...yes, value: 2 },
      ]),
    ).toBe(false);
  });
});
