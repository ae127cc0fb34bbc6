// The retry policy, on a virtual clock: no test here sleeps for real.
import { describe, it, expect, jest } from '@jest/globals'
import { CallFailed, MalformedAnswerError, RefoldApiError } from '../src/core/errors.js'
import {
  backoffDelay,
  isRetryable,
  parseHttpDate,
  parseRetryAfter,
  retryPolicy,
  sleepUnlessAborted,
  systemClock,
  withRetry,
  type RetryHooks
} from '../src/core/retry.js'
import { apiError, NOW, networkError, rejection, virtualClock } from './helpers/common.js'

/** An attempt that fails with each of `failures` in turn, then succeeds with 'accepted'. */
function failingThen(...failures: Error[]) {
  let calls = 0
  const attempt = jest.fn(async () => {
    const failure = failures[calls++]
    if (failure) throw failure
    return 'accepted'
  })
  return attempt
}

/** Hooks that record every retry line and rate-limit pause. */
function hooks() {
  return {
    onRetry: jest.fn<RetryHooks<string>['onRetry']>(),
    onRateLimited: jest.fn<(ms: number) => void>()
  }
}

/** The value of a run that succeeded. */
async function value(promise: Promise<{ value: string }>): Promise<string> {
  return (await promise).value
}

/** The CallFailed a run ended in. */
async function failed(promise: Promise<unknown>): Promise<CallFailed> {
  const error = await rejection(promise)
  expect(error).toBeInstanceOf(CallFailed)
  return error as CallFailed
}

