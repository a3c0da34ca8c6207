import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { auditActionInWords, t, tAbout } from './index.ts';

describe('message catalogue', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('today.greeting', { name: 'Ana' })).toBe('Hello, Ana.');
    expect(t('today.greeting')).toBe('Hello, {name}.');
  });
  it('takes the plural form the number needs', () => {
    expect(t('today.sharingSummary', { count: 1 })).toBe('Shared with 1 clinic.');
    expect(t('today.sharingSummary', { count: 3 })).toBe('Shared with 3 clinics.');
    expect(t('diary.imported', { imported: 1, present: 0 })).toBe('Imported 1 check-in; 0 were already here.');
  });
  it('has no "(s)" plurals and no internal document references in messages', () => {
    expect(
      Object.entries(en)
        .filter(([, v]) => /\w\(s\)|\.md\b/.test(v))
        .map(([k]) => k),
    ).toEqual([]);
  });
  it('speaks about the patient, by name, when someone acts for them', () => {
    expect(tAbout('diary.history', null)).toBe('Your check-ins');
    expect(tAbout('diary.history', 'Maria')).toBe("Maria's check-ins");
    expect(tAbout('flares.timeline', 'Maria')).toBe("Maria's flares, newest first");
    expect(tAbout('my.title', 'Maria')).toBe("Maria's plan");
    // The message's own placeholders are kept beside the patient's name.
    expect(tAbout('my.naloxone.onList', 'Maria', { name: 'naloxone' })).toBe(
      "naloxone is on Maria's medicines list. It can reverse an opioid overdose.",
    );
    // Reminders, pacing, as-needed use, questionnaire safety text and a refused check-in name her too.
    expect(tAbout('blockDiary.reminder.due', 'Maria', { offset: '30 minutes' })).toBe("Maria's reading at 30 minutes is due now.");
    expect(tAbout('pacing.todayGoal', 'Maria', { goal: 30, unit: 'minutes' })).toBe("Maria's goal is 30 minutes.");
    expect(tAbout('asNeeded.within', 'Maria')).toBe('Maria stayed within the plan.');
    expect(tAbout('q.crisis.team', 'Maria')).toBe("Maria's care team has been told so they can contact Maria.");
    expect(tAbout('checkIn.conflict', 'Maria')).toContain("kept in Maria's diary");
  });
  it('has, for every message about someone else, the own-record message it stands for, naming the patient and not "you"', () => {
    const variants = Object.keys(en).filter((k) => k.endsWith('.for'));
    expect(variants.length).toBeGreaterThan(30);
    expect(variants.filter((k) => !(k.slice(0, -'.for'.length) in en))).toEqual([]);
    const messages = en as Record<string, string>;
    expect(variants.filter((k) => !messages[k]!.includes('{patient}'))).toEqual([]);
    // "you" in a variant is the caregiver (what you make is kept); the patient's things are never "your".
    expect(variants.filter((k) => /\b(your|my)\b/i.test(messages[k]!))).toEqual([]);
  });
  it('has no empty messages', () => {
    expect(Object.entries(en).filter(([, v]) => v.trim() === '')).toEqual([]);
  });
  it('has words for every audit action the server records (none shown as a raw id)', () => {
    const appDir = path.resolve(import.meta.dirname, '../../app');
    const source = readdirSync(appDir)
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
      .map((f) => readFileSync(path.join(appDir, f), 'utf8'))
      .join('\n');
    // Recorded by the user (access.audit('…')) or by the system (systemEvent('…') in jobs).
    const literal = [...source.matchAll(/(?:audit|systemEvent)\('([a-z_.-]+)'/g)].map((m) => m[1]!);
    // Actions the record engine builds from a record kind (`<prefix>.verb`: the kind's `auditPrefix`,
    // or else its `resource`) for every kind that has one.
    const kinds = [...source.matchAll(/resource: '([a-z_]+)',(?:\s*auditPrefix: '([a-z_-]+)',)?/g)].map((m) => m[2] ?? m[1]!);
    const verbs = [...source.matchAll(/auditOf\(kind, access, '([a-z]+)'/g)].map((m) => m[1]!);
    const built = kinds.flatMap((k) => verbs.map((v) => `${k}.${v}`));
    expect(literal.length).toBeGreaterThan(30);
    expect(built.length).toBeGreaterThan(10);
    expect([...new Set([...literal, ...built])].filter((a) => auditActionInWords(a).startsWith('Other activity'))).toEqual([]);
    expect(auditActionInWords('diary-entry.read')).toBe('Looked at a diary check-in');
    expect(auditActionInWords('something.new')).toBe('Other activity (something.new)');
  });
});
