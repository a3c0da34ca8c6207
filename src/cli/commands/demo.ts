// `painwise demo`: a realistic demo clinic — every clinician role, an admin, 24 patients in many time
// zones, caregivers, granted, expired and revoked relationships — built through the same use cases
// the API calls, so the demo obeys every rule real data does. Later features add their data here.
import { parseArgs } from 'node:util';
import crypto from 'node:crypto';
import { signUp } from '../../app/accounts.ts';
import type { AppDeps, RequestContext } from '../../app/context.ts';
import { createOrganization, inviteMember, acceptMemberInvitation } from '../../app/organizations.ts';
import { acceptCaregiverInvitation, inviteCaregiver, revokeCareRelationship, shareWithOrganization } from '../../app/sharing.ts';
import type { OrganizationRole } from '../../app/model.ts';
import { EXIT_INVALID_INPUT, EXIT_OK, type CliCommand } from '../command.ts';
import { withDeps } from '../compose.ts';
import { loadDemoDiary } from '../demo-diary.ts';
import { loadDemoCarePlans } from '../demo-care-plan.ts';
import { loadDemoQuestionnaires } from '../demo-questionnaires.ts';
import { refreshTriage } from '../../app/triage.ts';

export const DEMO_DOMAIN = 'demo.painwise.test';
export const DEMO_CLINIC = 'Riverside Pain Clinic (demo)';

const STAFF: readonly { local: string; name: string; role: OrganizationRole }[] = [
  { local: 'admin', name: 'Alex Admin', role: 'admin' },
  { local: 'physician', name: 'Dr. Priya Raman', role: 'physician' },
  { local: 'nurse', name: 'Nora Okafor, RN', role: 'nurse' },
  { local: 'pt', name: 'Sam Lindqvist, PT', role: 'physical_therapist' },
  { local: 'psychologist', name: 'Dr. Miguel Santos', role: 'psychologist' },
  { local: 'pharmacist', name: 'Hana Sato, PharmD', role: 'pharmacist' },
];

const PATIENTS: readonly { name: string; timeZone: string; birthYear: number; sex: 'female' | 'male' | 'other' }[] = [
  { name: 'Maria Gonzalez', timeZone: 'America/Los_Angeles', birthYear: 1971, sex: 'female' },
  { name: 'James Carter', timeZone: 'America/New_York', birthYear: 1958, sex: 'male' },
  { name: 'Aisha Bello', timeZone: 'Europe/London', birthYear: 1984, sex: 'female' },
  { name: 'Lukas Becker', timeZone: 'Europe/Berlin', birthYear: 1966, sex: 'male' },
  { name: 'Sofia Rossi', timeZone: 'Europe/Rome', birthYear: 1990, sex: 'female' },
  { name: 'Kenji Tanaka', timeZone: 'Asia/Tokyo', birthYear: 1953, sex: 'male' },
  { name: 'Priya Sharma', timeZone: 'Asia/Kolkata', birthYear: 1979, sex: 'female' },
  { name: "Liam O'Brien", timeZone: 'Europe/Dublin', birthYear: 1988, sex: 'male' },
  { name: 'Chloe Martin', timeZone: 'Europe/Paris', birthYear: 1975, sex: 'female' },
  { name: 'Mateo Silva', timeZone: 'America/Sao_Paulo', birthYear: 1969, sex: 'male' },
  { name: 'Olivia Brown', timeZone: 'Australia/Sydney', birthYear: 1982, sex: 'female' },
  { name: 'Noah Wilson', timeZone: 'America/Chicago', birthYear: 1961, sex: 'male' },
  { name: 'Emma Johansson', timeZone: 'Europe/Stockholm', birthYear: 1993, sex: 'female' },
  { name: 'Ravi Patel', timeZone: 'America/Toronto', birthYear: 1957, sex: 'male' },
  { name: 'Grace Kim', timeZone: 'Asia/Seoul', birthYear: 1986, sex: 'female' },
  { name: 'Daniel Cohen', timeZone: 'Asia/Jerusalem', birthYear: 1972, sex: 'male' },
  { name: 'Fatima Hassan', timeZone: 'Africa/Cairo', birthYear: 1980, sex: 'female' },
  { name: 'Ethan Clarke', timeZone: 'Pacific/Auckland', birthYear: 1964, sex: 'male' },
  { name: 'Zoe Nguyen', timeZone: 'Asia/Ho_Chi_Minh', birthYear: 1995, sex: 'female' },
  { name: 'Robin Taylor', timeZone: 'America/Denver', birthYear: 1977, sex: 'other' },
  { name: 'Hannah Schmidt', timeZone: 'Europe/Vienna', birthYear: 1968, sex: 'female' },
  { name: 'Carlos Mendoza', timeZone: 'America/Mexico_City', birthYear: 1960, sex: 'male' },
  { name: 'Amara Okeke', timeZone: 'Africa/Lagos', birthYear: 1989, sex: 'female' },
  { name: 'William Harris', timeZone: 'America/Phoenix', birthYear: 1950, sex: 'male' },
];

