/** State the whole shell shares: display settings and what the host said at start. */
import type { StartupInfo } from '../../../core/lab-api/index.ts';
import { api, errorMessage } from './api.ts';
import { SettingsState } from './settings.svelte.ts';

/** What the host reported at start, and whether the learner dismissed its notices. */
export class StartupState {
  info: StartupInfo | null = $state(null);
  error: string | null = $state(null);
  recoveryDismissed = $state(false);
  warningDismissed = $state(false);

  async load(): Promise<void> {
    try {
      this.info = await api.getStartupInfo();
      this.error = null;
    } catch (error) {
      this.error = errorMessage(error);
    }
  }
}

/** The app's display settings. */
export const settings = new SettingsState(api);
/** The app's startup information. */
export const startup = new StartupState();
