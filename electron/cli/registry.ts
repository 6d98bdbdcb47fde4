import type { Command } from './command.ts';
import { casesCommand } from './commands/cases.ts';
import { clinicalRulesCommand } from './commands/clinical-rules.ts';
import { createCaseCommand } from './commands/create-case.ts';
import { demoCommand, loadDemoCommand } from './commands/demo.ts';
import { exportEvaluationsCommand } from './commands/export-evaluations.ts';
import { flagsCommand } from './commands/flags.ts';
import { exportMeasurementsCommand } from './commands/export-measurements.ts';
import { importCommand } from './commands/import.ts';
import { infoCommand } from './commands/info.ts';
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
];