describe('withRetry', () => {
  it('returns the first answer without waiting when the first attempt succeeds', async () => {
    const clock = virtualClock()
    const log = hooks()
    const attempt = failingThen()
    await expect(withRetry(attempt, retryPolicy(3), clock, log)).resolves.toEqual({
      value: 'accepted',
      attempts: [{ outcome: 'succeeded' }]
    })
    expect(attempt).toHaveBeenCalledTimes(1)
    expect(clock.sleeps).toEqual([])
    expect(log.onRetry).not.toHaveBeenCalled()
    expect(log.onRateLimited).not.toHaveBeenCalled()
  })

  it('lists a successful attempt as outcomeOf says', async () => {
    const attempt = failingThen()
    const { attempts } = await withRetry(attempt, retryPolicy(3), virtualClock(), {
      onRetry: () => {},
      outcomeOf: answer => `HTTP 200 (${answer})`
    })
    expect(attempts).toEqual([{ outcome: 'HTTP 200 (accepted)' }])
  })

  it.each([408, 429, 500, 502, 503, 504])('retries a %i', async status => {
    const clock = virtualClock()
    const attempt = failingThen(apiError(status))
    await expect(value(withRetry(attempt, retryPolicy(3), clock, hooks()))).resolves.toBe(
      'accepted'
    )
    expect(attempt).toHaveBeenCalledTimes(2)
    expect(clock.sleeps).toHaveLength(1)
  })

  it.each([400, 401, 404, 422, 403])(
    'throws a %i at once after one attempt, without waiting',
    async status => {
      const clock = virtualClock()
      const log = hooks()
      const failure = apiError(status, { refoldMessage: 'Forbidden' })
      const attempt = failingThen(failure)
      const error = await failed(withRetry(attempt, retryPolicy(3), clock, log))
      expect(error.last).toBe(failure)
      // Not worth retrying is not giving up: the message is Refold's refusal, unchanged.
      expect(error.gaveUp).toBeUndefined()
      expect(error.message).toBe(failure.message)
      expect(error.attempts).toEqual([{ outcome: `HTTP ${status}` }])
      expect(attempt).toHaveBeenCalledTimes(1)
      expect(clock.sleeps).toEqual([])
      expect(log.onRetry).not.toHaveBeenCalled()
    }
  )

  it('retries a 403 whose message says "Rate Limit Hit"', async () => {
    const clock = virtualClock()
    const attempt = failingThen(apiError(403, { refoldMessage: 'Rate Limit Hit' }))
    await expect(value(withRetry(attempt, retryPolicy(3), clock, hooks()))).resolves.toBe(
      'accepted'
    )
    expect(attempt).toHaveBeenCalledTimes(2)
  })

  it('retries a 403 whose error code says rate limit', async () => {
    const clock = virtualClock()
    const attempt = failingThen(apiError(403, { errorCode: 'RATE_LIMIT_EXCEEDED' }))
    await expect(value(withRetry(attempt, retryPolicy(3), clock, hooks()))).resolves.toBe(
      'accepted'
    )
    expect(attempt).toHaveBeenCalledTimes(2)
  })

  it('retries a network error', async () => {
    const clock = virtualClock()
    const attempt = failingThen(networkError(), networkError())
    await expect(value(withRetry(attempt, retryPolicy(3), clock, hooks()))).resolves.toBe(
      'accepted'
    )
    expect(attempt).toHaveBeenCalledTimes(3)
    expect(clock.sleeps).toHaveLength(2)
  })

  it('throws an error that is neither an API nor a network error at once, unwrapped', async () => {
    const clock = virtualClock()
    const bug = new TypeError('not a failure of Refold')
    const attempt = failingThen(bug)
    expect(await rejection(withRetry(attempt, retryPolicy(3), clock, hooks()))).toBe(bug)
    expect(attempt).toHaveBeenCalledTimes(1)
  })

  it('retries a 429 after the Retry-After seconds, with no extra backoff', async () => {
    const clock = virtualClock({ random: 0.99 })
    const attempt = failingThen(apiError(429, { retryAfter: '7' }))
    await expect(value(withRetry(attempt, retryPolicy(3), clock, hooks()))).resolves.toBe(
      'accepted'
    )
    expect(clock.sleeps).toEqual([7000])
  })

  it('retries a 503 after a Retry-After given as an HTTP date, exactly until that date', async () => {
    const clock = virtualClock({ random: 0.99 })
    const until = new Date(NOW + 12_000).toUTCString()
    const attempt = failingThen(apiError(503, { retryAfter: until }))
    await expect(value(withRetry(attempt, retryPolicy(3), clock, hooks()))).resolves.toBe(
      'accepted'
    )
    expect(clock.sleeps).toEqual([12_000])
  })

  it('honours a Retry-After of exactly 60 seconds', async () => {
    const clock = virtualClock()
    const attempt = failingThen(apiError(429, { retryAfter: '60' }))
    await expect(value(withRetry(attempt, retryPolicy(3), clock, hooks()))).resolves.toBe(
      'accepted'
    )
    expect(clock.sleeps).toEqual([60_000])
  })

  it('honours Retry-After on every retry, falling back to backoff when it is absent', async () => {
    const clock = virtualClock({ random: 0 })
    const attempt = failingThen(
      apiError(429, { retryAfter: '3' }),
      apiError(502),
      apiError(429, { retryAfter: '0' })
    )
    await expect(value(withRetry(attempt, retryPolicy(3), clock, hooks()))).resolves.toBe(
      'accepted'
    )
    // retry 2 without Retry-After: half of 2 s with random = 0
    expect(clock.sleeps).toEqual([3000, 1000, 0])
  })

  it('records every attempt: its status or network cause and the wait before the next', async () => {
    const clock = virtualClock({ random: 0 })
    const attempt = failingThen(
      apiError(503, { httpErrorType: 'SERVICE_UNAVAILABLE' }),
      networkError('connection reset (ECONNRESET)'),
      apiError(429, { errorCode: 'RATE_LIMITED', httpErrorType: 'TOO_MANY', retryAfter: '3' })
    )
    const { attempts } = await withRetry(attempt, retryPolicy(3), clock, {
      onRetry: () => {},
      outcomeOf: () => 'HTTP 200'
    })
    expect(attempts).toEqual([
      { outcome: 'HTTP 503 SERVICE_UNAVAILABLE', waitMs: 500 },
      { outcome: 'connection reset (ECONNRESET)', waitMs: 1000 },
      { outcome: 'HTTP 429 RATE_LIMITED', waitMs: 3000 },
      { outcome: 'HTTP 200' }
    ])
  })

  it('tells onRateLimited how long to hold back for a 429 and a 403 "Rate Limit Hit", not a 503', async () => {
    const clock = virtualClock({ random: 0 })
    const log = hooks()
    const attempt = failingThen(
      apiError(429, { retryAfter: '7' }),
      apiError(503),
      apiError(403, { errorText: 'Rate Limit Hit' }),
      networkError()
    )
    await withRetry(attempt, retryPolicy(4), clock, log)
    // The 429's Retry-After, then the backoff of retry 3 (half of 4 s) for the 403 without one.
    expect(log.onRateLimited.mock.calls).toEqual([[7000], [2000]])
    expect(clock.sleeps).toEqual([7000, 1000, 2000, 4000])
  })

  it('gives up at once when Retry-After (seconds) is longer than 60 s, saying how long Refold asked', async () => {
    const clock = virtualClock()
    const log = hooks()
    const failure = apiError(429, { retryAfter: '120' })
    const attempt = failingThen(failure)
    const gaveUp = await failed(withRetry(attempt, retryPolicy(3), clock, log))
    expect(gaveUp.message).toContain('120 s')
    expect(gaveUp.message).toMatch(/Retry-After/)
    expect(gaveUp.gaveUp).toMatch(/^Refold asked to wait 120 s before retrying \(Retry-After\)/)
    expect(gaveUp.attempts).toEqual([{ outcome: 'HTTP 429' }])
    expect(gaveUp.last).toBe(failure)
    expect(attempt).toHaveBeenCalledTimes(1)
    expect(clock.sleeps).toEqual([])
    expect(log.onRetry).not.toHaveBeenCalled()
    expect(log.onRateLimited).not.toHaveBeenCalled()
  })

  it('gives up at once when Retry-After (HTTP date) is more than 60 s away', async () => {
    const clock = virtualClock()
    const until = new Date(NOW + 300_000).toUTCString()
    const attempt = failingThen(apiError(503, { retryAfter: until }))
    const error = await failed(withRetry(attempt, retryPolicy(3), clock, hooks()))
    expect(error.message).toContain('300 s')
    expect(attempt).toHaveBeenCalledTimes(1)
    expect(clock.sleeps).toEqual([])
  })

  it('gives up at once on a 61 s Retry-After after earlier retries, counting the attempts', async () => {
    const clock = virtualClock()
    const attempt = failingThen(apiError(500), apiError(429, { retryAfter: '61' }))
    const error = await failed(withRetry(attempt, retryPolicy(5), clock, hooks()))
    expect(error.attempts).toHaveLength(2)
    expect(error.message).toContain('61 s')
    expect(error.message).toContain('2 attempts')
    expect(attempt).toHaveBeenCalledTimes(2)
    expect(clock.sleeps).toHaveLength(1)
  })

  it('gives up when retries are exhausted, naming the attempts made and the last cause', async () => {
    const clock = virtualClock()
    const first = apiError(500, { refoldMessage: 'first failure' })
    const last = apiError(503, { refoldMessage: 'Service Unavailable, still' })
    const attempt = failingThen(first, apiError(502), apiError(504), last)
    const gaveUp = await failed(withRetry(attempt, retryPolicy(3), clock, hooks()))
    expect(attempt).toHaveBeenCalledTimes(4)
    expect(gaveUp.attempts.map(a => a.outcome)).toEqual([
      'HTTP 500',
      'HTTP 502',
      'HTTP 504',
      'HTTP 503'
    ])
    // no wait after the last attempt
    expect(gaveUp.attempts[3].waitMs).toBeUndefined()
    expect(gaveUp.last).toBe(last)
    expect(gaveUp.gaveUp).toBe('Gave up after 4 attempts')
    expect(gaveUp.message).toContain('4 attempts')
    expect(gaveUp.message).toContain(last.message)
    expect(gaveUp.message).not.toContain('first failure')
    expect(clock.sleeps).toHaveLength(3)
  })

  it('names the host that answered when it gives up on an API error', async () => {
    const attempt = failingThen(apiError(503), apiError(503))
    const error = await failed(withRetry(attempt, retryPolicy(1), virtualClock(), hooks()))
    expect(error.message).toBe(
      `Gave up after 2 attempts (api.gocobalt.io). Last error: ${apiError(503).message}`
    )
  })

  it('gives up after exhausting retries on network errors, naming the host and cause', async () => {
    const clock = virtualClock({ random: 0 })
    const attempt = jest.fn(async () => {
      throw networkError()
    })
    const error = await failed(withRetry(attempt, retryPolicy(2), clock, hooks()))
    expect(error.message).toContain('3 attempts')
    expect(error.message).toContain('api.gocobalt.io')
    expect(error.message).toContain('connection refused')
    expect(error.attempts).toEqual([
      { outcome: 'connection refused (ECONNREFUSED)', waitMs: 500 },
      { outcome: 'connection refused (ECONNREFUSED)', waitMs: 1000 },
      { outcome: 'connection refused (ECONNREFUSED)' }
    ])
    expect(attempt).toHaveBeenCalledTimes(3)
  })

  it('makes exactly one attempt with retries: 0', async () => {
    const clock = virtualClock()
    const log = hooks()
    const attempt = failingThen(apiError(503))
    const error = await failed(withRetry(attempt, retryPolicy(0), clock, log))
    expect(error.attempts).toEqual([{ outcome: 'HTTP 503' }])
    expect(error.message).toMatch(/\b1 attempt\b/)
    expect(attempt).toHaveBeenCalledTimes(1)
    expect(clock.sleeps).toEqual([])
    expect(log.onRetry).not.toHaveBeenCalled()
  })

  it('waits between half and all of 1 s, 2 s, 4 s, 8 s, 16 s on retries 1 to 5', async () => {
    for (const random of [0, 0.999999]) {
      const clock = virtualClock({ random })
      const failures = Array.from({ length: 5 }, () => apiError(500))
      const attempt = failingThen(...failures)
      await expect(value(withRetry(attempt, retryPolicy(5), clock, hooks()))).resolves.toBe(
        'accepted'
      )
      const ceilings = [1000, 2000, 4000, 8000, 16_000]
      clock.sleeps.forEach((sleep, i) => {
        expect(sleep).toBeGreaterThanOrEqual(ceilings[i] / 2)
        expect(sleep).toBeLessThanOrEqual(ceilings[i])
      })
      expect(clock.sleeps).toEqual(
        random === 0 ? ceilings.map(c => c / 2) : ceilings // random ≈ 1 rounds up to the ceiling
      )
    }
  })

  it('caps the backoff at 30 s on late retries', async () => {
    const clock = virtualClock({ random: 0.999999 })
    const failures = Array.from({ length: 10 }, () => networkError())
    const attempt = failingThen(...failures)
    await expect(value(withRetry(attempt, retryPolicy(10), clock, hooks()))).resolves.toBe(
      'accepted'
    )
    expect(clock.sleeps.slice(5)).toEqual([30_000, 30_000, 30_000, 30_000, 30_000])
    expect(Math.max(...clock.sleeps)).toBe(30_000)
  })

  it('logs one line per retry with "attempt n of m", the cause and the wait', async () => {
    const clock = virtualClock({ random: 0 })
    const log = hooks()
    const first = apiError(502, { refoldMessage: 'Bad Gateway' })
    const second = networkError()
    const attempt = failingThen(first, second)
    await expect(value(withRetry(attempt, retryPolicy(3), clock, log))).resolves.toBe('accepted')
    expect(log.onRetry).toHaveBeenCalledTimes(2)
    const [line1, line2] = log.onRetry.mock.calls.map(([line]) => line)
    expect(line1).toMatch(/attempt 1 of 4/i)
    expect(line1).toContain(first.message)
    expect(line1).toContain('0.5 s')
    expect(line2).toMatch(/attempt 2 of 4/i)
    expect(line2).toContain(second.message)
    expect(line2).toContain('1 s')
    expect(line2).not.toContain('0.5 s')
  })

  it('logs the Retry-After wait, not a backoff', async () => {
    const clock = virtualClock({ random: 0 })
    const log = hooks()
    const attempt = failingThen(apiError(429, { retryAfter: '42' }))
    await withRetry(attempt, retryPolicy(1), clock, log)
    expect(log.onRetry).toHaveBeenCalledTimes(1)
    expect(log.onRetry.mock.calls[0][0]).toMatch(/attempt 1 of 2/i)
    expect(log.onRetry.mock.calls[0][0]).toContain('42 s')
  })

  it('does not log when giving up after the last attempt', async () => {
    const clock = virtualClock()
    const log = hooks()
    const attempt = failingThen(apiError(500), apiError(500), apiError(500))
    await rejection(withRetry(attempt, retryPolicy(2), clock, log))
    expect(log.onRetry).toHaveBeenCalledTimes(2)
  })
})

