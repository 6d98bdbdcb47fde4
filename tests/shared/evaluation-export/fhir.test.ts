import { describe, expect, it } from 'vitest';
import { ALL_FIELDS, COMPUTED_FIELDS, computeDerived } from '../../../shared/evaluation/index.ts';
import { checkBundle, checkQuestionnaire } from '../../../shared/evaluation-export/fhir-check.ts';
import { enableWhenOf, UCUM_CODES } from '../../../shared/evaluation-export/fhir-codes.ts';
import {
  buildQuestionnaire,
  computedItemType,
} from '../../../shared/evaluation-export/fhir-questionnaire.ts';
import { buildQuestionnaireResponse } from '../../../shared/evaluation-export/fhir-response.ts';
import type {
  Bundle,
  Questionnaire,
  QuestionnaireItem,
  ResponseItem,
} from '../../../shared/evaluation-export/fhir-types.ts';
import { fhirBundle } from '../../../shared/evaluation-export/fhir.ts';
import { buildExport, exportRecord } from '../../../shared/evaluation-export/index.ts';
import { TODAY, cervicalCase, lumbarCase } from '../evaluation/fixtures.ts';
import { caseInput } from './fixtures.ts';

const OPTIONS = { today: TODAY, exportedAt: '2025-06-15T10:00:00.000Z' };

function flatten<T extends { linkId: string; item?: T[] }>(items: readonly T[]): T[] {
  return items.flatMap((i) => [i, ...flatten(i.item ?? [])]);
}

const q = buildQuestionnaire();
const qItem = (linkId: string): QuestionnaireItem => {
  const found = flatten(q.item).find((i) => i.linkId === linkId);
  if (!found) throw new Error(`no item ${linkId}`);
  return found;
};

describe('FHIR R4 Questionnaire from the schema', () => {
  it('passes the structural checks, one item per field, linkIds unique', () => {
    expect(checkQuestionnaire(q)).toEqual([]);
    const linkIds = flatten(q.item).map((i) => i.linkId);
    expect(new Set(linkIds).size).toBe(linkIds.length);
    // Unit choices travel inside their quantity answers, not as items.
    for (const f of ALL_FIELDS.filter((x) => !(x.kind === 'singleChoice' && x.unitOf)))
      expect(linkIds).toContain(f.id);
    expect(linkIds).not.toContain('labs.crpUnit');
    expect(q).toMatchObject({ resourceType: 'Questionnaire', status: 'active', version: '3' });
  });

  it('maps field kinds to R4 item types', () => {
    expect(qItem('history.levelsFused')).toMatchObject({ type: 'choice', repeats: true, required: true });
    expect(qItem('history.indexSurgeryDate')).toMatchObject({ type: 'date', required: true });
    expect(qItem('history.surgeon')).toMatchObject({ type: 'string', maxLength: 200 });
    expect(qItem('expectations.patientGoals')).toMatchObject({ type: 'text' });
    expect(qItem('health.opioids')).toMatchObject({ type: 'boolean' });
    expect(qItem('prom.nrsBack')).toMatchObject({ type: 'integer' });
    expect(qItem('prom.eq5dIndex')).toMatchObject({ type: 'decimal' });
    const unitOption = 'http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption';
    expect(qItem('health.weightKg')).toMatchObject({
      type: 'quantity',
      code: [{ system: 'http://loinc.org', code: '29463-7' }],
      extension: [
        { url: unitOption, valueCoding: { system: 'http://unitsofmeasure.org', code: 'kg' } },
        { url: unitOption, valueCoding: { system: 'http://unitsofmeasure.org', code: '[lb_av]' } },
      ],
    });
    expect(qItem('labs.crp')).toMatchObject({ code: [{ code: '1988-5' }] });
    expect(qItem('health.opioidMmeDaily').extension).toEqual([
      {
        url: unitOption,
        valueCoding: { system: 'http://unitsofmeasure.org', code: '{MME}/d', display: 'MME/day' },
      },
    ]);
    expect(qItem('health.bmi')).toMatchObject({ code: [{ code: '39156-5' }] });
    expect(qItem('prom.odi1').answerOption?.[3]?.extension?.[0]).toMatchObject({ valueDecimal: 3 });
    expect(qItem('exam.gait').answerOption?.[0]?.extension?.[0]).toMatchObject({ valueBoolean: true });
    expect(qItem('prom.odiPercent')).toMatchObject({ type: 'quantity', readOnly: true, required: true });
    // LOINC 97909-6 "Oswestry disability index score ODI" (Qn, {score}; panel 97908-8).
    expect(qItem('prom.odiPercent').code).toEqual([
      { system: 'http://loinc.org', code: '97909-6', display: 'Oswestry disability index score ODI' },
    ]);
    expect(qItem('health.bmiClass')).toMatchObject({ type: 'string', readOnly: true });
    expect(qItem('exam.motor')).toMatchObject({ type: 'group' });
    expect(qItem('exam.motor.L5.left')).toMatchObject({ type: 'choice' });
    expect(qItem('imaging.levels')).toMatchObject({ type: 'group', repeats: true });
    expect(qItem('alternatives.treatments.treatment')).toMatchObject({ type: 'choice', required: true });
    expect(qItem('prom')).toMatchObject({ type: 'group' });
    expect(qItem('prom.description')).toMatchObject({ type: 'display' });
  });

  it('expresses visibility as enableWhen where R4 can', () => {
    expect(qItem('history.symptomOnsetDate').enableWhen).toEqual([
      {
        question: 'history.course',
        operator: '=',
        answerCoding: { system: 'urn:spine-case-review:codes:history.course', code: 'recurred' },
      },
    ]);
    expect(qItem('history.timingManual')).toMatchObject({
      enableBehavior: 'all',
      enableWhen: [
        { question: 'history.course', operator: '=' },
        { question: 'history.symptomOnsetDate', operator: 'exists', answerBoolean: false },
      ],
    });
    // Region: levels not yet entered, or any fused segment in the region.
    const odi = qItem('prom.odi1');
    expect(odi.enableBehavior).toBe('any');
    expect(odi.enableWhen?.[0]).toEqual({
      question: 'history.levelsFused',
      operator: 'exists',
      answerBoolean: false,
    });
    expect(odi.enableWhen?.map((w) => w.answerCoding?.code)).toContain('L5-S1');
    expect(odi.enableWhen?.map((w) => w.answerCoding?.code)).not.toContain('C5-C6');
    expect(qItem('health.opioidDays').enableWhen).toEqual([
      { question: 'health.opioids', operator: '=', answerBoolean: true },
    ]);
    expect(qItem('imaging.levels.bsf').enableBehavior).toBe('any');
    expect(enableWhenOf({ not: { field: 'health.smoking', equals: 'never' } })?.clauses[0]?.operator).toBe(
      '!=',
    );
    // all-of-any cannot be flattened into one R4 list: left enabled rather than wrong.
    expect(
      enableWhenOf({
        all: [
          { field: 'a', oneOf: ['x', 'y'] },
          { field: 'b', equals: true },
        ],
      }),
    ).toBeNull();
  });

  it('types every computed field as its derived values are', () => {
    const samples = [
      lumbarCase({
        'health.smoking': 'current',
        'health.cigarettesPerDay': 10,
        'health.yearsSmoked': 5,
        'health.opioids': true,
        'health.opioidDays': 100,
        'imaging.coronalCobb': 12,
      }),
      cervicalCase(),
    ];
    for (const values of samples) {
      const derived = computeDerived(values, { today: TODAY });
      for (const field of COMPUTED_FIELDS) {
        const d = derived[field.id];
        if (!d?.available) continue;
        const type = computedItemType(field);
        const expected =
          typeof d.value === 'number'
            ? ['quantity', 'integer', 'decimal']
            : typeof d.value === 'boolean'
              ? ['boolean', 'string']
              : ['string'];
        expect(expected, field.id).toContain(type);
      }
    }
  });
});

