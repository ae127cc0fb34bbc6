// What many unit tests need, written once: a virtual clock, Settings with the contract's defaults,
// Refold's failures as values, a limiter that lets everything through, a stub client for fire(),
// and finished Outcomes for the reporting tests. Not a suite: jest only runs `*.test.ts`.
import { jest } from '@jest/globals'
import { parseAccounts } from '../../src/core/accounts.js'
import type {
  ExecutionDetail,
  ExecutionPage,
  LinkedAccountPage,
  RefoldEvent
} from '../../src/core/answers.js'
import { actionNaming } from '../../src/action/inputs.js'
import { keyRule } from '../../src/core/accounts.js'
import type { TriggerAnswer } from '../../src/core/client.js'
import { CallFailed, NetworkError, RefoldApiError } from '../../src/core/errors.js'
import type { AccountResult, RunContext } from '../../src/core/fire.js'
import type { Limiter } from '../../src/core/limiter.js'
import type { TriggerParts } from '../../src/core/request.js'
import type { Attempted, Clock } from '../../src/core/retry.js'
import type { AttemptRecord } from '../../src/core/errors.js'
import type { Outcome } from '../../src/core/run.js'
import { DurationsSeen } from '../../src/core/wait.js'
import type { Settings } from '../../src/core/settings.js'

/** Monday 2 June 2025, noon UTC: the virtual clock's default start. */
export const NOW = Date.parse('2025-06-02T12:00:00Z')

export interface VirtualClock extends Clock {
  /** Every sleep asked for, in order. */
  sleeps: number[]
  /** Virtual ms since the clock was made. */
  elapsed(): number
}

/**
 * A clock whose sleeps return at once (after one turn of the event loop's microtasks) and move
 * its time forward by exactly the time asked for, so a test of retries or waits takes no time.
 */
export function virtualClock(options: { start?: number; random?: number } = {}): VirtualClock {
  const start = options.start ?? NOW
  let now = start
  const sleeps: number[] = []
  return {
    sleeps,
    elapsed: () => now - start,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms)
      now += ms
    },
    random: () => options.random ?? 0.5
  }
}

export const TEST_API_KEY = 'pk_live_TEST_SECRET_0123456789'

/** Settings as the inputs' defaults make them, for one account; `overrides` replace fields. */
export function settingsFor(overrides: Partial<Settings> = {}): Settings {
  return {
    apiKey: TEST_API_KEY,
    event: 'Release Published',
    accounts: parseAccounts('acme-corp', actionNaming),
    shard: undefined,
    configId: undefined,
    slug: undefined,
    payload: { kind: 'none' },
    githubContext: 'auto',
    baseUrl: 'https://api.gocobalt.io',
    timeoutMs: 30_000,
    retries: 3,
    failOnError: true,
    idempotencyKey: undefined,
    dryRun: false,
    wait: false,
    waitTimeoutMs: 600_000,
    waitIntervalMs: 10_000,
    waitSettleMs: 10_000,
    expectedWorkflows: undefined,
    stopUnfinished: false,
    preflight: 'auto',
    summary: true,
    rateLimit: 10,
    concurrency: 5,
    ...overrides
  }
}

/** A refusal from Refold with `details` filled in as parseApiError would. */
export function apiError(
  status: number,
  details: Partial<RefoldApiError['details']> = {}
): RefoldApiError {
  return new RefoldApiError({
    action: 'trigger event "Release Published"',
    host: 'api.gocobalt.io',
    status,
    body: '',
    ...details
  })
}

export function networkError(reason = 'connection refused (ECONNREFUSED)'): NetworkError {
  return new NetworkError('trigger event "Release Published"', 'api.gocobalt.io', reason)
}

/** A call that failed for good after one attempt, as the client throws it. */
export function callFailed(
  status: number,
  details: Partial<RefoldApiError['details']> = {}
): CallFailed {
  const error = apiError(status, details)
  const code = error.details.errorCode ?? error.details.httpErrorType
  return new CallFailed(error, [{ outcome: `HTTP ${status}${code ? ` ${code}` : ''}` }])
}

/** A limiter that starts every task at once and records the pauses asked of it. */
export function passThroughLimiter(): Pick<Limiter, 'run' | 'pause'> & { pauses: number[] } {
  const pauses: number[] = []
  return {
    pauses,
    run: <T>(task: () => Promise<T>) => task(),
    pause: (ms: number) => {
      pauses.push(ms)
    }
  }
}

const ONE_ATTEMPT: AttemptRecord[] = [{ outcome: 'HTTP 200' }]

/** What the client returns for an accepted trigger. */
export function accepted(
  answer: Partial<TriggerAnswer> = {},
  attempts: AttemptRecord[] = ONE_ATTEMPT
): Attempted<TriggerAnswer> {
  return {
    value: {
      status: 200,
      body: '{"message":"Webhook Fired Success"}',
      headers: {},
      message: 'Webhook Fired Success',
      ...answer
    },
    attempts
  }
}

export function answered<T>(value: T, attempts: AttemptRecord[] = ONE_ATTEMPT): Attempted<T> {
  return { value, attempts }
}

type FireClient = RunContext['client']

export type StubClient = {
  [K in keyof FireClient]: jest.Mock<FireClient[K]>
}

/**
 * A client for fire(): every trigger accepted, the events list empty, no linked account, no
 * execution, every stop accepted. Replace a method's behaviour with `mockImplementation` or pass
 * it in `overrides`.
 */
