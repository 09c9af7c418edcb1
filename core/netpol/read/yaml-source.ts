/**
 * Reads learner YAML into documents whose every node knows its line and column, with limits that
 * keep hostile input (huge texts, thousands of documents, alias bombs, deep nesting) cheap to reject.
 * Never throws: every problem becomes a diagnostic.
 */
import { Composer, LineCounter, Parser, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Diagnostic, SourcePosition } from '../types.ts';
import { explainYamlError } from './yaml-error-words.ts';
import { clipText, quoteText } from './shown-text.ts';

/** Texts longer than this (in UTF-16 code units, about bytes for YAML) are refused unread. */
export const MAX_TEXT_LENGTH = 2 * 1024 * 1024;
/** Documents read from one text; the rest are ignored with a diagnostic. */
export const MAX_DOCUMENTS = 1000;
/** Alias uses (`*name`) allowed in one document. */
export const MAX_ALIASES = 100;
/** Nesting depth of maps and lists; Kubernetes objects need far less. */
export const MAX_DEPTH = 64;
/** Nodes in one document after expanding aliases. */
export const MAX_NODES = 200_000;
/**
 * Nesting the YAML parser is allowed to see. The parser recurses per level and, far deeper, can exhaust
 * the stack in native code where no `catch` helps; so deeper texts are refused before parsing.
 */
const MAX_FLOW_NESTING = 128;
const MAX_BLOCK_NESTING = 512;
/** Characters of a parser message repeated; parser messages may quote the learner's text. */
const PARSER_MESSAGE_LIMIT = 200;

interface NodeBase {
  readonly position: SourcePosition;
}

/** A mapping with its entries in written order. */
export interface YamlMap extends NodeBase {
  readonly kind: 'map';
  readonly entries: readonly YamlEntry[];
}

export interface YamlEntry {
  readonly key: string;
  readonly keyPosition: SourcePosition;
  readonly value: YamlValue;
}

export interface YamlList extends NodeBase {
  readonly kind: 'list';
  readonly items: readonly YamlValue[];
}

/** A plain value as the YAML 1.2 core schema types it: `80` is a number, `"80"` a string. */
export interface YamlScalar extends NodeBase {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
}

/** A YAML node with its position, aliases already expanded. */
export type YamlValue = YamlMap | YamlList | YamlScalar;

/** One non-empty document of a text. */
export interface SourceDocument {
  readonly value: YamlValue;
  /** 0-based index of the document in its text. */
  readonly index: number;
  readonly source: string;
}

export interface ReadResult {
  readonly documents: readonly SourceDocument[];
  readonly diagnostics: readonly Diagnostic[];
}

const START: SourcePosition = { line: 1, column: 1 };

/** Formats ` (line 3, column 5)` for the end of a message. */
export function formatPosition(position: SourcePosition | undefined): string {
  return position === undefined ? '' : ` (line ${position.line}, column ${position.column})`;
}

/** Finds an entry of a map by exact key. */
export function entryOf(map: YamlMap, key: string): YamlEntry | undefined {
  return map.entries.find((entry) => entry.key === key);
}

/** True for an explicit `null`, `~` or an empty value, which Kubernetes treats as absent. */
export function isNull(value: YamlValue | undefined): boolean {
  return value === undefined || (value.kind === 'scalar' && value.value === null);
}

/** Names a node's type the way a learner reads it: `a mapping`, `a list`, `the number 80`. */
export function describeValue(value: YamlValue): string {
  if (value.kind === 'map') return 'a mapping';
  if (value.kind === 'list') return 'a list';
  if (value.value === null) return 'null';
  if (typeof value.value === 'string') return `the string ${quoteText(value.value)}`;
  return `the ${typeof value.value} ${String(value.value)}`;
}

/**
 * YAML never allows a tab where indentation is read, not even inside a `[ ]` list split over lines
 * (kubectl's own parser is laxer and accepts that). A learner who pasted a tab gets this instead of
 * the parser's general complaint.
 */
const TAB_MESSAGE =
  'a tab is used for indentation on this line; YAML indents with spaces only (some kubectl versions ' +
  'accept a tab inside a [ ] list, the YAML standard does not): replace the tab with spaces';

/** The position of a tab in the leading white space of `line` (1-based), if there is one. */
function indentingTab(text: string, lines: LineCounter, line: number): SourcePosition | undefined {
  const start = lines.lineStarts[line - 1];
  if (start === undefined) return undefined;
  for (let index = start; index < text.length; index++) {
    const character = text[index];
    if (character === '\t') return { line, column: index - start + 1 };
    if (character !== ' ') return undefined;
  }
  return undefined;
}

class LimitError extends Error {
  constructor(
    readonly id: string,
    message: string,
    readonly position: SourcePosition,
  ) {
    super(message);
  }
}