const CAREGIVERS: readonly { name: string; forPatient: number }[] = [
  { name: 'Rosa Gonzalez', forPatient: 0 },
  { name: 'Yuki Tanaka', forPatient: 5 },
  { name: 'Mary Harris', forPatient: 23 },
];

function emailFor(name: string): string {
  return `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z ]/g, '')
    .trim()
    .replace(/\s+/g, '.')}@${DEMO_DOMAIN}`;
}

export interface DemoSummary {
  readonly password: string;
  readonly clinic: { readonly id: string; readonly name: string; readonly shareCode: string };
  readonly staff: readonly { email: string; role: string }[];
  readonly patients: readonly { email: string; name: string; timeZone: string; sharing: 'active' | 'revoked' | 'expired' | 'none' }[];
  readonly caregivers: readonly { email: string; forPatient: string }[];
  readonly diaryEntries: number;
  readonly questionnaireResponses: number;
}

export async function loadDemo(deps: AppDeps, password: string): Promise<DemoSummary> {
  const anon: RequestContext = { actor: { kind: 'anonymous' }, requestId: null, ip: 'demo' };
  const as = (userId: string): RequestContext => ({ ...anon, actor: { kind: 'user', userId, via: 'session' } });

  const staffUsers = [];
  for (const s of STAFF) {
    const { user } = await signUp(deps, anon, { email: `${s.local}@${DEMO_DOMAIN}`, password, displayName: s.name });
    staffUsers.push({ ...s, user });
  }
  const admin = staffUsers[0]!;
  const { organization } = await createOrganization(deps, as(admin.user.id), { name: DEMO_CLINIC });
  for (const s of staffUsers.slice(1)) {
    const { code } = await inviteMember(deps, as(admin.user.id), organization.id, { email: s.user.email, role: s.role });
    await acceptMemberInvitation(deps, as(s.user.id), code);
  }

  const patients: {
    email: string;
    name: string;
    timeZone: string;
    sharing: 'active' | 'revoked' | 'expired' | 'none';
    userId: string;
    patientId: string;
  }[] = [];
  for (const [i, p] of PATIENTS.entries()) {
    const email = emailFor(p.name);
    const { user, patient } = await signUp(deps, anon, {
      email,
      password,
      displayName: p.name,
      patient: { timeZone: p.timeZone, birthYear: p.birthYear, sex: p.sex },
    });
    // Most patients share with the clinic; one revoked, one let it expire, one never shared.
    const sharing = i === 21 ? 'revoked' : i === 22 ? 'expired' : i === 23 ? 'none' : 'active';
    if (sharing !== 'none') {
      const expiresAt = sharing === 'expired' ? new Date(deps.clock.now().getTime() + 1000).toISOString() : null;
      const rel = await shareWithOrganization(deps, as(user.id), patient!.id, {
        shareCode: organization.shareCode,
        scopes: ['read', 'write'],
        expiresAt,
      });
      if (sharing === 'revoked') await revokeCareRelationship(deps, as(user.id), patient!.id, rel.id);
    }
    patients.push({ email, name: p.name, timeZone: p.timeZone, sharing, userId: user.id, patientId: patient!.id });
  }

  // Six months of diaries with planted patterns for the first six patients.
  let diaryEntries = 0;
  for (const [i, p] of patients.slice(0, 6).entries())
    diaryEntries += await loadDemoDiary(deps, as(p.userId), p.patientId, p.timeZone, 1000 + i);

  // Conditions, care plans, medicines (one at ≥ 50 MME with an opioid + benzodiazepine), procedures, entered by the physician.
  await loadDemoCarePlans(deps, as(staffUsers[1]!.user.id), patients);

  // Six months of questionnaire histories, two confirmed licences, and assignments from the physician.
  const questionnaireResponses = await loadDemoQuestionnaires(
    deps,
    as(admin.user.id),
    organization.id,
    as(staffUsers[1]!.user.id),
    patients.map((p) => ({ patientId: p.patientId, as: as(p.userId) })),
  );

  const caregivers = [];
  for (const c of CAREGIVERS) {
    const email = emailFor(c.name);
    const { user } = await signUp(deps, anon, { email, password, displayName: c.name });
    const forPatient = patients[c.forPatient]!;
    const { code } = await inviteCaregiver(deps, as(forPatient.userId), forPatient.patientId, {
      label: c.name,
      scopes: ['read', 'write-diary', 'answer-questionnaires'],
    });
    await acceptCaregiverInvitation(deps, as(user.id), code);
    caregivers.push({ email, forPatient: forPatient.name });
  }

  // The clinic panel shows the demo at once, without waiting for the server's first sweep.
  for (const p of patients) await refreshTriage(deps, p.patientId);

  return {
    password,
    clinic: { id: organization.id, name: organization.name, shareCode: organization.shareCode },
    staff: staffUsers.map((s) => ({ email: s.user.email, role: s.role })),
    patients: patients.map(({ userId: _u, patientId: _p, ...p }) => p),
    caregivers,
    diaryEntries,
    questionnaireResponses,
  };
}

