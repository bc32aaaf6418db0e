import { DEFAULT_PREFERENCES, FONT_SIZE_RANGE, LINE_HEIGHT_RANGE, type Preferences, type ThemeChoice } from '../../../electron/common/model';
import { api, messageOf } from '../lib/api';
import { notices } from './notices.svelte';

const THEME_CYCLE: ThemeChoice[] = ['system', 'light', 'sepia', 'dark'];
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The reader's saved preferences, applied at once and persisted through the host. */
class PreferencesState {
  value = $state<Preferences>({ ...DEFAULT_PREFERENCES });
  private systemDark = $state(darkQuery.matches);

  /** The theme actually shown: `system` resolves to light or dark from the OS setting. */
  readonly theme = $derived(this.value.theme === 'system' ? (this.systemDark ? 'dark' : 'light') : this.value.theme);

  constructor() {
    darkQuery.addEventListener('change', (event) => (this.systemDark = event.matches));
  }

  async load(): Promise<void> {
    try {
      this.value = await api.getPreferences();
      const damaged = await api.getSettingsNotice();
      if (damaged) notices.show(damaged, 30);
    } catch (error) {
      notices.show(`Your reading preferences could not be loaded, so defaults are used: ${messageOf(error)}`);
    }
  }

  async update(patch: Partial<Preferences>): Promise<void> {
    this.value = { ...this.value, ...patch };
    try {
      await api.setPreferences(patch);
    } catch (error) {
      notices.show(`That preference could not be saved: ${messageOf(error)}`);
    }
  }

  changeFontSize(steps: number): Promise<void> {
    return this.update({ fontSize: clamp(this.value.fontSize + steps * FONT_SIZE_RANGE.step, FONT_SIZE_RANGE.min, FONT_SIZE_RANGE.max) });
  }

  changeLineHeight(steps: number): Promise<void> {
    const next = Math.round((this.value.lineHeight + steps * LINE_HEIGHT_RANGE.step) * 10) / 10;
    return this.update({ lineHeight: clamp(next, LINE_HEIGHT_RANGE.min, LINE_HEIGHT_RANGE.max) });
  }

  cycleTheme(): Promise<void> {
    const next = THEME_CYCLE[(THEME_CYCLE.indexOf(this.value.theme) + 1) % THEME_CYCLE.length];
    return this.update({ theme: next });
  }
}

export const preferences = new PreferencesState();
