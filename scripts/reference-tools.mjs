// The reference tools and corpora the tests compare against, in one list: scripts/test.mjs checks
// them before a CI run (a missing one fails the run), and tests/support/reference-tools.ts decides
// per test file whether to run, skip (outside CI, with the reason printed) or fail (CI=true).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const SYSTEM_PYTHON = '/usr/bin/python3';
export const PYDICOM_CORPUS = '/usr/lib/python3/dist-packages/pydicom/data/test_files';
export const ORTHANC_DICOMWEB_PLUGIN = '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';
const INSTALL = 'bash scripts/system-packages.sh';

const onPath = (name) =>
  (process.env.PATH ?? '')
    .split(':')
    .filter(Boolean)
    .some((dir) => existsSync(`${dir}/${name}`));
const pythonImports = (modules) =>
  existsSync(SYSTEM_PYTHON) && spawnSync(SYSTEM_PYTHON, ['-c', `import ${modules}`]).status === 0;
const missingPrograms = (names) => names.filter((n) => !onPath(n));

/** Each check returns null when the tool is usable, else why not. */
export const REFERENCE_TOOLS = {
  chromium: () =>
    existsSync('/usr/bin/chromium') ? null : '/usr/bin/chromium is missing (package chromium)',
  dcmtk: () => {
    const m = missingPrograms(['dcmdump', 'dcmmkdir', 'dcmcjpeg', 'dcmcjpls', 'dcmdjpeg', 'dcm2pnm']);
    return m.length ? `dcmtk programs missing: ${m.join(', ')} (package dcmtk)` : null;
  },
  dciodvfy: () => (onPath('dciodvfy') ? null : 'dciodvfy is missing (package dicom3tools)'),
  'pydicom-numpy': () =>
    pythonImports('pydicom, numpy')
      ? null
      : `${SYSTEM_PYTHON} cannot import pydicom and numpy (packages python3-pydicom python3-numpy)`,
  gdcm: () =>
    pythonImports('gdcm') && onPath('gdcmconv')
      ? null
      : `GDCM is missing (${SYSTEM_PYTHON} -c "import gdcm" and gdcmconv; packages python3-gdcm libgdcm-tools)`,
  'pydicom-corpus': () =>
    existsSync(PYDICOM_CORPUS)
      ? null
      : `pydicom's test files are missing at ${PYDICOM_CORPUS} (package python3-pydicom)`,
  orthanc: () =>
    !onPath('Orthanc') && !existsSync('/usr/sbin/Orthanc')
      ? 'the Orthanc binary is missing (package orthanc)'
      : existsSync(ORTHANC_DICOMWEB_PLUGIN)
        ? null
        : `the Orthanc DICOMweb plugin is missing at ${ORTHANC_DICOMWEB_PLUGIN} (package orthanc-dicomweb)`,
  poppler: () => {
    const m = missingPrograms(['pdftotext', 'pdfinfo', 'pdftoppm']);
    return m.length ? `poppler programs missing: ${m.join(', ')} (package poppler-utils)` : null;
  },
};

/** SCR_HIDE_TOOLS=a,b makes those tools count as missing: proves the CI failure path on a full machine. */
export function hiddenTools(env = process.env) {
  return new Set(
    (env.SCR_HIDE_TOOLS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** Why `name` cannot be used here, or null. */
export function referenceToolMissing(name, env = process.env) {
  const check = REFERENCE_TOOLS[name];
  if (!check) throw new Error(`Unknown reference tool "${name}"`);
  if (hiddenTools(env).has(name)) return `${name} is hidden by SCR_HIDE_TOOLS`;
  return check();
}

/** Every missing tool with its reason (an empty list when all are present). */
export function missingReferenceTools(env = process.env) {
  return Object.keys(REFERENCE_TOOLS)
    .map((name) => ({ name, reason: referenceToolMissing(name, env) }))
    .filter((t) => t.reason !== null);
}

export const isCi = (env = process.env) => env.CI === 'true' || env.CI === '1';
export const INSTALL_HINT = INSTALL;
