import { describe, expect, it } from 'vitest';
import { connectionText, reachChecks } from './connection-text.ts';
import { parsePredictions, serializePredictions } from './predict-answers.ts';
import { writeExercise } from './test-fixtures.ts';

describe('connectionText', () => {
  it('writes the ends as the exercise wrote them', () => {
    expect(connectionText({ from: 'prod/web', to: 'prod/db', port: 3306, protocol: 'TCP' })).toBe(
      'prod/web -> prod/db on 3306/TCP',
    );
    expect(connectionText({ from: 'backup', to: '10.0.0.1', port: 53, protocol: 'UDP' })).toBe(
      'backup -> 10.0.0.1 on 53/UDP',
    );
  });

  it('keeps only reach checks, in order', () => {
    expect(reachChecks(writeExercise().checks).map((check) => check.id)).toEqual([
      'web-to-db',
      'batch-to-db',
    ]);
  });
});

describe('predictions', () => {
  it('serializes answered checks in check order, one YAML line each', () => {
    const text = serializePredictions({ b: 'deny', a: 'allow' }, ['a', 'b', 'c']);
    expect(text).toBe('a: allow\nb: deny\n');
  });

  it('is empty when nothing is answered', () => {
    expect(serializePredictions({}, ['a'])).toBe('');
  });

  it('quotes ids YAML would misread, and reads them back', () => {
    const text = serializePredictions({ 'odd id: x': 'allow' }, ['odd id: x']);
    expect(text).toBe('"odd id: x": allow\n');
    expect(parsePredictions(text)).toEqual({ 'odd id: x': 'allow' });
  });

  it('round-trips and ignores lines that are not answers', () => {
    const text = '# my guesses\nweb-to-db: Deny\nnot an answer\ndb-to-web: allow # sure\nother: maybe\n';
    expect(parsePredictions(text)).toEqual({ 'web-to-db': 'deny', 'db-to-web': 'allow' });
    const again = serializePredictions(parsePredictions(text), ['web-to-db', 'db-to-web']);
    expect(parsePredictions(again)).toEqual(parsePredictions(text));
  });
});
