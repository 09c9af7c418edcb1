import { beforeEach, describe, expect, it, vi } from 'vitest';
import { router } from '../lib/router.svelte.ts';
import { onPackDragOver, onPackDrop } from './pack-drop.ts';
import { pendingPack } from './pending-pack.svelte.ts';

function dragEvent(type: string, files: File[]): DragEvent {
  const event = new Event(type, { cancelable: true }) as DragEvent;
  const dataTransfer = {
    types: files.length > 0 ? ['Files'] : ['text/plain'],
    files,
    dropEffect: 'none',
  };
  Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
  return event;
}

describe('pack drop', () => {
  beforeEach(() => {
    pendingPack.clear();
    vi.restoreAllMocks();
  });

  it('accepts file drags and opens the import preview with the dropped text', async () => {
    const navigate = vi.spyOn(router, 'navigate').mockImplementation(() => undefined);
    const over = dragEvent('dragover', [new File(['x'], 'p.yaml')]);
    onPackDragOver(over);
    expect(over.defaultPrevented).toBe(true);
    await onPackDrop(dragEvent('drop', [new File(['kind: NetPolLabPack\n'], 'p.yaml')]));
    expect(pendingPack.text).toBe('kind: NetPolLabPack\n');
    expect(pendingPack.fileName).toBe('p.yaml');
    expect(navigate).toHaveBeenCalledWith({ name: 'pack-import' });
  });

  it('leaves text drags and drops an editor already took alone', async () => {
    const navigate = vi.spyOn(router, 'navigate').mockImplementation(() => undefined);
    const text = dragEvent('dragover', []);
    onPackDragOver(text);
    expect(text.defaultPrevented).toBe(false);
    const taken = dragEvent('drop', [new File(['x'], 'p.yaml')]);
    taken.preventDefault();
    await onPackDrop(taken);
    expect(pendingPack.text).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });
});
