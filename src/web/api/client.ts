// Typed API client. Request and response types come from the zod schemas in src/contract (types only:
// no validator code ships to the browser). Problems (RFC 9457) become ApiError with a plain message.
import type { z } from 'zod';
import type { ErrorCode, FieldError } from '../../contract/errors.ts';
import type {
  MeResponse,
  SignInBody,
  SignUpAccepted,
  SignUpBody,
  ConfirmSignUpBody,
  ApiTokenView,
  CreateApiTokenBody,
  CreatedApiToken,
} from '../../contract/accounts.ts';
import type {
  AuditPage,
  CareRelationshipView,
  DelegationView,
  InvitedCaregiver,
  PatientView,
  ShareBody,
  VisiblePatientView,
  InviteCaregiverBody,
  CreatePatientBody,
} from '../../contract/patients.ts';
import type {
  ClinicRoleSettingsBody,
  InvitedMember,
  MemberInvitationView,
  MemberView,
  OrganizationView,
} from '../../contract/organizations.ts';
import type { PanelPageView, PanelQueryString } from '../../contract/panel.ts';
import type {
  CompleteSignInBody,
  DisableSecondFactorBody,
  ReauthenticateBody,
  SecondFactorChallenge,
  SecondFactorEnrolment,
  SecondFactorStatus,
} from '../../contract/second-factor.ts';
import { t, type MessageKey } from '../i18n/index.ts';

export type Me = z.infer<typeof MeResponse>;
export type PanelPage = z.infer<typeof PanelPageView>;
export type PanelQuery = z.input<typeof PanelQueryString>;
export type Patient = z.infer<typeof PatientView>;
export type VisiblePatient = z.infer<typeof VisiblePatientView>;
export type CareRelationship = z.infer<typeof CareRelationshipView>;
export type Delegation = z.infer<typeof DelegationView>;
export type AuditEntry = z.infer<typeof AuditPage>['items'][number];
export type Member = z.infer<typeof MemberView>;
export type MemberInvitation = z.infer<typeof MemberInvitationView>;
export type Organization = z.infer<typeof OrganizationView>;
export type ClinicRoleSettings = z.infer<typeof ClinicRoleSettingsBody>;
export type ApiToken = z.infer<typeof ApiTokenView>;
export type SecondFactorChallengeView = z.infer<typeof SecondFactorChallenge>;

const PLAIN: Partial<Record<ErrorCode, string>> = {
  'invalid-credentials': 'That email and password do not match an account.',
  'passkey-not-accepted': 'That passkey was not accepted. Try again, or sign in with your password.',
  'too-many-requests': 'Too many attempts. Please wait a little while and try again.',
  'session-expired': 'Your session ended. Please sign in again.',
  'authentication-required': 'Please sign in.',
  'csrf-token-invalid': 'Please reload the page and try again.',
  'route-not-found': 'That page does not exist.',
  'internal-error': 'Something went wrong on our side. Please try again.',
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network';
  readonly fieldErrors: readonly FieldError[];
  /** The whole problem document (e.g. a 409's `current`); empty for network errors. */
  readonly problem: Readonly<Record<string, unknown>>;
  constructor(
    status: number,
    code: ErrorCode | 'network',
    message: string,
    fieldErrors: readonly FieldError[] = [],
    problem: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.fieldErrors = fieldErrors;
    this.problem = problem;
  }
  /** The message for one field, by JSON pointer (e.g. "/email"). */
  fieldError(pointer: string): string | undefined {
    return this.fieldErrors.find((e) => e.pointer === pointer)?.detail;
  }
}

let csrfToken: string | null = null;
let onSessionEnded: (() => void) | null = null;
let onReauthenticationRequired: ((refusal: ApiError) => Promise<boolean>) | null = null;

/**
 * Who asks the person to confirm it is them when a sensitive action answers
 * `reauthentication-required`: resolves true once they have, and the request is then sent again.
 */
