import "server-only";

export interface BreakerOptions {
  /** How long a success from S3 vouches for it. */
  freshMs: number;
  /** How long after a failure callers are refused at once, before one probe is let through. */
  cooldownMs: number;
  now?: () => number;
}

type State = { kind: "unknown" } | { kind: "closed"; at: number } | { kind: "open"; at: number };

/**
 * What the app knows about S3's reachability, learnt from the results of real S3 requests, so a
 * step that needs no S3 request of its own (signing an upload policy) can still refuse while S3 is
 * away. Closed and fresh: go ahead. Open within the cool-down: refuse at once. Otherwise (nothing
 * recent is known, or the cool-down has passed: half-open) one probe runs for every waiting caller,
 * and its result closes or reopens the breaker.
 */
export class CircuitBreaker {
  private state: State = { kind: "unknown" };
  private probing: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  record(ok: boolean) {
    this.state = { kind: ok ? "closed" : "open", at: this.now() };
  }

  /** Resolves when S3 may be assumed reachable; otherwise throws `refusal()`, probing if due. */
  async ensureAvailable(probe: () => Promise<void>, refusal: () => Error): Promise<void> {
    const age = this.now() - (this.state.kind === "unknown" ? -Infinity : this.state.at);
    if (this.state.kind === "closed" && age < this.options.freshMs) return;
    if (this.state.kind === "open" && age < this.options.cooldownMs) throw refusal();
    this.probing ??= probe().finally(() => {
      this.probing = null;
    });
    await this.probing;
  }
}
