import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { LiveAnalysis } from '../live/live-analysis.ts';
import type { LiveMatrix } from '../live/live-matrix.ts';
import { writeExercise } from '../test-fixtures.ts';
import MatrixSection from './MatrixSection.svelte';

function fixtureMatrix(): LiveMatrix {
  const matrix = new LiveAnalysis(writeExercise()).fromText('').matrix;
  if (matrix === undefined) throw new Error('no matrix');
  return matrix;
}

/** A matrix of `size` endpoints where everything is allowed and nothing is checked. */
function wideMatrix(size: number): LiveMatrix {
  return {
    endpoints: Array.from({ length: size }, (_, index) => ({ key: `ns/pod-${index}`, kind: 'pod' as const })),
    ports: [{ port: 80, protocol: 'TCP' }],
    yours: [new Uint8Array(size * size).fill(1)],
    expected: [new Uint8Array(size * size)],
    differencesByPort: [0],
    differences: 0,
  };
}

describe('MatrixSection', () => {
  it('is a grid with one tab stop, named cells and the differences counted', () => {
    render(MatrixSection, { matrix: fixtureMatrix(), stale: false, predict: false });
    const grid = screen.getByRole('grid', { name: 'Reachability matrix' });
    expect(grid.getAttribute('aria-rowcount')).toBe('4');
    const cells = within(grid).getAllByRole('gridcell');
    expect(cells).toHaveLength(9);
    expect(cells.filter((cell) => cell.tabIndex === 0)).toHaveLength(1);
    const differing = within(grid).getByLabelText(
      'prod/batch to prod/db on 5432/TCP: expected deny, yours allow',
    );
    expect(differing.textContent).toContain('≠');
    expect(screen.getByText(/1\s+cell differs from the checks/)).toBeTruthy();
    expect(
      within(grid)
        .getAllByRole('columnheader')
        .map((header) => header.textContent?.trim()),
    ).toEqual(['From \\ To', 'prod/web', 'prod/db', 'prod/batch']);
  });

  it('moves between cells with the arrow keys and explains the one Enter is pressed on', async () => {
    const onexplain = vi.fn();
    render(MatrixSection, { matrix: fixtureMatrix(), stale: false, predict: false, onexplain });
    const grid = screen.getByRole('grid', { name: 'Reachability matrix' });
    const first = within(grid).getAllByRole('gridcell')[0] as HTMLElement;
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowDown' });
    await tick();
    await fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    await tick();
    await fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    await tick();
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'prod/batch to prod/db on 5432/TCP: expected deny, yours allow',
    );
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
    await fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' });
    expect(onexplain).toHaveBeenCalledWith(
      { from: 'prod/batch', to: 'prod/db', port: 5432, protocol: 'TCP' },
      document.activeElement,
    );
    await fireEvent.keyDown(document.activeElement as Element, { key: 'Home', ctrlKey: true });
    await tick();
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^prod\/web to prod\/web/);
  });

  it('explains a clicked cell', async () => {
    const onexplain = vi.fn();
    render(MatrixSection, { matrix: fixtureMatrix(), stale: false, predict: false, onexplain });
    await fireEvent.click(screen.getByLabelText(/^prod\/web to prod\/db on 5432\/TCP/));
    expect(onexplain).toHaveBeenCalledWith(
      { from: 'prod/web', to: 'prod/db', port: 5432, protocol: 'TCP' },
      expect.any(HTMLElement),
    );
  });

  it('draws only the cells near the view of a large matrix, and keeps the focused one', async () => {
    render(MatrixSection, { matrix: wideMatrix(400), stale: false, predict: false });
    const grid = screen.getByRole('grid', { name: 'Reachability matrix' });
    expect(grid.getAttribute('aria-rowcount')).toBe('401');
    const drawn = within(grid).getAllByRole('gridcell');
    expect(drawn.length).toBeGreaterThan(20);
    expect(drawn.length).toBeLessThan(1000);
    const first = drawn[0] as HTMLElement;
    first.focus();
    await fireEvent.keyDown(first, { key: 'End', ctrlKey: true });
    await tick();
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^ns\/pod-399 to ns\/pod-399/);
    expect(document.activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex')).toBe('401');
  });

  it('shows one port at a time, saying how many cells differ on each', async () => {
    const exercise = writeExercise();
    const checks = [
      ...exercise.checks,
      {
        id: 'web-to-db-http',
        type: 'reach' as const,
        from: 'prod/web',
        to: 'prod/db',
        port: 80,
        protocol: 'TCP' as const,
        expect: 'deny' as const,
        informational: false,
        weight: 1,
      },
    ];
    const matrix = new LiveAnalysis({ ...exercise, checks }).fromText('').matrix ?? null;
    render(MatrixSection, { matrix, stale: false, predict: false });
    const port = screen.getByRole('combobox', { name: 'Port' });
    expect(
      within(port)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['5432/TCP — 1 differs', '80/TCP — 1 differs']);
    await fireEvent.change(port, { target: { value: '1' } });
    expect(screen.getByLabelText('prod/web to prod/db on 80/TCP: expected deny, yours allow')).toBeTruthy();
  });

  it('says when there is nothing to show', () => {
    render(MatrixSection, { matrix: null, stale: false, predict: false });
    expect(screen.getByText('This exercise has no connections to show.')).toBeTruthy();
  });
});
