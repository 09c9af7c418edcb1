import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../core/netpol/index.ts';
import PodsTable from './PodsTable.svelte';

function pods(count: number): Pod[] {
  return Array.from({ length: count }, (_, index) => ({
    namespace: `team-${Math.floor(index / 100)}`,
    name: `pod-${index}`,
    labels: { app: index % 2 === 0 ? 'web' : 'db' },
    ips: [`10.0.${Math.floor(index / 200)}.${index % 200}`],
    ports: index % 2 === 0 ? [{ name: 'http', port: 8080, protocol: 'TCP' as const }] : [],
  }));
}

function bodyRows(): HTMLElement[] {
  return within(screen.getByRole('table', { name: 'Pods' }))
    .getAllByRole('row')
    .slice(1);
}

describe('PodsTable', () => {
  it('lists a few pods whole, one line each, without a filter', () => {
    render(PodsTable, { pods: pods(3) });
    expect(bodyRows().map((row) => row.children[1]?.textContent)).toEqual(['pod-0', 'pod-1', 'pod-2']);
    expect(bodyRows()[0]?.textContent).toContain('http 8080/TCP');
    expect(bodyRows()[1]?.textContent).toContain('none declared');
    expect(screen.queryByRole('searchbox', { name: 'Filter pods' })).toBeNull();
  });

  it('marks an IP the lab assigned, and says why', () => {
    const [given, chosen] = pods(2);
    if (given === undefined || chosen === undefined) throw new Error('no pods');
    render(PodsTable, { pods: [given, { ...chosen, ipAssigned: true }] });
    const [first, second] = bodyRows();
    expect(first?.textContent).not.toContain('(assigned)');
    expect(second?.textContent).toContain('10.0.0.1 (assigned)');
    expect(second?.querySelector('[title*="assigned by the lab"]')).not.toBeNull();
  });

  it('draws only the rows in view of thousands of pods, and says how many there are', () => {
    render(PodsTable, { pods: pods(2000) });
    const table = screen.getByRole('table', { name: 'Pods' });
    expect(table.getAttribute('aria-rowcount')).toBe('2001');
    expect(bodyRows().length).toBeGreaterThan(5);
    expect(bodyRows().length).toBeLessThan(60);
    expect(bodyRows()[0]?.getAttribute('aria-rowindex')).toBe('2');
    expect(screen.getByRole('status').textContent?.trim()).toBe('2000 pods');
  });

  it('filters by name, label or IP', async () => {
    render(PodsTable, { pods: pods(2000) });
    await fireEvent.input(screen.getByRole('searchbox', { name: 'Filter pods' }), {
      target: { value: 'pod-199' },
    });
    expect(bodyRows().map((row) => row.children[1]?.textContent)).toEqual([
      'pod-199',
      'pod-1990',
      'pod-1991',
      'pod-1992',
      'pod-1993',
      'pod-1994',
      'pod-1995',
      'pod-1996',
      'pod-1997',
      'pod-1998',
      'pod-1999',
    ]);
    expect(screen.getByRole('status').textContent?.trim()).toBe('11 of 2000 pods');
    await fireEvent.input(screen.getByRole('searchbox', { name: 'Filter pods' }), {
      target: { value: '10.0.9.199' },
    });
    expect(bodyRows().map((row) => row.children[1]?.textContent)).toEqual(['pod-1999']);
    await fireEvent.input(screen.getByRole('searchbox', { name: 'Filter pods' }), {
      target: { value: 'nothing' },
    });
    expect(screen.getByText('No pod matches “nothing”.')).toBeTruthy();
  });
});
