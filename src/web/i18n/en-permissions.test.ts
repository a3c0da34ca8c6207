import { describe, expect, it } from 'vitest';
import { PERMISSIONS_LIST } from '../../contract/enums.ts';
import { enPermissions } from './en-permissions.ts';

describe('permission words', () => {
  it('name every permission of the role matrix, and no other', () => {
    expect(Object.keys(enPermissions).filter((k) => k !== 'permission.notInRole' && k !== 'permission.propose')).toEqual(
      PERMISSIONS_LIST.map((p) => `permission.${p}`),
    );
  });
});
