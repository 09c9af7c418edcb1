/**
 * The browser's copy of a draft, kept in `localStorage` until the host has the same text, so a
 * failed save or a closed window never loses what the learner typed.
 */

export interface LocalDraft {
  readonly text: string;
  readonly updatedAt: number;
}

const PREFIX = 'netpol-lab:draft:';

function keyOf(exerciseId: string): string {
  return `${PREFIX}${exerciseId}`;
}

/** Reads the local copy, or null when there is none (or storage is unavailable). */
export function readLocalDraft(storage: Storage | undefined, exerciseId: string): LocalDraft | null {
  try {
    const raw = storage?.getItem(keyOf(exerciseId));
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { text, updatedAt } = value as Record<string, unknown>;
    return typeof text === 'string' && typeof updatedAt === 'number' ? { text, updatedAt } : null;
  } catch {
    return null;
  }
}

/** Keeps a local copy; storage that is full or disabled is not worth failing over. */
export function writeLocalDraft(storage: Storage | undefined, exerciseId: string, draft: LocalDraft): void {
  try {
    storage?.setItem(keyOf(exerciseId), JSON.stringify(draft));
  } catch {
    // Nothing to do: the host save is the real store.
  }
}

export function removeLocalDraft(storage: Storage | undefined, exerciseId: string): void {
  try {
    storage?.removeItem(keyOf(exerciseId));
  } catch {
    // Ignored for the same reason as above.
  }
}

/** Where the editor's opening text came from. */
export type DraftOrigin = 'starter' | 'saved' | 'local';

/**
 * The text the editor opens with: the host's draft, else the starter; a local copy wins when it is
 * newer than the host's draft and says something different.
 */
export function openingText(
  exercise: {
    readonly starter: string;
    readonly draft: { readonly text: string; readonly updatedAt: number } | null;
  },
  local: LocalDraft | null,
): { readonly text: string; readonly origin: DraftOrigin } {
  const saved = exercise.draft;
  if (local !== null && (saved === null || local.updatedAt > saved.updatedAt)) {
    const current = saved?.text ?? exercise.starter;
    if (local.text !== current) return { text: local.text, origin: 'local' };
  }
  if (saved !== null) return { text: saved.text, origin: 'saved' };
  return { text: exercise.starter, origin: 'starter' };
}
