// Crisis resources shown at once when a PHQ-9 answer to item 9 is above 0 (DESIGN §7). Configurable per
// locale; the US default is the 988 Suicide & Crisis Lifeline. Other locales fall back to the US entry
// until a clinic configures its own (PAINWISE_CRISIS_RESOURCES, JSON keyed by locale).
export interface CrisisResource {
  readonly name: string;
  readonly contact: string;
}

export const DEFAULT_CRISIS_RESOURCES: Readonly<Record<string, readonly CrisisResource[]>> = {
  'en-US': [
    { name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988 (free, confidential, 24/7)' },
    { name: 'Emergency services', contact: 'Call 911 if you are in immediate danger' },
  ],
};

export function crisisResourcesFor(locale: string, configured: Readonly<Record<string, readonly CrisisResource[]>> = DEFAULT_CRISIS_RESOURCES): readonly CrisisResource[] {
  return configured[locale] ?? configured[locale.split('-')[0] ?? ''] ?? configured['en-US'] ?? DEFAULT_CRISIS_RESOURCES['en-US']!;
}