describe('FHIR R4 QuestionnaireResponse per case', () => {
  it('answers match their items; the whole bundle passes the checks', () => {
    const values = lumbarCase({
      'alternatives.treatments': [
        { id: 'a', values: { treatment: 'physicalTherapy', status: 'tried', durationWeeks: 12 } },
      ],
    });
    const bundle = fhirBundle(
      [exportRecord(caseInput(1, values), TODAY), exportRecord(caseInput(2, cervicalCase()), TODAY)],
      OPTIONS,
    );
    expect(checkBundle(bundle)).toEqual([]);
    const qr = bundle.entry[1]!.resource;
    if (qr.resourceType !== 'QuestionnaireResponse') throw new Error('expected a response');
    expect(qr).toMatchObject({
      status: 'completed',
      questionnaire: 'urn:spine-case-review:questionnaire:spine-revision-evaluation|3',
      subject: { identifier: { value: 'M-1' }, display: 'DOE^JANE' },
      author: { display: 'Dr Ada (Spine surgery)' },
      authored: '2025-06-14T09:30:00.000Z',
    });
    const items = flatten<ResponseItem>(qr.item);
    const answer = (linkId: string) => items.find((i) => i.linkId === linkId)?.answer;
    expect(answer('health.weightKg')).toEqual([
      { valueQuantity: { value: 80, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } },
    ]);
    expect(answer('history.levelsFused')?.map((a) => a.valueCoding?.code)).toEqual(['L4-L5', 'L5-S1']);
    expect(answer('prom.odiPercent')).toEqual([
      { valueQuantity: { value: 50, unit: '%', system: 'http://unitsofmeasure.org', code: '%' } },
    ]);
    expect(answer('health.opioids')).toEqual([{ valueBoolean: false }]);
    expect(answer('prom.odi1')?.[0]?.valueCoding).toMatchObject({ code: '3' });
    // Hidden for a lumbar construct: no NDI answers.
    expect(answer('prom.ndi1')).toBeUndefined();
    expect(items.filter((i) => i.linkId === 'imaging.levels')).toHaveLength(3);
    expect(items.filter((i) => i.linkId === 'alternatives.treatments')).toHaveLength(1);
    const cervical = bundle.entry[2]!.resource;
    if (cervical.resourceType !== 'QuestionnaireResponse') throw new Error('expected a response');
    expect(flatten<ResponseItem>(cervical.item).some((i) => i.linkId === 'prom.ndi1')).toBe(true);
  });

  it('leaves out values that are not valid and marks the response in progress', () => {
    const r = exportRecord(caseInput(1, lumbarCase({ 'health.weightKg': '8O' })), TODAY);
    const qr = buildQuestionnaireResponse(r, TODAY);
    expect(qr.status).toBe('in-progress');
    expect(flatten<ResponseItem>(qr.item).some((i) => i.linkId === 'health.weightKg')).toBe(false);
    const [file] = buildExport('fhir', [caseInput(1, lumbarCase({ 'health.weightKg': '8O' }))], OPTIONS);
    expect(file!.mimeType).toBe('application/fhir+json');
  });

  it('the checks catch what R4 forbids', () => {
    const broken = JSON.parse(
      JSON.stringify(fhirBundle([exportRecord(caseInput(1), TODAY)], OPTIONS)),
    ) as Bundle;
    const questionnaire = broken.entry[0]!.resource;
    const response = broken.entry[1]!.resource;
    if (questionnaire.resourceType !== 'Questionnaire' || response.resourceType !== 'QuestionnaireResponse')
      throw new Error('unexpected bundle');
    const history = questionnaire.item[0]!;
    history.item!.push({ linkId: 'history.surgeon', type: 'string' });
    history.item!.push({
      linkId: 'x',
      type: 'string',
      enableWhen: [{ question: 'nope', operator: '=', answerBoolean: true }],
    });
    const weight = flatten<ResponseItem>(response.item).find((i) => i.linkId === 'health.weightKg')!;
    weight.answer = [{ valueString: '80' }];
    const problems = checkBundle(broken);
    expect(problems).toContainEqual(expect.stringContaining('que-2: linkId history.surgeon is not unique'));
    expect(problems).toContainEqual(expect.stringContaining('enableWhen refers to unknown item nope'));
    expect(problems).toContainEqual(expect.stringContaining('quantity item answered with valueString'));
  });

  it('writes a value in the unit it was entered, with its UCUM code', () => {
    const values = lumbarCase({
      'labs.crp': 2.5,
      'labs.crpUnit': 'mg/dL',
      'labs.vitaminD': 40,
      'labs.vitaminDUnit': 'nmol/L',
    });
    const bundle = fhirBundle([exportRecord(caseInput(1, values), TODAY)], OPTIONS);
    expect(checkBundle(bundle)).toEqual([]);
    const qr = bundle.entry[1]!.resource;
    if (qr.resourceType !== 'QuestionnaireResponse') throw new Error('expected a response');
    const items = flatten<ResponseItem>(qr.item);
    const answer = (linkId: string) => items.find((i) => i.linkId === linkId)?.answer;
    expect(answer('labs.crp')).toEqual([
      { valueQuantity: { value: 2.5, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' } },
    ]);
    expect(answer('labs.vitaminD')?.[0]?.valueQuantity).toMatchObject({ value: 40, code: 'nmol/L' });
    expect(items.some((i) => i.linkId === 'labs.crpUnit')).toBe(false);
  });
});

describe('units in the FHIR export', () => {
  it('has a UCUM code for every unit the form shows', () => {
    const units = new Set<string>();
    for (const f of ALL_FIELDS) {
      if ((f.kind === 'integer' || f.kind === 'decimal') && f.kind) units.add(f.unit);
      if (f.kind === 'computed' && f.unit) units.add(f.unit);
      const cells = f.kind === 'levelGrid' ? f.columns : f.kind === 'list' ? f.itemFields : [];
      for (const c of cells) if (c.kind === 'integer' || c.kind === 'decimal') units.add(c.unit);
    }
    for (const u of units) expect(UCUM_CODES[u], `unit "${u}"`).toBeDefined();
  });

  it('the checker rejects questionnaire-unit on a quantity item (R4 allows it on decimal/integer only)', () => {
    const bad: Questionnaire = JSON.parse(JSON.stringify(q)) as Questionnaire;
    const weight = flatten<QuestionnaireItem>(bad.item).find((i) => i.linkId === 'health.weightKg');
    weight!.extension = [
      { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-unit', valueCoding: { code: 'kg' } },
    ];
    expect(checkQuestionnaire(bad).join('\n')).toMatch(
      /questionnaire-unit is allowed only on decimal or integer/,
    );
  });
});