export function onReauthentication(handler: (refusal: ApiError) => Promise<boolean>): void {
  onReauthenticationRequired = handler;
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function csrf(): string | null {
  return csrfToken;
}
export function onSessionEnd(handler: () => void): void {
  onSessionEnded = handler;
}

/** A request whose body is already text of another type (e.g. a CSV file). */
export function requestText<T>(method: string, path: string, text: string, contentType: string): Promise<T> {
  return request<T>(method, path, { __raw: text, contentType });
}

export async function request<T>(method: string, path: string, body?: unknown, headers: Readonly<Record<string, string>> = {}): Promise<T> {
  try {
    return await requestOnce<T>(method, path, body, headers);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'reauthentication-required' && (await onReauthenticationRequired?.(error)))
      return requestOnce<T>(method, path, body, headers);
    throw error;
  }
}

/** Downloads a file the API makes (an export) under `filename`, asking the person to confirm it is them when needed. */
export async function downloadFile(path: string, filename: string, mediaType = 'text/csv'): Promise<void> {
  const blob = await request<Blob>('GET', path, undefined, { accept: `${mediaType}, application/problem+json` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function requestOnce<T>(method: string, path: string, body?: unknown, headers: Readonly<Record<string, string>> = {}): Promise<T> {
  const raw = typeof body === 'object' && body !== null && '__raw' in body ? (body as { __raw: string; contentType: string }) : null;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': raw ? raw.contentType : 'application/json' } : {}),
        ...(method !== 'GET' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: raw ? raw.__raw : JSON.stringify(body) } : {}),
    });
  } catch {
    // A write is not queued (only diary check-ins are, through the outbox): say so, rather than promise
    // a later send. A read sent nothing, so it says only that it could not be done.
    throw new ApiError(0, 'network', t(method === 'GET' ? 'app.unreachableRead' : 'app.unreachable'));
  }
  if (response.status === 204) return undefined as T;
  // A download (a CSV) comes as a file; an answer that says nothing of its type is read as JSON, as the API speaks.
  const type = response.headers.get('content-type');
  if (response.ok && type && !type.includes('json')) return (await response.blob()) as T;
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = (data ?? {}) as { code?: ErrorCode; detail?: string; title?: string; errors?: FieldError[] };
    const code = problem.code ?? 'internal-error';
    // Only a session that existed can end: the first /api/me of a signed-out visitor is not an expiry.
    if ((code === 'session-expired' || code === 'authentication-required') && csrfToken !== null && !path.startsWith('/api/auth/'))
      onSessionEnded?.();
    throw new ApiError(
      response.status,
      code,
      PLAIN[code] ?? problem.detail ?? problem.title ?? t('common.error'),
      problem.errors ?? [],
      problem as Record<string, unknown>,
    );
  }
  return data as T;
}

export interface DiaryRecord {
  id: string;
  version: number;
  changeSeq: number;
  updatedAt: string;
  deleted: boolean;
  entry: DiaryEntryView | null;
}
export interface DiaryEntryView {
  id: string;
  localDate: string;
  localTime: string;
  timeZone: string;
  recordedAt: string;
  intensity: number;
  worstSinceLast: number | null;
  leastSinceLast: number | null;
  regions: { code: string; intensity: number | null; qualities: string[] }[];
  interference: { activity: number | null; sleep: number | null; mood: number | null; stress: number | null };
  sleep: { hours: number | null; quality: string | null };
  notes: string;
  activity: { minutes: number | null; meaningful: string[] };
  mood: string | null;
  triggers: string[];
  ownTriggers: string[];
  medicines: {
    name: string;
    dose: number | null;
    unit: string | null;
    takenAt: string | null;
    regimen: string;
    formularyId: string | null;
    medicationOrderId: string | null;
  }[];
  techniques: { id: string; label: string | null; helped: string | null }[];
  provenance: { enteredBy: string; mode: string; source: string };
}
export interface DaySummaryView {
  localDate: string;
  entryCount: number;
  meanIntensity: number;
  maxIntensity: number;
  minIntensity: number;
}

