// Synthetic population for benchmarks: a clinic, its clinicians and patients in many time zones,
// written through the real use cases (so the data obeys every rule) with production argon2id hashes.
import type { AppDeps, RequestContext } from '../src/app/context.ts';
import { signUp } from '../src/app/accounts.ts';
import { createOrganization } from '../src/app/organizations.ts';
import { shareWithOrganization } from '../src/app/sharing.ts';
import { seededRandom } from '../src/cli/demo-diary.ts';

const ZONES = [
  'America/Los_Angeles',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Asia/Kolkata',
  'America/Sao_Paulo',
];

export interface Population {
  readonly benchUser: { readonly email: string; readonly password: string };
  readonly patients: number;
}

export async function seedPopulation(deps: AppDeps, patients: number, seed = 42): Promise<Population> {
  const random = seededRandom(seed);
  const anon: RequestContext = { actor: { kind: 'anonymous' }, requestId: null, ip: 'bench' };
  const password = 'bench password that is long enough';
  const { user: admin } = await signUp(deps, anon, { email: 'admin@bench.test', password, displayName: 'Bench Admin' });
  const { organization } = await createOrganization(
    deps,
    { ...anon, actor: { kind: 'user', userId: admin.id, via: 'session' } },
    { name: 'Bench Clinic' },
  );
  for (let i = 0; i < patients; i++) {
    const timeZone = ZONES[Math.floor(random() * ZONES.length)]!;
    const { user, patient } = await signUp(deps, anon, {
      email: `patient${i}@bench.test`,
      password,
      displayName: `Patient ${i}`,
      patient: { timeZone, birthYear: 1940 + Math.floor(random() * 60), sex: random() < 0.5 ? 'female' : 'male' },
    });
    if (random() < 0.8) {
      await shareWithOrganization(deps, { ...anon, actor: { kind: 'user', userId: user.id, via: 'session' } }, patient!.id, {
        shareCode: organization.shareCode,
        scopes: ['read', 'write'],
      });
    }
  }
  return { benchUser: { email: 'patient0@bench.test', password }, patients };
}
