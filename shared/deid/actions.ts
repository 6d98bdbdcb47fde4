import type { ProfileAttribute } from './profile-table.ts';
import { PROFILE_ATTRIBUTES } from './profile-table.ts';

/** The options of PS3.15 E.3 this app offers, with their CID 7050 codes. */
export interface DeidOptions {
  /** Retain Patient Characteristics Option: age, sex, size, weight, ethnic group, smoking, pregnancy. */
  readonly retainPatientCharacteristics: boolean;
  /** Retain Longitudinal Temporal Information with Modified Dates Option: one offset per bundle. */
  readonly modifiedDates: boolean;
  /** Clean Descriptors Option: series/study descriptions kept with identifying text removed. */
  readonly cleanDescriptors: boolean;
}

/** What to do with one element, once the table, the options and the VR are taken into account. */
export type ElementAction = 'remove' | 'empty' | 'dummy' | 'keep' | 'clean' | 'shiftDate' | 'uid' | 'recurse';

const BY_TAG = new Map(PROFILE_ATTRIBUTES.map((a) => [a.tag, a]));

/** Table E.1-1 row for a tag (GGGGEEEE, any case), including the repeating groups 50xx and 60xx. */
export function profileAttribute(tag: string): ProfileAttribute | undefined {
  const t = tag.toUpperCase();
  const exact = BY_TAG.get(t);
  if (exact) return exact;
  const group = parseInt(t.slice(0, 4), 16);
  // Curves (50xx) and overlays (60xx) repeat over the even groups of their range.
  if (group >= 0x5000 && group <= 0x501e && group % 2 === 0) return BY_TAG.get('50xxxxxx');
  if (group >= 0x6000 && group <= 0x601e && group % 2 === 0) return BY_TAG.get(`60xx${t.slice(4)}`);
  return undefined;
}

export const isPrivateTag = (tag: string): boolean => parseInt(tag.slice(0, 4), 16) % 2 === 1;

/** DICOM's own UIDs (transfer syntaxes, SOP classes, coding schemes) identify nobody. */
export const isStandardUid = (uid: string): boolean => uid.startsWith('1.2.840.10008.');

const DATE_VRS = new Set(['DA', 'DT']);

/** File meta elements the writer sets itself or that describe only the encoding. */
const META_KEPT = new Set(['00020001', '00020002', '00020010', '00020012', '00020013']);

function fromTable(attr: ProfileAttribute, options: DeidOptions, vr: string): ElementAction {
  const option =
    (options.modifiedDates && attr.modifiedDates) ||
    (options.retainPatientCharacteristics && attr.patientCharacteristics) ||
    (options.cleanDescriptors && attr.cleanDescriptors) ||
    undefined;
  if (option === 'K') return 'keep';
  if (option === 'C') {
    if (vr === 'SQ') return 'recurse';
    if (DATE_VRS.has(vr)) return 'shiftDate';
    // Times carry no date: with dates shifted by whole days they keep their meaning.
    if (vr === 'TM') return 'keep';
    return 'clean';
  }
  switch (attr.basic) {
    case 'X':
      return 'remove';
    case 'Z':
      return vr === 'SQ' ? 'empty' : 'empty';
    case 'D':
      return vr === 'SQ' ? 'recurse' : vr === 'UI' ? 'uid' : 'dummy';
    case 'U':
      return 'uid';
    // Without the IOD's type tables at hand: Z/D keeps a dummy so a Type 1 attribute stays valid;
    // X/Z, X/D and X/Z/D remove (they are Type 3 in the image IODs this app exchanges).
    case 'Z/D':
      return vr === 'SQ' ? 'recurse' : 'dummy';
    case 'X/Z':
    case 'X/D':
    case 'X/Z/D':
      return 'remove';
    // The reference is kept (key images and measurements point through it) with its UIDs replaced.
    case 'X/Z/U*':
      return 'recurse';
  }
}

/**
 * The action for one element. Beyond the table, stricter rules close gaps the table leaves to the
 * implementer: private elements go; unlisted person names are emptied; unlisted dates are shifted
 * (or removed); unlisted instance UIDs are replaced like listed ones.
 */
export function elementAction(
  tag: string,
  vr: string,
  options: DeidOptions,
  firstValue?: string,
): ElementAction {
  const t = tag.toUpperCase();
  if (isPrivateTag(t)) return 'remove';
  if (t.startsWith('0002')) {
    if (t === '00020003') return 'uid';
    return META_KEPT.has(t) ? 'keep' : 'remove';
  }
  const attr = profileAttribute(t);
  if (attr) return fromTable(attr, options, vr);
  if (vr === 'SQ') return 'recurse';
  if (vr === 'PN') return 'empty';
  if (DATE_VRS.has(vr)) return options.modifiedDates ? 'shiftDate' : 'remove';
  if (vr === 'UI') return firstValue !== undefined && !isStandardUid(firstValue) ? 'uid' : 'keep';
  return 'keep';
}