export interface AlertView {
  id: string;
  patientId: string;
  patientName: string;
  rule: string;
  severity: 'urgent' | 'high' | 'moderate';
  status: 'open' | 'acknowledged';
  createdAt: string;
  evidence: Record<string, unknown>;
}

export const api = {
  patient: (pid: string) => request<Patient>('GET', `/api/patients/${pid}`),
  alerts: (oid: string, status: 'open' | 'acknowledged' | 'all') =>
    request<{ items: AlertView[] }>('GET', `/api/organizations/${oid}/alerts?status=${status}`),
  acknowledgeAlert: (oid: string, id: string) => request<void>('POST', `/api/organizations/${oid}/alerts/${id}/acknowledge`),
  diaryChanges: (pid: string, since?: string) =>
    request<{ items: DiaryRecord[]; cursor: string; hasMore: boolean }>(
      'GET',
      `/api/patients/${pid}/diary-entries?limit=2000${since ? `&since=${encodeURIComponent(since)}` : ''}`,
    ),
  recentDays: (pid: string, last: number) => request<DaySummaryView[]>('GET', `/api/patients/${pid}/day-summaries?last=${last}`),
  me: () => request<Me>('GET', '/api/me'),
  /** Who is signed in, or null: 200 either way, so a signed-out start logs no error in the console. */
  session: () => request<{ signedIn: false } | { signedIn: true; me: Me }>('GET', '/api/session').then((s) => (s.signedIn ? s.me : null)),
  /** Me, or (for an account with two-step sign-in) the pending token to send with a code. */
  signIn: (body: z.infer<typeof SignInBody>) => request<Me | SecondFactorChallengeView>('POST', '/api/auth/sign-in', body),
  completeSignIn: (body: z.input<typeof CompleteSignInBody>) => request<Me>('POST', '/api/auth/sign-in/second-factor', body),
  reauthenticate: (body: z.input<typeof ReauthenticateBody>) => request<unknown>('POST', '/api/auth/reauthenticate', body),
  secondFactor: () => request<z.infer<typeof SecondFactorStatus>>('GET', '/api/me/second-factor'),
  startSecondFactor: () => request<z.infer<typeof SecondFactorEnrolment>>('POST', '/api/me/second-factor'),
  confirmSecondFactor: (code: string) => request<{ recoveryCodes: string[] }>('POST', '/api/me/second-factor/confirm', { code }),
  disableSecondFactor: (body: z.input<typeof DisableSecondFactorBody>) => request<void>('POST', '/api/me/second-factor/disable', body),
  regenerateRecoveryCodes: () => request<{ recoveryCodes: string[] }>('POST', '/api/me/second-factor/recovery-codes'),
  setSecondFactorRequirement: (oid: string, required: boolean) =>
    request<Organization>('PUT', `/api/organizations/${oid}/second-factor-requirement`, { required }),
  roleSettings: (oid: string) => request<ClinicRoleSettings>('GET', `/api/organizations/${oid}/role-settings`),
  setRoleSettings: (oid: string, settings: ClinicRoleSettings) =>
    request<ClinicRoleSettings>('PUT', `/api/organizations/${oid}/role-settings`, settings),
  /** Me when signed up and in at once; `check-email` where the server confirms the address by e-mail first. */
  signUp: (body: z.input<typeof SignUpBody>) => request<Me | z.infer<typeof SignUpAccepted>>('POST', '/api/auth/sign-up', body),
  confirmSignUp: (body: z.infer<typeof ConfirmSignUpBody>) => request<Me>('POST', '/api/auth/confirm-sign-up', body),
  signOut: () => request<void>('POST', '/api/auth/sign-out'),
  updateProfile: (displayName: string) => request<Me>('PATCH', '/api/me', { displayName }),
  changePassword: (currentPassword: string, newPassword: string, keepTokenIds: readonly string[] = []) =>
    request<void>('POST', '/api/me/password', { currentPassword, newPassword, keepTokenIds }),
  signOutEverywhere: (keepTokenIds: readonly string[]) => request<void>('POST', '/api/me/sign-out-everywhere', { keepTokenIds }),
  deleteAccount: (password: string) => request<void>('DELETE', '/api/me', { password }),
  tokens: () => request<ApiToken[]>('GET', '/api/me/tokens'),
  createToken: (body: z.input<typeof CreateApiTokenBody>) => request<z.infer<typeof CreatedApiToken>>('POST', '/api/me/tokens', body),
  revokeToken: (id: string) => request<void>('DELETE', `/api/me/tokens/${id}`),
  patients: () => request<VisiblePatient[]>('GET', '/api/patients'),
  createPatient: (body: z.input<typeof CreatePatientBody>) => request<Patient>('POST', '/api/patients', body),
  careRelationships: (pid: string) => request<CareRelationship[]>('GET', `/api/patients/${pid}/care-relationships`),
  share: (pid: string, body: z.input<typeof ShareBody>) =>
    request<CareRelationship>('POST', `/api/patients/${pid}/care-relationships`, body),
  stopSharing: (pid: string, id: string) => request<void>('DELETE', `/api/patients/${pid}/care-relationships/${id}`),
  caregivers: (pid: string) => request<Delegation[]>('GET', `/api/patients/${pid}/caregivers`),
  inviteCaregiver: (pid: string, body: z.input<typeof InviteCaregiverBody>) =>
    request<z.infer<typeof InvitedCaregiver>>('POST', `/api/patients/${pid}/caregivers`, body),
  revokeCaregiver: (pid: string, id: string) => request<void>('DELETE', `/api/patients/${pid}/caregivers/${id}`),
  acceptCaregiver: (code: string) => request<{ patientId: string }>('POST', '/api/caregiver-invitations/accept', { code }),
  acceptClinicInvitation: (pid: string, code: string) =>
    request<CareRelationship>('POST', `/api/patients/${pid}/care-relationships/accept-invitation`, { code }),
  invitePatient: (oid: string, scopes: ('read' | 'write')[]) =>
    request<{ code: string; expiresAt: string }>('POST', `/api/organizations/${oid}/patient-invitations`, { scopes }),
  acceptMember: (code: string) => request<{ organizationId: string }>('POST', '/api/member-invitations/accept', { code }),
  accessLog: (pid: string, who: 'everyone' | 'others', cursor?: string) =>
    request<z.infer<typeof AuditPage>>(
      'GET',
      `/api/patients/${pid}/access-log?limit=50&who=${who}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
  organization: (oid: string) => request<Organization>('GET', `/api/organizations/${oid}`),
  organizationPatients: (oid: string) => request<VisiblePatient[]>('GET', `/api/organizations/${oid}/patients`),
  panel: (oid: string, query: PanelQuery) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
    return request<PanelPage>('GET', `/api/organizations/${oid}/panel?${params}`);
  },
  members: (oid: string) => request<Member[]>('GET', `/api/organizations/${oid}/members`),
  changeRole: (oid: string, mid: string, role: Member['role']) =>
    request<void>('PATCH', `/api/organizations/${oid}/members/${mid}`, { role }),
  removeMember: (oid: string, mid: string) => request<void>('DELETE', `/api/organizations/${oid}/members/${mid}`),
  invitations: (oid: string) => request<MemberInvitation[]>('GET', `/api/organizations/${oid}/invitations`),
  inviteMember: (oid: string, email: string, role: Member['role']) =>
    request<z.infer<typeof InvitedMember>>('POST', `/api/organizations/${oid}/invitations`, { email, role }),
  withdrawInvitation: (oid: string, id: string) => request<void>('DELETE', `/api/organizations/${oid}/invitations/${id}`),
  rotateShareCode: (oid: string) => request<Organization>('POST', `/api/organizations/${oid}/share-code`),
  organizationAudit: (oid: string, cursor?: string) =>
    request<z.infer<typeof AuditPage>>(
      'GET',
      `/api/organizations/${oid}/audit?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
};

export function roleLabel(role: Member['role']): string {
  return t(`role.${role}` as MessageKey);
}
