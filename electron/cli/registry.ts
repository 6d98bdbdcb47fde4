import type { Command } from './command.ts';
import { casesCommand } from './commands/cases.ts';
import { createCaseCommand } from './commands/create-case.ts';
import { demoCommand, loadDemoCommand } from './commands/demo.ts';
import { exportEvaluationsCommand } from './commands/export-evaluations.ts';
import { importCommand } from './commands/import.ts';
import { infoCommand } from './commands/info.ts';
import { pacsAddCommand } from './commands/pacs-add.ts';
import { pacsRetrieveCommand } from './commands/pacs-retrieve.ts';
import { pacsSearchCommand } from './commands/pacs-search.ts';
import { pacsSendCommand } from './commands/pacs-send.ts';
import { pixelsCommand } from './commands/pixels.ts';
import { reindexCommand } from './commands/reindex.ts';
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
  pacsAddCommand,
  pacsSearchCommand,
  pacsRetrieveCommand,
  pacsSendCommand,
];
