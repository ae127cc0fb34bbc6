// The retry policy: which failures are worth another attempt, how long to wait before it, and when
// to give up. Time is injected so the policy is tested in milliseconds, not seconds.
import { GaveUpError, MalformedAnswerError, NetworkError, RefoldApiError } from './errors.js'

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
  /** A number in [0, 1), for jitter. */
  random(): number
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
  random: () => Math.random()
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
  if (RETRYABLE_STATUSES.includes(error.status)) return true
  // Refold's older services answer a rate limit with 403 "Rate Limit Hit".
  return error.status === 403 && isRateLimitMessage(error)
}

export function isRateLimitMessage(error: RefoldApiError): boolean {
  const { refoldMessage, errorText, errorCode } = error.details
  return [refoldMessage, errorText, errorCode].some(text => /rate.?limit/i.test(text ?? ''))
}

/** Retry-After in milliseconds, from delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Exponential backoff with jitter: retry n (1-based) waits between half and all of base·2^(n-1), capped. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1))
  return Math.round(ceiling / 2 + (random * ceiling) / 2)
}

/**
 * Runs `attempt` until it succeeds, fails in a way not worth retrying (thrown as is), or the policy
 * gives up (thrown as GaveUpError naming the attempts and the last failure).
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  clock: Clock,
  log: (line: string) => void
): Promise<T> {
  const attempts = policy.retries + 1
  for (let made = 1; ; made++) {
    try {
      return await attempt()
    } catch (error) {
      if (!isRetryable(error)) throw error
      const asked =
        error instanceof RefoldApiError
          ? parseRetryAfter(error.details.retryAfter, clock.now())
          : undefined
      if (asked !== undefined && asked > policy.maxRetryAfterMs) {
        throw new GaveUpError(
          made,
          error,
          `Refold asked to wait ${seconds(asked)} before retrying (Retry-After), longer than the ` +
            `${seconds(policy.maxRetryAfterMs)} this action waits; gave up after ${plural(made, 'attempt')}`
        )
      }
      if (made >= attempts) {
        throw new GaveUpError(made, error, `Gave up after ${plural(made, 'attempt')}`)
      }
      const delay = asked ?? backoffDelay(made, policy, clock.random())
      log(`Attempt ${made} of ${attempts} failed: ${error.message}. Retrying in ${seconds(delay)}.`)
      await clock.sleep(delay)
    }
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
