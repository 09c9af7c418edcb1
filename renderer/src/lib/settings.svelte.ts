/**
 * The learner's display settings: loaded from the host, applied to the document root
 * (`data-theme`, `--font-size`), saved back through the api on every change.
 */
import { LAB_API_LIMITS } from '../../../core/lab-api/index.ts';
import { TAB_SIZES } from '../../../core/lab-api/index.ts';
import type {
  EditorKeysSetting,
  LabApi,
  Settings,
  ThemeSetting,
  WorkspaceSetting,
} from '../../../core/lab-api/index.ts';
import { errorMessage } from './api.ts';

export type ResolvedTheme = 'light' | 'dark';

const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontSize: 16,
  editorKeys: 'standard',
  tabSize: 2,
  workspace: 'editor',
};
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** A font size the host accepts: whole pixels within the contract's limits. */
export function clampFontSize(size: number): number {
  if (!Number.isFinite(size)) return DEFAULT_SETTINGS.fontSize;
  return Math.min(LAB_API_LIMITS.maxFontSize, Math.max(LAB_API_LIMITS.minFontSize, Math.round(size)));
}

/** The theme to paint, given the setting and what the system prefers. */
export function resolveTheme(setting: ThemeSetting, systemPrefersDark: boolean): ResolvedTheme {
  if (setting === 'system') return systemPrefersDark ? 'dark' : 'light';
  return setting;
}

/** Display settings, as shared state. */
export class SettingsState {
  theme: ThemeSetting = $state(DEFAULT_SETTINGS.theme);
  fontSize: number = $state(DEFAULT_SETTINGS.fontSize);
  editorKeys: EditorKeysSetting = $state(DEFAULT_SETTINGS.editorKeys);
  tabSize: number = $state(DEFAULT_SETTINGS.tabSize);
  workspace: WorkspaceSetting = $state(DEFAULT_SETTINGS.workspace);
  systemPrefersDark: boolean = $state(false);
  /** The last failure to load or save, for an alert. */
  error: string | null = $state(null);
  resolvedTheme: ResolvedTheme = $derived(resolveTheme(this.theme, this.systemPrefersDark));

  readonly #api: Pick<LabApi, 'getSettings' | 'updateSettings'>;
  #root: HTMLElement | null = null;
  #media: MediaQueryList | null = null;
  #saveSequence = 0;
  #onMediaChange = (event: MediaQueryListEvent): void => {
    this.systemPrefersDark = event.matches;
    this.#apply();
  };

  constructor(labApi: Pick<LabApi, 'getSettings' | 'updateSettings'>) {
    this.#api = labApi;
  }

  /** Follows the system colour scheme and paints the defaults; answers a function that stops. */
  start(root: HTMLElement = document.documentElement, view: Window = window): () => void {
    this.#root = root;
    this.#media = typeof view.matchMedia === 'function' ? view.matchMedia(DARK_QUERY) : null;
    this.systemPrefersDark = this.#media?.matches ?? false;
    this.#media?.addEventListener('change', this.#onMediaChange);
    this.#apply();
    return () => {
      this.#media?.removeEventListener('change', this.#onMediaChange);
      this.#media = null;
    };
  }

  /** Loads the saved settings from the host. */
  async load(): Promise<void> {
    try {
      this.#assign(await this.#api.getSettings());
      this.error = null;
    } catch (error) {
      this.error = `Your settings could not be loaded: ${errorMessage(error)}`;
    }
  }

  /** Applies a change at once and saves it; a failed save restores what the host last confirmed. */
  async update(changes: Partial<Settings>): Promise<void> {
    const previous: Settings = {
      theme: this.theme,
      fontSize: this.fontSize,
      editorKeys: this.editorKeys,
      tabSize: this.tabSize,
      workspace: this.workspace,
    };
    const next: { -readonly [Key in keyof Settings]?: Settings[Key] } = { ...changes };
    if (next.fontSize !== undefined) next.fontSize = clampFontSize(next.fontSize);
    this.#assign({ ...previous, ...next });
    const sequence = ++this.#saveSequence;
    try {
      const saved = await this.#api.updateSettings(next);
      // A later change is already on its way; its answer wins.
      if (sequence === this.#saveSequence) this.#assign(saved);
      this.error = null;
    } catch (error) {
      if (sequence === this.#saveSequence) this.#assign(previous);
      this.error = `Your settings could not be saved: ${errorMessage(error)}`;
    }
  }

  #assign(settings: Settings): void {
    this.theme = settings.theme;
    this.fontSize = clampFontSize(settings.fontSize);
    this.editorKeys = settings.editorKeys === 'vim' ? 'vim' : 'standard';
    this.tabSize = TAB_SIZES.includes(settings.tabSize) ? settings.tabSize : DEFAULT_SETTINGS.tabSize;
    this.workspace = settings.workspace === 'terminal' ? 'terminal' : 'editor';
    this.#apply();
  }

  #apply(): void {
    if (!this.#root) return;
    this.#root.dataset.theme = this.resolvedTheme;
    this.#root.style.setProperty('--font-size', `${this.fontSize}px`);
    this.#root.style.colorScheme = this.resolvedTheme;
  }
}
