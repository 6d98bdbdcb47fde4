import { readFileSync } from 'node:fs';
import type { ArchiveConnection } from '../../../shared/contract/pacs-schemas.ts';
import { call } from '../call.ts';
import type { Command, Values } from '../command.ts';
import { UsageError, stringOption } from '../command.ts';

/** A secret from a file (never from the command line, where other users could read it in `ps`). */
function secretFrom(values: Values, name: string): string | undefined {
  const file = stringOption(values, name);
  if (file === undefined) return undefined;
  try {
    return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch {
    throw new UsageError(`Cannot read --${name} ${file}.`);
  }
}

const port = (values: Values, name: string): number | undefined => {
  const v = stringOption(values, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be a port number, not "${v}".`);
  return n;
};

function connectionFrom(values: Values): ArchiveConnection {
  const url = stringOption(values, 'url');
  const timeout = stringOption(values, 'timeout');
  const timeoutSeconds = timeout === undefined ? 30 : Number(timeout);
  if (url !== undefined) {
    const user = stringOption(values, 'user');
    const ca = stringOption(values, 'ca-file');
    const auth = values['token-file'] ? 'bearer' : user ? 'basic' : 'none';
    return {
      kind: 'dicomweb',
      url,
      auth,
      ...(user ? { user } : {}),
      ...(ca ? { caPem: readFileSync(ca, 'utf8') } : {}),
      timeoutSeconds,
    };
  }
  const retrieve = stringOption(values, 'retrieve') ?? 'c-get';
  if (retrieve !== 'c-get' && retrieve !== 'c-move') throw new UsageError('--retrieve is c-get or c-move.');
  const storePort = port(values, 'store-port');
  return {
    kind: 'dimse',
    aet: stringOption(values, 'aet') ?? '',
    host: stringOption(values, 'host') ?? '',
    port: port(values, 'port') ?? 104,
    localAet: stringOption(values, 'local-aet') ?? 'SPINE_REVIEW',
    retrieve,
    ...(storePort !== undefined ? { storePort } : {}),
    timeoutSeconds,
  };
}

export const pacsAddCommand: Command = {
  name: 'pacs-add',
  summary: 'Add (or change) a hospital archive: DICOMweb (--url) or DIMSE (--aet/--host/--port).',
  usage:
    'pacs-add --name N (--url URL [--user U --password-file F | --token-file F] [--ca-file PEM] | --aet AE --host H --port P [--local-aet AE] [--retrieve c-get|c-move --store-port P]) [--timeout S] [--json]',
  options: {
    name: { type: 'string' },
    url: { type: 'string' },
    user: { type: 'string' },
    'password-file': { type: 'string' },
    'token-file': { type: 'string' },
    'ca-file': { type: 'string' },
    aet: { type: 'string' },
    host: { type: 'string' },
    port: { type: 'string' },
    'local-aet': { type: 'string' },
    retrieve: { type: 'string' },
    'store-port': { type: 'string' },
    timeout: { type: 'string' },
  },
  needsBackend: true,
  async run({ values, backend, io }) {
    const name = stringOption(values, 'name');
    if (!name) throw new UsageError('pacs-add needs --name.');
    if (!values.url && !values.aet)
      throw new UsageError('pacs-add needs --url (DICOMweb) or --aet/--host/--port (DIMSE).');
    const secret = secretFrom(values, 'password-file') ?? secretFrom(values, 'token-file');
    const existing = (await call(backend, 'pacs.archives', {})).find(
      (a) => a.name.toLowerCase() === name.toLowerCase(),
    );
    const saved = await call(backend, 'pacs.saveArchive', {
      ...(existing ? { id: existing.id } : {}),
      name,
      connection: connectionFrom(values),
      ...(secret !== undefined ? { secret } : {}),
    });
    if (io.json) return io.out(JSON.stringify(saved, null, 2));
    io.out(`${existing ? 'Changed' : 'Added'} archive ${saved.id}: ${saved.name}.`);
  },
};
