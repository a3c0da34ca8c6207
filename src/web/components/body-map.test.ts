import { describe, expect, it } from 'vitest';
import { nearestInDirection } from './body-map.tsx';

const box = (code: string, x: number, y: number) => ({ code, label: code, x, y, w: 10, h: 10 });

describe('body map arrow keys', () => {
  // head above chest; left and right hands at chest height, the right one further out.
  const placed = [box('head', 50, 0), box('chest', 50, 40), box('hand-left', 0, 40), box('hand-right', 100, 45), box('knee', 45, 120)];
  it("moves to the nearest region in the key's direction, sideways distance counting double", () => {
    expect(nearestInDirection(placed, placed[0]!, 'ArrowDown')?.code).toBe('chest');
    expect(nearestInDirection(placed, placed[1]!, 'ArrowLeft')?.code).toBe('hand-left');
    expect(nearestInDirection(placed, placed[1]!, 'ArrowRight')?.code).toBe('hand-right');
    expect(nearestInDirection(placed, placed[1]!, 'ArrowDown')?.code).toBe('knee');
    expect(nearestInDirection(placed, placed[1]!, 'ArrowUp')?.code).toBe('head');
  });
  it('stays put at an edge', () => {
    expect(nearestInDirection(placed, placed[0]!, 'ArrowUp')).toBeUndefined();
  });
});
