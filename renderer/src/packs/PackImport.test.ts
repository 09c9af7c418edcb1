import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PackPreview } from '../../../core/lab-api/index.ts';
import type * as ApiModule from '../lib/api.ts';
import { LabApiClientError } from '../lib/api.ts';
import PackImportView from '../views/PackImportView.svelte';
import { pendingPack } from './pending-pack.svelte.ts';

const fakeApi = vi.hoisted(() => ({ previewPack: vi.fn(), importPack: vi.fn() }));

vi.mock('../lib/api.ts', async (importOriginal) => {
  const original = await importOriginal<typeof ApiModule>();
  return { ...original, api: fakeApi };
});

const GOOD: PackPreview = {
  ok: true,
  problems: [],
  name: 'Shop pack',
  author: 'Ada',
  version: '1.0.0',
  exercises: [
    { id: 'shop-db', title: 'Shop database' },
    { id: 'shop-web', title: 'Shop web' },
  ],
  clashingIds: ['shop-web'],
};

beforeEach(() => {
  vi.resetAllMocks();
  pendingPack.clear();
});

describe('PackImportView', () => {
  it('previews the pending pack and imports it, renaming clashes by default', async () => {
    fakeApi.previewPack.mockResolvedValue(GOOD);
    fakeApi.importPack.mockResolvedValue({ importedIds: ['shop-db', 'shop-web-2'] });
    pendingPack.set('shop.yaml', 'kind: NetPolLabPack\n');
    render(PackImportView);
    const preview = await screen.findByRole('region', { name: 'Pack preview' });
    expect(preview.textContent).toContain('Shop pack');
    expect(preview.textContent).toContain('Ada');
    expect(screen.getByRole('list', { name: 'Clashing ids' }).textContent).toContain('shop-web');
    expect(
      (screen.getByRole('radio', { name: 'Rename clashing exercises' }) as HTMLInputElement).checked,
    ).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(fakeApi.importPack).toHaveBeenCalledWith('kind: NetPolLabPack\n', 'rename'));
    expect(await screen.findByText('Imported 2 exercises.', { exact: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'shop-web-2' }).getAttribute('href')).toBe(
      '#/exercise/shop-web-2',
    );
  });

  it('passes "refuse" and shows the refusal', async () => {
    fakeApi.previewPack.mockResolvedValue(GOOD);
    fakeApi.importPack.mockRejectedValue(
      new LabApiClientError('invalid-argument', 'Nothing was imported: clash'),
    );
    pendingPack.set('shop.yaml', 'text');
    render(PackImportView);
    await screen.findByRole('region', { name: 'Pack preview' });
    await fireEvent.click(screen.getByRole('radio', { name: 'Refuse' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(fakeApi.importPack).toHaveBeenCalledWith('text', 'refuse'));
    expect((await screen.findByRole('alert')).textContent).toContain('Nothing was imported');
  });

  it('lists every problem of a refused pack and offers no import', async () => {
    fakeApi.previewPack.mockResolvedValue({
      ...GOOD,
      ok: false,
      clashingIds: [],
      problems: [
        'pack.yaml 12:3: folder "../x" contains a ".." segment',
        'pack.yaml 30:1: <script> is not allowed',
      ],
    });
    pendingPack.set('bad.yaml', 'bad');
    render(PackImportView);
    const problems = await screen.findByRole('list', { name: 'Problems' });
    expect(problems.querySelectorAll('li')).toHaveLength(2);
    expect(problems.textContent).toContain('<script> is not allowed');
    expect((screen.getByRole('button', { name: 'Import' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
