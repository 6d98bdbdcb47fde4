import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { demoDicomDir, DEMO_CASE, generateDemoImaging } from '../services/demo/demo-case.ts';
import { SCHEMA_VERSION } from '../../shared/evaluation/index.ts';
import { demoEvaluationValues } from '../services/demo/demo-evaluation.ts';
import { withDemoMeasurements } from '../services/demo/demo-measurements.ts';
import { requireUser } from './context.ts';
import { evaluationHandlers } from './evaluation-handlers.ts';
import { caseHandlers } from './case-handlers.ts';
import type { HandlerMap } from './handler.ts';

export const demoHandlers = {
  /**
   * Creates the synthetic demo case and imports its imaging into it (the import runs on; its id is
   * returned so the UI shows its progress).
   */
  'demo.load': async (ctx) => {
    const user = requireUser(ctx);
    const { manifest, cleanup } = await generateDemoImaging(
      join(ctx.info.dataDir, 'incoming', `demo-${randomUUID()}`),
    );
    const patient = manifest.groundTruth.patient;
    const created = caseHandlers['cases.create'](ctx, {
      title: DEMO_CASE.title,
      clinicalQuestion: DEMO_CASE.clinicalQuestion,
      patient: {
        mrn: patient.id,
        name: patient.name,
        sex: patient.sex === 'M' ? 'M' : 'F',
        birthDate: `${patient.birthDate.slice(0, 4)}-${patient.birthDate.slice(4, 6)}-${patient.birthDate.slice(6, 8)}`,
      },
    });
    evaluationHandlers['evaluation.save'](ctx, {
      caseId: created.id,
      baseVersion: 0,
      document: { schemaVersion: SCHEMA_VERSION, values: demoEvaluationValues(manifest.groundTruth) },
    });
    const importId = ctx.imports.start({
      paths: [demoDicomDir(manifest)],
      userId: user.id,
      caseId: created.id,
      cleanup: withDemoMeasurements(ctx, created.id, manifest.groundTruth, cleanup),
    });
    return { caseId: created.id, importId };
  },
} satisfies Partial<HandlerMap>;
