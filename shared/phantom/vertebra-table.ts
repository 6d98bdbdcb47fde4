/**
 * Vertebral dimensions by level, rounded typical adult values after Panjabi et al., "Thoracic human
 * vertebrae" (Spine 1991;16:888) and "Human lumbar vertebrae" (Spine 1992;17:299), scaled slightly
 * down for a 1.64 m woman. Cervical levels exist only so the standing films reach C7 and above.
 */
export interface VertebraDims {
  readonly name: VertebraName;
  /** Body height, AP depth and transverse width (mm). */
  readonly height: number;
  readonly depth: number;
  readonly width: number;
  /** Mid-height of the disc below (mm). */
  readonly discBelow: number;
  /** Pedicle transverse width and height (mm) and medial convergence (degrees). */
  readonly pedicleWidth: number;
  readonly pedicleHeight: number;
  readonly pedicleAngleDeg: number;
  /** Spinal canal half-width and half-depth (mm). */
  readonly canalHalfWidth: number;
  readonly canalHalfDepth: number;
  /** Transverse process length beyond the pedicle and radius (mm). */
  readonly transverseLength: number;
  readonly transverseRadius: number;
  /** Spinous process length, height (mm) and downward tilt (degrees). */
  readonly spinousLength: number;
  readonly spinousHeight: number;
  readonly spinousTiltDeg: number;
}

export const VERTEBRA_NAMES = [
  'C5',
  'C6',
  'C7',
  'T1',
  'T2',
  'T3',
  'T4',
  'T5',
  'T6',
  'T7',
  'T8',
  'T9',
  'T10',
  'T11',
  'T12',
  'L1',
  'L2',
  'L3',
  'L4',
  'L5',
] as const;
export type VertebraName = (typeof VERTEBRA_NAMES)[number];

type Row = [
  VertebraName,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

// name, H, D, W, discBelow, pedW, pedH, pedAngle, canalHW, canalHD, tpLen, tpR, spLen, spH, spTilt
const ROWS: Row[] = [
  ['C5', 12.5, 15, 20, 4.5, 5, 7, 45, 12, 7, 10, 3, 16, 7, 15],
  ['C6', 13, 15.5, 22, 4.5, 5.5, 7, 42, 12, 7, 12, 3, 20, 8, 15],
  ['C7', 14, 16, 24, 4, 6, 8, 35, 11, 7, 16, 3.5, 30, 9, 25],
  ['T1', 14.5, 16, 26, 3.5, 7, 9, 30, 10, 7, 18, 4, 32, 9, 35],
  ['T2', 15.5, 17, 25, 3.5, 6, 10, 25, 8.5, 7.5, 18, 4, 34, 9, 45],
  ['T3', 16, 18, 25, 3.5, 5, 10, 18, 8, 7.5, 17, 4, 35, 9, 55],
  ['T4', 16.5, 19, 26, 3.5, 5, 10, 15, 8, 7.5, 17, 4, 36, 9, 60],
  ['T5', 17, 20, 27, 4, 5, 11, 12, 8, 7.5, 17, 4, 37, 9, 62],
  ['T6', 17.5, 21, 28, 4, 5, 11, 10, 8, 7.5, 16, 4, 37, 9, 62],
  ['T7', 18, 22, 29, 4.5, 5.5, 12, 8, 8, 7.5, 16, 4, 36, 9, 60],
  ['T8', 18.5, 23, 30, 4.5, 6, 12, 7, 8, 7.5, 16, 4, 34, 10, 55],
  ['T9', 19, 24, 31, 5, 6, 13, 6, 8, 7.5, 15, 4, 32, 11, 45],
  ['T10', 20, 25, 33, 5, 6.5, 14, 5, 8.5, 7.5, 14, 4, 30, 12, 35],
  ['T11', 21, 26, 35, 5.5, 7.5, 15, 5, 9, 7.5, 11, 4, 28, 14, 25],
  ['T12', 22.5, 27, 37, 7, 7.5, 15, 6, 9.5, 8, 9, 4, 28, 16, 15],
  ['L1', 24.5, 29, 40, 9, 7, 14, 11, 11, 8.5, 16, 4, 30, 20, 10],
  ['L2', 25.5, 30, 42, 10, 8, 14, 12, 11.5, 8.5, 21, 4.5, 31, 21, 8],
  ['L3', 26, 31, 44, 5.5, 9, 14, 14, 12, 8.5, 26, 4.5, 31, 22, 6],
  ['L4', 26, 32, 46, 11, 10, 14, 16, 12.5, 8.5, 21, 5, 30, 21, 4],
  ['L5', 25, 33, 48, 11, 13, 14, 22, 13, 8.5, 17, 6, 26, 18, 0],
];

export const VERTEBRAE: ReadonlyMap<VertebraName, VertebraDims> = new Map(
  ROWS.map(
    ([
      name,
      height,
      depth,
      width,
      discBelow,
      pedicleWidth,
      pedicleHeight,
      pedicleAngleDeg,
      canalHalfWidth,
      canalHalfDepth,
      transverseLength,
      transverseRadius,
      spinousLength,
      spinousHeight,
      spinousTiltDeg,
    ]) => [
      name,
      {
        name,
        height,
        depth,
        width,
        discBelow,
        pedicleWidth,
        pedicleHeight,
        pedicleAngleDeg,
        canalHalfWidth,
        canalHalfDepth,
        transverseLength,
        transverseRadius,
        spinousLength,
        spinousHeight,
        spinousTiltDeg,
      },
    ],
  ),
);

export function dimsOf(name: VertebraName): VertebraDims {
  const d = VERTEBRAE.get(name);
  if (!d) throw new Error(`No dimensions for ${name}`);
  return d;
}

/** S1 endplate (sacral plate) size: AP depth and width (mm). */
export const S1_PLATE = { depth: 36, width: 48 } as const;
