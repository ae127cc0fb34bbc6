// The Refold API client: one method per endpoint. Every attempt passes the run's rate limiter and
// the retry policy, so callers neither wire retries nor count attempts: each call returns its value
// with every attempt it took, or throws CallFailed carrying them.
import {
  describeBody,
  malformed,
  MESSAGE_TEXT_LIMIT,
  parseApiError,
  readEvents,
  readExecutionDetail,
  readExecutionPage,
  readJson,
  readLinkedAccountPage,
  type ApiAnswer,
  type ExecutionDetail,
  type ExecutionPage,
  type LinkedAccountPage,
  type RefoldEvent
} from './answers.js'
import { NetworkError, RefoldApiError } from './errors.js'
import { attempt, type ProxyEnv } from './http.js'
import { Limiter } from './limiter.js'
import {
  apiHeaders,
  Paths,
  triggerRequest,
  USER_AGENT,
  type HttpRequest,
  type TriggerParts
} from './request.js'
import { retryPolicy, withRetry, type Attempted, type Clock } from './retry.js'
import { cutText } from './untrusted.js'

export interface ClientOptions {
  /** API origin without a trailing slash. */
  baseUrl: string
  apiKey: string
  /** Time allowed for one attempt: proxy tunnel, connect, response headers and body. */
  timeoutMs: number
  /** The environment's HTTPS_PROXY, HTTP_PROXY and NO_PROXY (an empty object: no proxy). */
  proxyEnv: ProxyEnv
  /** Retries after the first attempt, for retryable failures only. */
  retries: number
  clock: Clock
  /** Shared by every request of the run; a rate-limited answer pauses it for everyone. */
  limiter: Pick<Limiter, 'run' | 'pause'>
  /** Told of each failed attempt that will be retried, as one log line. */
  onRetry(line: string): void
}

export type { TriggerParts }

export interface TriggerAnswer extends ApiAnswer {
  /** Refold's `message`, e.g. "Webhook Fired Success". */
  message?: string
}

export interface ExecutionQuery {
  page: number
  limit: number
  /** ISO 8601 date-time (the spec's `format: date-time`); left out when Refold refused it. */
  startDate?: string
  slug?: string
}

export class RefoldClient {
  private readonly host: string

  constructor(private readonly options: ClientOptions) {
    this.host = new URL(options.baseUrl).host
  }

  /**
   * One account's trigger, built by `triggerRequest` as a dry run prints it. With `signal`, a
   * cancel keeps an attempt that has not started from going out (NotStarted).
   */
  trigger(parts: TriggerParts, signal?: AbortSignal): Promise<Attempted<TriggerAnswer>> {
    const request = triggerRequest(this.options, parts)
    const action = `trigger event ${JSON.stringify(parts.event)}`
    const read = (answer: ApiAnswer): TriggerAnswer => {
      if (!answer.body.trim()) return { ...answer, message: undefined }
      const json = readJson<unknown>(answer.body)
      // An HTML page or plain text with a 2xx is not Refold's acceptance: likely a wrong base_url.
      // Not retried: the same address would answer the same.
      if (json === undefined) {
        throw new RefoldApiError({
          action,
          host: this.host,
          status: answer.status,
          refoldMessage:
            `answered ${answer.status} with ${describeBody(answer.body)}, not JSON: ` +
            `is the base URL Refold's API origin?`,
          body: answer.body
        })
      }
      const message = (json as { message?: unknown } | null)?.message
      return {
        ...answer,
        message: typeof message === 'string' ? cutText(message, MESSAGE_TEXT_LIMIT) : undefined
      }
    }
    return this.call(action, request, read, { signal })
  }

  /** The org's events; needs an org-level key. */
  listEvents(): Promise<Attempted<RefoldEvent[]>> {
    return this.get('list events', Paths.ListEvents, undefined, readEvents)
  }

  listExecutions(account: string, query: ExecutionQuery): Promise<Attempted<ExecutionPage>> {
    const params = new URLSearchParams({
      page: String(query.page),
      limit: String(query.limit),
      execution_source: 'Event'
    })
    if (query.startDate) params.set('start_date', query.startDate)
    if (query.slug) params.set('slug', query.slug)
    // Newest first: the executions of an event just fired are on the first page.
    params.set('sortAsc', 'false')
    return this.get(
      'list executions',
      `${Paths.ListExecutions}?${params}`,
      account,
      readExecutionPage
    )
  }

