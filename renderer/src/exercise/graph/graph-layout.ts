/**
 * Where the reachability graph draws things. Nodes sit on an ellipse, down its right side and up
 * its left side, evenly spaced in height so their one-line labels never touch; a namespace takes a
 * slot of its own for its name, followed by its nodes. Every label lies outside the ellipse and
 * every edge inside it (each curve stays within the triangle of its end and control points, and
 * those are kept inside), so no label ever sits on an arrow.
 */

export const GRAPH_WIDTH = 460;
export const GRAPH_HEIGHT = 300;
export const NODE_RADIUS = 11;
/** The most slots (nodes plus namespace names) the ellipse holds with readable labels. */
export const SLOT_LIMIT = 28;
/** Label font size in the graph's units, and the width one character takes at most on average. */
export const LABEL_FONT_SIZE = 12;
const CHARACTER_WIDTH = 6.8;
/** From the node's edge to its label. */
const LABEL_GAP = 6;
const CENTER_X = GRAPH_WIDTH / 2;
const CENTER_Y = GRAPH_HEIGHT / 2;
export const RADIUS_X = 118;
export const RADIUS_Y = 120;
/** Slots use this share of the ellipse's height, leaving the flat top and bottom free. */
const HEIGHT_SHARE = 0.88;
const MAX_SPACING = 56;

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** One place on the ellipse, with where its label goes. */
export interface Slot extends Point {
  readonly labelX: number;
  readonly labelY: number;
  /** Labels run away from the ellipse: `start` on the right side, `end` on the left. */
  readonly anchor: 'start' | 'end';
}

/** The widest label, in characters, that fits between the ellipse and the graph's edge. */
export const LABEL_CHARACTERS = Math.floor(
  (GRAPH_WIDTH / 2 - RADIUS_X - NODE_RADIUS - LABEL_GAP - 4) / CHARACTER_WIDTH,
);

/** `text`, cut with an ellipsis to fit `LABEL_CHARACTERS`. */
export function fitLabel(text: string): string {
  return text.length <= LABEL_CHARACTERS ? text : `${text.slice(0, LABEL_CHARACTERS - 1)}…`;
}

