import { describe, expect, it } from 'vitest';
import { CLINICIAN_ROLES, type OrganizationRole } from './model.ts';
import type { ClinicRoleSettings } from './permissions.ts';
import { decidePatientAccess, type AccessFacts, type Actor } from './policy.ts';

const NOW = '2026-06-01T12:00:00.000Z';
const owner: Actor = { kind: 'user', userId: 'u-owner', via: 'session' };
const other: Actor = { kind: 'user', userId: 'u-other', via: 'session' };
const patient = { id: 'p1', userId: 'u-owner' };
const none: AccessFacts = { patient, delegations: [], careGrants: [] };

describe('decidePatientAccess', () => {
  it('refuses anonymous actors as unauthenticated', () => {
    expect(decidePatientAccess({ kind: 'anonymous' }, 'read', none, NOW)).toEqual({ allowed: false, refusal: 'unauthenticated' });
  });
  it('lets the owner do everything', () => {
    for (const action of ['read', 'write-diary', 'manage-access', 'read-access-log'] as const) {
      expect(decidePatientAccess(owner, action, none, NOW).allowed).toBe(true);
    }
  });
  it('tells an unrelated user nothing (not-found)', () => {
    expect(decidePatientAccess(other, 'read', none, NOW)).toEqual({ allowed: false, refusal: 'not-found' });
  });
  it('keeps a caregiver within the delegated scopes', () => {
    const facts: AccessFacts = {
      patient,
      careGrants: [],
      delegations: [{ scopes: ['read'], acceptedAt: NOW, revokedAt: null, expiresAt: null }],
    };
    expect(decidePatientAccess(other, 'read', facts, NOW).allowed).toBe(true);
    expect(decidePatientAccess(other, 'write-diary', facts, NOW)).toEqual({ allowed: false, refusal: 'forbidden' });
    expect(decidePatientAccess(other, 'manage-access', facts, NOW)).toEqual({ allowed: false, refusal: 'forbidden' });
  });
  it('shows what is due to whoever may read the record or answer questionnaires, not to a diary-only caregiver', () => {
    const reading: AccessFacts = {
      patient,
      careGrants: [],
      delegations: [{ scopes: ['read'], acceptedAt: NOW, revokedAt: null, expiresAt: null }],
    };
    expect(decidePatientAccess(other, 'see-due-questionnaires', reading, NOW).allowed).toBe(true);
    const writeOnlyClinic = {
      organizationId: 'o1',
      role: 'physician' as const,
      scopes: ['write'] as const,
      revokedAt: null,
      expiresAt: null,
    };
    expect(
      decidePatientAccess(other, 'see-due-questionnaires', { patient, delegations: [], careGrants: [writeOnlyClinic] }, NOW).allowed,
    ).toBe(true);
    const answering: AccessFacts = {
      patient,
      careGrants: [],
      delegations: [{ scopes: ['answer-questionnaires'], acceptedAt: NOW, revokedAt: null, expiresAt: null }],
    };
    expect(decidePatientAccess(other, 'see-due-questionnaires', answering, NOW).allowed).toBe(true);
    expect(decidePatientAccess(other, 'read', answering, NOW).allowed).toBe(false);
    const diaryOnly: AccessFacts = {
      patient,
      careGrants: [],
      delegations: [{ scopes: ['write-diary'], acceptedAt: NOW, revokedAt: null, expiresAt: null }],
    };
    expect(decidePatientAccess(other, 'see-due-questionnaires', diaryOnly, NOW)).toEqual({ allowed: false, refusal: 'forbidden' });
    const grant = { organizationId: 'o1', role: 'nurse' as const, scopes: ['read'] as const, revokedAt: null, expiresAt: null };
    expect(decidePatientAccess(other, 'see-due-questionnaires', { patient, delegations: [], careGrants: [grant] }, NOW).allowed).toBe(true);
    expect(decidePatientAccess(owner, 'see-due-questionnaires', none, NOW).allowed).toBe(true);
  });
  it('ignores a delegation that is pending, revoked or expired', () => {
    for (const d of [
      { scopes: ['read'] as const, acceptedAt: null, revokedAt: null, expiresAt: null },
      { scopes: ['read'] as const, acceptedAt: NOW, revokedAt: NOW, expiresAt: null },
      { scopes: ['read'] as const, acceptedAt: NOW, revokedAt: null, expiresAt: '2026-06-01T11:59:59.999Z' },
    ]) {
      expect(decidePatientAccess(other, 'read', { patient, careGrants: [], delegations: [d] }, NOW)).toEqual({
        allowed: false,
        refusal: 'not-found',
      });
    }
  });
  it('lets a clinician act only through an active relationship and its scopes', () => {
    const grant = { organizationId: 'o1', role: 'physician' as const, scopes: ['read'] as const, revokedAt: null, expiresAt: null };
    expect(decidePatientAccess(other, 'read', { patient, delegations: [], careGrants: [grant] }, NOW)).toEqual({
      allowed: true,
      basis: { kind: 'clinician', organizationId: 'o1', role: 'physician' },
    });
    expect(decidePatientAccess(other, 'edit-care-plan', { patient, delegations: [], careGrants: [grant] }, NOW).allowed).toBe(false);
    expect(decidePatientAccess(other, 'read', { patient, delegations: [], careGrants: [{ ...grant, revokedAt: NOW }] }, NOW).allowed).toBe(
      false,
    );
    expect(decidePatientAccess(other, 'read', { patient, delegations: [], careGrants: [{ ...grant, expiresAt: NOW }] }, NOW).allowed).toBe(
      false,
    );
  });
  it('does not treat an organization admin as a clinician', () => {
    const grant = { organizationId: 'o1', role: 'admin' as const, scopes: ['read', 'write'] as const, revokedAt: null, expiresAt: null };
    expect(decidePatientAccess(other, 'read', { patient, delegations: [], careGrants: [grant] }, NOW)).toEqual({
      allowed: false,
      refusal: 'not-found',
    });
  });
  it('narrows access through an API token: read-only refuses changes, and other patients are strangers', () => {
    const limits = { access: 'read', patientIds: ['p1'] } as const;
    const token: Actor = { kind: 'user', userId: 'u-owner', via: 'token', tokenLimits: limits };
    expect(decidePatientAccess(token, 'read', none, NOW).allowed).toBe(true);
    expect(decidePatientAccess(token, 'read-access-log', none, NOW).allowed).toBe(true);
    expect(decidePatientAccess(token, 'write-diary', none, NOW)).toEqual({ allowed: false, refusal: 'forbidden' });
    const elsewhere: AccessFacts = { patient: { id: 'p2', userId: 'u-owner' }, delegations: [], careGrants: [] };
    expect(decidePatientAccess(token, 'read', elsewhere, NOW)).toEqual({ allowed: false, refusal: 'not-found' });
    // A token never adds to its owner's own access.
    const stranger: Actor = { kind: 'user', userId: 'u-other', via: 'token', tokenLimits: { access: 'read-write', patientIds: null } };
    expect(decidePatientAccess(stranger, 'read', none, NOW)).toEqual({ allowed: false, refusal: 'not-found' });
    const readWrite: Actor = { ...token, tokenLimits: { access: 'read-write', patientIds: null } };
    expect(decidePatientAccess(readWrite, 'write-diary', elsewhere, NOW).allowed).toBe(true);
  });

  it('refuses a clinician of a clinic that requires a second factor they lack, and says so; another clinic of theirs still lends access', () => {
    const grant = (organizationId: string) => ({
      organizationId,
      role: 'physician' as const,
      scopes: ['read' as const],
      revokedAt: null,
      expiresAt: null,
    });
    const lacking: Actor = { ...other, secondFactorMissingIn: ['org-strict'] };
    const strictOnly: AccessFacts = { patient, delegations: [], careGrants: [grant('org-strict')] };
    expect(decidePatientAccess(lacking, 'read', strictOnly, NOW)).toEqual({ allowed: false, refusal: 'second-factor-required' });
    expect(decidePatientAccess(other, 'read', strictOnly, NOW).allowed).toBe(true);
    const both: AccessFacts = { patient, delegations: [], careGrants: [grant('org-strict'), grant('org-relaxed')] };
    expect(decidePatientAccess(lacking, 'read', both, NOW)).toMatchObject({ allowed: true, basis: { organizationId: 'org-relaxed' } });
  });

  it("keeps a clinician within their role's row, naming the permission the role lacks", () => {
    const grant = (role: OrganizationRole, roleSettings?: ClinicRoleSettings) => ({
      patient,
      delegations: [],
      careGrants: [{ organizationId: 'o1', role, scopes: ['read', 'write'] as const, revokedAt: null, expiresAt: null, roleSettings }],
    });
    expect(decidePatientAccess(other, 'order-medications', grant('physician'), NOW).allowed).toBe(true);
    for (const role of ['nurse', 'pharmacist', 'psychologist', 'physical_therapist'] as const) {
      expect(decidePatientAccess(other, 'order-medications', grant(role), NOW)).toEqual({
        allowed: false,
        refusal: 'forbidden',
        permission: 'order-medications',
      });
    }
    expect(decidePatientAccess(other, 'plan-tapers', grant('pharmacist'), NOW)).toMatchObject({ permission: 'plan-tapers' });
    // A clinic that allows nurse orders lets its nurses order, and no one else.
    const allowing = { allowNurseOrders: true, withheld: {} };
    expect(decidePatientAccess(other, 'order-medications', grant('nurse', allowing), NOW).allowed).toBe(true);
    expect(decidePatientAccess(other, 'order-medications', grant('pharmacist', allowing), NOW).allowed).toBe(false);
    // A clinic may take a permission away from a role, never add one.
    const tightened = { allowNurseOrders: false, withheld: { nurse: ['assign-questionnaires' as const] } };
    expect(decidePatientAccess(other, 'assign-questionnaires', grant('nurse'), NOW).allowed).toBe(true);
    expect(decidePatientAccess(other, 'assign-questionnaires', grant('nurse', tightened), NOW)).toMatchObject({
      permission: 'assign-questionnaires',
    });
    // Every clinical role reads the record.
    for (const role of CLINICIAN_ROLES) expect(decidePatientAccess(other, 'read', grant(role), NOW).allowed).toBe(true);
  });
  it('lets a second clinic whose role may act do so when the first may not', () => {
    const facts: AccessFacts = {
      patient,
      delegations: [],
      careGrants: [
        { organizationId: 'o1', role: 'pharmacist', scopes: ['write'], revokedAt: null, expiresAt: null },
        { organizationId: 'o2', role: 'physician', scopes: ['write'], revokedAt: null, expiresAt: null },
      ],
    };
    expect(decidePatientAccess(other, 'order-medications', facts, NOW)).toMatchObject({ allowed: true, basis: { organizationId: 'o2' } });
  });
});
