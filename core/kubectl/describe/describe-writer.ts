/**
 * The building blocks of kubectl's describe pages: text written at indentation levels of two
 * spaces, tab-separated cells aligned at the end as one Go tabwriter block (padding 2), and the
 * multi-line Labels and Annotations fields.
 */
import type { Labels } from '../../netpol/types.ts';
import { DESCRIBE_SETTINGS, alignTabs } from '../text/tabwriter.ts';
import { LAST_APPLIED } from '../apply/write-object.ts';

/** Collects describe text; `finish` aligns it. */
export class DescribeWriter {
  private text = '';

  /** Writes `text` after `level` times two spaces (text may end mid-line, as kubectl's does). */
  write(level: number, text: string): void {
    this.text += '  '.repeat(level) + text;
  }

  /** The aligned page. */
  finish(): string {
    return alignTabs(this.text, DESCRIBE_SETTINGS);
  }
}

/** `Labels:  a=1` and further labels on their own lines under the first, sorted by key. */
export function writeLabels(writer: DescribeWriter, title: string, labels: Labels, indent = ''): void {
  writer.write(0, `${indent}${title}:\t`);
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) {
    writer.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, index) => {
    if (index > 0) writer.write(0, `${indent}\t`);
    writer.write(0, `${key}=${labels[key]}\n`);
  });
}

const MAX_ANNOTATION = 140;

/** `Annotations:  key: value`; long or multi-line values go below their key; last-applied is left out. */
export function writeAnnotations(writer: DescribeWriter, title: string, annotations: Labels): void {
  writer.write(0, `${title}:\t`);
  const keys = Object.keys(annotations)
    .filter((key) => key !== LAST_APPLIED)
    .sort();
  if (keys.length === 0) {
    writer.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, index) => {
    if (index > 0) writer.write(0, '\t');
    const value = (annotations[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION || value.includes('\n')) {
      writer.write(0, `${key}:\n`);
      for (const line of value.split('\n')) {
        const shown = line.length > MAX_ANNOTATION - 2 ? `${line.slice(0, MAX_ANNOTATION - 2)}...` : line;
        writer.write(0, `\t  ${shown}\n`);
      }
    } else writer.write(0, `${key}: ${value}\n`);
  });
}
