import { describe, expect, it } from 'vitest';
import {
  controlPoint,
  edgePath,
  fitLabel,
  GRAPH_HEIGHT,
  GRAPH_WIDTH,
  insideEllipse,
  LABEL_CHARACTERS,
  LABEL_FONT_SIZE,
  labelBox,
  layoutSlots,
  loopPath,
  NODE_RADIUS,
  SLOT_LIMIT,
  type Point,
} from './graph-layout.ts';

/** The points a path is drawn through (its end and control points). */
function pathPoints(path: string): Point[] {
  const numbers = (path.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const points: Point[] = [];
  for (let index = 0; index + 1 < numbers.length; index += 2) {
    points.push({ x: numbers[index] as number, y: numbers[index + 1] as number });
  }
  return points;
}

const longest = 'x'.repeat(LABEL_CHARACTERS);
const counts = Array.from({ length: SLOT_LIMIT }, (_, index) => index + 1);

describe('graph layout', () => {
  it('spaces the slots of each side so one-line labels never touch', () => {
    for (const count of counts) {
      const slots = layoutSlots(count);
      expect(slots).toHaveLength(count);
      for (const anchor of ['start', 'end'] as const) {
        const side = slots.filter((slot) => slot.anchor === anchor).sort((left, right) => left.y - right.y);
        for (let index = 1; index < side.length; index++) {
          const gap = (side[index] as Point).y - (side[index - 1] as Point).y;
          expect(gap, `${count} slots`).toBeGreaterThanOrEqual(LABEL_FONT_SIZE + 3);
        }
      }
    }
  });

  it('puts every label outside the ellipse and inside the picture', () => {
    for (const count of counts) {
      for (const slot of layoutSlots(count)) {
        const box = labelBox(slot, longest);
        const corners = [
          { x: box.left, y: box.top },
          { x: box.right, y: box.top },
          { x: box.left, y: box.bottom },
          { x: box.right, y: box.bottom },
        ];
        for (const corner of corners) expect(insideEllipse(corner), `${count} slots`).toBe(false);
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(GRAPH_WIDTH);
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.bottom).toBeLessThanOrEqual(GRAPH_HEIGHT);
      }
    }
  });

  it('keeps every edge inside the ellipse, so no label sits on an arrow', () => {
    for (const count of [2, 5, 12, SLOT_LIMIT]) {
      const slots = layoutSlots(count);
      for (const [fromIndex, from] of slots.entries()) {
        expect(pathPoints(loopPath(from)).every((point) => insideEllipse(point))).toBe(true);
        for (const [toIndex, to] of slots.entries()) {
          if (fromIndex === toIndex) continue;
          const forward = fromIndex < toIndex;
          const points = pathPoints(edgePath(from, to, forward));
          expect(
            points.every((point) => insideEllipse(point)),
            `${fromIndex} -> ${toIndex} of ${count}`,
          ).toBe(true);
        }
      }
    }
  });

  it('draws the two directions between two nodes apart', () => {
    const slots = layoutSlots(SLOT_LIMIT);
    for (const [fromIndex, from] of slots.entries()) {
      for (const [toIndex, to] of slots.entries()) {
        if (fromIndex >= toIndex) continue;
        const there = controlPoint(from, to, true);
        const back = controlPoint(to, from, false);
        expect(Math.hypot(there.x - back.x, there.y - back.y)).toBeGreaterThan(NODE_RADIUS);
      }
    }
  });

  it('cuts long labels with an ellipsis', () => {
    expect(fitLabel('web')).toBe('web');
    const cut = fitLabel('a-very-long-pod-name-indeed');
    expect(cut).toHaveLength(LABEL_CHARACTERS);
    expect(cut.endsWith('…')).toBe(true);
  });
});
