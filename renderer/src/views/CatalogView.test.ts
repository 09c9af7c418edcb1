import { fireEvent, render, screen, within } from '@testing-library/svelte';
import type * as ApiModule from '../lib/api.ts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LabApiClientError } from '../lib/api.ts';
import { sampleCatalog } from '../test-support/catalog-fixture.ts';
import CatalogView from './CatalogView.svelte';

const fakeApi = vi.hoisted(() => ({ getCatalog: vi.fn(), getLessons: vi.fn() }));

vi.mock('../lib/api.ts', async (importOriginal) => {
  const original = await importOriginal<typeof ApiModule>();
  return { ...original, api: fakeApi };
});

function exerciseLinks(): HTMLElement[] {
  return screen.getAllByRole('link').filter((link) => link.getAttribute('href')?.startsWith('#/exercise/'));
}

function cardLinks(): HTMLElement[] {
  return exerciseLinks().filter((link) => !link.textContent?.startsWith('Continue:'));
}

async function renderLoaded(): Promise<void> {
  render(CatalogView);
  await screen.findByRole('heading', { level: 2, name: 'Foundations' });
}

describe('CatalogView', () => {
  beforeEach(() => {
    fakeApi.getCatalog.mockReset();
    fakeApi.getCatalog.mockResolvedValue(sampleCatalog());
    fakeApi.getLessons.mockReset();
    fakeApi.getLessons.mockResolvedValue([]);
  });

  it('puts the lessons first, under "Start here", with how many are done', async () => {
    fakeApi.getLessons.mockResolvedValue([
      { id: 'first', title: 'Who opens it', summary: 'Direction.', order: 1, minutes: 5, completedAt: 1 },
      { id: 'second', title: 'Both ends', summary: 'Two checks.', order: 2, minutes: 4, completedAt: null },
    ]);
    render(CatalogView);
    await screen.findByRole('heading', { level: 2, name: 'Start here' });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings[0]).toBe('Start here');
    const lesson = screen.getByRole('link', { name: /2\. Both ends/ });
    expect(lesson.getAttribute('href')).toBe('#/lesson/second');
    expect(
      screen.getByRole('progressbar', { name: 'Start here progress' }).getAttribute('aria-valuenow'),
    ).toBe('1');
  });

  it('shows a loading status, then the tracks in order with their progress', async () => {
    render(CatalogView);
    expect(screen.getByRole('heading', { level: 1, name: 'Catalog' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Loading exercises');
    await screen.findByRole('heading', { level: 2, name: 'Foundations' });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings).toEqual(['Foundations', 'Label selectors']);
    const bar = screen.getByRole('progressbar', { name: 'Foundations progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('1');
    expect(bar.getAttribute('aria-valuemax')).toBe('3');
  });

  it('shows each card as a link named by its title, with status, score and facts', async () => {
    await renderLoaded();
    const names = cardLinks().map((link) => link.textContent?.trim() ?? '');
    expect(names[0]?.startsWith('Deny everything first')).toBe(true);
    const done = cardLinks()[0];
    if (!done) throw new Error('no card');
    expect(within(done).getByText(/Completed/)).toBeTruthy();
    expect(within(done).getByText('Best 100%')).toBeTruthy();
    expect(within(done).getByText('Beginner')).toBeTruthy();
    expect(within(done).getByText('10 min')).toBeTruthy();
    expect(done.getAttribute('href')).toBe('#/exercise/deny-all');
    const drafted = cardLinks()[1];
    if (!drafted) throw new Error('no second card');
    expect(within(drafted).getByText(/In progress/)).toBeTruthy();
    expect(within(drafted).queryByText(/^Best/)).toBeNull();
  });

  it('offers to continue the last exercise', async () => {
    await renderLoaded();
    const link = screen.getByRole('link', { name: 'Continue: Only the API may open the database' });
    expect(link.getAttribute('href')).toBe('#/exercise/db-ingress');
  });

  it('searches titles, tags and ids', async () => {
    await renderLoaded();
    const search = screen.getByRole('searchbox', { name: 'Search exercises' });
    await fireEvent.input(search, { target: { value: 'dns' } });
    expect(cardLinks().map((link) => link.getAttribute('href'))).toEqual(['#/exercise/egress-dns']);
    expect(screen.queryByRole('heading', { level: 2, name: 'Label selectors' })).toBeNull();
  });

  it('filters by status and difficulty', async () => {
    await renderLoaded();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), {
      target: { value: 'completed' },
    });
    expect(cardLinks()).toHaveLength(1);
    await fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: '' } });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Difficulty' }), {
      target: { value: 'advanced' },
    });
    expect(cardLinks().map((link) => link.getAttribute('href'))).toEqual(['#/exercise/match-expressions']);
  });

  it('says when nothing matches and clears the filters', async () => {
    await renderLoaded();
    await fireEvent.input(screen.getByRole('searchbox', { name: 'Search exercises' }), {
      target: { value: 'no such thing' },
    });
    expect(screen.getByText('No exercises match')).toBeTruthy();
    expect(cardLinks()).toHaveLength(0);
    await fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(cardLinks()).toHaveLength(4);
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
  });

  it('focuses the search box on / unless typing', async () => {
    await renderLoaded();
    const search = screen.getByRole('searchbox', { name: 'Search exercises' });
    await fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(search);
  });

  it('shows a host error and tries again', async () => {
    fakeApi.getCatalog.mockRejectedValueOnce(
      new LabApiClientError(
        'unavailable',
        "The lab's host stopped responding. Restart it with npm run serve.",
      ),
    );
    render(CatalogView);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('npm run serve');
    await fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { level: 2, name: 'Foundations' });
    expect(fakeApi.getCatalog).toHaveBeenCalledTimes(2);
  });
});
