/**
 * The desktop menu's commands (File › Import Exercise Pack…, Go › Catalog, …) turned into what the
 * page does. In browser mode there is no native menu and nothing subscribes.
 */
import type { MenuCommand } from '../../../core/lab-api/index.ts';
import type { Route } from './router.svelte.ts';

/** What a command needs from the app shell. */
export interface MenuCommandTargets {
  navigate(route: Route): void;
  openSettings(): void;
  showShortcuts(): void;
}

const ROUTES: Partial<Record<MenuCommand, Route>> = {
  'import-pack': { name: 'pack-import' },
  'new-exercise': { name: 'authoring-new' },
  'go-catalog': { name: 'catalog' },
  'go-progress': { name: 'progress' },
  'go-exams': { name: 'exam-home' },
  'go-authoring': { name: 'authoring' },
};

/** Carries out one command. */
export function runMenuCommand(command: MenuCommand, targets: MenuCommandTargets): void {
  if (command === 'open-settings') targets.openSettings();
  else if (command === 'show-shortcuts') targets.showShortcuts();
  else {
    const route = ROUTES[command];
    if (route !== undefined) targets.navigate(route);
  }
}

/** Listens to the native menu when the page runs inside the desktop app; returns the way to stop. */
export function listenToMenu(targets: MenuCommandTargets): () => void {
  const shell = typeof window === 'undefined' ? undefined : window.labShell;
  if (shell === undefined) return () => {};
  return shell.onMenuCommand((command) => runMenuCommand(command, targets));
}