describe('backoffDelay', () => {
  const policy = retryPolicy(10)

  it('is exactly half of min(30 s, 1 s·2^(n-1)) with random = 0', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(n => backoffDelay(n, policy, 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 15_000, 15_000
    ])
  })

  it('approaches all of min(30 s, 1 s·2^(n-1)) with random ≈ 1, never exceeding it', () => {
    for (let n = 1; n <= 20; n++) {
      const ceiling = Math.min(30_000, 1000 * 2 ** (n - 1))
      const delay = backoffDelay(n, policy, 0.9999999)
      expect(delay).toBeLessThanOrEqual(ceiling)
      expect(delay).toBeGreaterThan(ceiling * 0.99)
    }
  })

  it('stays within the 30 s cap for large n', () => {
    expect(backoffDelay(50, policy, 0)).toBe(15_000)
    expect(backoffDelay(50, policy, 0.9999999)).toBe(30_000)
    expect(backoffDelay(1000, policy, 0.5)).toBe(22_500)
  })

  it('spreads the wait with jitter between the bounds', () => {
    expect(backoffDelay(3, policy, 0.5)).toBe(3000)
    expect(backoffDelay(3, policy, 0.25)).toBe(2500)
  })
})

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('5', NOW)).toBe(5000)
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0)
  })

  it('reads an HTTP date as the time left until it', () => {
    expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000)
  })

  it('treats an HTTP date in the past as no wait', () => {
    expect(parseRetryAfter(new Date(NOW - 30_000).toUTCString(), NOW)).toBe(0)
  })

  it('is undefined when absent, empty or unreadable', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined()
    expect(parseRetryAfter('  ', NOW)).toBeUndefined()
    expect(parseRetryAfter('soon', NOW)).toBeUndefined()
  })
})

