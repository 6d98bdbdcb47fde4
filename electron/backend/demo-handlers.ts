import { SCHEMA_VERSION } from '../../shared/evaluation/index.ts';
import { DEMO_CASE, demoGroundTruth, demoImaging, phantomWorkerBeside } from '../services/demo/demo-case.ts';
import { demoEvaluationValues } from '../services/demo/demo-evaluation.ts';
import { withDemoMeasurements } from '../services/demo/demo-measurements.ts';
import { findOpenCaseByTitle } from '../../db/cases.ts';
import { requireUser } from './context.ts';
import { evaluationHandlers } from './evaluation-handlers.ts';
import { caseHandlers } from './case-handlers.ts';
import type { HandlerMap } from './handler.ts';

export const demoHandlers = {
  /**
   * Creates the synthetic demo case at once and imports its imaging into it in the background:
   * the imaging is generated (in a worker, kept in the data folder's cache for the next load) as
   * the first step of the import, whose id is returned so the UI shows its progress. A demo case
   * that is already open is returned as it is (no import): a second click never makes a duplicate.
   */
  'demo.load': async (ctx) => {
    const user = requireUser(ctx);
    const truth = await demoGroundTruth();
    const patient = truth.patient;
    const existing = findOpenCaseByTitle(ctx.db, DEMO_CASE.title, patient.id);
    if (existing !== null) return { caseId: existing, importId: null };
    const created = caseHandlers['cases.create'](ctx, {
      title: DEMO_CASE.title,
      clinicalQuestion: DEMO_CASE.clinicalQuestion,
      patient: {
        mrn: patient.id,
        name: patient.name,
        sex: patient.sex === 'M' ? 'M' : 'F',
        birthDate: `${patient.birthDate.slice(0, 4)}-${patient.birthDate.slice(4, 6)}-${patient.birthDate.slice(6, 8)}`,
      },
      // The demo patient may already be on record from its imaging: as the images say.
      patientDetails: 'keep-recorded',
    });
    evaluationHandlers['evaluation.save'](ctx, {
      caseId: created.id,
      baseVersion: 0,
      document: { schemaVersion: SCHEMA_VERSION, values: demoEvaluationValues(truth) },
    });
    let cleanup = async (): Promise<void> => {};
    const importId = ctx.imports.start({
      paths: [],
      prepare: async () => {
        const imaging = await demoImaging(ctx.info.dataDir, phantomWorkerBeside(ctx.imports.workerScript));
        cleanup = imaging.cleanup;
        return [imaging.dicomDir];
      },
      userId: user.id,
      caseId: created.id,
      cleanup: withDemoMeasurements(ctx, created.id, truth, () => cleanup()),
    });
    return { caseId: created.id, importId };
  },
} satisfies Partial<HandlerMap>;