const HELP = `Usage: painwise demo [--json]

Loads a demo clinic into the configured database: an admin and one clinician of every role, 24
patients in time zones around the world (21 sharing with the clinic, one revoked, one expired, one
not shared), and 3 caregivers. Prints the sign-in details.

All demo accounts share one password: PAINWISE_DEMO_PASSWORD from the environment if set, otherwise a
new random one printed at the end. Emails end in @${DEMO_DOMAIN}.

Options:
  --json    print the summary as one JSON object instead of a table`;

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Load a demo clinic with staff, patients and caregivers, and print how to sign in',
  help: HELP,
  async run(args, io) {
    let json = false;
    try {
      json = parseArgs({ args: [...args], options: { json: { type: 'boolean' } }, strict: true }).values.json ?? false;
    } catch (error) {
      io.err(`painwise demo: ${(error as Error).message}`);
      return EXIT_INVALID_INPUT;
    }
    const password = io.env.PAINWISE_DEMO_PASSWORD || `demo-${crypto.randomBytes(9).toString('base64url')}`;
    const summary = await withDeps(io.env, async (deps) => {
      if (await deps.store.users.findByEmail(`admin@${DEMO_DOMAIN}`)) return undefined;
      return loadDemo(deps, password);
    });
    if (!summary) {
      io.err(
        `painwise demo: the demo is already loaded in this database (admin@${DEMO_DOMAIN} exists). Use a fresh PAINWISE_DATA_DIR to load it again.`,
      );
      return EXIT_INVALID_INPUT;
    }
    if (json) {
      io.out(JSON.stringify(summary));
      return EXIT_OK;
    }
    io.out(
      [
        `Loaded "${summary.clinic.name}" (share code ${summary.clinic.shareCode}).`,
        '',
        'Staff:',
        ...summary.staff.map((s) => `  ${s.email.padEnd(40)} ${s.role}`),
        '',
        'Patients (first five; all in --json):',
        ...summary.patients.slice(0, 5).map((p) => `  ${p.email.padEnd(40)} ${p.timeZone}`),
        '',
        'Caregivers:',
        ...summary.caregivers.map((c) => `  ${c.email.padEnd(40)} for ${c.forPatient}`),
        '',
        `Diaries: ${summary.diaryEntries} entries over six months for the first six patients.`,
        `Questionnaires: ${summary.questionnaireResponses} PEG, PHQ-9, GAD-7 and ODI results over six months; BPI-SF and ODI licences confirmed; PEG and PHQ-9 assigned.`,
        '',
        `Password for every demo account: ${summary.password}`,
      ].join('\n'),
    );
    return EXIT_OK;
  },
};
