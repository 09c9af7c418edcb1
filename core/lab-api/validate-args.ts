/**
 * Runtime checks for the arguments of every {@link LabApi} method. Types vanish at the boundary:
 * Electron's main process and the HTTP host receive whatever a renderer (or anything else that
 * reaches them) sends, so both run these checks before a call reaches the backend.
 */
import { LAB_API_LIMITS, LAB_API_METHODS, TAB_SIZES } from './contract.ts';
import type { LabApiArgs, LabApiMethod, LabApiResult, Settings, SubmitAttemptInput } from './contract.ts';
import type { TerminalChanges } from '../kubectl/index.ts';
import {
  ArgumentProblem,
  describe,
  hasControlCharacter,
  identifier,
  integer,
  oneOf,
  oneOfNumbers,
  problem,
  record,
  text,
} from './argument-checks.ts';
import type { ArgsCheckers } from './argument-checks.ts';
import { examArgCheckers } from './validate-exam-args.ts';
import type { ExamMethod } from './validate-exam-args.ts';
import { libraryArgCheckers } from './validate-library-args.ts';
import type { LibraryMethod } from './validate-library-args.ts';

type LearnerMethod = Exclude<LabApiMethod, ExamMethod | LibraryMethod>;

const methodNames: ReadonlySet<string> = new Set(LAB_API_METHODS);

/** True when `name` is one of the {@link LabApi} method names. */
export function isLabApiMethod(name: unknown): name is LabApiMethod {
  return typeof name === 'string' && methodNames.has(name);
}

function submitInput(value: unknown): SubmitAttemptInput {
  const input = record(value, 'argument 1 (input)', ['exerciseId', 'answer', 'durationMs', 'terminal']);
  return {
    exerciseId: identifier(input.exerciseId, 'input.exerciseId'),
    answer: text(input.answer, 'input.answer'),
    durationMs: integer(input.durationMs, 'input.durationMs', 0, LAB_API_LIMITS.maxDurationMs),
    ...(input.terminal === undefined ? {} : { terminal: terminalChanges(input.terminal) }),
  };
}

/** Labels as the API server allows them: at most 64 pairs here, each key and value bounded text. */
function labelMap(value: unknown, what: string): Record<string, string> {
  const labels = record(value, what, Object.keys(value ?? {}));
  const entries = Object.entries(labels);
  if (entries.length > LAB_API_LIMITS.maxLabels)
    problem(`${what} has more than ${LAB_API_LIMITS.maxLabels} labels`);
  const checked: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, label] of entries) {
    if (key.length === 0 || key.length > 317 || hasControlCharacter(key))
      problem(`${what} has a bad label key`);
    if (typeof label !== 'string' || label.length > 63 || hasControlCharacter(label))
      problem(
        `${what}[${JSON.stringify(key.slice(0, 60))}] must be a label value (text of at most 63 characters)`,
      );
    checked[key] = label;
  }
  return { ...checked };
}

/** Object names to labels: a namespace name, or `namespace/name` for a pod. */
function labelsByName(value: unknown, what: string): Record<string, Record<string, string>> {
  const byName = record(value, what, Object.keys(value ?? {}));
  const entries = Object.entries(byName);
  if (entries.length > LAB_API_LIMITS.maxTerminalObjects)
    problem(`${what} names more than ${LAB_API_LIMITS.maxTerminalObjects} objects`);
  return Object.fromEntries(
    entries.map(([name, labels]) => {
      if (name.length === 0 || name.length > 2 * LAB_API_LIMITS.maxIdLength || hasControlCharacter(name))
        problem(`${what} has a bad object name`);
      return [name, labelMap(labels, `${what}[${JSON.stringify(name.slice(0, 60))}]`)];
    }),
  );
}

function terminalChanges(value: unknown): TerminalChanges {
  const changes = record(value, 'input.terminal', ['namespaceLabels', 'podLabels', 'deletedPolicies']);
  const deleted = changes.deletedPolicies;
  if (!Array.isArray(deleted) || deleted.length > LAB_API_LIMITS.maxTerminalObjects)
    problem(
      `input.terminal.deletedPolicies must be a list of at most ${LAB_API_LIMITS.maxTerminalObjects} policies`,
    );
  return {
    namespaceLabels: labelsByName(changes.namespaceLabels, 'input.terminal.namespaceLabels'),
    podLabels: labelsByName(changes.podLabels, 'input.terminal.podLabels'),
    deletedPolicies: deleted.map((entry: unknown, index) => {
      const ref = record(entry, `input.terminal.deletedPolicies[${index}]`, ['namespace', 'name']);
      return {
        namespace: identifier(ref.namespace, `input.terminal.deletedPolicies[${index}].namespace`),
        name: identifier(ref.name, `input.terminal.deletedPolicies[${index}].name`),
      };
    }),
  };
}

