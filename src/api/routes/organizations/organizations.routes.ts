import { z } from 'zod';
import {
  acceptMemberInvitation,
  changeMemberRole,
  createOrganization,
  getOrganization,
  inviteMember,
  invitePatient,
  listMemberInvitations,
  listMembers,
  listMyMemberships,
  readOrganizationAudit,
  removeMember,
  requireClinicPermission,
  revokeMemberInvitation,
  rotateShareCode,
  setClinicRoleSettings,
  setSecondFactorRequirement,
} from '../../../app/organizations.ts';
import { listVisiblePatients } from '../../../app/patients.ts';
import { readPanel } from '../../../app/triage.ts';
import { PanelPageView, PanelQueryString } from '../../../contract/panel.ts';
import { OrganizationParams, PageQuery } from '../../../contract/common.ts';
import {
  ChangeRoleBody,
  CreateOrganizationBody,
  ClinicRoleSettingsBody,
  InvitationParams,
  InvitedMember,
  InviteMemberBody,
  MemberInvitationView,
  MembershipParams,
  MemberView,
  OrganizationView,
  SecondFactorRequirementBody,
} from '../../../contract/organizations.ts';
import { AcceptInvitationBody, AuditPage, VisiblePatientView } from '../../../contract/patients.ts';
import { CARE_SCOPES_LIST } from '../../../contract/enums.ts';
import { contextOf } from '../../request-context.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';
import { presentPatient } from '../patients/patients.routes.ts';

