import type { Clock } from '../../src/app/ports.ts';

/** A clock that stands still until a test moves it. */
export class FixedClock implements Clock {
  #now: number;
  constructor(start = '2026-06-01T12:00:00.000Z') {
    this.#now = Date.parse(start);
  }
  now(): Date {
    return new Date(this.#now);
  }
  advanceMinutes(minutes: number): void {
    this.#now += minutes * 60_000;
  }
  advanceSeconds(seconds: number): void {
    this.#now += seconds * 1000;
  }
  set(iso: string): void {
    this.#now = Date.parse(iso);
  }
}
