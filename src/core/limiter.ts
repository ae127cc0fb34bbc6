// One gate for every request of a run (triggers, lists, polls): a rate with bursts, a cap on
// requests in flight, and a pause that holds everyone back when Refold says it is overloaded.
// Refold's limit is per org, so a 429 seen by one account's request is news for all of them.
import { NotStarted } from './errors.js'

/** The part of the project's Clock the limiter needs; time in milliseconds. */
export interface LimiterClock {
  now(): number
  sleep(ms: number): Promise<void>
}

export interface LimiterOptions {
  /** Requests started per second, on average. */
  ratePerSecond: number
  /** Requests that may start at once after an idle spell (the bucket's size). */
  burst: number
  /** Most requests in flight at once. */
  concurrency: number
}

interface Waiter {
  start: () => void
  fail: (error: unknown) => void
}

// Float arithmetic on 1000 / rate must not turn "exactly due" into a second, tiny sleep.
const EPSILON_MS = 1e-6

export class Limiter {
  private readonly intervalMs: number
  /** How far ahead of `now` the schedule may run: the burst beyond the first request. */
  private readonly toleranceMs: number
  /**
   * When the next request would start if requests came back to back at the rate (GCRA's
   * theoretical arrival time): a token bucket holding `burst` tokens, kept as one number.
   */
  private nextDue: number
  private pausedUntil = -Infinity
  private pauseMs = 0
  private active = 0
  private readonly queue: Waiter[] = []
  private pumping = false
  private slotFreed: (() => void) | undefined

  constructor(
    private readonly options: LimiterOptions,
    private readonly clock: LimiterClock
  ) {
    const { ratePerSecond, burst, concurrency } = options
    if (!(ratePerSecond > 0) || !Number.isFinite(ratePerSecond)) {
      throw new RangeError(`Limiter rate must be a positive number, got ${ratePerSecond}`)
    }
    if (!Number.isInteger(burst) || burst < 1) {
      throw new RangeError(`Limiter burst must be a whole number from 1, got ${burst}`)
    }
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`Limiter concurrency must be a whole number from 1, got ${concurrency}`)
    }
    this.intervalMs = 1000 / ratePerSecond
    this.toleranceMs = (burst - 1) * this.intervalMs
    // The bucket starts empty: the run paces at the rate from its first request and leaves the
    // org's burst to its production traffic, and to the jitter with which requests arrive, which
    // a run that spent the burst at once would turn into 429s.
    this.nextDue = clock.now() + this.toleranceMs
  }

  /** Requests running now. */
  get inFlight(): number {
    return this.active
  }

  /** Requests waiting for their turn. */
  get waiting(): number {
    return this.queue.length
  }

  /**
   * Runs `task` when the rate, the in-flight cap and any pause allow, in the order `run` was
   * called. One call is one request: a retry is a new `run`, so a backoff never holds a slot, and
   * a task must not call `run` itself (with `concurrency` 1 it would wait for itself forever).
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(new NotStarted())
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', withdraw)
          this.active++
          let result: Promise<T>
          try {
            result = task()
          } catch (error) {
            result = Promise.reject(error)
          }
          result.then(resolve, reject).finally(() => this.release())
        },
        fail: reject
      }
      // A cancelled run starts no new request: one still waiting for its turn leaves the queue.
      const withdraw = (): void => {
        const index = this.queue.indexOf(waiter)
        if (index === -1) return
        this.queue.splice(index, 1)
        reject(new NotStarted())
      }
      signal?.addEventListener('abort', withdraw, { once: true })
      this.queue.push(waiter)
      void this.pump()
    })
  }

  /**
   * Holds back every request not yet started for `ms` from now: Refold's Retry-After, or the
   * backoff delay, applies to the org and so to the whole run. A shorter pause never cuts a longer
   * one short. Requests already in flight are not affected.
   */
  pause(ms: number): void {
    if (!(ms > 0)) return
    const until = this.clock.now() + ms
    if (until > this.pausedUntil) {
      this.pausedUntil = until
      this.pauseMs = ms
      // After the pause, pace at the rate again rather than spend a burst Refold just refused.
      this.nextDue = Math.max(this.nextDue, until + this.toleranceMs)
    }
  }

  private release(): void {
    this.active--
    const wake = this.slotFreed
    this.slotFreed = undefined
    wake?.()
  }

  /**
   * Starts waiting requests in order. One pump runs at a time; it either starts the head of the
   * queue, sleeps exactly until the head could start, or waits for a slot to free: never spins.
   */
  private async pump(): Promise<void> {
    if (this.pumping) return
    this.pumping = true
    try {
      while (this.queue.length > 0) {
        if (this.active >= this.options.concurrency) {
          await new Promise<void>(resolve => (this.slotFreed = resolve))
          continue
        }
        const wait = this.delayBeforeNext(this.clock.now())
        if (wait > EPSILON_MS) {
          await this.clock.sleep(wait)
          continue
        }
        const now = this.clock.now()
        this.nextDue = Math.max(this.nextDue, now) + this.intervalMs
        this.queue.shift()!.start()
      }
    } catch (error) {
      // A clock that cannot sleep leaves no way to keep the rate: fail the waiting, do not hang.
      for (const waiter of this.queue.splice(0)) waiter.fail(error)
    } finally {
      this.pumping = false
    }
  }

  private delayBeforeNext(now: number): number {
    // A wall clock set back must not stall the run: nothing legitimately waits longer than the
    // pause that was asked for, or than one interval for a token once the pause is over.
    if (this.pausedUntil <= now) {
      this.pausedUntil = -Infinity
      this.pauseMs = 0
    }
    this.pausedUntil = Math.min(this.pausedUntil, now + this.pauseMs)
    // A pause ends with the bucket empty: the first request goes when it ends, the next an
    // interval later.
    const latestDue =
      this.pausedUntil > now
        ? this.pausedUntil + this.toleranceMs
        : now + this.toleranceMs + this.intervalMs
    this.nextDue = Math.min(this.nextDue, latestDue)
    const forRate = this.nextDue - this.toleranceMs - now
    const forPause = this.pausedUntil - now
    return Math.max(forRate, forPause, 0)
  }
}
