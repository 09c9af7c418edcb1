import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import type { ReachCheck } from '../../../../core/exercise/types.ts';
import { LiveAnalysis } from '../live/live-analysis.ts';
import type { ReachGraph } from '../graph/reach-graph.ts';
import { writeExercise } from '../test-fixtures.ts';
import ReachabilityGraph from './ReachabilityGraph.svelte';

const httpCheck: ReachCheck = {
  id: 'web-to-db-http',
  type: 'reach',
  from: 'prod/web',
  to: 'prod/db',
  port: 80,
  protocol: 'TCP',
  expect: 'deny',
  informational: false,
  weight: 1,
};

function graphOf(text = ''): ReachGraph {
  const exercise = writeExercise();
  const graph = new LiveAnalysis({ ...exercise, checks: [...exercise.checks, httpCheck] }).fromText(
    text,
  ).graph;
  if (graph === undefined) throw new Error('no graph');
  return graph;
}

function arrows(): HTMLElement[] {
  return within(screen.getByRole('group', { name: 'Reachability graph' })).getAllByRole('button');
}

function legend(): string[] {
  return within(screen.getByRole('list', { name: 'Legend' }))
    .getAllByRole('listitem')
    .map((item) => item.textContent?.trim() ?? '');
}

describe('ReachabilityGraph', () => {
  it('draws the edges of one port, each a named button, and a legend of what is drawn', () => {
    render(ReachabilityGraph, { graph: graphOf(), stale: false, predict: false });
    const labels = arrows().map((arrow) => arrow.getAttribute('aria-label'));
    expect(labels.every((label) => label?.includes(' on 5432/TCP: '))).toBe(true);
    expect(labels).toContain('prod/batch to prod/db on 5432/TCP: allowed, but a check expects deny');
    // Two addresses outside the cluster never get an edge; this cluster has only one anyway.
    expect(labels.some((label) => label?.startsWith('backup to backup'))).toBe(false);
    expect(legend()).toEqual([
      'allowed, as a check expects',
      'allowed, but a check expects deny',
      'allowed, not checked',
      'pod',
      'address outside the cluster',
      'namespace',
    ]);
    expect(arrows().filter((arrow) => arrow.tabIndex === 0)).toHaveLength(1);
  });

  it('switches port, merges every port, and keeps only differences when asked', async () => {
    render(ReachabilityGraph, { graph: graphOf(), stale: false, predict: false });
    const port = screen.getByRole('combobox', { name: 'Port' });
    await fireEvent.change(port, { target: { value: '1' } });
    expect(arrows().every((arrow) => arrow.getAttribute('aria-label')?.includes(' on 80/TCP: '))).toBe(true);
    await fireEvent.change(port, { target: { value: 'any' } });
    expect(screen.getByLabelText(/^prod\/web to prod\/db on 80\/TCP, 5432\/TCP: /)).toBeTruthy();
    await fireEvent.click(screen.getByRole('checkbox', { name: /^Differences only/ }));
    const left = arrows().map((arrow) => arrow.getAttribute('aria-label') ?? '');
    expect(left.length).toBe(2);
    expect(left.every((label) => label.includes('but a check expects'))).toBe(true);
    expect(legend().slice(0, 1)).toEqual(['allowed, but a check expects deny']);
    expect(legend()).not.toContain('allowed, not checked');
  });

  it('moves between arrows with the arrow keys and explains one on Enter or click', async () => {
    const onexplain = vi.fn();
    render(ReachabilityGraph, { graph: graphOf(), stale: false, predict: false, onexplain });
    const first = arrows().find((arrow) => arrow.tabIndex === 0) as HTMLElement;
    first.focus();
    const firstLabel = first.getAttribute('aria-label');
    await fireEvent.keyDown(first, { key: 'ArrowRight' });
    await tick();
    expect(document.activeElement?.getAttribute('aria-label')).not.toBe(firstLabel);
    await fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowLeft' });
    await tick();
    expect(document.activeElement?.getAttribute('aria-label')).toBe(firstLabel);
    await fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' });
    expect(onexplain).toHaveBeenCalledTimes(1);
    const batch = screen.getByLabelText(
      'prod/batch to prod/db on 5432/TCP: allowed, but a check expects deny',
    );
    await fireEvent.click(batch);
    expect(onexplain).toHaveBeenLastCalledWith(
      { from: 'prod/batch', to: 'prod/db', port: 5432, protocol: 'TCP' },
      batch,
      undefined,
    );
  });

  it('says when the text has errors, and what an empty view means', async () => {
    render(ReachabilityGraph, { graph: graphOf(), stale: true, predict: false });
    expect(screen.getByText(/the graph shows the last version without errors/)).toBeTruthy();
  });
});
