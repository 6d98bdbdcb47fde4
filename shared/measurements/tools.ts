import { SEGMENT_POINTS } from './motion.ts';
import { SPINOPELVIC_POINTS } from './spinopelvic.ts';

/** Every measurement tool of the viewer. */
export const MEASUREMENT_TOOLS = [
  'length',
  'angle',
  'cobb',
  'probe',
  'ellipse',
  'rectangle',
  'arrow',
  'text',
  'calibration',
  'halo',
  'spinopelvic',
  'segment',
  'coronalBalance',
] as const;
export type MeasurementTool = (typeof MEASUREMENT_TOOLS)[number];

export interface ToolSpec {
  label: string;
  /** What each click places, in order. */
  points: readonly string[];
  /** A text the user types after the last click. */
  asks?: 'text' | 'knownMm';
  hint: string;
}

export const TOOL_SPECS: Record<MeasurementTool, ToolSpec> = {
  length: { label: 'Length', points: ['Start', 'End'], hint: 'Click both ends.' },
  angle: {
    label: 'Angle',
    points: ['First arm', 'Vertex', 'Second arm'],
    hint: 'Click an arm end, the vertex, the other arm end.',
  },
  cobb: {
    label: 'Cobb',
    points: ['Line 1 start', 'Line 1 end', 'Line 2 start', 'Line 2 end'],
    hint: 'Draw a line along each end vertebra’s endplate.',
  },
  probe: { label: 'Probe', points: ['Point'], hint: 'Click the point to read (HU on CT).' },
  ellipse: {
    label: 'Ellipse ROI',
    points: ['Corner', 'Opposite corner'],
    hint: 'Click two corners of the box around the ellipse.',
  },
  rectangle: {
    label: 'Rectangle ROI',
    points: ['Corner', 'Opposite corner'],
    hint: 'Click two opposite corners.',
  },
  arrow: {
    label: 'Arrow',
    points: ['Tail', 'Head'],
    asks: 'text',
    hint: 'Click the tail, then the tip; then type its text.',
  },
  text: {
    label: 'Text',
    points: ['Position'],
    asks: 'text',
    hint: 'Click where the text goes; then type it.',
  },
  calibration: {
    label: 'Calibrate',
    points: ['Object start', 'Object end'],
    asks: 'knownMm',
    hint: 'Draw across an object of known size (rod, calibration ball); then enter its mm.',
  },
  halo: {
    label: 'Halo',
    points: ['Inner edge (screw surface)', 'Outer edge of the lucent rim'],
    hint: 'Draw across the lucent rim around a screw; tag the screw.',
  },
  spinopelvic: {
    label: 'Spinopelvic',
    points: SPINOPELVIC_POINTS,
    hint: 'Standing lateral: place each landmark in turn.',
  },
  segment: {
    label: 'Flex/ext segment',
    points: SEGMENT_POINTS,
    hint: 'On each flexion/extension film: mark the two endplates of the level; tag the level.',
  },
  coronalBalance: {
    label: 'Coronal balance',
    points: ['C7 centroid', 'S1 endplate midpoint (CSVL)'],
    hint: 'AP film: C7 centroid, then the centre of S1.',
  },
};

/** Tools whose value depends on a scale (a length); the others are angles, text or pixel values. */
export const LENGTH_TOOLS: ReadonlySet<MeasurementTool> = new Set([
  'length',
  'halo',
  'calibration',
  'coronalBalance',
]);
