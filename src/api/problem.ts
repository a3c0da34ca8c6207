// RFC 9457 problem+json: one table maps every ErrorCode to its status and title, so a new code does
// not compile until it is mapped here.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode, FieldError } from '../contract/errors.ts';
import { type IssueType, operationOutcome } from '../interop/fhir/outcome.ts';

export const PROBLEMS: Record<ErrorCode, { status: number; title: string }> = {
  'validation-failed': { status: 400, title: 'The request has invalid fields' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'unsupported-media-type': { status: 415, title: 'Send the body as application/json' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'not-found': { status: 404, title: 'Not found' },
  'route-not-found': { status: 404, title: 'No such endpoint' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'authentication-required': { status: 401, title: 'Sign in to continue' },
  'session-expired': { status: 401, title: 'Your session has ended' },
  'invalid-credentials': { status: 401, title: 'Email or password is not correct' },
  'csrf-token-invalid': { status: 403, title: 'The request is missing its security token' },
  'origin-not-allowed': { status: 403, title: 'Requests from other sites are not accepted' },
  'session-required': { status: 403, title: 'Sign in with your password to do this' },
  forbidden: { status: 403, title: 'Not allowed' },
  'too-many-requests': { status: 429, title: 'Too many attempts' },
  'email-taken': { status: 409, title: 'Email already registered' },
  'password-too-short': { status: 400, title: 'Password too short' },
  'password-too-long': { status: 400, title: 'Password too long' },
  'password-too-common': { status: 400, title: 'Password too common' },
  'password-incorrect': { status: 400, title: 'Password not correct' },
  'patient-record-exists': { status: 409, title: 'Patient record already exists' },
  'invalid-share-code': { status: 400, title: 'Share code not recognised' },
  'invalid-invitation': { status: 400, title: 'Invitation not valid' },
  'sign-up-link-invalid': { status: 400, title: 'This sign-up link does not work' },
  'passkey-not-accepted': { status: 401, title: 'Passkey not accepted' },
  'passkey-registration-failed': { status: 400, title: 'The passkey could not be added' },
  'passkeys-unavailable': { status: 409, title: 'Passkeys are not set up on this server' },
  'already-member': { status: 409, title: 'Already a member' },
  'last-admin': { status: 409, title: 'An organization needs an admin' },
  conflict: { status: 409, title: 'Conflict' },
  'diary-entry-conflict': { status: 409, title: 'The diary entry changed elsewhere' },
  'instrument-not-licensed': { status: 403, title: 'This questionnaire is not licensed here' },
  'invalid-if-match': { status: 400, title: 'If-Match must be an entry version, e.g. "3"' },
  'clinical-record-conflict': { status: 409, title: 'The record changed elsewhere' },
  'visit-conflict': { status: 409, title: 'The visit changed elsewhere' },
  'high-risk-order-unconfirmed': { status: 422, title: 'The order needs a confirmation' },
  'care-plan-conflict': { status: 409, title: 'The care plan changed since the version you edited' },
  'nothing-to-taper': { status: 409, title: 'The current medicines include no opioid dose to taper' },
  'taper-pause-invalid': { status: 409, title: 'The taper cannot be paused or resumed that way' },
  'token-patient-not-accessible': { status: 422, title: 'The token names a patient you cannot access' },
  'second-factor-code-invalid': { status: 400, title: 'The code is not correct' },
  'sign-in-step-expired': { status: 401, title: 'The sign-in took too long; sign in again' },
  'second-factor-required': { status: 403, title: 'Turn on two-step sign-in to do this' },
  'reauthentication-required': { status: 403, title: 'Confirm it is you to do this' },
  'internal-error': { status: 500, title: 'Something went wrong on our side' },
  'service-unavailable': { status: 503, title: 'The service is busy; try again in a moment' },
};

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  options: { detail?: string; errors?: readonly FieldError[]; extra?: Readonly<Record<string, unknown>> } = {},
): FastifyReply {
  const { status, title } = PROBLEMS[code];
  if ((status === 429 || status === 503) && typeof options.extra?.retryAfterSeconds === 'number')
    reply.header('retry-after', String(options.extra.retryAfterSeconds));
  // A FHIR client reads failures as an OperationOutcome: the same status, in FHIR's own shape.
  if (request.url.startsWith('/fhir/')) return sendOperationOutcome(reply, status, code, options.detail ?? title);
  const body: Record<string, unknown> = {
    type: `https://painwise.dev/problems/${code}`,
    title,
    status,
    code,
    ...(options.detail ? { detail: options.detail } : {}),
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(options.errors && options.errors.length > 0 ? { errors: options.errors } : {}),
    ...options.extra,
  };
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).serializer(JSON.stringify).send(body);
}

/** FHIR's issue type for each status a problem can have (R4 issue-type code list). */
function issueTypeOf(status: number, code: ErrorCode): IssueType {
  if (code === 'route-not-found' || code === 'method-not-allowed' || status === 415) return 'not-supported';
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 413 || status === 429) return 'too-costly';
  if (status === 503) return 'transient';
  if (status >= 500) return 'exception';
  return 'invalid';
}

function sendOperationOutcome(reply: FastifyReply, status: number, code: ErrorCode, diagnostics: string): FastifyReply {
  return reply
    .code(status)
    .type('application/fhir+json; charset=utf-8')
    .serializer(JSON.stringify)
    .send(operationOutcome(issueTypeOf(status, code), diagnostics, status >= 500 ? 'fatal' : 'error'));
}