function settingsChanges(value: unknown): Partial<Settings> {
  const changes = record(value, 'argument 1 (changes)', [
    'theme',
    'fontSize',
    'editorKeys',
    'tabSize',
    'workspace',
  ]);
  // A key holding undefined (possible over structured clone) means "no change", like an absent key.
  return {
    ...(changes.theme === undefined
      ? {}
      : { theme: oneOf(changes.theme, 'changes.theme', ['system', 'light', 'dark'] as const) }),
    ...(changes.fontSize === undefined
      ? {}
      : {
          fontSize: integer(
            changes.fontSize,
            'changes.fontSize',
            LAB_API_LIMITS.minFontSize,
            LAB_API_LIMITS.maxFontSize,
          ),
        }),
    ...(changes.editorKeys === undefined
      ? {}
      : { editorKeys: oneOf(changes.editorKeys, 'changes.editorKeys', ['standard', 'vim'] as const) }),
    ...(changes.tabSize === undefined
      ? {}
      : { tabSize: oneOfNumbers(changes.tabSize, 'changes.tabSize', TAB_SIZES) }),
    ...(changes.workspace === undefined
      ? {}
      : { workspace: oneOf(changes.workspace, 'changes.workspace', ['editor', 'terminal'] as const) }),
  };
}

const exerciseId = (value: unknown): string => identifier(value, 'argument 1 (exerciseId)');

/** The learner's methods: catalogue, exercises, attempts, progress and settings. */
const learnerCheckers: ArgsCheckers<LearnerMethod> = {
  getStartupInfo: { count: 0, check: () => [] },
  getCatalog: { count: 0, check: () => [] },
  getExercise: { count: 1, check: ([id]) => [exerciseId(id)] },
  saveDraft: { count: 2, check: ([id, draft]) => [exerciseId(id), text(draft, 'argument 2 (text)')] },
  discardDraft: { count: 1, check: ([id]) => [exerciseId(id)] },
  submitAttempt: { count: 1, check: ([input]) => [submitInput(input)] },
  listAttempts: {
    count: 2,
    check: ([id, limit]) => [
      exerciseId(id),
      integer(limit, 'argument 2 (limit)', 1, LAB_API_LIMITS.maxAttemptsListed),
    ],
  },
  revealHints: {
    count: 2,
    check: ([id, count]) => [exerciseId(id), integer(count, 'argument 2 (count)', 0, 1000)],
  },
  revealSolution: { count: 1, check: ([id]) => [exerciseId(id)] },
  getProgressOverview: { count: 0, check: () => [] },
  getLessons: { count: 0, check: () => [] },
  getLesson: { count: 1, check: ([id]) => [identifier(id, 'argument 1 (lessonId)')] },
  answerLesson: {
    count: 2,
    check: ([id, option]) => [
      identifier(id, 'argument 1 (lessonId)'),
      integer(option, 'argument 2 (optionIndex)', 0, LAB_API_LIMITS.maxLessonOptions - 1),
    ],
  },
  getSettings: { count: 0, check: () => [] },
  updateSettings: { count: 1, check: ([changes]) => [settingsChanges(changes)] },
  exportProgress: {
    count: 1,
    check: ([format]) => [oneOf(format, 'argument 1 (format)', ['json', 'csv'] as const)],
  },
  resetProgress: {
    count: 1,
    check: ([confirmation]) => [oneOf(confirmation, 'argument 1 (confirmation)', ['reset'] as const)],
  },
};

/** Per method: how many arguments it takes and how to check them. */
const checkers: ArgsCheckers = { ...learnerCheckers, ...examArgCheckers, ...libraryArgCheckers };

/**
 * Checks the positional arguments of `method`: an array of exactly the right length, each value of
 * the right type and within {@link LAB_API_LIMITS}, objects without unknown keys. Answers the checked
 * arguments, or an `invalid-argument` error naming the argument and what was expected.
 */
export function checkLabApiArgs<M extends LabApiMethod>(
  method: M,
  args: unknown,
): LabApiResult<LabApiArgs<M>> {
  if (!isLabApiMethod(method)) {
    return { ok: false, error: { code: 'invalid-argument', message: `unknown method ${describe(method)}` } };
  }
  const checker = checkers[method] as ArgsCheckers[M];
  try {
    if (!Array.isArray(args)) problem(`${method} expects an array of arguments, got ${describe(args)}`);
    const fewest = checker.count - (checker.optional ?? 0);
    if (args.length < fewest || args.length > checker.count) {
      const counts = fewest === checker.count ? `${checker.count}` : `${fewest} to ${checker.count}`;
      problem(`${method} takes ${counts} argument${checker.count === 1 ? '' : 's'}, got ${args.length}`);
    }
    return { ok: true, value: checker.check(args) };
  } catch (error) {
    if (!(error instanceof ArgumentProblem)) throw error;
    return { ok: false, error: { code: 'invalid-argument', message: `${method}: ${error.message}` } };
  }
}
