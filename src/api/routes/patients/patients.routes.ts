import { requireRecentAuthentication } from '../../../app/reauthentication.ts';
import { z } from 'zod';
import { createMyPatientRecord, getPatient, type ListedPatient, listVisiblePatients, updatePatient } from '../../../app/patients.ts';
import {
  acceptCaregiverInvitation,
  acceptPatientInvitation,
  inviteCaregiver,
  listCareRelationships,
  listDelegations,
  readAccessLog,
  revokeCareRelationship,
  revokeDelegation,
  shareWithOrganization,
} from '../../../app/sharing.ts';
import type { Patient } from '../../../app/model.ts';
import { PatientParams } from '../../../contract/common.ts';
import {
  AcceptInvitationBody,
  AccessLogQuery,
  AuditPage,
  CareRelationshipParams,
  CareRelationshipView,
  CreatePatientBody,
  DelegationParams,
  DelegationView,
  InviteCaregiverBody,
  InvitedCaregiver,
  PatientView,
  ShareBody,
  UpdatePatientBody,
  VisiblePatientView,
} from '../../../contract/patients.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

export const presentPatient = (p: Patient | ListedPatient) => ({
  id: p.id,
  displayName: p.displayName,
  timeZone: p.timeZone,
  ...(p.birthYear !== undefined ? { birthYear: p.birthYear } : {}),
  ...(p.sex !== undefined ? { sex: p.sex } : {}),
  createdAt: p.createdAt,
});

