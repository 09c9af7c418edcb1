/**
 * The exercise being authored: the form, the starter and solution texts, the proposed checks and the
 * host's latest validation. Components bind to it; only this class talks to the host for authoring.
 */
import {
  buildExerciseYaml,
  emptyExerciseForm,
  formProblems,
  readExerciseForm,
} from '../../../core/authoring/index.ts';
import type { ExerciseForm, ReachCheckRow } from '../../../core/authoring/index.ts';
import type {
  AuthoredExerciseFiles,
  AuthoredExerciseSummary,
  AuthoringValidation,
  ProposedCheck,
} from '../../../core/lab-api/index.ts';
import { api, errorMessage } from '../lib/api.ts';

/** A proposal as a form check. */
export function checkFromProposal(proposal: ProposedCheck): ReachCheckRow {
  return {
    id: proposal.id,
    from: proposal.from,
    to: proposal.to,
    port: proposal.port,
    protocol: proposal.protocol,
    expect: proposal.expect,
    explain: '',
    informational: false,
    weight: 1,
  };
}

export class AuthoringDraft {
  form = $state<ExerciseForm>(emptyExerciseForm());
  starter = $state('');
  solution = $state('');
  proposals = $state<ProposedCheck[]>([]);
  /** Set once checks were generated, so "none proposed" can be told from "not asked". */
  generated = $state(false);
  validation = $state<AuthoringValidation | null>(null);
  /** A host failure while generating, validating or saving. */
  error = $state<string | null>(null);
  busy = $state(false);
  #validationRound = 0;

  /** The three texts as they would be saved. */
  get files(): AuthoredExerciseFiles {
    return { exerciseYaml: buildExerciseYaml(this.form), starter: this.starter, solution: this.solution };
  }

  /** Problems in the form's own fields (labels, ports) that the YAML would lose. */
  get fieldProblems(): string[] {
    return formProblems(this.form);
  }

  /** Why saving is not possible now, or null when it is. */
  get saveBlockedBy(): string | null {
    const field = this.fieldProblems[0];
    if (field !== undefined) return field;
    if (this.validation === null) return 'The exercise has not been checked yet.';
    if (this.validation.valid) return null;
    const error = this.validation.problems.find((problem) => problem.severity === 'error');
    return error?.message ?? 'The exercise is not valid yet.';
  }

  /** Starts from saved files (editing) or from nothing (a new exercise). */
  load(files: AuthoredExerciseFiles | null): void {
    this.form = files === null ? emptyExerciseForm() : readExerciseForm(files.exerciseYaml);
    this.starter = files?.starter ?? '';
    this.solution = files?.solution ?? '';
    this.proposals = [];
    this.generated = false;
    this.validation = null;
  }

  /** Asks the host to validate the current texts; an older answer never replaces a newer one. */
  async validate(): Promise<void> {
    const round = ++this.#validationRound;
    try {
      const validation = await api.validateAuthoredExercise(this.files);
      if (round === this.#validationRound) {
        this.validation = validation;
        this.error = null;
      }
    } catch (error) {
      if (round === this.#validationRound) this.error = errorMessage(error);
    }
  }

  /** Asks the host for checks; every proposal starts kept (in the form's checks). */
  async generateChecks(): Promise<void> {
    this.busy = true;
    this.error = null;
    try {
      const proposals = await api.proposeChecks(this.files);
      this.proposals = [...proposals];
      this.generated = true;
      // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup used once here, never state
      const proposedIds = new Set(proposals.map((proposal) => proposal.id));
      const kept = this.form.checks.filter((check) => !proposedIds.has(check.id));
      this.form.checks = [...kept, ...proposals.map(checkFromProposal)];
    } catch (error) {
      this.error = errorMessage(error);
    } finally {
      this.busy = false;
    }
  }

  isKept(checkId: string): boolean {
    return this.form.checks.some((check) => check.id === checkId);
  }

  /** Keeps a proposal (adds its check) or drops it. */
  keep(proposal: ProposedCheck, kept: boolean): void {
    const others = this.form.checks.filter((check) => check.id !== proposal.id);
    this.form.checks = kept ? [...others, checkFromProposal(proposal)] : others;
  }

  removeCheck(checkId: string): void {
    this.form.checks = this.form.checks.filter((check) => check.id !== checkId);
  }

  /** Saves through the host; answers the summary, or null with `error` set. */
  async save(): Promise<AuthoredExerciseSummary | null> {
    this.busy = true;
    this.error = null;
    try {
      return await api.saveAuthoredExercise(this.files);
    } catch (error) {
      this.error = errorMessage(error);
      return null;
    } finally {
      this.busy = false;
    }
  }
}
