import { describe, expect, it } from 'vitest';
import { DESCRIBE_SETTINGS, alignTabs, formatTable } from './tabwriter.ts';

describe('formatTable (kubectl get: minwidth 6, padding 3)', () => {
  it('pads every column but the last to its widest cell plus three spaces', () => {
    expect(
      formatTable([
        ['NAME', 'READY', 'STATUS', 'AGE'],
        ['web', '1/1', 'Running', '5m3s'],
        ['database-0', '1/1', 'Running', '12d'],
      ]),
    ).toBe(
      'NAME         READY   STATUS    AGE\n' +
        'web          1/1     Running   5m3s\n' +
        'database-0   1/1     Running   12d\n',
    );
  });

  it('never makes a column narrower than six characters', () => {
    expect(
      formatTable([
        ['A', 'B'],
        ['x', 'y'],
      ]),
    ).toBe('A     B\nx     y\n');
  });

  it('prints nothing for no rows', () => {
    expect(formatTable([])).toBe('');
  });
});

describe('alignTabs (describe: minwidth 0, padding 2)', () => {
  it('aligns a block of consecutive lines and lets a line without a tab end the block', () => {
    const text = 'Name:\tweb\nNamespace:\tprod\nSpec:\n  PodSelector:\tapp=web\n  X:\ty\n';
    expect(alignTabs(text, DESCRIBE_SETTINGS)).toBe(
      'Name:       web\nNamespace:  prod\nSpec:\n  PodSelector:  app=web\n  X:            y\n',
    );
  });

  it('aligns inner columns only across the lines that have them', () => {
    const text = 'Port:\tdns\t53/UDP\nTargetPort:\t53/UDP\nPort:\tdns-tcp\t53/TCP\n';
    expect(alignTabs(text, DESCRIBE_SETTINGS)).toBe(
      'Port:        dns  53/UDP\nTargetPort:  53/UDP\nPort:        dns-tcp  53/TCP\n',
    );
  });

  it('keeps a trailing cell after the last tab unpadded, even when empty', () => {
    expect(alignTabs('a\tb\t\nlonger\tc\t\n', { minWidth: 0, padding: 1 })).toBe('a      b \nlonger c \n');
  });
});
