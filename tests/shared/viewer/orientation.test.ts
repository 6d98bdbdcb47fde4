import { describe, expect, it } from 'vitest';
import {
  directionLetters,
  markersFromCosines,
  markersFromPatientOrientation,
  transformMarkers,
} from '../../../shared/viewer/orientation.ts';

const none = { rotation: 0, hflip: false, vflip: false };

describe('orientation markers', () => {
  it('labels a standard axial image: patient left on screen right, anterior at the top', () => {
    expect(markersFromCosines([1, 0, 0], [0, 1, 0])).toEqual({
      right: 'L',
      left: 'R',
      bottom: 'P',
      top: 'A',
    });
  });

  it('labels sagittal and coronal images with S at the top', () => {
    expect(markersFromCosines([0, 1, 0], [0, 0, -1])).toEqual({
      right: 'P',
      left: 'A',
      bottom: 'I',
      top: 'S',
    });
    expect(markersFromCosines([1, 0, 0], [0, 0, -1])).toEqual({
      right: 'L',
      left: 'R',
      bottom: 'I',
      top: 'S',
    });
  });

  it('adds a secondary letter for oblique directions, by dominance', () => {
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    expect(directionLetters([c, s, 0])).toBe('LP');
    expect(directionLetters([-0.1, 0, -0.99])).toBe('I');
  });

  it('follows flips and clockwise rotation', () => {
    const axial = markersFromCosines([1, 0, 0], [0, 1, 0]);
    expect(transformMarkers(axial, { ...none, hflip: true })).toEqual({
      right: 'R',
      left: 'L',
      bottom: 'P',
      top: 'A',
    });
    expect(transformMarkers(axial, { ...none, vflip: true })).toEqual({
      right: 'L',
      left: 'R',
      bottom: 'A',
      top: 'P',
    });
    // Turning 90° clockwise brings the top (A) to the right.
    expect(transformMarkers(axial, { ...none, rotation: 90 })).toEqual({
      right: 'A',
      bottom: 'L',
      left: 'P',
      top: 'R',
    });
    expect(transformMarkers(axial, { ...none, rotation: 360 })).toEqual(axial);
    expect(transformMarkers(axial, { ...none, rotation: -90 })).toEqual(
      transformMarkers(axial, { ...none, rotation: 270 }),
    );
  });

  it('reads Patient Orientation of a radiograph, H/F shown as S/I', () => {
    expect(markersFromPatientOrientation(['P', 'F'])).toEqual({
      right: 'P',
      left: 'A',
      bottom: 'I',
      top: 'S',
    });
    expect(markersFromPatientOrientation(['L', 'FP'])).toEqual({
      right: 'L',
      left: 'R',
      bottom: 'IP',
      top: 'SA',
    });
    expect(markersFromPatientOrientation(null)).toBeNull();
  });
});