describe('parseRetryAfter: only the two forms of RFC 9110 count', () => {
  it.each([
    ['a decimal', '1.5'],
    ['a negative number', '-1'],
    ['a list', '2, 3'],
    ['a signed number', '+5'],
    ['an exponent', '1e3'],
    ['hex', '0x10'],
    ['a bare year', '2024.'],
    ['an ISO date', '2025-06-02T12:00:30Z'],
    ['a date without its weekday', '02 Jun 2025 12:00:30 GMT'],
    ['a date in another zone', 'Mon, 02 Jun 2025 12:00:30 +0000'],
    ['lower-case names', 'mon, 02 jun 2025 12:00:30 gmt'],
    ['a one-digit day in IMF-fixdate', 'Mon, 2 Jun 2025 12:00:30 GMT'],
    ['a day that does not exist', 'Mon, 31 Feb 2025 12:00:30 GMT'],
    ['hour 24', 'Mon, 02 Jun 2025 24:00:30 GMT'],
    ['trailing junk', 'Mon, 02 Jun 2025 12:00:30 GMT x'],
    ['a word', 'Tue']
  ])('falls back to backoff (undefined) for %s: %j', (_, value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined()
  })

  it('reads an epoch number as delay-seconds, never as a date in the past', () => {
    expect(parseRetryAfter('1700000000', NOW)).toBe(1_700_000_000_000)
  })

  it('reads an IMF-fixdate exactly', () => {
    expect(parseRetryAfter('Mon, 02 Jun 2025 12:00:30 GMT', NOW)).toBe(30_000)
  })

  it('reads the obsolete RFC 850 and asctime forms, strictly', () => {
    expect(parseRetryAfter('Monday, 02-Jun-25 12:00:30 GMT', NOW)).toBe(30_000)
    expect(parseRetryAfter('Mon Jun  2 12:00:30 2025', NOW)).toBe(30_000)
    expect(parseRetryAfter('Mon Jun 02 12:00:30 2025', NOW)).toBe(30_000)
    expect(parseRetryAfter('Mon, 02-Jun-25 12:00:30 GMT', NOW)).toBeUndefined()
    expect(parseRetryAfter('Monday Jun  2 12:00:30 2025', NOW)).toBeUndefined()
  })

  it('reads an RFC 850 two-digit year more than 50 years ahead as the last such year past', () => {
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', NOW)).toBe(
      Date.parse('1994-11-06T08:49:37Z')
    )
    expect(parseHttpDate('Friday, 01-Jan-49 00:00:00 GMT', NOW)).toBe(
      Date.parse('2049-01-01T00:00:00Z')
    )
  })

  it('means retry now for a valid date in the past, including the epoch itself', () => {
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:00 GMT', NOW)).toBe(0)
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', NOW)).toBe(0)
  })
})

