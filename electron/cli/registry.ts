import type { Command } from './command.ts';
import { attendeeAddCommand } from './commands/attendee-add.ts';
import { caseReportCommand } from './commands/case-report.ts';
import { exportBundleCommand, importBundleCommand } from './commands/bundles.ts';
import { casesCommand } from './commands/cases.ts';
import { clinicalRulesCommand } from './commands/clinical-rules.ts';
import { conferenceAddCommand } from './commands/conference-add.ts';
import { conferenceCreateCommand } from './commands/conference-create.ts';
import { createCaseCommand } from './commands/create-case.ts';
import { decideCommand } from './commands/decide.ts';
import { demoCommand, loadDemoCommand } from './commands/demo.ts';
import { exportEvaluationsCommand } from './commands/export-evaluations.ts';
import { flagsCommand } from './commands/flags.ts';
import { exportMeasurementsCommand } from './commands/export-measurements.ts';
import { importCommand } from './commands/import.ts';
import { infoCommand } from './commands/info.ts';
import { agendaCommand, minutesCommand } from './commands/minutes.ts';
import { pacsAddCommand } from './commands/pacs-add.ts';
import { pacsRetrieveCommand } from './commands/pacs-retrieve.ts';
import { pacsSearchCommand } from './commands/pacs-search.ts';
import { pacsSendCommand } from './commands/pacs-send.ts';
import { pixelsCommand } from './commands/pixels.ts';
import { reindexCommand } from './commands/reindex.ts';
import { spinopelvicCommand } from './commands/spinopelvic.ts';
import { studiesCommand } from './commands/studies.ts';

/** Every CLI command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [
  casesCommand,
  createCaseCommand,
  importCommand,
  studiesCommand,
  infoCommand,
  pixelsCommand,
  reindexCommand,
  demoCommand,
  loadDemoCommand,
  exportEvaluationsCommand,
  flagsCommand,
  clinicalRulesCommand,
  spinopelvicCommand,
  exportMeasurementsCommand,
  conferenceCreateCommand,
  conferenceAddCommand,
  attendeeAddCommand,
  decideCommand,
  agendaCommand,
  minutesCommand,
  caseReportCommand,
  exportBundleCommand,
  importBundleCommand,
  pacsAddCommand,
  pacsSearchCommand,
  pacsRetrieveCommand,
  pacsSendCommand,
];