  getExecution(account: string, id: string): Promise<Attempted<ExecutionDetail>> {
    return this.get(
      'read an execution',
      `${Paths.ListExecutions}/${encodeURIComponent(id)}`,
      account,
      readExecutionDetail
    )
  }

  /**
   * Asks Refold to stop an execution (it goes STOPPING, then STOPPED). One attempt, never retried:
   * it is made when the run is out of time, cancelled or past its wait_timeout.
   */
  stopExecution(account: string, id: string): Promise<Attempted<ApiAnswer>> {
    const request: HttpRequest = {
      method: 'POST',
      url: `${this.options.baseUrl}${Paths.StopExecution.replace('{id}', encodeURIComponent(id))}`,
      headers: this.headers(account)
    }
    return this.call('stop an execution', request, answer => answer, { retries: 0 })
  }

  /** One page of the org's linked accounts; an org-level call, without a linked account. */
  listLinkedAccounts(page: number, limit: number): Promise<Attempted<LinkedAccountPage>> {
    const params = new URLSearchParams({ page: String(page), limit: String(limit) })
    return this.get(
      'list linked accounts',
      `${Paths.LinkedAccounts}?${params}`,
      undefined,
      readLinkedAccountPage
    )
  }

  private get<T>(
    action: string,
    path: string,
    account: string | undefined,
    read: (json: unknown) => T | string
  ): Promise<Attempted<T>> {
    const request: HttpRequest = {
      method: 'GET',
      url: `${this.options.baseUrl}${path}`,
      headers: this.headers(account)
    }
    return this.call(action, request, answer => {
      const json = readJson<unknown>(answer.body)
      if (json === undefined) {
        throw malformed(
          answer,
          action,
          this.host,
          `expected JSON, got ${describeBody(answer.body)}`
        )
      }
      const value = read(json)
      if (typeof value === 'string') throw malformed(answer, action, this.host, value)
      return value
    })
  }

  /** The headers of every call but the trigger (which `triggerRequest` builds from the same). */
  private headers(account: string | undefined): Record<string, string> {
    return {
      ...apiHeaders(this.options.apiKey, account),
      accept: 'application/json',
      'user-agent': USER_AGENT
    }
  }

  /** Attempts `request` under the limiter and the retry policy; `read` may reject the answer. */
  private call<T>(
    action: string,
    request: HttpRequest,
    read: (answer: ApiAnswer) => T,
    { retries = this.options.retries, signal }: { retries?: number; signal?: AbortSignal } = {}
  ): Promise<Attempted<T>> {
    const { clock, limiter } = this.options
    let status = 0
    return withRetry(
      async () => {
        const answer = await limiter.run(() => this.once(action, request), signal)
        status = answer.status
        return read(answer)
      },
      retryPolicy(retries),
      clock,
      {
        onRetry: this.options.onRetry,
        onRateLimited: ms => limiter.pause(ms),
        outcomeOf: () => `HTTP ${status}`,
        signal
      }
    )
  }

  /** One attempt, bounded by the timeout from the proxy tunnel to the last byte of the body. */
  private async once(action: string, request: HttpRequest): Promise<ApiAnswer> {
    let answer: ApiAnswer
    try {
      answer = await attempt({
        ...request,
        timeoutMs: this.options.timeoutMs,
        proxyEnv: this.options.proxyEnv,
        secrets: [this.options.apiKey]
      })
    } catch (error) {
      throw new NetworkError(action, this.host, (error as Error).message, { cause: error })
    }
    if (answer.status < 200 || answer.status > 299) throw parseApiError(answer, action, this.host)
    return answer
  }
}

/**
 * The client of one run, behind the run's one limiter: `rateLimit` requests per second, bursts and
 * requests in flight up to `concurrency`, for every call the run makes.
 */
export function clientForRun(
  settings: Pick<ClientOptions, 'baseUrl' | 'apiKey' | 'timeoutMs' | 'retries'> & {
    rateLimit: number
    concurrency: number
  },
  host: Pick<ClientOptions, 'proxyEnv' | 'clock' | 'onRetry'>
): RefoldClient {
  const limiter = new Limiter(
    {
      ratePerSecond: settings.rateLimit,
      burst: settings.concurrency,
      concurrency: settings.concurrency
    },
    host.clock
  )
  return new RefoldClient({
    baseUrl: settings.baseUrl,
    apiKey: settings.apiKey,
    timeoutMs: settings.timeoutMs,
    retries: settings.retries,
    ...host,
    limiter
  })
}
