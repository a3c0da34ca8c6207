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

/** A signed-in patient: what a request on their behalf carries. */
export interface BenchPatient {
  readonly patientId: string;
  /** The session cookie's `name=value`. */
  readonly cookie: string;
  readonly csrfToken: string;
}

export interface Population {
  readonly benchUser: { readonly email: string; readonly password: string };
  /** Every patient, each with a session of their own (the spread scenarios write across them). */
  readonly patients: readonly BenchPatient[];
}

export async function seedPopulation(deps: AppDeps, patients: number, seed = 42): Promise<Population> {
  const random = seededRandom(seed);
  const anon: RequestContext = { actor: { kind: 'anonymous' }, requestId: null, ip: 'bench' };
  const password = 'bench password that is long enough';
  // Every account has the same password: one argon2id hash (a real one) serves them all, so seeding a
  // thousand patients takes seconds, not a minute of hashing.
  const hash = deps.hasher.hash(password);
  const seedDeps: AppDeps = { ...deps, hasher: { ...deps.hasher, hash: () => hash } };
  const { user: admin } = await signUp(seedDeps, anon, { email: 'admin@bench.test', password, displayName: 'Bench Admin' });
  const { organization } = await createOrganization(
    seedDeps,
    { ...anon, actor: { kind: 'user', userId: admin.id, via: 'session' } },
    { name: 'Bench Clinic' },
  );
  const seeded: BenchPatient[] = [];
  for (let i = 0; i < patients; i++) {
    const timeZone = ZONES[Math.floor(random() * ZONES.length)]!;
    const { user, patient, token, session } = await signUp(seedDeps, anon, {
      email: `patient${i}@bench.test`,
      password,
      displayName: `Patient ${i}`,
      patient: { timeZone, birthYear: 1940 + Math.floor(random() * 60), sex: random() < 0.5 ? 'female' : 'male' },
    });
    seeded.push({ patientId: patient!.id, cookie: `pw_session=${token}`, csrfToken: session.csrfToken });
    if (random() < 0.8) {
      await shareWithOrganization(seedDeps, { ...anon, actor: { kind: 'user', userId: user.id, via: 'session' } }, patient!.id, {
        shareCode: organization.shareCode,
        scopes: ['read', 'write'],
      });
    }
  }
  return { benchUser: { email: 'patient0@bench.test', password }, patients: seeded };
}