export function stubClient(overrides: Partial<FireClient> = {}): StubClient {
  return {
    trigger: jest.fn<FireClient['trigger']>(
      overrides.trigger ?? (async (_parts: TriggerParts) => accepted())
    ),
    listEvents: jest.fn<FireClient['listEvents']>(
      overrides.listEvents ?? (async () => answered<RefoldEvent[]>([]))
    ),
    listExecutions: jest.fn<FireClient['listExecutions']>(
      overrides.listExecutions ??
        (async () => answered<ExecutionPage>({ docs: [], hasNextPage: false }))
    ),
    getExecution: jest.fn<FireClient['getExecution']>(
      overrides.getExecution ??
        (async (_account: string, id: string) => answered<ExecutionDetail>({ _id: id }))
    ),
    stopExecution: jest.fn<FireClient['stopExecution']>(
      overrides.stopExecution ??
        (async () =>
          answered({ status: 200, body: '{"message":"Stopping instance"}', headers: {} }))
    ),
    listLinkedAccounts: jest.fn<FireClient['listLinkedAccounts']>(
      overrides.listLinkedAccounts ??
        (async () => answered<LinkedAccountPage>({ accounts: [], hasNextPage: false }))
    )
  }
}

/** A log that records every line. */
export function recordingLog() {
  return {
    info: jest.fn<(line: string) => void>(),
    warning: jest.fn<(line: string) => void>(),
    notice: jest.fn<(line: string) => void>()
  }
}

/** One account's result as fire() leaves it after an accepted trigger; `overrides` replace fields. */
export function accountResult(overrides: Partial<AccountResult> = {}): AccountResult {
  return {
    linkedAccountId: 'acme-corp',
    ok: true,
    statusCode: 200,
    message: 'Webhook Fired Success',
    errorCode: null,
    httpErrorType: null,
    response: '{"message":"Webhook Fired Success"}',
    attempts: 1,
    idempotencyKey: 'octo/shop/42/1/release/notify/Release%20Published/acme-corp',
    executionStatus: null,
    attemptLog: [{ outcome: 'HTTP 200' }],
    durationMs: 42,
    hints: [],
    ...overrides
  }
}

/** A refused account's result, as fire() leaves it after a CallFailed. */
export function refusedResult(
  linkedAccountId: string,
  status: number,
  details: Partial<RefoldApiError['details']> = {},
  overrides: Partial<AccountResult> = {}
): AccountResult {
  const error = callFailed(status, details)
  const api = error.last as RefoldApiError
  return accountResult({
    linkedAccountId,
    ok: false,
    statusCode: status,
    message: api.details.refoldMessage ?? error.message,
    errorCode: api.details.errorCode ?? null,
    httpErrorType: api.details.httpErrorType ?? null,
    response: api.details.body,
    attemptLog: error.attempts,
    idempotencyKey: `octo/shop/42/1/release/notify/Release%20Published/${encodeURIComponent(linkedAccountId)}`,
    failure: error,
    ...overrides
  })
}

/** A finished run over `results` (one accepted account by default); `overrides` replace fields. */
export function outcomeFor(overrides: Partial<Outcome> = {}): Outcome {
  const results = overrides.results ?? [accountResult()]
  return {
    event: 'Release Published',
    payloadJson: '{"version":"1.2.3"}',
    dryRun: false,
    results,
    ok: results.every(result => result.ok),
    attempts: results.reduce((sum, result) => sum + result.attempts, 0),
    durationMs: 42,
    idempotencyKey:
      results.length === 1
        ? results[0].idempotencyKey
        : 'octo/shop/42/1/release/notify/Release%20Published',
    cancelled: false,
    preflight: 'off',
    ...overrides
  }
}

/** The generated key's shared part the unit tests use: the action's run coordinates. */
export const KEY_PREFIX = 'octo/shop/42/release/notify/Release%20Published'
export const TAG_PREFIX = 'octo/shop/42/1/release/notify'

/**
 * The context fire's functions share, on a virtual clock with a stub client and a recording log;
 * `overrides` replace fields (settings through `settingsFor`).
 */
export function runContext(
  settings: Partial<Settings> = {},
  overrides: Partial<RunContext> = {}
): RunContext & { client: StubClient; log: ReturnType<typeof recordingLog>; clock: VirtualClock } {
  const full = settingsFor(settings)
  const selection = full.accounts.kind === 'file' ? parseAccounts('x', actionNaming) : full.accounts
  return {
    settings: full,
    client: stubClient(),
    clock: virtualClock(),
    log: recordingLog(),
    signal: new AbortController().signal,
    graceOver: new AbortController().signal,
    events: async () => answered<RefoldEvent[]>([]),
    keys: keyRule(full.idempotencyKey ?? '', KEY_PREFIX, selection),
    tagPrefix: TAG_PREFIX,
    payloadJson: '{"version":"1.2.3"}',
    naming: actionNaming,
    durations: new DurationsSeen(),
    detailReads: { left: 5 },
    ...overrides
  } as RunContext & {
    client: StubClient
    log: ReturnType<typeof recordingLog>
    clock: VirtualClock
  }
}

/** The error `run` throws; fails the test when it returns. */
export function thrown(run: () => unknown): Error {
  try {
    run()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a throw')
}

/** The slice of @actions/core the reporting uses, recording what was written. */
export function reporterStub() {
  const outputs: Record<string, string> = {}
  const written: string[] = []
  const core = {
    setOutput: jest.fn((name: string, value: string) => {
      outputs[name] = value
    }),
    summary: {
      addRaw(text: string) {
        written.push(text)
        return { write: async () => undefined }
      }
    }
  }
  return { core, outputs, summary: () => written.join('') }
}

/** The error `promise` rejects with; fails the test when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected the promise to reject')
}
