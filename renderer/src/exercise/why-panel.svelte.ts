/**
 * The "why" panel's state: the connection in the probe form, the engine's explanation of it, and
 * where focus goes back when the panel closes. Opened from a matrix cell, a graph arrow, or empty
 * from "Explain a connection…"; the form can change any field and explain again. When the policies
 * change while it is open, the same connection is explained again against them.
 */
import type { ConnectionRef } from './graph/reach-graph.ts';
import type { ProbeProblem, ProbeRequest, ProbeResult } from './live/connection-explanation.ts';

export type ExplainFunction = (request: ProbeRequest) => Promise<ProbeResult>;

/** Which side of the screen the panel covers: the one away from what opened it. */
export type PanelSide = 'left' | 'right';

export class WhyPanelState {
  open = $state(false);
  from = $state('');
  to = $state('');
  port = $state('');
  protocol = $state('TCP');
  result: ProbeResult | null = $state.raw(null);
  busy = $state(false);
  /** Said above the explanation, e.g. that a graph arrow stands for many pod pairs. */
  context: string | null = $state(null);
  side: PanelSide = $state('right');
  /** A predict exercise before its first Check: explanations would give the answers away. */
  blocked: string | null = $state(null);
  /** Bumped on every open, so the panel knows to move focus into itself. */
  opened = $state(0);

  readonly #explain: ExplainFunction;
  #opener: Element | null = null;
  #sequence = 0;

  constructor(explain: ExplainFunction) {
    this.#explain = explain;
  }

  /** Problems with one field of the last explained request. */
  problem(field: ProbeProblem['field']): string | undefined {
    const result = this.result;
    if (result === null || result.ok) return undefined;
    return result.problems.find((problem) => problem.field === field)?.message;
  }

  /** Opens the panel on one connection and explains it. */
  openFor(connection: ConnectionRef, opener: Element | null, context?: string): void {
    this.from = connection.from;
    this.to = connection.to;
    this.port = String(connection.port);
    this.protocol = connection.protocol;
    this.context = context ?? null;
    this.#show(opener);
    void this.explain();
  }

  /** Opens the panel with the form as it was, for a connection of the learner's choosing. */
  openBlank(opener: Element | null): void {
    this.context = null;
    if (this.from === '' && this.to === '') this.result = null;
    this.#show(opener);
  }

  #show(opener: Element | null): void {
    this.#opener = opener;
    this.side = sideAwayFrom(opener);
    this.open = true;
    this.opened++;
  }

  /** Explains the connection in the form. */
  async explain(): Promise<void> {
    if (this.blocked !== null) return;
    const sequence = ++this.#sequence;
    this.busy = true;
    try {
      const result = await this.#explain({
        from: this.from,
        to: this.to,
        port: this.port,
        protocol: this.protocol,
      });
      if (sequence === this.#sequence) this.result = result;
    } catch (error) {
      if (sequence === this.#sequence) {
        const message = error instanceof Error ? error.message : String(error);
        this.result = {
          ok: false,
          problems: [{ field: 'from', message: `The explanation failed: ${message}` }],
        };
      }
    } finally {
      if (sequence === this.#sequence) this.busy = false;
    }
  }

  /** The policies changed: explain the shown connection again. */
  refresh(): void {
    if (this.open && this.result?.ok === true) void this.explain();
  }

  /** The field was edited by hand: an arrow's note no longer applies. */
  edited(): void {
    this.context = null;
  }

  /** Closes the panel and gives focus back to what opened it, when it is still on the page. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    const opener = this.#opener;
    this.#opener = null;
    if (opener !== null && opener.isConnected && 'focus' in opener && typeof opener.focus === 'function') {
      (opener as HTMLElement).focus();
    }
  }
}

/** The half of the window the opener is not in (the right half when unknown). */
export function sideAwayFrom(opener: Element | null): PanelSide {
  if (opener === null || typeof window === 'undefined') return 'right';
  const box = opener.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) return 'right';
  return box.left + box.width / 2 > window.innerWidth / 2 ? 'left' : 'right';
}
