import { join } from 'node:path';
import { DEFAULT_PREFERENCES, markedRead, progressed, type Preferences, type ReadingPosition } from '../../common/model';
import type { PreferencesPatch } from '../../common/contract';
import { readFieldByField } from '../../common/schema/fields';
import { preferences as preferencesSchema } from '../../common/schema/preferences';
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
  private notice: string | null = null;

  constructor(userData: string) {
    this.settingsPath = join(userData, 'settings.json');
    this.positionsPath = join(userData, 'reading-positions.json');
  }

  private async loadSettings(): Promise<SettingsFile> {
    if (!this.settings) {
      const stored = await readJsonOr<Record<string, unknown>>(this.settingsPath, {});
      const { value: preferences, problems } = readFieldByField(preferencesSchema, DEFAULT_PREFERENCES, ownField(stored, 'preferences'));
      if (problems.length > 0) {
        // Shown once, when the renderer next asks; the defaults are written back on the next save.
        this.notice = `Some settings in ${this.settingsPath} could not be read, so they are back to their defaults: ${[...new Set(problems.map(settingName))].join(', ')}. Your other settings are kept.`;
      }
      const lastLibrary = ownField(stored, 'lastLibrary');
      const recentLibraries = ownField(stored, 'recentLibraries');
      const lastExportFolder = ownField(stored, 'lastExportFolder');
      this.settings = {
        preferences,
        lastLibrary: typeof lastLibrary === 'string' ? lastLibrary : null,
        recentLibraries: Array.isArray(recentLibraries) ? recentLibraries.filter((item) => typeof item === 'string') : [],
        lastExportFolder: typeof lastExportFolder === 'string' ? lastExportFolder : null,
      };
    }
    return this.settings;
  }

  /**
   * A sentence naming the settings that were damaged on disk and fell back to their defaults,
   * once; null when there is nothing (more) to tell.
   */
  async takeNotice(): Promise<string | null> {
    await this.loadSettings();
    const notice = this.notice;
    this.notice = null;
    return notice;
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
  async followRenames(
    root: string,
    briefings: readonly { id: string; fingerprint: string }[],
    departed: ReadonlyMap<string, string> = new Map(),
  ): Promise<number> {
    const positions = await this.loadPositions();
    const states = await this.getReadingStates(root);
    const listed = new Set(briefings.map((briefing) => briefing.id));
    const orphans = Object.keys(states)
      .filter((id) => !listed.has(id))
      .map((id) => ({ id, fingerprints: [states[id].fingerprint, departed.get(id)] }));
    if (orphans.length === 0) return 0;
    const moves = matchRenames(
      orphans,
      briefings.filter((briefing) => !states[briefing.id]),
    );
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

const SETTING_NAMES: Record<string, string> = {
  theme: 'theme',
  fontSize: 'text size',
  lineHeight: 'line spacing',
  sortKey: 'sort order',
  sortDescending: 'sort direction',
};

/** A preference's path (`colourMeanings.c2`) as the person knows it ("the meaning of colour 2"). */
function settingName(path: string): string {
  const colour = /^colourMeanings\.c(\d)$/.exec(path);
  if (colour) return `the meaning of colour ${colour[1]}`;
  if (path.startsWith('export')) return 'the export choices';
  return SETTING_NAMES[path] ?? path;
}

/** A field of parsed JSON, if the object has it as its own: `constructor` or `__proto__` in a damaged file are not fields. */
const ownField = (stored: unknown, key: string): unknown =>
  typeof stored === 'object' && stored !== null && Object.hasOwn(stored, key) ? (stored as Record<string, unknown>)[key] : undefined;

const positionKey = (root: string, id: string) => `${root}\n${id}`;

const withFingerprint = (position: ReadingPosition, fingerprint: string | undefined): ReadingPosition =>
  fingerprint ? { ...position, fingerprint } : position;