/** The box a label takes, estimated from its length (for tests of the layout's promise). */
export function labelBox(
  slot: Slot,
  text: string,
): { left: number; right: number; top: number; bottom: number } {
  const width = text.length * CHARACTER_WIDTH;
  const left = slot.anchor === 'start' ? slot.labelX : slot.labelX - width;
  return { left, right: left + width, top: slot.labelY - LABEL_FONT_SIZE, bottom: slot.labelY + 4 };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Heights of `count` evenly spaced slots, centred on the ellipse. */
function heights(count: number): number[] {
  if (count === 0) return [];
  if (count === 1) return [CENTER_Y];
  const span = Math.min(2 * RADIUS_Y * HEIGHT_SHARE, MAX_SPACING * (count - 1));
  const step = span / (count - 1);
  return Array.from({ length: count }, (_, index) => CENTER_Y - span / 2 + index * step);
}

function slotAt(y: number, side: 1 | -1): Slot {
  const ratio = (y - CENTER_Y) / RADIUS_Y;
  const x = CENTER_X + side * RADIUS_X * Math.sqrt(Math.max(0, 1 - ratio * ratio));
  return {
    x: round(x),
    y: round(y),
    labelX: round(x + side * (NODE_RADIUS + LABEL_GAP)),
    labelY: round(y + 4),
    anchor: side === 1 ? 'start' : 'end',
  };
}

/** `count` slots in drawing order: down the right side, then up the left side. */
export function layoutSlots(count: number): Slot[] {
  const right = Math.ceil(count / 2);
  const left = count - right;
  return [
    ...heights(right).map((y) => slotAt(y, 1)),
    ...heights(left)
      .reverse()
      .map((y) => slotAt(y, -1)),
  ];
}

/** Whether a point lies inside the ellipse scaled by `scale` about its centre. */
export function insideEllipse(point: Point, scale = 1): boolean {
  const dx = (point.x - CENTER_X) / (RADIUS_X * scale);
  const dy = (point.y - CENTER_Y) / (RADIUS_Y * scale);
  return dx * dx + dy * dy <= 1;
}

/** Pulls a point towards the centre until it is inside the ellipse scaled by `scale`. */
function clampInside(point: Point, scale: number): Point {
  const dx = (point.x - CENTER_X) / RADIUS_X;
  const dy = (point.y - CENTER_Y) / RADIUS_Y;
  const distance = Math.hypot(dx, dy);
  if (distance <= scale) return point;
  const factor = scale / distance;
  return { x: CENTER_X + (point.x - CENTER_X) * factor, y: CENTER_Y + (point.y - CENTER_Y) * factor };
}

/**
 * The control point of the curve from `from` to `to`: bent towards the centre (further for the
 * return direction, so a → b and b → a stay apart and clear the nodes between them), or sideways
 * when the chord already runs through the middle.
 */
export function controlPoint(from: Point, to: Point, forward: boolean): Point {
  const midX = (from.x + to.x) / 2;
  const midY = (from.y + to.y) / 2;
  const inwardX = CENTER_X - midX;
  const inwardY = CENTER_Y - midY;
  const distance = Math.hypot(inwardX, inwardY);
  let control: Point;
  if (distance >= 40) {
    const bend = forward ? Math.min(0.45 * distance, 30) : Math.min(0.9 * distance, 62);
    control = { x: midX + (inwardX / distance) * bend, y: midY + (inwardY / distance) * bend };
  } else {
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    // To the right of the direction of travel: the two directions bend to opposite sides.
    control = { x: midX - (dy / length) * 24, y: midY + (dx / length) * 24 };
  }
  return clampInside(control, 0.92);
}

/** A curved path between two nodes, trimmed so the arrow ends at the target node's edge. */
export function edgePath(from: Point, to: Point, forward: boolean): string {
  const control = controlPoint(from, to, forward);
  const trim = NODE_RADIUS + 3;
  const towards = (point: Point, target: Point): Point => {
    const length = Math.hypot(target.x - point.x, target.y - point.y) || 1;
    return {
      x: point.x + ((target.x - point.x) / length) * trim,
      y: point.y + ((target.y - point.y) / length) * trim,
    };
  };
  const start = towards(from, control);
  const end = towards(to, control);
  return `M ${round(start.x)} ${round(start.y)} Q ${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}`;
}

/** A loop from a grouped node back to itself (pods of one group talking to each other), drawn inwards. */
export function loopPath(node: Point): string {
  const inwardX = CENTER_X - node.x;
  const inwardY = CENTER_Y - node.y;
  const length = Math.hypot(inwardX, inwardY) || 1;
  const unitX = inwardX / length;
  const unitY = inwardY / length;
  const spread = 0.55;
  const along = (angle: number, distance: number): Point => {
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    return {
      x: node.x + (unitX * cos - unitY * sin) * distance,
      y: node.y + (unitX * sin + unitY * cos) * distance,
    };
  };
  const start = along(-spread, NODE_RADIUS + 1);
  const end = along(spread, NODE_RADIUS + 3);
  const first = along(-spread * 0.9, 44);
  const second = along(spread * 0.9, 44);
  return `M ${round(start.x)} ${round(start.y)} C ${round(first.x)} ${round(first.y)} ${round(second.x)} ${round(second.y)} ${round(end.x)} ${round(end.y)}`;
}

/** The band behind a namespace's slots: an arc of the ellipse from its first to its last slot. */
export function groupArc(first: Point, last: Point): string {
  const angle = (point: Point): number =>
    Math.atan2((point.y - CENTER_Y) / RADIUS_Y, (point.x - CENTER_X) / RADIUS_X);
  const start = angle(first);
  let end = angle(last);
  while (end < start) end += 2 * Math.PI;
  // A little past each end, so a one-slot group still shows a band.
  const pad = 0.09;
  const from = start - pad;
  const to = end + pad;
  const point = (theta: number): Point => ({
    x: CENTER_X + RADIUS_X * Math.cos(theta),
    y: CENTER_Y + RADIUS_Y * Math.sin(theta),
  });
  const a = point(from);
  const b = point(to);
  const large = to - from > Math.PI ? 1 : 0;
  return `M ${round(a.x)} ${round(a.y)} A ${RADIUS_X} ${RADIUS_Y} 0 ${large} 1 ${round(b.x)} ${round(b.y)}`;
}
