export type ReferenceToolName =
  'chromium' | 'dcmtk' | 'dciodvfy' | 'pydicom-numpy' | 'gdcm' | 'pydicom-corpus' | 'orthanc' | 'poppler';
export const SYSTEM_PYTHON: string;
export const PYDICOM_CORPUS: string;
export const ORTHANC_DICOMWEB_PLUGIN: string;
export const REFERENCE_TOOLS: Record<ReferenceToolName, () => string | null>;
export function hiddenTools(env?: NodeJS.ProcessEnv): Set<string>;
export function referenceToolMissing(name: ReferenceToolName, env?: NodeJS.ProcessEnv): string | null;
export function missingReferenceTools(env?: NodeJS.ProcessEnv): { name: ReferenceToolName; reason: string }[];
export function isCi(env?: NodeJS.ProcessEnv): boolean;
export const INSTALL_HINT: string;
