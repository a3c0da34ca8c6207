// The plain-words sentence of a "what works for me" finding: what was compared, by how much, how sure,
// over how many days — and never that the factor caused the difference, since a diary shows only
// what went together.
import type { FactorKind, WhatWorksOutcome } from './diary-factors.ts';

export type Verdict = 'lower' | 'higher' | 'no-clear-difference' | 'not-enough-data';

const TECHNIQUE_WORDS: Record<string, string> = {
  'position-change': 'a change of position',
  breathing: 'breathing exercises',
  'meditation-mindfulness': 'meditation or mindfulness',
  tens: 'TENS',
  'social-contact': 'time with other people',
  hobby: 'a hobby',
};
const TRIGGER_WORDS: Record<string, string> = {
  'poor-sleep': 'poor sleep',
  'emotional-upset': 'emotional upset',
  'weather-change': 'a change in the weather',
  'prolonged-sitting': 'prolonged sitting',
  'prolonged-standing': 'prolonged standing',
  'menstrual-cycle': 'the menstrual cycle',
  'missed-medicine': 'a missed medicine',
  'food-or-drink': 'food or drink',
  'screen-time': 'screen time',
  'sexual-activity': 'sexual activity',
};

export interface SentenceFacts {
  readonly kind: FactorKind;
  readonly id: string;
  readonly label: string;
  readonly lag: 0 | 1;
  readonly outcome: WhatWorksOutcome;
  readonly verdict: Verdict;
  readonly difference: number | null;
  readonly ci: readonly [number, number] | null;
  readonly daysWith: number;
  readonly daysWithout: number;
  /** Days still needed with and without before anything is said. */
  readonly needWith: number;
  readonly needWithout: number;
}

/** The thing itself, as a sentence names it. */
function named(kind: FactorKind, id: string, label: string): string {
  if (id.startsWith('own:')) return label;
  if (kind === 'technique') return TECHNIQUE_WORDS[id] ?? id;
  if (kind === 'trigger') return TRIGGER_WORDS[id] ?? id;
  return label;
}

/** "days you used heat" and the days it is compared with, at lag 0 or 1. */
function groups(f: Pick<SentenceFacts, 'kind' | 'id' | 'label' | 'lag'>): { with: string; without: string; cause: string | null } {
  const after = f.lag === 1 ? 'days after ' : 'days ';
  const name = named(f.kind, f.id, f.label);
  switch (f.kind) {
    case 'technique':
      return { with: `${after}you used ${name}`, without: `${after}you did not`, cause: name };
    case 'medicine':
      return { with: `${after}you took ${name}`, without: `${after}you did not`, cause: name };
    case 'trigger':
      return { with: `${after}you noted ${name} as a trigger`, without: `${after}you did not`, cause: name };
    case 'sleep':
      return { with: `${after}you reported under 6 hours of sleep`, without: `${after}you reported 7 hours or more`, cause: null };
    case 'activity':
      return f.lag === 1
        ? { with: 'days after your most active days (the top third by minutes)', without: 'days after your least active days', cause: null }
        : { with: 'your most active days (the top third by minutes)', without: 'your least active days (the bottom third)', cause: null };
    case 'mood':
      return { with: `${after}your mood was ${f.id}`, without: `${after}it was not`, cause: null };
  }
}

const OUTCOME_WORDS: Record<WhatWorksOutcome, string> = {
  intensity: 'pain',
  interference: "pain's interference with your day",
};

const one = (x: number) => Math.abs(x).toFixed(1);
const points = (x: number) => (one(x) === '1.0' ? 'point' : 'points');
const side = (x: number) => (x < 0 ? 'lower' : 'higher');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function rangeWords(low: number, high: number): string {
  if (one(low) === one(high) && side(low) === side(high)) return `${one(low)} ${side(low)}`;
  if (high < 0 || low > 0) {
    const [near, far] = high < 0 ? [high, low] : [low, high];
    return `${one(near)} to ${one(far)} ${side(near)}`;
  }
  return `from ${one(low)} lower to ${one(high)} higher`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function whatWorksSentence(f: SentenceFacts): string {
  const g = groups(f);
  if (f.verdict === 'not-enough-data' || f.difference === null || f.ci === null) {
    // Only the side still short is named: "0 more without" reads as a requirement that is not there.
    const needs = [
      ...(f.needWith > 0 ? [`${plural(f.needWith, 'more day')} with`] : []),
      ...(f.needWithout > 0 ? [`${plural(f.needWithout, 'more day')} without`] : []),
    ];
    const verb = needs.length === 1 && f.needWith + f.needWithout === 1 ? 'is' : 'are';
    return `Not enough data yet to compare ${g.with} with ${g.without}: ${needs.join(' and ')} ${verb} needed.`;
  }
  const subject = `On ${g.with}, your ${OUTCOME_WORDS[f.outcome]}`;
  const amount =
    one(f.difference) === '0.0'
      ? 'averaged the same as'
      : `averaged ${one(f.difference)} ${points(f.difference)} ${side(f.difference)} than`;
  const days = `over ${plural(f.daysWith + f.daysWithout, 'day')} (${f.daysWith} with, ${f.daysWithout} without)`;
  const head = `${capitalised(subject)} ${amount} on ${g.without} (${rangeWords(f.ci[0], f.ci[1])}), ${days}.`;
  if (f.verdict === 'no-clear-difference') return `${head} That is no clear difference: a gap this size could well be chance.`;
  return `${head} This is a pattern in your diary, not proof that ${g.cause ?? 'one'} caused ${g.cause ? 'it' : 'the other'}.`;
}
