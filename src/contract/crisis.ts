// Crisis resources: shown at once when a PHQ-9 item 9 answer is above 0. Shared by the API
// (which returns the configured list) and the web app (which shows this list the moment the answer is
// chosen, before anything is sent). US default: the 988 Suicide & Crisis Lifeline.
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
