// How the screen names a what-works factor: the endpoint gives a kind and an id (a vocabulary id,
// `own:<words>` for the person's own, a medicine's name in lower case, or a fixed id for sleep,
// activity and mood), so the name shown is the one the check-in used for the same thing, never a raw id.
import { t, type MessageKey } from '../../i18n/index.ts';
import { WHAT_WORKS_MIN_DAYS, type WhatWorksItem } from './insights-api.ts';

/** The message of `key`, or `fallback` when the catalogue has none (an id newer than this screen). */
function known(key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

function thing(item: WhatWorksItem): string {
  const { kind, id } = item.factor;
  if (id.startsWith('own:')) return id.slice('own:'.length);
  const plain = id.replace(/[-_]/g, ' ');
  switch (kind) {
    case 'technique':
      return known(`technique.${id}`, plain);
    case 'trigger':
      return known(`trigger.${id}`, plain);
    case 'mood':
      return known(`mood.${id}`, plain);
    case 'sleep':
    case 'activity':
      return known(`insights.factorName.${id}`, plain);
    default:
      return id;
  }
}

/** "Technique: Heat (same day)". */
export function factorName(item: WhatWorksItem): string {
  return t('insights.whatWorks.factor', {
    kind: t(`insights.factor.${item.factor.kind}` as MessageKey),
    name: thing(item),
    lag: t(item.lag === 0 ? 'insights.whatWorks.lag0' : 'insights.whatWorks.lag1'),
  });
}

/** "not enough data yet — 7 more days with it needed", naming only the side still short. */
export function stillNeeded(item: WhatWorksItem): string {
  const more = { with: Math.max(0, WHAT_WORKS_MIN_DAYS - item.daysWith), without: Math.max(0, WHAT_WORKS_MIN_DAYS - item.daysWithout) };
  if (more.with > 0 && more.without > 0) return t('insights.whatWorks.moreBoth', more);
  return t(more.with > 0 ? 'insights.whatWorks.moreWith' : 'insights.whatWorks.moreWithout', more);
}