describe('withRetry with a Retry-After outside RFC 9110', () => {
  it.each(['1.5', '-1', '2, 3', 'soon'])(
    'backs off on %j instead of retrying at once',
    async header => {
      const clock = virtualClock({ random: 0 })
      const attempt = failingThen(apiError(429, { retryAfter: header }))
      await withRetry(attempt, retryPolicy(3), clock, hooks())
      expect(attempt).toHaveBeenCalledTimes(2)
      expect(clock.sleeps).toEqual([500])
    }
  )

  it('gives up at once on an epoch number, since it asks for decades', async () => {
    const clock = virtualClock()
    const attempt = failingThen(apiError(429, { retryAfter: '1700000000' }))
    const error = await failed(withRetry(attempt, retryPolicy(3), clock, hooks()))
    expect(error.message).toContain('Refold asked to wait 1700000000 s')
    expect(clock.sleeps).toEqual([])
  })
})

describe('isRetryable', () => {
  it('says which failures are worth another attempt', () => {
    expect(isRetryable(networkError())).toBe(true)
    expect(isRetryable(apiError(429))).toBe(true)
    expect(isRetryable(apiError(403, { refoldMessage: 'rate-limit reached' }))).toBe(true)
    expect(isRetryable(apiError(403, { refoldMessage: 'Forbidden' }))).toBe(false)
    expect(isRetryable(apiError(409))).toBe(false)
    expect(isRetryable(apiError(501))).toBe(false)
    expect(isRetryable(new Error('boom'))).toBe(false)
    expect(isRetryable('a string')).toBe(false)
  })

  it('retries a 2xx whose body is of the wrong shape, like a 5xx', () => {
    const malformed = new MalformedAnswerError(
      { action: 'list executions', status: 200, body: '{"docs":[null]}' },
      'docs[0] is null, not an execution'
    )
    expect(isRetryable(malformed)).toBe(true)
    expect(malformed).toBeInstanceOf(RefoldApiError)
    expect(malformed.message).toBe(
      "Refold's answer to list executions (HTTP 200) was not of the expected shape: " +
        'docs[0] is null, not an execution'
    )
  })
})