export function registerPatientRoutes(app: ZodApp, deps: ApiDeps): void {
  const tags = ['patients'];
  app.get(
    '/api/patients',
    {
      schema: {
        tags,
        summary: "Patients you can open: yourself, people you care for, your clinics' patients",
        response: { 200: z.array(VisiblePatientView) },
      },
    },
    async (req) => {
      return (await listVisiblePatients(deps, contextOf(req))).map((v) => ({ ...v, patient: presentPatient(v.patient) }));
    },
  );

  app.post(
    '/api/patients',
    { schema: { tags, summary: 'Create your own patient record', body: CreatePatientBody, response: { 201: PatientView } } },
    async (req, reply) => {
      return reply.code(201).send(presentPatient(await createMyPatientRecord(deps, contextOf(req), req.body)));
    },
  );

  app.get(
    '/api/patients/:patientId',
    {
      config: { patientAction: 'read' },
      schema: { tags, summary: 'A patient record', params: PatientParams, response: { 200: PatientView } },
    },
    async (req) => {
      return presentPatient(await getPatient(deps, contextOf(req), req.params.patientId));
    },
  );

  app.patch(
    '/api/patients/:patientId',
    {
      config: { patientAction: 'manage-access' },
      schema: {
        tags,
        summary: 'Update your patient record',
        params: PatientParams,
        body: UpdatePatientBody,
        response: { 200: PatientView },
      },
    },
    async (req) => {
      return presentPatient(await updatePatient(deps, contextOf(req), req.params.patientId, req.body));
    },
  );

  const sharingTags = ['sharing'];
  app.get(
    '/api/patients/:patientId/caregivers',
    {
      config: { patientAction: 'manage-access' },
      schema: { tags: sharingTags, summary: 'Caregivers you invited', params: PatientParams, response: { 200: z.array(DelegationView) } },
    },
    async (req) => {
      return (await listDelegations(deps, contextOf(req), req.params.patientId)).map(({ patientId: _p, caregiverUserId: _c, ...d }) => d);
    },
  );

  app.post(
    '/api/patients/:patientId/caregivers',
    {
      config: { patientAction: 'manage-access' },
      schema: {
        tags: sharingTags,
        summary: 'Invite a caregiver; the code is shown once',
        params: PatientParams,
        body: InviteCaregiverBody,
        response: { 201: InvitedCaregiver },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      await requireRecentAuthentication(deps, ctx, req.auth.sessionId, { tokens: 'pass' });
      const { code, delegation } = await inviteCaregiver(deps, ctx, req.params.patientId, req.body);
      const { patientId: _p, caregiverUserId: _c, ...d } = delegation;
      return reply.code(201).send({ code, delegation: { ...d, caregiverEmail: null, caregiverName: null } });
    },
  );

  app.delete(
    '/api/patients/:patientId/caregivers/:delegationId',
    {
      config: { patientAction: 'manage-access' },
      schema: { tags: sharingTags, summary: "Revoke a caregiver's access", params: DelegationParams },
    },
    async (req, reply) => {
      await revokeDelegation(deps, contextOf(req), req.params.patientId, req.params.delegationId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/caregiver-invitations/accept',
    { schema: { tags: sharingTags, summary: 'Accept a caregiver invitation code', body: AcceptInvitationBody } },
    async (req) => {
      const d = await acceptCaregiverInvitation(deps, contextOf(req), req.body.code);
      return { patientId: d.patientId, scopes: d.scopes };
    },
  );

  app.get(
    '/api/patients/:patientId/care-relationships',
    {
      config: { patientAction: 'manage-access' },
      schema: {
        tags: sharingTags,
        summary: 'Clinics you share your record with',
        params: PatientParams,
        response: { 200: z.array(CareRelationshipView) },
      },
    },
    async (req) => {
      return (await listCareRelationships(deps, contextOf(req), req.params.patientId)).map(
        ({ patientId: _p, grantedByUserId: _g, ...r }) => r,
      );
    },
  );

  app.post(
    '/api/patients/:patientId/care-relationships',
    {
      config: { patientAction: 'manage-access' },
      schema: {
        tags: sharingTags,
        summary: 'Share your record with a clinic by its share code',
        params: PatientParams,
        body: ShareBody,
        response: { 201: CareRelationshipView },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      await requireRecentAuthentication(deps, ctx, req.auth.sessionId, { tokens: 'pass' });
      const { patientId: _p, grantedByUserId: _g, ...r } = await shareWithOrganization(deps, ctx, req.params.patientId, req.body);
      return reply.code(201).send(r);
    },
  );

  app.post(
    '/api/patients/:patientId/care-relationships/accept-invitation',
    {
      config: { patientAction: 'manage-access' },
      schema: {
        tags: sharingTags,
        summary: 'Share your record with a clinic by accepting its one-time invitation code',
        params: PatientParams,
        body: AcceptInvitationBody,
        response: { 201: CareRelationshipView },
      },
    },
    async (req, reply) => {
      const ctx = contextOf(req);
      await requireRecentAuthentication(deps, ctx, req.auth.sessionId, { tokens: 'pass' });
      const { patientId: _p, grantedByUserId: _g, ...r } = await acceptPatientInvitation(deps, ctx, req.params.patientId, req.body.code);
      return reply.code(201).send(r);
    },
  );

  app.delete(
    '/api/patients/:patientId/care-relationships/:relationshipId',
    {
      config: { patientAction: 'manage-access' },
      schema: { tags: sharingTags, summary: 'Stop sharing with a clinic', params: CareRelationshipParams },
    },
    async (req, reply) => {
      await revokeCareRelationship(deps, contextOf(req), req.params.patientId, req.params.relationshipId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/patients/:patientId/access-log',
    {
      config: { patientAction: 'read-access-log' },
      schema: {
        tags: sharingTags,
        summary: 'Who looked at or changed your record',
        params: PatientParams,
        querystring: AccessLogQuery,
        response: { 200: AuditPage },
      },
    },
    async (req) => {
      const { limit, cursor, who } = req.query;
      const page = await readAccessLog(deps, contextOf(req), req.params.patientId, limit, cursor, who);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((e) => ({
          id: e.id,
          at: e.at,
          actorName: e.actorName,
          actorBasis: e.actorBasis,
          organizationId: e.organizationId,
          action: e.action,
          resourceType: e.resourceType,
          resourceId: e.resourceId,
        })),
      };
    },
  );
}
