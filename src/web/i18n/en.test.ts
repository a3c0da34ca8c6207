import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { t } from './index.ts';

describe('message catalogue', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('today.greeting', { name: 'Ana' })).toBe('Hello, Ana.');
    expect(t('today.greeting')).toBe('Hello, {name}.');
  });
  it('has no empty messages', () => {
    expect(Object.entries(en).filter(([, v]) => v.trim() === '')).toEqual([]);
  });
});
