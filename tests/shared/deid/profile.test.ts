import { describe, expect, it } from 'vitest';
import type { DeidOptions } from '../../../shared/deid/actions.ts';
import { elementAction, profileAttribute } from '../../../shared/deid/actions.ts';
import { methodCodes } from '../../../shared/deid/method-codes.ts';
import { PROFILE_ATTRIBUTES } from '../../../shared/deid/profile-table.ts';

const BASIC: DeidOptions = {
  retainPatientCharacteristics: false,
  modifiedDates: false,
  cleanDescriptors: false,
};
const ALL: DeidOptions = { retainPatientCharacteristics: true, modifiedDates: true, cleanDescriptors: true };

describe('PS3.15 Table E.1-1 as data', () => {
  it('lists each attribute once, with a well-formed tag', () => {
    const tags = PROFILE_ATTRIBUTES.map((a) => a.tag);
    expect(new Set(tags).size).toBe(tags.length);
    for (const t of tags) expect(t).toMatch(/^([0-9A-F]{8}|50xxxxxx|60xx[0-9A-F]{4})$/);
    expect(PROFILE_ATTRIBUTES.length).toBeGreaterThan(300);
  });

  it('applies the basic profile actions', () => {
    expect(elementAction('00100010', 'PN', BASIC)).toBe('empty'); // Patient's Name Z
    expect(elementAction('00100020', 'LO', BASIC)).toBe('empty'); // Patient ID Z
    expect(elementAction('00100030', 'DA', BASIC)).toBe('empty'); // Birth Date Z
    expect(elementAction('00080050', 'SH', BASIC)).toBe('empty'); // Accession Z
    expect(elementAction('00080080', 'LO', BASIC)).toBe('remove'); // Institution X/Z/D
    expect(elementAction('00081050', 'PN', BASIC)).toBe('remove'); // Performing physician X
    expect(elementAction('0020000D', 'UI', BASIC)).toBe('uid');
    expect(elementAction('00020003', 'UI', BASIC)).toBe('uid'); // file meta too
    expect(elementAction('00080020', 'DA', BASIC)).toBe('empty'); // Study Date Z
    expect(elementAction('00080023', 'DA', BASIC)).toBe('dummy'); // Content Date Z/D
    expect(elementAction('0008103E', 'LO', BASIC)).toBe('remove');
    expect(elementAction('00101010', 'AS', BASIC)).toBe('remove');
    expect(elementAction('00081140', 'SQ', BASIC)).toBe('recurse'); // X/Z/U*: kept, UIDs replaced
    expect(elementAction('0040A730', 'SQ', BASIC)).toBe('remove'); // Content Sequence X
  });

  it('applies the options: patient characteristics kept, dates shifted, descriptors cleaned', () => {
    expect(elementAction('00101010', 'AS', ALL)).toBe('keep');
    expect(elementAction('00100040', 'CS', ALL)).toBe('keep');
    expect(elementAction('00101030', 'DS', ALL)).toBe('keep');
    expect(elementAction('00080020', 'DA', ALL)).toBe('shiftDate');
    expect(elementAction('00080030', 'TM', ALL)).toBe('keep');
    expect(elementAction('0008103E', 'LO', ALL)).toBe('clean');
    expect(elementAction('00100030', 'DA', ALL)).toBe('empty'); // the birth date never survives
    expect(elementAction('00100010', 'PN', ALL)).toBe('empty');
  });

  it('closes what the table leaves open: private groups, overlays, unlisted names, dates and UIDs', () => {
    expect(elementAction('00091001', 'LO', ALL)).toBe('remove');
    expect(elementAction('00290010', 'LO', ALL)).toBe('remove'); // private creator
    expect(elementAction('60023000', 'OW', ALL)).toBe('remove');
    expect(profileAttribute('50040010')?.name).toBe('Curve Data');
    expect(elementAction('00020016', 'AE', ALL)).toBe('remove'); // Source AE title in file meta
    expect(elementAction('00020010', 'UI', ALL)).toBe('keep');
    expect(elementAction('00181060', 'PN', BASIC)).toBe('empty');
    expect(elementAction('00181200', 'DA', BASIC)).toBe('remove');
    expect(elementAction('00209999', 'UI', BASIC, '1.3.6.1.4.1.5962.1.1')).toBe('uid');
    expect(elementAction('00080016', 'UI', BASIC, '1.2.840.10008.5.1.4.1.1.2')).toBe('keep');
    expect(elementAction('00280010', 'US', BASIC)).toBe('keep');
  });

  it('records the profile and the options by their CID 7050 codes', () => {
    expect(methodCodes(BASIC).map((c) => c.value)).toEqual(['113100']);
    expect(methodCodes(ALL).map((c) => c.value)).toEqual(['113100', '113105', '113107', '113108']);
    for (const c of methodCodes(ALL)) expect(c.meaning.length).toBeLessThanOrEqual(64);
  });
});
