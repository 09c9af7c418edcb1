/**
 * Reads the YAML of an untrusted pack: size and nesting are checked before parsing, duplicate keys
 * are errors, and aliases are refused outright (a pack is written by a tool and never needs them,
 * so an alias bomb has nothing to expand). Every problem comes back as a diagnostic with line:column.
 */
import { LineCounter, isAlias, isNode, parseDocument, visit } from 'yaml';
import type { Document } from 'yaml';
import type { Diagnostic, SourcePosition } from '../netpol/types.ts';
import { formatPosition } from '../netpol/read/yaml-source.ts';
import { PACK_LIMITS } from './types.ts';

/** A parsed pack text: plain data plus a way back to line:column. */
export interface PackText {
  readonly data: unknown;
  /** Where the value at `path` starts, or its nearest existing ancestor. */
  locate(path: readonly (string | number)[]): SourcePosition;
  /**
   * For a literal block scalar (`|`) at `path`: the pack line just before its first content line and
   * the content's indentation, so positions inside the embedded text can be moved into the pack.
   */
  blockStart(path: readonly (string | number)[]): { line: number; indent: number } | undefined;
}

const START: SourcePosition = { line: 1, column: 1 };

/** UTF-8 length of a text without allocating its bytes. */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** Whether a text holds a C0 control character or DEL; tab and line breaks pass when `multiline`. */
export function hasControlCharacter(text: string, multiline = false): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const allowed = multiline && (code === 0x09 || code === 0x0a || code === 0x0d);
    if ((code < 0x20 || code === 0x7f) && !allowed) return true;
  }
  return false;
}

/** A problem found in the pack file itself. */
export function packProblem(
  id: string,
  message: string,
  position: SourcePosition | undefined,
  source: string,
  path?: string,
): Diagnostic {
  return {
    id: `pack.${id}`,
    severity: 'error',
    message: `${path === undefined || path === '' ? '' : `${path}: `}${message}${formatPosition(position)}`,
    ...(path === undefined || path === '' ? {} : { path }),
    ...(position === undefined ? {} : { position }),
    source,
  };
}

/** The first place where more than the allowed flow brackets are open, counted conservatively. */
function excessiveFlowNesting(text: string): number | undefined {
  let open = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text.charCodeAt(index);
    if (character === 0x5b || character === 0x7b) {
      if (++open > PACK_LIMITS.flowNesting) return index;
    } else if ((character === 0x5d || character === 0x7d) && open > 0) open--;
  }
  return undefined;
}

function lineText(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end);
}

function locateIn(document: Document.Parsed, lines: LineCounter, path: readonly (string | number)[]) {
  for (let length = path.length; length >= 0; length--) {
    const node: unknown = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range !== undefined && node.range !== null) {
      const { line, col } = lines.linePos(node.range[0]);
      return { line, column: col };
    }
  }
  return START;
}

/** Parses a pack's text. `text` is undefined data when the text is unusable; the reasons are the problems. */
export function readPackText(text: string, source: string): { pack?: PackText; problems: Diagnostic[] } {
  if (typeof text !== 'string') return { problems: [packProblem('unreadable', 'not text', START, source)] };
  const bytes = utf8ByteLength(text);
  if (bytes > PACK_LIMITS.fileBytes) {
    const megabytes = (bytes / (1024 * 1024)).toFixed(1);
    const limit = PACK_LIMITS.fileBytes / (1024 * 1024);
    return {
      problems: [
        packProblem('too-large', `the pack is ${megabytes} MB; at most ${limit} MB is read`, START, source),
      ],
    };
  }
  const lines = new LineCounter();
  const position = (offset: number): SourcePosition => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const deep = excessiveFlowNesting(text);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    const where = { line: before.split('\n').length, column: deep - before.lastIndexOf('\n') };
    const message = `more than ${PACK_LIMITS.flowNesting} "[" or "{" are open at once; nothing was read`;
    return { problems: [packProblem('too-deep', message, where, source)] };
  }
  const document = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problems: Diagnostic[] = document.errors.map((error) =>
    packProblem('yaml-syntax', `YAML: ${error.message.split('\n')[0]}`, position(error.pos[0]), source),
  );
  visit(document, {
    Alias(_key, node) {
      problems.push(
        packProblem(
          'alias',
          'YAML aliases (*name) are not allowed in a pack; write every value out',
          isAlias(node) && node.range ? position(node.range[0]) : START,
          source,
        ),
      );
    },
  });
  if (problems.length > 0) return { problems };
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 0 });
  } catch (error) {
    return { problems: [packProblem('unreadable', `YAML: ${(error as Error).message}`, START, source)] };
  }
  const pack: PackText = {
    data,
    locate: (path) => locateIn(document, lines, path),
    blockStart(path) {
      const node: unknown = document.getIn(path, true);
      if (!isNode(node) || !node.range || (node as { type?: string }).type !== 'BLOCK_LITERAL')
        return undefined;
      const header = position(node.range[0]);
      const headerLine = lineText(text, lines.lineStarts[header.line - 1] ?? 0);
      const explicit = /^\|[+-]?(\d)|^\|(\d)/.exec(text.slice(node.range[0], node.range[0] + 3));
      if (explicit !== null) {
        const keyIndent = headerLine.length - headerLine.trimStart().length;
        return { line: header.line, indent: keyIndent + Number(explicit[1] ?? explicit[2]) };
      }
      for (let line = header.line; line < lines.lineStarts.length; line++) {
        const content = lineText(text, lines.lineStarts[line] as number);
        if (content.trim() === '') continue;
        return { line: header.line, indent: content.length - content.trimStart().length };
      }
      return { line: header.line, indent: 0 };
    },
  };
  return { pack, problems };
}