/** Converts one composed document to located values, expanding aliases within the budgets. */
class Converter {
  private aliases = 0;
  private nodes = 0;

  constructor(
    private readonly document: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  positionOf(offset: number | undefined): SourcePosition {
    if (offset === undefined) return START;
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }

  convert(node: unknown, fallback: SourcePosition, depth: number): YamlValue {
    if (++this.nodes > MAX_NODES) {
      throw new LimitError('yaml.too-large', `the document has more than ${MAX_NODES} values`, fallback);
    }
    if (depth > MAX_DEPTH) {
      throw new LimitError('yaml.too-deep', `values are nested more than ${MAX_DEPTH} levels deep`, fallback);
    }
    if (node === null || node === undefined) return { kind: 'scalar', value: null, position: fallback };
    if (isAlias(node)) {
      const position = this.positionOf(node.range?.[0]);
      if (++this.aliases > MAX_ALIASES) {
        throw new LimitError(
          'yaml.alias-limit',
          `more than ${MAX_ALIASES} alias uses (*name) in one document; refusing to expand them`,
          position,
        );
      }
      const target = node.resolve(this.document);
      if (target === undefined) return { kind: 'scalar', value: null, position };
      return this.convert(target, position, depth + 1);
    }
    const position = this.positionOf((node as YamlNode).range?.[0]);
    if (isMap(node)) {
      const entries: YamlEntry[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as unknown;
        const keyPosition = this.positionOf((keyNode as YamlNode | null)?.range?.[0]) ?? position;
        const key = this.keyText(keyNode, keyPosition, depth);
        entries.push({ key, keyPosition, value: this.convert(pair.value, keyPosition, depth + 1) });
      }
      return { kind: 'map', entries, position };
    }
    if (isSeq(node)) {
      const items = node.items.map((item) => this.convert(item, position, depth + 1));
      return { kind: 'list', items, position };
    }
    if (isScalar(node)) {
      const value = node.value;
      if (
        value === null ||
        typeof value === 'string' ||
        typeof value === 'number' ||
        typeof value === 'boolean'
      ) {
        return { kind: 'scalar', value, position };
      }
      // Custom tags may produce other values (dates, binary); the learner wrote text, so keep it.
      return {
        kind: 'scalar',
        value: typeof node.source === 'string' ? node.source : String(value),
        position,
      };
    }
    return { kind: 'scalar', value: null, position };
  }

  private keyText(keyNode: unknown, position: SourcePosition, depth: number): string {
    if (isScalar(keyNode)) return String(keyNode.value);
    if (keyNode === null || keyNode === undefined) return '';
    // A mapping or list used as a key: no Kubernetes field looks like that; show it compactly.
    const value = this.convert(keyNode, position, depth + 1);
    return value.kind === 'map' ? '{…}' : value.kind === 'list' ? '[…]' : String(value.value);
  }
}

/**
 * A cheap, conservative estimate of how deeply a text nests: flow brackets (`[`, `{`) that open
 * values, and per line the indentation plus compact `- ` markers. Returns the first line that goes
 * past the limits, or `undefined`. Brackets inside quotes or comments are skipped where easy to see;
 * an overestimate only matters for absurd texts.
 */
function findExcessiveNesting(text: string): SourcePosition | undefined {
  let flow = 0;
  let line = 1;
  let index = 0;
  while (index < text.length) {
    const end = text.indexOf('\n', index) === -1 ? text.length : text.indexOf('\n', index);
    let column = index;
    while (column < end && text[column] === ' ') column++;
    let block = column - index;
    while (column + 1 < end && (text[column] === '-' || text[column] === '?') && text[column + 1] === ' ') {
      block++;
      column += 2;
      while (column < end && text[column] === ' ') column++;
    }
    if (block > MAX_BLOCK_NESTING) return { line, column: 1 };
    let previous = ' ';
    for (let position = column; position < end; position++) {
      const character = text[position] as string;
      if (character === '#' && (previous === ' ' || previous === '\t')) break;
      if ((character === '"' || character === "'") && /[\s,[{:]/.test(previous)) {
        const close = text.indexOf(character, position + 1);
        position = close === -1 || close > end ? end : close;
        previous = character;
        continue;
      }
      if (character === '[' || character === '{') {
        if (++flow > MAX_FLOW_NESTING) return { line, column: position - index + 1 };
      } else if ((character === ']' || character === '}') && flow > 0) flow--;
      previous = character;
    }
    index = end + 1;
    line++;
  }
  return undefined;
}

function yamlDiagnostic(
  id: string,
  severity: Diagnostic['severity'],
  message: string,
  position: SourcePosition,
  source: string,
): Diagnostic {
  return { id, severity, message: `${message}${formatPosition(position)}`, position, source };
}

/**
 * Splits a text into YAML documents with positions. Empty documents are dropped silently; syntax
 * errors, warnings and exceeded limits come back as diagnostics (`yaml.syntax`, `yaml.warning`,
 * `yaml.too-large`, `yaml.too-many-documents`, `yaml.alias-limit`, `yaml.too-deep`). A document with
 * a syntax error is left out, so a half-read object never reaches the model.
 */
export function readYamlDocuments(text: string, source: string): ReadResult {
  const diagnostics: Diagnostic[] = [];
  const documents: SourceDocument[] = [];
  if (typeof text !== 'string') {
    diagnostics.push(yamlDiagnostic('yaml.syntax', 'error', 'the input is not text', START, source));
    return { documents, diagnostics };
  }
  if (text.length > MAX_TEXT_LENGTH) {
    const megabytes = (text.length / (1024 * 1024)).toFixed(1);
    diagnostics.push(
      yamlDiagnostic(
        'yaml.too-large',
        'error',
        `the text is ${megabytes} MB; at most ${MAX_TEXT_LENGTH / (1024 * 1024)} MB is read, so nothing was read`,
        START,
        source,
      ),
    );
    return { documents, diagnostics };
  }
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) {
    diagnostics.push(
      yamlDiagnostic(
        'yaml.too-deep',
        'error',
        'the text nests lists or mappings far deeper than any Kubernetes object; nothing was read',
        tooDeep,
        source,
      ),
    );
    return { documents, diagnostics };
  }
  const lines = new LineCounter();
  let lineCache: string[] | undefined;
  const textLines = (): string[] => (lineCache ??= text.split(/\r?\n/));
  const toPosition = (offset: number): SourcePosition => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  try {
    const parser = new Parser(lines.addNewLine);
    // Alias expansion is bounded by the converter; the composer itself never expands aliases.
    const composer = new Composer({ prettyErrors: false, uniqueKeys: true });
    let index = 0;
    const generator = composer.compose(parser.parse(text), true, text.length);
    for (const document of generator) {
      if (index >= MAX_DOCUMENTS) {
        diagnostics.push(
          yamlDiagnostic(
            'yaml.too-many-documents',
            'error',
            `the text has more than ${MAX_DOCUMENTS} documents; the rest were not read`,
            toPosition(document.range[0]),
            source,
          ),
        );
        break;
      }
      const documentIndex = index++;
      for (const warning of document.warnings) {
        diagnostics.push(
          yamlDiagnostic(
            'yaml.warning',
            'warning',
            `YAML: ${parserWords(warning.message)}`,
            toPosition(warning.pos[0]),
            source,
          ),
        );
      }
      if (document.errors.length > 0) {
        const tabLines = new Set<number>();
        const saidLines = new Set<string>();
        for (const error of document.errors) {
          const position = toPosition(error.pos[0]);
          const tab = indentingTab(text, lines, position.line);
          if (tab !== undefined) {
            if (!tabLines.has(position.line)) {
              tabLines.add(position.line);
              diagnostics.push(yamlDiagnostic('yaml.tab-indent', 'error', TAB_MESSAGE, tab, source));
            }
            continue;
          }
          const explained = explainYamlError(error.code, error.message, textLines(), position);
          const key = explained === undefined ? '' : String(explained.position.line);
          // One mistake often makes the parser complain twice about a line; the learner hears it once.
          if (explained !== undefined && saidLines.has(key)) continue;
          if (explained !== undefined) saidLines.add(key);
          diagnostics.push(
            yamlDiagnostic(
              'yaml.syntax',
              'error',
              explained === undefined
                ? `YAML syntax error: ${parserWords(error.message)}`
                : `YAML syntax error: ${explained.message} (the parser says: ${parserWords(error.message)})`,
              explained?.position ?? position,
              source,
            ),
          );
        }
        continue;
      }
      const converter = new Converter(document, lines);
      try {
        const value = converter.convert(document.contents, toPosition(document.range[0]), 0);
        if (value.kind === 'scalar' && value.value === null) continue;
        documents.push({ value, index: documentIndex, source });
      } catch (error) {
        if (error instanceof LimitError) {
          diagnostics.push(yamlDiagnostic(error.id, 'error', error.message, error.position, source));
        } else if (error instanceof RangeError) {
          diagnostics.push(
            yamlDiagnostic('yaml.too-deep', 'error', 'the document is nested too deeply', START, source),
          );
        } else throw error;
      }
    }
  } catch (error) {
    // The parser can run out of stack on pathological nesting; report it instead of crashing.
    const detail =
      error instanceof RangeError ? 'the text is nested too deeply to read' : describeError(error);
    diagnostics.push(
      yamlDiagnostic('yaml.syntax', 'error', `could not read the YAML: ${detail}`, START, source),
    );
  }
  return { documents, diagnostics };
}

/** The parser's own message, which can quote the learner's text (a tag, a key), kept to a readable length. */
function parserWords(message: string): string {
  return clipText(message, PARSER_MESSAGE_LIMIT);
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
