import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/support/dialects.ts';
import { createTestApp, signUp, type TestApp } from '../../test/support/test-app.ts';
import { DEMO_DIARY_DAYS, loadDemoDiary } from './demo-diary.ts';
import { diaryEntriesBetween } from '../app/diary.ts';
import { findDrug } from '../domain/medications/formulary.ts';
import type { DiaryEntry } from '../domain/diary/entry.ts';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe.each(DIALECTS)('demo diaries on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('plants six months with the patterns analytics must find', async () => {
    const { me } = await signUp(t.app, { patient: true, timeZone: 'America/Chicago' });
    const ctx = { actor: { kind: 'user' as const, userId: me.user.id, via: 'session' as const }, requestId: null, ip: 'test' };
    expect(await loadDemoDiary(t.deps, ctx, me.patient!.id, 'America/Chicago', 7)).toBe(DEMO_DIARY_DAYS * 2);
    const entries = await diaryEntriesBetween(t.deps.store, me.patient!.id, '0000-01-01', '9999-12-31');
    const days = [...new Set(entries.map((e) => e.localDate))].sort();
    expect(days.length).toBe(DEMO_DIARY_DAYS);
    const byDay = new Map<string, DiaryEntry[]>();
    for (const e of entries) byDay.set(e.localDate, [...(byDay.get(e.localDate) ?? []), e]);
    const dayPain = (d: string) => mean(byDay.get(d)!.map((e) => e.intensity));
    const sleepOf = (d: string) => byDay.get(d)!.find((e) => e.sleep.hours !== null)!.sleep.hours!;

    // Poor sleep → next-day pain (before the medicine starts, to keep the comparison clean).
    const early = days.slice(1, 70);
    const afterShort = early.filter((_d, i) => sleepOf(days[i]!) < 6).map(dayPain);
    const afterLong = early.filter((_d, i) => sleepOf(days[i]!) >= 7.5).map(dayPain);
    expect(mean(afterShort) - mean(afterLong)).toBeGreaterThan(1);

    // The medicine helps after two weeks; the technique does not change pain.
    expect(mean(days.slice(40, 70).map(dayPain)) - mean(days.slice(90, 110).map(dayPain))).toBeGreaterThan(1);
    const late = days.slice(110);
    const withTens = late.filter((d) => byDay.get(d)!.some((e) => e.techniques.length > 0)).map(dayPain);
    const withoutTens = late.filter((d) => byDay.get(d)!.every((e) => e.techniques.length === 0)).map(dayPain);
    expect(Math.abs(mean(withTens) - mean(withoutTens))).toBeLessThan(0.75);

    // Medicines named in the diary are real formulary drugs.
    for (const id of new Set(entries.flatMap((e) => e.medicines.map((m) => m.formularyId)))) expect(findDrug(id!)).toBeDefined();
  });
});
