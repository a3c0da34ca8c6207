import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_ROLES_LIST, PERMISSIONS_LIST } from '../contract/enums.ts';
import { INTERVENTION_MODALITIES, type CarePlanBody, type PlanIntervention } from './care-plan-records.ts';
import { carePlanPartsChanged } from './care-plan.ts';
import { ORGANIZATION_ROLES } from './model.ts';
import {
  CARE_PLAN_PARTS,
  carePlanPartOfModality,
  describeRoleMatrix,
  parseClinicRoleSettings,
  PERMISSIONS,
  permissionsOf,
  roleMay,
} from './permissions.ts';

const ROLE_HEADINGS: Record<(typeof ORGANIZATION_ROLES)[number], string> = {
  physician: 'Physician',
  nurse: 'Nurse',
  physical_therapist: 'Physical therapist',
  psychologist: 'Psychologist',
  pharmacist: 'Pharmacist',
  admin: 'Admin',
};

/** A Markdown table's cells, row by row, however its columns are padded (the formatter aligns them). */
function cellsOf(table: string): string[][] {
  return table
    .split('\n')
    .filter((line) => !/^\|[\s|:-]+\|$/.test(line))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

/** The matrix as the Markdown table docs/permissions.md carries between its markers. */
function renderMatrix(): string {
  const cell = (c: boolean | string) => (c === true ? 'yes' : c === false ? '—' : 'if the clinic allows nurse orders');
  const lines = [
    `| permission | ${ORGANIZATION_ROLES.map((r) => ROLE_HEADINGS[r]).join(' | ')} | why |`,
    `|---|${ORGANIZATION_ROLES.map(() => '---').join('|')}|---|`,
    ...describeRoleMatrix().map(
      (row) => `| \`${row.permission}\` | ${ORGANIZATION_ROLES.map((r) => cell(row.roles[r])).join(' | ')} | ${row.why} |`,
    ),
  ];
  return lines.join('\n');
}

describe('the role matrix', () => {
  it('is the table docs/permissions.md shows', () => {
    const doc = readFileSync(new URL('../../docs/permissions.md', import.meta.url), 'utf8');
    const between = /<!-- role-matrix:start -->\n([\s\S]*?)\n<!-- role-matrix:end -->/.exec(doc)?.[1];
    // On a mismatch the expected table is printed: paste it between the markers (and format the file).
    expect(cellsOf(between ?? ''), renderMatrix()).toEqual(cellsOf(renderMatrix()));
  });

  it('names the same permissions and roles as the contract the browser reads', () => {
    expect([...PERMISSIONS_LIST]).toEqual([...PERMISSIONS]);
    expect([...ORGANIZATION_ROLES_LIST]).toEqual([...ORGANIZATION_ROLES]);
  });

  it('gives an admin no clinical permission and a physician every one', () => {
    const clinical = PERMISSIONS.filter((p) => roleMay('physician', p));
    expect(permissionsOf('admin').filter((p) => clinical.includes(p) && p !== 'view-clinic' && p !== 'invite-patients')).toEqual([]);
    expect(permissionsOf('admin')).toEqual([
      'view-clinic',
      'invite-patients',
      'manage-members',
      'manage-settings',
      'manage-licences',
      'read-audit',
    ]);
    expect(roleMay('physician', 'manage-access')).toBe(false);
    for (const part of CARE_PLAN_PARTS) expect(roleMay('physician', part)).toBe(true);
  });

  it('lets nurses order only where the clinic allows it, and lets a clinic only take away', () => {
    expect(roleMay('nurse', 'order-medications')).toBe(false);
    expect(roleMay('nurse', 'order-medications', { allowNurseOrders: true, withheld: {} })).toBe(true);
    expect(roleMay('pharmacist', 'order-medications', { allowNurseOrders: true, withheld: {} })).toBe(false);
    expect(roleMay('physician', 'plan-tapers', { allowNurseOrders: false, withheld: { physician: ['plan-tapers'] } })).toBe(false);
    expect(roleMay('admin', 'read', { allowNurseOrders: true, withheld: {} })).toBe(false);
  });

  it('reads stored clinic settings keeping only what the table knows, and anything unreadable as the defaults', () => {
    expect(parseClinicRoleSettings('{}')).toEqual({ allowNurseOrders: false, withheld: {} });
    expect(parseClinicRoleSettings('not json')).toEqual({ allowNurseOrders: false, withheld: {} });
    expect(parseClinicRoleSettings(null)).toEqual({ allowNurseOrders: false, withheld: {} });
    expect(
      parseClinicRoleSettings(
        JSON.stringify({
          allowNurseOrders: 'yes',
          withheld: { nurse: ['plan-tapers', 'fly', 'read', 'read'], wizard: ['read'], admin: 'x' },
        }),
      ),
    ).toEqual({ allowNurseOrders: false, withheld: { nurse: ['read', 'plan-tapers'] } });
    expect(parseClinicRoleSettings('{"allowNurseOrders":true}')).toEqual({ allowNurseOrders: true, withheld: {} });
  });

  it('has a part for every intervention modality', () => {
    for (const m of INTERVENTION_MODALITIES) expect(CARE_PLAN_PARTS).toContain(carePlanPartOfModality(m));
  });
});

describe('carePlanPartsChanged', () => {
  const intervention = (id: string, modality: PlanIntervention['modality']): PlanIntervention => ({
    id,
    modality,
    description: 'Graded walking',
    startDate: null,
    stopDate: null,
    frequency: '',
    responsibleMemberId: null,
    status: 'planned',
  });
  const plan: CarePlanBody = {
    goals: [{ id: 'g1', activity: 'Walk', measure: 'minutes', baseline: '5', target: '20', targetDate: null, measureSource: null }],
    interventions: [intervention('i1', 'physical'), intervention('i2', 'psychological')],
    pacing: [],
    notes: '',
  };

  it('finds nothing changed in a plan saved again as it was', () => {
    expect(carePlanPartsChanged(plan, plan)).toEqual([]);
  });
  it('reads a version saved before goals named a source or the plan had pacing as having none', () => {
    const older = { ...plan, goals: plan.goals.map(({ measureSource: _, ...g }) => g), pacing: undefined };
    expect(carePlanPartsChanged(older as CarePlanBody, plan)).toEqual([]);
  });
  it('names the modality of an intervention added, changed or removed, and goals or notes changed', () => {
    expect(carePlanPartsChanged(plan, { ...plan, interventions: [intervention('i1', 'physical')] })).toEqual(['plan-psychological']);
    expect(carePlanPartsChanged(plan, { ...plan, notes: 'Review in 4 weeks' })).toEqual(['plan-goals']);
    expect(carePlanPartsChanged(undefined, plan)).toEqual(['plan-goals', 'plan-physical', 'plan-psychological']);
  });
});
