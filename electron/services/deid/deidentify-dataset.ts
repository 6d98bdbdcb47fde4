import type { DeidOptions, ElementAction } from '../../../shared/deid/actions.ts';
import { elementAction } from '../../../shared/deid/actions.ts';
import { ageInYears, ageString, shiftDicomDate, shiftDicomDateTime } from '../../../shared/deid/dates.ts';
import type { KnownIdentifiers } from '../../../shared/deid/identifiers.ts';
import { redactIdentifiers } from '../../../shared/deid/identifiers.ts';
import { methodCodes, methodText } from '../../../shared/deid/method-codes.ts';
import type { DcmDataset, DcmElement } from './dcmjs-io.ts';
import { textOf, textsOf } from './dcmjs-io.ts';
import type { UidMap } from './uid-map.ts';

export interface DeidContext {
  options: DeidOptions;
  uids: UidMap;
  /** Days every date moves under the Modified Dates option (same for the whole bundle). */
  dateOffsetDays: number;
  /** The bundle's pseudonymous case ID: becomes Patient ID and Patient's Name. */
  pseudonym: string;
  /** Identifiers of the case (from the app's patient record), added to those read from each file. */
  known: KnownIdentifiers;
}

const TEXT_VRS = new Set(['AE', 'CS', 'LO', 'LT', 'PN', 'SH', 'ST', 'UC', 'UT']);
const DUMMY: Record<string, string> = {
  DA: '19000101',
  DT: '19000101000000',
  TM: '000000',
  AS: '000Y',
  IS: '0',
  DS: '0',
  CS: 'REMOVED',
};

const element = (vr: string, values: unknown[]): DcmElement => ({ vr, Value: values });
const asPn = (text: string): { Alphabetic: string } => ({ Alphabetic: text });

function dummyOf(el: DcmElement): DcmElement | null {
  if (el.vr === 'PN') return element('PN', [asPn('ANONYMOUS')]);
  const fixed = DUMMY[el.vr];
  if (fixed !== undefined) return element(el.vr, [fixed]);
  if (TEXT_VRS.has(el.vr)) return element(el.vr, ['ANONYMIZED']);
  // Binary and numeric VRs have no meaningful dummy: a zero-length value says "unknown".
  return element(el.vr, []);
}

function cleanOf(el: DcmElement, known: KnownIdentifiers): DcmElement | null {
  if (!TEXT_VRS.has(el.vr)) return null;
  const cleaned = textsOf(el).map((t) => redactIdentifiers(t, known));
  return element(el.vr, el.vr === 'PN' ? cleaned.map(asPn) : cleaned);
}

function shiftOf(el: DcmElement, days: number): DcmElement | null {
  const shifted = textsOf(el).map((v) =>
    el.vr === 'DT' ? shiftDicomDateTime(v, days) : shiftDicomDate(v, days),
  );
  // An unreadable date cannot be shifted safely: it goes.
  return shifted.every((v): v is string => v !== null) ? element(el.vr, shifted) : null;
}

function apply(
  action: ElementAction,
  el: DcmElement,
  ctx: DeidContext,
  known: KnownIdentifiers,
): DcmElement | null {
  switch (action) {
    case 'remove':
      return null;
    case 'keep':
      return el;
    case 'empty':
      return element(el.vr, []);
    case 'dummy':
      return dummyOf(el);
    case 'clean':
      return cleanOf(el, known);
    case 'shiftDate':
      return shiftOf(el, ctx.dateOffsetDays);
    case 'uid':
      return element(
        el.vr,
        textsOf(el).map((u) => ctx.uids.replace(u)),
      );
    case 'recurse':
      if (el.vr !== 'SQ') return el;
      return element(
        'SQ',
        (el.Value ?? []).map((item) => walk(item as DcmDataset, ctx, known)),
      );
  }
}

/** Applies the profile to every element of a dataset or sequence item, depth first. */
function walk(dict: DcmDataset, ctx: DeidContext, known: KnownIdentifiers): DcmDataset {
  const out: DcmDataset = {};
  for (const [tag, el] of Object.entries(dict)) {
    const action = elementAction(tag, el.vr, ctx.options, el.vr === 'UI' ? textOf(el) : undefined);
    const next = apply(action, el, ctx, known);
    if (next) out[tag] = next;
  }
  return out;
}

/** Identifiers named in the file itself, so descriptors are cleaned of them too. */
function knownFrom(dict: DcmDataset, base: KnownIdentifiers): KnownIdentifiers {
  const texts = (...tags: string[]): string[] => tags.flatMap((t) => textsOf(dict[t]));
  return {
    names: [
      ...base.names,
      ...texts(
        '00100010',
        '00101001',
        '00101005',
        '00101060',
        '00080090',
        '00081050',
        '00081060',
        '00081048',
      ),
      ...texts('00081070', '00321032'),
    ],
    // Institution and station as whole names: their words alone ("General", "Hospital") are common.
    ids: [
      ...base.ids,
      ...texts(
        '00100020',
        '00101000',
        '00080050',
        '00200010',
        '00400253',
        '00401001',
        '00080080',
        '00081010',
      ),
    ],
    dates: [...base.dates, ...texts('00100030')],
  };
}

const codeItem = (value: string, meaning: string): DcmDataset => ({
  '00080100': element('SH', [value]),
  '00080102': element('SH', ['DCM']),
  '00080104': element('LO', [meaning]),
});

/**
 * De-identifies one dataset (not its file meta) following PS3.15 E.1-1 with the chosen options,
 * and records what was done (PatientIdentityRemoved, DeidentificationMethod and its codes).
 */
export function deidentifyDataset(dict: DcmDataset, ctx: DeidContext): DcmDataset {
  const known = knownFrom(dict, ctx.known);
  const out = walk(dict, ctx, known);
  out['00100010'] = element('PN', [asPn(ctx.pseudonym)]);
  out['00100020'] = element('LO', [ctx.pseudonym]);
  if (ctx.options.retainPatientCharacteristics && !textOf(out['00101010'])) {
    // Birth date → age at the study: the reviewer keeps the age, not the date.
    const birth = textOf(dict['00100030']);
    const on = textOf(dict['00080020']) ?? textOf(dict['00080023']);
    const years = birth && on ? ageInYears(birth, on) : null;
    if (years !== null) out['00101010'] = element('AS', [ageString(years)]);
  }
  out['00120062'] = element('CS', ['YES']);
  out['00120063'] = element('LO', methodText(ctx.options));
  out['00120064'] = element(
    'SQ',
    methodCodes(ctx.options).map((c) => codeItem(c.value, c.meaning)),
  );
  out['00280303'] = element('CS', [ctx.options.modifiedDates ? 'MODIFIED' : 'REMOVED']);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
