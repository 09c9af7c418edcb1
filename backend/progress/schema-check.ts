/**
 * Does a database hold the tables its recorded schema version promises? A file can pass SQLite's
 * own checks and still be wrong for us: a table dropped by hand, a version number bumped or reset by
 * another tool, a copy made half-way. The expected shape of each version is not written down a
 * second time: it is what the migrations produce in an empty in-memory database.
 */
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { migrate } from './migrations/index.ts';

/** Table name → its column names. */
type Schema = ReadonlyMap<string, ReadonlySet<string>>;

const expectedByVersion = new Map<number, Schema>();

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The tables (SQLite's own excepted) and their columns, as the database holds them now. */
function readSchema(database: BetterSqlite3.Database): Schema {
  const tables = database
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    .pluck()
    .all() as string[];
  const schema = new Map<string, ReadonlySet<string>>();
  for (const table of tables) {
    const columns = database.pragma(`table_info(${quoteIdentifier(table)})`) as { name: string }[];
    schema.set(table, new Set(columns.map((column) => column.name)));
  }
  return schema;
}

/** The schema the migrations up to `version` create, computed once per version. */
export function expectedSchema(version: number): Schema {
  const cached = expectedByVersion.get(version);
  if (cached !== undefined) return cached;
  const scratch = new Database(':memory:');
  try {
    migrate(scratch, version);
    const schema = readSchema(scratch);
    expectedByVersion.set(version, schema);
    return schema;
  } finally {
    scratch.close();
  }
}

/**
 * Why `database` does not match its recorded schema `version`, in words for the learner, or
 * `undefined` when every table and column the migrations up to that version create is there.
 * Extra tables are allowed (an older app never removes what a newer step might add). A version of 0
 * with tables of ours means the record was lost, and the migrations would fail on it.
 */
export function schemaMismatch(database: BetterSqlite3.Database, version: number): string | undefined {
  const actual = readSchema(database);
  if (version === 0) {
    const ours = [...expectedSchema(1).keys()].filter((table) => actual.has(table));
    return ours.length === 0
      ? undefined
      : `the database records no schema version but already holds the table ${ours[0]}`;
  }
  for (const [table, columns] of expectedSchema(version)) {
    const found = actual.get(table);
    if (found === undefined)
      return `the database says schema version ${version} but lacks the table ${table}`;
    for (const column of columns) {
      if (!found.has(column)) {
        return `the database says schema version ${version} but its table ${table} lacks the column ${column}`;
      }
    }
  }
  return undefined;
}
