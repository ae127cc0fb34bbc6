// The retry policy: which failures are worth another attempt, how long to wait before it, and when
// to give up. Time is injected so the policy is tested in milliseconds, not seconds.
import {
  CallFailed,
  MalformedAnswerError,
  NetworkError,
  NotStarted,
  RefoldApiError,
  type AttemptRecord
} from './errors.js'

export interface Clock {
  now(): number
  /** A clock may end the sleep early once `signal` aborts (the system clock does). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
  /** A number in [0, 1), for jitter. */
  random(): number
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise(resolve => {
      // Cleared on abort, so a cancelled wait leaves no timer holding the process open.
      const timer = setTimeout(done, ms)
      signal?.addEventListener('abort', done, { once: true })
      function done(): void {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
    }),
  random: () => Math.random()
}

/** Sleeps `ms` on `clock`, or less: it ends, without error, as soon as `signal` aborts. */
export function sleepUnlessAborted(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve()
  return new Promise(resolve => {
    const done = (): void => {
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
    clock.sleep(ms, signal).then(done, done)
  })
}

export const ABORTED = Symbol('aborted')

/**
 * `work`'s value, or ABORTED as soon as `signal` aborts; `work` is then left to itself. It listens
 * to the signal only while it waits: a race with a promise that lives as long as the run would
 * keep every answer reachable until the run ends.
 */
export function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal
): Promise<T | typeof ABORTED> {
  return new Promise((resolve, reject) => {
    const aborted = (): void => resolve(ABORTED)
    if (signal.aborted) return aborted()
    signal.addEventListener('abort', aborted, { once: true })
    // A failure after the abort settles nothing: the promise already resolved.
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', aborted))
  })
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number
  baseDelayMs: number
  maxDelayMs: number
  /** The longest Retry-After honoured; a longer one gives up at once. */
  maxRetryAfterMs: number
}

export function retryPolicy(retries: number): RetryPolicy {
  return { retries, baseDelayMs: 1000, maxDelayMs: 30_000, maxRetryAfterMs: 60_000 }
}

const RETRYABLE_STATUSES = [408, 429, 500, 502, 503, 504]

export function isRetryable(error: unknown): error is NetworkError | RefoldApiError {
  if (error instanceof NetworkError) return true
  if (!(error instanceof RefoldApiError)) return false
  if (error instanceof MalformedAnswerError) return true
  return RETRYABLE_STATUSES.includes(error.status) || error.rateLimited
}

/**
 * Retry-After in milliseconds; undefined when absent or not one of RFC 9110's two forms, so the
 * caller falls back to backoff. A lenient date parser would read "1.5", "-1" or "2, 3" as dates
 * long past and retry at once, so only delay-seconds and an HTTP-date, both matched exactly, count.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const trimmed = value?.trim() ?? ''
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = parseHttpDate(trimmed, now)
  // A date already past means the wait is over.
  return date === undefined ? undefined : Math.max(0, date - now)
}

const DAY_NAMES = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun'
const LONG_DAY_NAMES = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday'
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH = MONTHS.join('|')
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})'

// RFC 9110 section 5.6.7: IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient
// still accepts. Names are case-sensitive there, and so are they here.
const IMF_FIXDATE = new RegExp(`^(?:${DAY_NAMES}), (\\d{2}) (${MONTH}) (\\d{4}) ${TIME} GMT$`)
const RFC_850 = new RegExp(`^(?:${LONG_DAY_NAMES}), (\\d{2})-(${MONTH})-(\\d{2}) ${TIME} GMT$`)
const ASCTIME = new RegExp(`^(?:${DAY_NAMES}) (${MONTH}) ([ \\d]\\d) ${TIME} (\\d{4})$`)

/** An HTTP-date in ms since the epoch, or undefined unless `text` is exactly one of its forms. */
export function parseHttpDate(text: string, now: number): number | undefined {
  let parts: { day: string; month: string; year: number; time: string[] }
  let match: RegExpExecArray | null
  if ((match = IMF_FIXDATE.exec(text))) {
    const [, day, month, year, ...time] = match
    parts = { day, month, year: Number(year), time }
  } else if ((match = RFC_850.exec(text))) {
    const [, day, month, year, ...time] = match
    parts = { day, month, year: twoDigitYear(Number(year), now), time }
  } else if ((match = ASCTIME.exec(text))) {
    const [, month, day, hours, minutes, secs, year] = match
    parts = { day: day.trim(), month, year: Number(year), time: [hours, minutes, secs] }
  } else {
    return undefined
  }
  const day = Number(parts.day)
  const month = MONTHS.indexOf(parts.month)
  const [hours, minutes, secs] = parts.time.map(Number)
  // Second 60 is a leap second; Date.UTC carries it into the next minute.
  if (day < 1 || hours > 23 || minutes > 59 || secs > 60) return undefined
  const midnight = new Date(Date.UTC(parts.year, month, day))
  // 31 Feb would roll over into March.
  if (midnight.getUTCDate() !== day || midnight.getUTCFullYear() !== parts.year) return undefined
  return Date.UTC(parts.year, month, day, hours, minutes, secs)
}

/** RFC 9110: a two-digit year more than 50 years ahead is the latest past year ending so. */
function twoDigitYear(year: number, now: number): number {
  const thisYear = new Date(now).getUTCFullYear()
  const candidate = Math.floor(thisYear / 100) * 100 + year
  return candidate > thisYear + 50 ? candidate - 100 : candidate
}

/** Exponential backoff with jitter: retry n (1-based) waits between half and all of base·2^(n-1), capped. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1))
  return Math.round(ceiling / 2 + (random * ceiling) / 2)
}

export interface Attempted<T> {
  value: T
  /** Every attempt, the successful last one included. */
  attempts: AttemptRecord[]
}

