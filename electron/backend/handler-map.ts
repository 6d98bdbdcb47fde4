import type { HandlerMap } from './handler.ts';
import { caseHandlers } from './case-handlers.ts';
import { conferenceHandlers } from './conference-handlers.ts';
import { decisionHandlers } from './decision-handlers.ts';
import { demoHandlers } from './demo-handlers.ts';
import { evaluationHandlers } from './evaluation-handlers.ts';
import { imagingHandlers } from './imaging-handlers.ts';
import { measurementHandlers } from './measurement-handlers.ts';
import { reportHandlers } from './report-handlers.ts';
import { secondOpinionHandlers } from './second-opinion-handlers.ts';
import { pacsHandlers } from './pacs-handlers.ts';
import { sessionHandlers } from './session-handlers.ts';
import { viewerHandlers } from './viewer-handlers.ts';

/** Every method's handler (dispatch loads this on the first call a method outside its eager set). */
export const handlers: HandlerMap = {
  ...sessionHandlers,
  ...caseHandlers,
  ...imagingHandlers,
  ...demoHandlers,
  ...evaluationHandlers,
  ...viewerHandlers,
  ...measurementHandlers,
  ...conferenceHandlers,
  ...decisionHandlers,
  ...reportHandlers,
  ...secondOpinionHandlers,
  ...pacsHandlers,
};