describe('RefoldApiError.rateLimited', () => {
  it('tells a rate limit (429, or 403 saying so in message, error or code) from other refusals', () => {
    expect(apiError(429).rateLimited).toBe(true)
    expect(apiError(403, { refoldMessage: 'Rate Limit Hit' }).rateLimited).toBe(true)
    expect(apiError(403, { errorText: 'rate limit' }).rateLimited).toBe(true)
    expect(apiError(403, { errorCode: 'RATE_LIMITED' }).rateLimited).toBe(true)
    expect(apiError(403, { refoldMessage: 'Forbidden' }).rateLimited).toBe(false)
    expect(apiError(503, { refoldMessage: 'rate limit' }).rateLimited).toBe(false)
  })
})

describe('systemClock', () => {
  it('sleeps for real, tells the time and draws jitter in [0, 1)', async () => {
    const before = systemClock.now()
    await systemClock.sleep(20)
    expect(systemClock.now() - before).toBeGreaterThanOrEqual(19)
    const random = systemClock.random()
    expect(random).toBeGreaterThanOrEqual(0)
    expect(random).toBeLessThan(1)
  })
})

describe('sleepUnlessAborted', () => {
  it('ends as soon as the signal aborts, even on a clock that ignores it', async () => {
    const never = { ...virtualClock(), sleep: () => new Promise<void>(() => undefined) }
    const cancel = new AbortController()
    const slept = sleepUnlessAborted(never, 60_000, cancel.signal)
    cancel.abort()
    await expect(slept).resolves.toBeUndefined()
  })

  it('does not sleep at all on a signal already aborted', async () => {
    const clock = virtualClock()
    const cancel = new AbortController()
    cancel.abort()
    await sleepUnlessAborted(clock, 5000, cancel.signal)
    expect(clock.sleeps).toEqual([])
  })

  it('sleeps the whole time when nothing aborts', async () => {
    const clock = virtualClock()
    await sleepUnlessAborted(clock, 5000, new AbortController().signal)
    expect(clock.elapsed()).toBe(5000)
  })

  it("ends the system clock's sleep, and clears its timer, when the signal aborts", async () => {
    const cancel = new AbortController()
    const cleared = jest.spyOn(globalThis, 'clearTimeout')
    try {
      const slept = systemClock.sleep(3_600_000, cancel.signal)
      cancel.abort()
      await expect(slept).resolves.toBeUndefined()
      expect(cleared).toHaveBeenCalled()
    } finally {
      cleared.mockRestore()
    }
  })
})
