/** Types for electron-binary.mjs, so TypeScript callers (the e2e suite) can import it. */
export type ElectronBinary = { found: true; path: string } | { found: false; path: string | null; reason: string };

/**
 * Locates the Electron executable without triggering electron's lazy download.
 * `found` is false when the binary is not installed on this machine.
 */
export function findElectronBinary(options?: { root?: string; env?: NodeJS.ProcessEnv; platform?: NodeJS.Platform }): ElectronBinary;
