import { join } from 'node:path';
import { DEFAULT_PREFERENCES, markedRead, progressed, type Preferences, type ReadingPosition } from '../../common/model';
import type { PreferencesPatch } from '../../common/contract';
import { readJsonOr, writeJson } from '../fs/json-file';
import { matchRenames } from '../library/renames';

interface SettingsFile {
  preferences: Preferences;
  lastLibrary: string | null;
  recentLibraries: string[];
  lastExportFolder: string | null;
}

const RECENT_LIMIT = 8;

/**
 * Preferences, the last library and reading positions, in the app's user-data folder. These are
 * conveniences that can be lost without losing work, so a damaged file means defaults, not an error.
 * Writes are serialised so two quick changes cannot interleave.
 */
export class SettingsStore {
  private readonly settingsPath: string;
  private readonly positionsPath: string;
  private settings: SettingsFile | null = null;
  private positions: Record<string, ReadingPosition> | null = null;
  private writes: Promise<void> = Promise.resolve();

  constructor(userData: string) {
    this.settingsPath = join(userData, 'settings.json');
    this.positionsPath = join(userData, 'reading-positions.json');
  }

  private async loadSettings(): Promise<SettingsFile> {
    if (!this.settings) {
      const stored = await readJsonOr<Partial<SettingsFile>>(this.settingsPath, {});
      this.settings = {
        preferences: {
          ...DEFAULT_PREFERENCES,
          ...(stored.preferences ?? {}),
          colourMeanings: { ...DEFAULT_PREFERENCES.colourMeanings, ...(stored.preferences?.colourMeanings ?? {}) },
          export: {
            ...DEFAULT_PREFERENCES.export,
            ...(stored.preferences?.export ?? {}),
            options: { ...DEFAULT_PREFERENCES.export.options, ...(stored.preferences?.export?.options ?? {}) },
          },
        },
        lastLibrary: typeof stored.lastLibrary === 'string' ? stored.lastLibrary : null,
        recentLibraries: Array.isArray(stored.recentLibraries) ? stored.recentLibraries.filter((item) => typeof item === 'string') : [],
        lastExportFolder: typeof stored.lastExportFolder === 'string' ? stored.lastExportFolder : null,
      };
    }
    return this.settings;
  }

  private persist(path: string, value: unknown): Promise<void> {
    const write = this.writes.then(() => writeJson(path, value));
    this.writes = write.catch(() => undefined);
    return write;
  }

  async getPreferences(): Promise<Preferences> {
    return (await this.loadSettings()).preferences;
  }

  async setPreferences(patch: PreferencesPatch): Promise<Preferences> {
    const settings = await this.loadSettings();
    // Colour meanings are edited one at a time; merge them rather than replace the set.
    settings.preferences = { ...settings.preferences, ...patch, colourMeanings: { ...settings.preferences.colourMeanings, ...patch.colourMeanings } };
    await this.persist(this.settingsPath, settings);
    return settings.preferences;
  }

  async getLastLibrary(): Promise<string | null> {
    return (await this.loadSettings()).lastLibrary;
  }

  async rememberLibrary(root: string): Promise<void> {
    const settings = await this.loadSettings();
    settings.lastLibrary = root;
    settings.recentLibraries = [root, ...settings.recentLibraries.filter((item) => item !== root)].slice(0, RECENT_LIMIT);
    await this.persist(this.settingsPath, settings);
  }

  async getLastExportFolder(): Promise<string | null> {
    return (await this.loadSettings()).lastExportFolder;
  }

  async rememberExportFolder(folder: string): Promise<void> {
    const settings = await this.loadSettings();
    settings.lastExportFolder = folder;
    await this.persist(this.settingsPath, settings);
  }

  private async loadPositions(): Promise<Record<string, ReadingPosition>> {
    this.positions ??= await readJsonOr<Record<string, ReadingPosition>>(this.positionsPath, {});
    return this.positions;
  }

  async getReadingPosition(root: string, id: string): Promise<ReadingPosition | null> {
    return (await this.loadPositions())[positionKey(root, id)] ?? null;
  }

  /** `fingerprint` (the briefing's text) lets the place follow the file when it is renamed. */
  async setReadingPosition(root: string, id: string, fraction: number, fingerprint?: string): Promise<void> {
    const positions = await this.loadPositions();
    const key = positionKey(root, id);
    positions[key] = withFingerprint(progressed(positions[key], fraction, new Date().toISOString()), fingerprint ?? positions[key]?.fingerprint);
    await this.persist(this.positionsPath, positions);
  }

  /** Every briefing of a library the person has opened, by id. */
  async getReadingStates(root: string): Promise<Record<string, ReadingPosition>> {
    const prefix = positionKey(root, '');
    const states: Record<string, ReadingPosition> = {};
    for (const [key, position] of Object.entries(await this.loadPositions())) {
      if (key.startsWith(prefix)) states[key.slice(prefix.length)] = position;
    }
    return states;
  }

  /** Marks briefings read or unread (see `markedRead`); `fingerprintOf` as for `setReadingPosition`. */
  async setRead(root: string, ids: readonly string[], read: boolean, fingerprintOf: (id: string) => string | undefined = () => undefined): Promise<void> {
    const positions = await this.loadPositions();
    const updatedAt = new Date().toISOString();
    for (const id of ids) {
      const key = positionKey(root, id);
      positions[key] = withFingerprint(markedRead(positions[key], read, updatedAt), fingerprintOf(id) ?? positions[key]?.fingerprint);
    }
    await this.persist(this.positionsPath, positions);
  }

  /**
   * Gives the reading state of each briefing no longer listed to the listed briefing with its
   * text and no state of its own: the file was renamed or moved, here or while the app was closed
   * (`matchRenames`, the rule notes follow too; `departed` as for the annotation store).
   * Resolves how many states moved.
   */
  async followRenames(root: string, briefings: readonly { id: string; fingerprint: string }[], departed: ReadonlyMap<string, string> = new Map()): Promise<number> {
    const positions = await this.loadPositions();
    const states = await this.getReadingStates(root);
    const listed = new Set(briefings.map((briefing) => briefing.id));
    const orphans = Object.keys(states)
      .filter((id) => !listed.has(id))
      .map((id) => ({ id, fingerprints: [states[id].fingerprint, departed.get(id)] }));
    if (orphans.length === 0) return 0;
    const moves = matchRenames(orphans, briefings.filter((briefing) => !states[briefing.id]));
    for (const { from, to } of moves) {
      positions[positionKey(root, to)] = states[from];
      delete positions[positionKey(root, from)];
    }
    if (moves.length > 0) await this.persist(this.positionsPath, positions);
    return moves.length;
  }

  async getRecentLibraries(): Promise<string[]> {
    return [...(await this.loadSettings()).recentLibraries];
  }
}

const positionKey = (root: string, id: string) => `${root}\n${id}`;

const withFingerprint = (position: ReadingPosition, fingerprint: string | undefined): ReadingPosition =>
  fingerprint ? { ...position, fingerprint } : position;
