/** Functions only the Electron preload provides (native dialogs, real paths of dropped files). */
export interface DesktopBridge {
  chooseImportSources: (kind: 'files' | 'folder') => Promise<string[]>;
  pathForFile: (file: { name: string }) => string;
}

export const DESKTOP_CHANNELS = { chooseImportSources: 'scr:desktop:chooseImportSources' } as const;
