// A condition's mechanism assessment (neuropathic grading, Finnerup 2016; nociplastic criteria, Kosek
// 2021) as a record of the record engine, addressed by the condition's id: clinicians with `write`
// save it, everyone who may read the record reads it with the grades worked out.
import {
  deleteMechanismAssessment,
  getMechanismAssessment,
  listMechanismAssessments,
  presentMechanismAssessment,
  saveMechanismAssessment,
} from '../../../app/mechanism-assessments.ts';
import { PatientParams } from '../../../contract/common.ts';
import { RecordListQuery } from '../../../contract/care-plan.ts';
import { MechanismAssessmentBody, MechanismAssessmentParams } from '../../../contract/mechanism-assessments.ts';
import { registerRecordRoutes } from '../../record-routes.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

export function registerMechanismAssessmentRoutes(app: ZodApp, deps: ApiDeps): void {
  registerRecordRoutes(app, {
    tags: ['care plan'],
    collection: 'mechanism-assessments',
    idParam: 'conditionId',
    params: MechanismAssessmentParams,
    writeAction: 'record-conditions',
    conflictCode: 'clinical-record-conflict',
    present: presentMechanismAssessment,
    put: {
      summary:
        "Record or edit the mechanism assessment of a condition (its id is the condition's; If-Match to edit): each criterion true, false or null (not assessed); answered with the neuropathic grade (Finnerup 2016), the nociplastic grade (Kosek 2021), every criterion and whether the pain is mixed",
      body: MechanismAssessmentBody,
      save: (ctx, patientId, id, body, baseVersion) => saveMechanismAssessment(deps, ctx, patientId, id, body, baseVersion),
    },
    getOne: {
      summary:
        "The mechanism assessment of a condition with its grades worked out now (unlikely / possible / probable / definite neuropathic pain, not-applicable / unlikely / possible / probable nociplastic pain, mixed when both are possible or better) and the evidence on the record beside it: the condition's onset and months since, and the latest DN4, DN4-interview and ACR 2016 results (shown, never counted as an answer)",
      read: (ctx, patientId, id) => getMechanismAssessment(deps, ctx, patientId, id),
    },
    remove: {
      summary:
        'Delete a mechanism assessment recorded in error (If-Match: refused with a conflict if it changed since; deleting it again is done)',
      run: (ctx, patientId, id, baseVersion) => deleteMechanismAssessment(deps, ctx, patientId, id, baseVersion),
    },
    list: {
      summary: 'Mechanism assessments of every condition, latest assessed first, each with its grades',
      params: PatientParams,
      query: RecordListQuery,
      read: async (ctx, patientId, query: { limit: number }) => ({
        items: await listMechanismAssessments(deps, ctx, patientId, query.limit),
      }),
    },
  });
}
