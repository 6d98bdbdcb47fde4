import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getSetting } from '../../db/settings.ts';
import { upsertUser } from '../../db/users.ts';
import { disciplineSchema } from '../../shared/domain/user.ts';
import type { Backend } from '../backend/create-backend.ts';
import { createBackend } from '../backend/create-backend.ts';
import { CURRENT_USER_KEY } from '../backend/context.ts';
import { defaultDataDir } from '../services/data-dir.ts';
import type { CliIo, Command } from './command.ts';
import { UsageError } from './command.ts';
import { COMMANDS } from './registry.ts';

const GLOBAL_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  user: { type: 'string' },
  discipline: { type: 'string' },
} as const;

/** The worker bundled next to the CLI; tests running from sources set SCR_IMPORT_WORKER. */
const importWorkerPath = (): string =>
  process.env.SCR_IMPORT_WORKER ?? join(dirname(fileURLToPath(import.meta.url)), 'import-worker.js');

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Spine Case Review command line — the same backend as the app, for scripting and support.',
    '',
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}\n  ${' '.repeat(width)}  ${c.usage}`),
    '',
    'Global options:',
    '  --json                 print machine-readable JSON',
    '  --user NAME            who is acting (audit trail); default: the signed-in app user, else your login name',
    '  --discipline D         with --user: spine-surgery, neurosurgery, radiology, … (default other)',
    '  -h, --help             this help',
    '',
    'Environment: SCR_DATA_DIR chooses the data folder (database and image store).',
  ].join('\n');
}

function actAs(backend: Backend, name: string | undefined, discipline: string | undefined): void {
  const parsed = disciplineSchema.safeParse(discipline ?? 'other');
  if (!parsed.success) throw new UsageError(`Unknown discipline "${discipline}".`);
  if (name === undefined && getSetting(backend.ctx.db, CURRENT_USER_KEY) !== null) return;
  const who = name ?? `${userInfo().username} (command line)`;
  backend.ctx.actingUserId = upsertUser(backend.ctx.db, who, parsed.data, backend.ctx.now()).id;
}

/** Runs one CLI invocation; returns the process exit code (0 ok, 1 failure, 2 bad usage). */
export async function runCli(
  argv: string[],
  out: (s: string) => void,
  errOut: (s: string) => void,
): Promise<number> {
  const name = argv.find((a) => !a.startsWith('-'));
  const command: Command | undefined = COMMANDS.find((c) => c.name === name);
  let backend: Backend | null = null;
  try {
    if (!name || !command) {
      if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
        out(helpText());
        return 0;
      }
      throw new UsageError(`Unknown command "${name ?? argv[0]}". Run with --help for the list.`);
    }
    const { values, positionals } = parseArgs({
      args: argv.filter((a) => a !== name),
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      out(`Usage: npm run cli -- ${command.usage}\n${command.summary}`);
      return 0;
    }
    const io: CliIo = { out, json: values.json === true };
    if (command.needsBackend) {
      backend = createBackend({
        dataDir: defaultDataDir(),
        host: 'cli',
        log: errOut,
        importWorker: importWorkerPath(),
      });
      command.prepare?.(backend);
      await backend.ready;
      // A command's own --discipline (attendee-add) describes someone else, not who is acting.
      const own = Object.hasOwn(command.options, 'discipline');
      actAs(backend, values.user, own ? undefined : values.discipline);
    }
    await command.run({ values, positionals, backend, io });
    return 0;
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const usage =
      e instanceof UsageError ||
      (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'));
    errOut(`error: ${message}`);
    return usage ? 2 : 1;
  } finally {
    await backend?.close();
  }
}
