import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ORTHANC_BINARY = '/usr/sbin/Orthanc';
export const DICOMWEB_PLUGIN = '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';
export const hasOrthanc = existsSync(ORTHANC_BINARY) && existsSync(DICOMWEB_PLUGIN);

/**
 * Under CI a missing Orthanc is a failure, never a silent skip: call this at the top of a suite and
 * use `describe.skipIf(!orthancAvailable())`.
 */
export function orthancAvailable(): boolean {
  if (hasOrthanc) return true;
  if (process.env.CI === 'true')
    throw new Error(
      'Orthanc with its DICOMweb plugin is required under CI=true (scripts/system-packages.sh).',
    );
  console.log('Orthanc tests skipped: install orthanc and orthanc-dicomweb (scripts/system-packages.sh).');
  return false;
}

export const ORTHANC_USER = 'test';
export const ORTHANC_PASSWORD = 'secret';
export const ORTHANC_AET = 'ORTHANC';

export interface OrthancPeer {
  aet: string;
  host: string;
  port: number;
}

export interface RunningOrthanc {
  httpPort: number;
  dicomPort: number;
  /** DICOMweb root, e.g. http://127.0.0.1:PORT/dicom-web */
  dicomWebUrl: string;
  restUrl: string;
  authHeader: string;
  /** POSTs one Part 10 file to /instances; returns Orthanc's answer. */
  upload: (file: string) => Promise<{ ID: string; Status: string }>;
  uploadAll: (paths: string[]) => Promise<number>;
  /** GETs a REST path (JSON). */
  rest: <T>(path: string) => Promise<T>;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(path, e.name)) : e.isFile() ? [join(path, e.name)] : [],
  );
}

/**
 * Starts a private Orthanc (DICOMweb on, HTTP basic authentication on, loopback HTTP only) with a
 * temporary storage folder. Its DICOM port binds every interface (Orthanc has no option), so it is a
 * free port and the process is stopped by its PID.
 */
export async function startOrthanc(
  options: { peers?: Record<string, OrthancPeer> } = {},
): Promise<RunningOrthanc> {
  const dir = mkdtempSync(join(tmpdir(), 'scr-orthanc-'));
  const httpPort = await freePort();
  const dicomPort = await freePort();
  const config = {
    Name: 'SCR-TEST',
    StorageDirectory: join(dir, 'db'),
    IndexDirectory: join(dir, 'db'),
    HttpPort: httpPort,
    DicomPort: dicomPort,
    DicomAet: ORTHANC_AET,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: true,
    RegisteredUsers: { [ORTHANC_USER]: ORTHANC_PASSWORD },
    DicomCheckCalledAet: false,
    DicomAlwaysAllowEcho: true,
    DicomAlwaysAllowStore: true,
    DicomModalities: Object.fromEntries(
      Object.entries(options.peers ?? {}).map(([name, p]) => [name, [p.aet, p.host, p.port]]),
    ),
    Plugins: [DICOMWEB_PLUGIN],
    DicomWeb: { Enable: true, Root: '/dicom-web/', Host: `127.0.0.1:${httpPort}`, Ssl: false },
  };
  const configFile = join(dir, 'orthanc.json');
  writeFileSync(configFile, JSON.stringify(config));
  const child: ChildProcess = spawn(ORTHANC_BINARY, [configFile, `--logdir=${dir}`], {
    stdio: 'ignore',
  });
  const restUrl = `http://127.0.0.1:${httpPort}`;
  const authHeader = `Basic ${Buffer.from(`${ORTHANC_USER}:${ORTHANC_PASSWORD}`).toString('base64')}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(child.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) process.kill(child.pid, 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const rest = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${restUrl}${path}`, { headers: { authorization: authHeader } });
    if (!res.ok) throw new Error(`Orthanc ${path}: HTTP ${res.status}`);
    return (await res.json()) as T;
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await rest('/system');
      break;
    } catch (e) {
      if (child.exitCode !== null || Date.now() > deadline) {
        const log = readdirSync(dir).find((f) => f.endsWith('.log') || f.startsWith('Orthanc'));
        await stop();
        throw new Error(`Orthanc did not start: ${String(e)} ${log ?? ''}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const upload = async (file: string) => {
    const res = await fetch(`${restUrl}/instances`, {
      method: 'POST',
      headers: { authorization: authHeader, 'content-type': 'application/dicom' },
      body: readFileSync(file),
    });
    if (!res.ok) throw new Error(`upload ${file}: HTTP ${res.status}`);
    return (await res.json()) as { ID: string; Status: string };
  };
  /** Uploads every file under the paths, four at a time; Orthanc refuses what is not DICOM (counted out). */
  const uploadAll = async (paths: string[]): Promise<number> => {
    const files = paths.flatMap(filesUnder);
    let stored = 0;
    let next = 0;
    const lane = async () => {
      while (next < files.length) {
        const file = files[next++]!;
        const res = await fetch(`${restUrl}/instances`, {
          method: 'POST',
          headers: { authorization: authHeader, 'content-type': 'application/dicom' },
          body: readFileSync(file),
        });
        if (res.ok) stored++;
        await res.arrayBuffer();
      }
    };
    await Promise.all([lane(), lane(), lane(), lane()]);
    return stored;
  };
  return {
    httpPort,
    dicomPort,
    dicomWebUrl: `${restUrl}/dicom-web`,
    restUrl,
    authHeader,
    upload,
    uploadAll,
    rest,
    stop,
  };
}
