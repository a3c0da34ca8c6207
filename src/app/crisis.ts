// Crisis resources by locale; other locales fall back to the US list until configured.
import { DEFAULT_CRISIS_RESOURCES, type CrisisResource } from '../contract/crisis.ts';

export type { CrisisResource };

export function crisisResourcesFor(
  locale: string,
  configured: Readonly<Record<string, readonly CrisisResource[]>> = DEFAULT_CRISIS_RESOURCES,
): readonly CrisisResource[] {
  return configured[locale] ?? configured[locale.split('-')[0] ?? ''] ?? configured['en-US'] ?? DEFAULT_CRISIS_RESOURCES['en-US']!;
}