export function registerOrganizationRoutes(app: ZodApp, deps: ApiDeps): void {
  const tags = ['organizations'];
  app.get(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: 'Organizations you belong to',
        response: { 200: z.array(OrganizationView.omit({ shareCode: true, createdAt: true, requireSecondFactor: true })) },
      },
    },
    async (req) => {
      return (await listMyMemberships(deps, contextOf(req))).map((m) => ({ id: m.organizationId, name: m.organizationName, role: m.role }));
    },
  );

  app.post(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: 'Create an organization; you become its admin',
        body: CreateOrganizationBody,
        response: { 201: OrganizationView },
      },
    },
    async (req, reply) => {
      const { organization, membership } = await createOrganization(deps, contextOf(req), req.body);
      return reply.code(201).send({ ...organization, role: membership.role });
    },
  );

  app.get(
    '/api/organizations/:organizationId',
    {
      config: { clinicAction: 'view-clinic' },
      schema: { tags, summary: 'An organization you belong to', params: OrganizationParams, response: { 200: OrganizationView } },
    },
    async (req) => {
      const { organization, role } = await getOrganization(deps, contextOf(req), req.params.organizationId);
      return { ...organization, role };
    },
  );

  app.put(
    '/api/organizations/:organizationId/second-factor-requirement',
    {
      config: { clinicAction: 'manage-settings' },
      schema: {
        tags,
        summary: 'Require two-step sign-in of every clinician and admin, or stop requiring it (admins; needs your own first)',
        params: OrganizationParams,
        body: SecondFactorRequirementBody,
        response: { 200: OrganizationView },
      },
    },
    async (req) => {
      const ctx = contextOf(req);
      await setSecondFactorRequirement(deps, ctx, req.params.organizationId, req.body.required);
      const { organization, role } = await getOrganization(deps, ctx, req.params.organizationId);
      return { ...organization, role };
    },
  );

  app.get(
    '/api/organizations/:organizationId/role-settings',
    {
      config: { clinicAction: 'view-clinic' },
      schema: {
        tags,
        summary: 'What the clinic set about its roles: permissions withheld from a role, and whether nurses may order (members)',
        params: OrganizationParams,
        response: { 200: ClinicRoleSettingsBody },
      },
    },
    async (req) => (await getOrganization(deps, contextOf(req), req.params.organizationId)).organization.roleSettings,
  );

  app.put(
    '/api/organizations/:organizationId/role-settings',
    {
      config: { clinicAction: 'manage-settings' },
      schema: {
        tags,
        summary:
          "Narrow what the clinic's roles may do (withhold permissions of the role matrix from a role) and allow or stop nurse orders (admins); see GET /api/role-permissions",
        params: OrganizationParams,
        body: ClinicRoleSettingsBody,
        response: { 200: ClinicRoleSettingsBody },
      },
    },
    async (req) => {
      const ctx = contextOf(req);
      await setClinicRoleSettings(deps, ctx, req.params.organizationId, req.body);
      return (await getOrganization(deps, ctx, req.params.organizationId)).organization.roleSettings;
    },
  );

  app.post(
    '/api/organizations/:organizationId/share-code',
    {
      config: { clinicAction: 'manage-settings' },
      schema: { tags, summary: 'Replace the share code (admins)', params: OrganizationParams, response: { 200: OrganizationView } },
    },
    async (req) => {
      const org = await rotateShareCode(deps, contextOf(req), req.params.organizationId);
      return { ...org, role: 'admin' as const };
    },
  );

  app.get(
    '/api/organizations/:organizationId/members',
    {
      config: { clinicAction: 'view-clinic' },
      schema: { tags, summary: 'Members and roles', params: OrganizationParams, response: { 200: z.array(MemberView) } },
    },
    async (req) => {
      return (await listMembers(deps, contextOf(req), req.params.organizationId)).map(({ organizationId: _o, ...m }) => m);
    },
  );

  app.patch(
    '/api/organizations/:organizationId/members/:membershipId',
    {
      config: { clinicAction: 'manage-members' },
      schema: { tags, summary: "Change a member's role (admins)", params: MembershipParams, body: ChangeRoleBody },
    },
    async (req, reply) => {
      await changeMemberRole(deps, contextOf(req), req.params.organizationId, req.params.membershipId, req.body.role);
      return reply.code(204).send();
    },
  );

  app.delete(
    '/api/organizations/:organizationId/members/:membershipId',
    {
      config: { clinicAction: 'manage-members' },
      schema: { tags, summary: 'Remove a member (admins) or leave', params: MembershipParams },
    },
    async (req, reply) => {
      await removeMember(deps, contextOf(req), req.params.organizationId, req.params.membershipId);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/organizations/:organizationId/invitations',
    {
      config: { clinicAction: 'manage-members' },
      schema: {
        tags,
        summary: 'Pending member invitations (admins)',
        params: OrganizationParams,
        response: { 200: z.array(MemberInvitationView) },
      },
    },
    async (req) => {
      return (await listMemberInvitations(deps, contextOf(req), req.params.organizationId)).map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        createdAt: i.createdAt,
        expiresAt: i.expiresAt,
      }));
    },
  );

  app.post(
    '/api/organizations/:organizationId/invitations',
    {
      config: { clinicAction: 'manage-members' },
      schema: {
        tags,
        summary: 'Invite a member by email (admins); the code is shown once',
        params: OrganizationParams,
        body: InviteMemberBody,
        response: { 201: InvitedMember },
      },
    },
    async (req, reply) => {
      const { code, invitation: i } = await inviteMember(deps, contextOf(req), req.params.organizationId, req.body);
      return reply
        .code(201)
        .send({ code, invitation: { id: i.id, email: i.email, role: i.role, createdAt: i.createdAt, expiresAt: i.expiresAt } });
    },
  );

  app.delete(
    '/api/organizations/:organizationId/invitations/:invitationId',
    { config: { clinicAction: 'manage-members' }, schema: { tags, summary: 'Withdraw an invitation (admins)', params: InvitationParams } },
    async (req, reply) => {
      await revokeMemberInvitation(deps, contextOf(req), req.params.organizationId, req.params.invitationId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/organizations/:organizationId/patient-invitations',
    {
      config: { clinicAction: 'invite-patients' },
      schema: {
        tags,
        summary: 'Create a one-time code a patient accepts to share their record with this clinic (members)',
        params: OrganizationParams,
        body: z.strictObject({ scopes: z.array(z.enum(CARE_SCOPES_LIST)).min(1).max(2) }),
        response: { 201: z.object({ code: z.string(), expiresAt: z.string() }) },
      },
    },
    async (req, reply) => {
      return reply.code(201).send(await invitePatient(deps, contextOf(req), req.params.organizationId, req.body));
    },
  );

  app.post(
    '/api/member-invitations/accept',
    { schema: { tags, summary: 'Join an organization with an invitation code', body: AcceptInvitationBody } },
    async (req) => {
      const m = await acceptMemberInvitation(deps, contextOf(req), req.body.code);
      return { organizationId: m.organizationId, role: m.role };
    },
  );

  app.get(
    '/api/organizations/:organizationId/patients',
    {
      config: { clinicAction: 'view-panel' },
      schema: {
        tags,
        summary: "The clinic's patients who share their record (clinicians)",
        params: OrganizationParams,
        response: { 200: z.array(VisiblePatientView) },
      },
    },
    async (req) => {
      const ctx = contextOf(req);
      await requireClinicPermission(deps, ctx, req.params.organizationId, 'view-panel');
      return (await listVisiblePatients(deps, ctx))
        .filter((v) => v.organizationId === req.params.organizationId)
        .map((v) => ({ ...v, patient: presentPatient(v.patient) }));
    },
  );

  app.get(
    '/api/organizations/:organizationId/panel',
    {
      config: { clinicAction: 'view-panel' },
      schema: {
        tags,
        summary: "The clinic's patients as a triage list, most urgent first (clinicians)",
        params: OrganizationParams,
        querystring: PanelQueryString,
        response: { 200: PanelPageView },
      },
    },
    async (req) => {
      const { search, filter, sort, limit, offset } = req.query;
      const page = await readPanel(deps, contextOf(req), req.params.organizationId, {
        sort,
        limit,
        offset,
        ...(search ? { search } : {}),
        ...(filter ? { filter } : {}),
      });
      return {
        total: page.total,
        offset,
        limit,
        items: page.rows.map((r) => ({
          patient: presentPatient(r.patient),
          scopes: r.scopes,
          openAlerts: r.openAlerts,
          triage: r.triage
            ? {
                computedAt: r.triage.computedAt,
                lastCheckInDate: r.triage.lastEntryDate,
                daysSinceCheckIn: r.daysSinceCheckIn,
                painRecent: r.triage.painRecent,
                painBaseline: r.triage.painBaseline,
                painChange: r.triage.painChange,
                pegScore: r.triage.pegScore,
                pegAt: r.triage.pegAt,
                pegChange: r.triage.pegChange,
                mmePerDay: r.triage.mmePerDay,
                mmeNotCalculable: r.triage.mmeNotCalculable,
                safetyFlags: r.triage.flags,
                dueQuestionnaires: r.triage.dueQuestionnaires,
                overdueQuestionnaires: r.triage.overdueQuestionnaires,
                worsening: r.triage.worsening,
                lapsed: r.triage.lapsed,
              }
            : null,
        })),
      };
    },
  );

  app.get(
    '/api/organizations/:organizationId/audit',
    {
      config: { clinicAction: 'read-audit' },
      schema: {
        tags,
        summary: "The organization's audit trail (admins)",
        params: OrganizationParams,
        querystring: PageQuery,
        response: { 200: AuditPage },
      },
    },
    async (req) => {
      const page = await readOrganizationAudit(deps, contextOf(req), req.params.organizationId, req.query.limit, req.query.cursor);
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
