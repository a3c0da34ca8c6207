import { deleteIntake, INTAKES, listIntakes, presentIntake, saveIntake } from '../../../app/intake.ts';
import { getRecord } from '../../../app/versioned-records.ts';
import { PatientParams } from '../../../contract/common.ts';
import { IntakeBody, IntakeParams } from '../../../contract/intake.ts';
import { registerRecordRoutes } from '../../record-routes.ts';
import type { ApiDeps, ZodApp } from '../../types.ts';

const tags = ['intake'];

export function registerIntakeRoutes(app: ZodApp, deps: ApiDeps): void {
  registerRecordRoutes(app, {
    tags,
    collection: 'intakes',
    idParam: 'intakeId',
    params: IntakeParams,
    writeAction: 'write-diary',
    conflictCode: 'intake-conflict',
    present: presentIntake,
    put: {
      summary:
        'Save an intake for a first consultation, whole or in part, by its client-generated id (If-Match to edit). Treatments tried are kept as conservative-care records; a red flag answered yes raises an urgent alert for the care team, and the answer carries `urgentCare` advice',
      body: IntakeBody,
      save: (ctx, patientId, id, body, baseVersion) => saveIntake(deps, ctx, patientId, id, body, baseVersion),
    },
    getOne: {
      summary: 'One intake, with `urgentCare` advice when a red flag is answered yes',
      read: async (ctx, patientId, id) => presentIntake(await getRecord(INTAKES, deps, ctx, patientId, id)),
    },
    remove: {
      summary:
        'Delete an intake and the conservative-care records of its treatments (If-Match: refused with a conflict if it changed since; deleting it again is done)',
      run: (ctx, patientId, id, baseVersion) => deleteIntake(deps, ctx, patientId, id, baseVersion),
    },
    list: {
      summary: 'Intakes, newest first',
      params: PatientParams,
      read: async (ctx, patientId) => ({ items: await listIntakes(deps, ctx, patientId) }),
    },
  });
}
