// Unit tests' Refold: the shared model of Refold (test/refold-model.js, the one the fake server
// serves) behind the client's methods, on a virtual clock. Answers are read with the client's own
// readers and retried by its retry policy, so a test sees what the real client would return.
import type { ExecutionQuery } from '../../src/core/client.js'
import {
  describeBody,
  malformed,
  parseApiError,
  readEvents,
  readExecutionDetail,
  readExecutionPage,
  readJson,
  type ApiAnswer,
  type ExecutionDetail,
  type ExecutionPage,
  type RefoldEvent
} from '../../src/core/answers.js'
import { NetworkError } from '../../src/core/errors.js'
import { retryPolicy, withRetry, type Attempted, type Clock } from '../../src/core/retry.js'
import {
  DEFAULT_API_KEY,
  PATHS,
  type Answer,
  type ModelRequest,
  type RefoldModel,
  type Route
} from '../../test/refold-model.js'

/** A connection that fails before any answer, with this cause. */
export interface NetworkFault {
  network: string
}

/** One scripted answer; a function decides per request, and returning undefined lets the model answer. */
export type Scripted =
  Answer | NetworkFault | ((request: ModelRequest) => Answer | NetworkFault | undefined)

/** Lets the model answer: a script entry for "this request is not scripted". */
export const MODEL: Scripted = () => undefined

export interface ModelClientOptions {
  clock: Clock
  /** Retries after the first attempt, as the `retries` input. Default 3. */
  retries?: number
  apiKey?: string
}

export type ModelClient = ReturnType<typeof modelClient>

const HOST = 'api.refold.test'

/** The client's methods over `model`, with scripted answers ahead of it, route by route. */
export function modelClient(model: RefoldModel, options: ModelClientOptions) {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY
  const queued = new Map<Route, Scripted[]>()
  const fallbacks = new Map<Route, Scripted>()
  /** Every request sent, scripted or not, in order. */
  const requests: ModelRequest[] = []
  /** What listExecutions was asked, in order. */
  const queries: ExecutionQuery[] = []
  /** The retry policy's log lines. */
  const retryLines: string[] = []

  function send(request: ModelRequest): ApiAnswer {
    requests.push(request)
    const route = model.route(request.method, request.path)
    const entry = (route && queued.get(route)?.shift()) ?? (route && fallbacks.get(route))
    const scripted = typeof entry === 'function' ? entry(request) : entry
    if (scripted && 'network' in scripted) {
      throw new NetworkError(`${request.method} ${request.path}`, HOST, scripted.network)
    }
    const answer = scripted ?? model.handle(request)
    const body = answer.body
    return {
      status: answer.status,
      body: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body),
      headers: { ...answer.headers }
    }
  }

  /** As RefoldClient's GET calls: retried, the answer read or refused as malformed. */
  function get<T>(
    action: string,
    request: Omit<ModelRequest, 'method' | 'headers'>,
    account: string | undefined,
    read: (json: unknown) => T | string
  ): Promise<Attempted<T>> {
    const headers: Record<string, string> = { 'x-api-key': apiKey, accept: 'application/json' }
    if (account !== undefined) headers.linked_account_id = account
    let status = 0
    return withRetry(
      async () => {
        let answer: ApiAnswer
        try {
          answer = send({ method: 'GET', headers, ...request })
        } catch (error) {
          if (!(error instanceof NetworkError)) throw error
          throw new NetworkError(action, HOST, error.reason)
        }
        status = answer.status
        if (status < 200 || status > 299) throw parseApiError(answer, action, HOST)
        const json = readJson<unknown>(answer.body)
        if (json === undefined) {
          throw malformed(answer, action, HOST, `expected JSON, got ${describeBody(answer.body)}`)
        }
        const value = read(json)
        if (typeof value === 'string') throw malformed(answer, action, HOST, value)
        return value
      },
      retryPolicy(options.retries ?? 3),
      options.clock,
      { onRetry: line => retryLines.push(line), outcomeOf: () => `HTTP ${status}` }
    )
  }

  return {
    model,
    requests,
    queries,
    retryLines,
    /** Answers for the next requests to `route`, one each, before the model answers again. */
    script(route: Route, ...entries: Scripted[]): void {
      queued.set(route, [...(queued.get(route) ?? []), ...entries])
    },
    /** The answer to every request to `route` once its script ran out. */
    always(route: Route, entry: Scripted): void {
      fallbacks.set(route, entry)
    },
    listEvents(): Promise<Attempted<RefoldEvent[]>> {
      return get('list events', { path: PATHS.events }, undefined, readEvents)
    },
    listExecutions(account: string, query: ExecutionQuery): Promise<Attempted<ExecutionPage>> {
      queries.push({ ...query })
      const params: Record<string, string> = {
        page: String(query.page),
        limit: String(query.limit),
        execution_source: 'Event'
      }
      if (query.startDate) params.start_date = query.startDate
      if (query.slug) params.slug = query.slug
      params.sortAsc = 'false'
      return get(
        'list executions',
        { path: PATHS.executions, query: params },
        account,
        readExecutionPage
      )
    },
    getExecution(account: string, id: string): Promise<Attempted<ExecutionDetail>> {
      return get(
        'read an execution',
        { path: `${PATHS.executions}/${encodeURIComponent(id)}` },
        account,
        readExecutionDetail
      )
    }
  }
}

/** A Refold error answer, as the model writes them. */
export function refusalAnswer(
  status: number,
  fields: { http_error_type?: string; error_code?: string; message?: string } = {},
  headers?: Record<string, string>
): Answer {
  return { status, body: { status_code: status, ...fields }, ...(headers ? { headers } : {}) }
}