export interface RetryHooks<T> {
  /** A line for the log before each retry. */
  onRetry(line: string): void
  /** Refold is rate limiting: hold back every request of the run this long, not just this call's. */
  onRateLimited?(ms: number): void
  /** How a successful attempt is listed, e.g. `HTTP 200`. */
  outcomeOf?(value: T): string
  /** The run's cancel: a backoff ends early, and the attempt it was for is never started. */
  signal?: AbortSignal
}

/**
 * Runs `attempt` until it succeeds, fails in a way not worth retrying, or the policy gives up.
 * Either failure is thrown as CallFailed, which carries every attempt and the last failure.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  clock: Clock,
  hooks: RetryHooks<T>
): Promise<Attempted<T>> {
  const allowed = policy.retries + 1
  const attempts: AttemptRecord[] = []
  for (let made = 1; ; made++) {
    try {
      const value = await attempt()
      attempts.push({ outcome: hooks.outcomeOf?.(value) ?? 'succeeded' })
      return { value, attempts }
    } catch (error) {
      // A retry the run's cancel kept from going out: the caller needs the attempts before it.
      if (error instanceof NotStarted) throw new NotStarted(attempts)
      if (!(error instanceof RefoldApiError || error instanceof NetworkError)) throw error
      attempts.push({ outcome: attemptOutcome(error) })
      if (!isRetryable(error)) throw new CallFailed(error, attempts)
      const asked =
        error instanceof RefoldApiError
          ? parseRetryAfter(error.details.retryAfter, clock.now())
          : undefined
      if (asked !== undefined && asked > policy.maxRetryAfterMs) {
        throw new CallFailed(
          error,
          attempts,
          `Refold asked to wait ${seconds(asked)} before retrying (Retry-After), longer than the ` +
            `${seconds(policy.maxRetryAfterMs)} this action waits; gave up after ${plural(made, 'attempt')}`
        )
      }
      if (made >= allowed) {
        throw new CallFailed(error, attempts, `Gave up after ${plural(made, 'attempt')}`)
      }
      const delay = asked ?? backoffDelay(made, policy, clock.random())
      attempts[attempts.length - 1].waitMs = delay
      if (error instanceof RefoldApiError && error.rateLimited) hooks.onRateLimited?.(delay)
      hooks.onRetry(
        `Attempt ${made} of ${allowed} failed: ${error.message}. Retrying in ${seconds(delay)}.`
      )
      await clock.sleep(delay, hooks.signal)
    }
  }
}

function attemptOutcome(error: RefoldApiError | NetworkError): string {
  if (error instanceof NetworkError) return error.reason
  if (error instanceof MalformedAnswerError)
    return `HTTP ${error.status}, an answer of the wrong shape`
  const code = error.details.errorCode ?? error.details.httpErrorType
  return `HTTP ${error.status}${code ? ` ${code}` : ''}`
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
