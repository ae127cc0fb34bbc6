// The failures a run can end in. Each carries exactly what the workflow author must read;
// each door decides whether it fails the step or becomes a warning, and no stack trace is ever printed.

/** What one attempt of a call met, for the summary's attempts table. */
export interface AttemptRecord {
  /** `HTTP 200`, `HTTP 503 SERVER_ERROR`, or the network cause. */
  outcome: string
  /** How long the next attempt waited; undefined after the last attempt. */
  waitMs?: number
}

/** A missing or malformed input: always fails the step, and no request is sent. */
export class InputError extends Error {
  override name = 'InputError'
  constructor(
    /** The input's name as action.yml spells it. */
    readonly input: string,
    message: string
  ) {
    super(message)
  }
}

/** Refold answered, but not with a 2xx. */
export class RefoldApiError extends Error {
  override name = 'RefoldApiError'
  constructor(
    readonly details: {
      /** What was being done, e.g. `trigger event "Release Published"`. */
      action: string
      /** The host that answered. */
      host?: string
      status: number
      httpErrorType?: string
      errorCode?: string
      /** The body's `error` text, kept apart: some services put "Rate Limit Hit" there. */
      errorText?: string
      /** Refold's own message, or a short description of a body that was not JSON. */
      refoldMessage?: string
      requestId?: string
      /** The raw response body. */
      body: string
      /** The Retry-After header, unparsed. */
      retryAfter?: string
      hint?: string
    }
  ) {
    super(describeApiError(details))
  }

  get status(): number {
    return this.details.status
  }

  /** Refold is rate limiting: a 429, or the older services' 403 "Rate Limit Hit". */
  get rateLimited(): boolean {
    if (this.status === 429) return true
    const { refoldMessage, errorText, errorCode } = this.details
    return (
      this.status === 403 &&
      [refoldMessage, errorText, errorCode].some(text => /rate.?limit/i.test(text ?? ''))
    )
  }

  /** The same failure with a hint for the author appended. */
  withHint(hint: string): RefoldApiError {
    return new RefoldApiError({ ...this.details, hint })
  }
}

function describeApiError(d: RefoldApiError['details']): string {
  const kind = [d.httpErrorType, d.errorCode].filter(Boolean).join(' ')
  let text = `Refold refused to ${d.action}: HTTP ${d.status}${kind ? ` ${kind}` : ''}`
  if (d.refoldMessage) text += ` — ${d.refoldMessage}`
  if (d.requestId) text += ` (request id ${d.requestId})`
  if (d.hint) text += `. ${d.hint}`
  return text
}

/**
 * A 2xx whose body is not of the shape the endpoint documents (a list that is not a list, an
 * execution without an id). Like a 5xx it is most likely a passing fault, so it is retried.
 */
export class MalformedAnswerError extends RefoldApiError {
  override name = 'MalformedAnswerError'
  constructor(details: RefoldApiError['details'], problem: string) {
    super(details)
    this.message =
      `Refold's answer to ${details.action} (HTTP ${details.status}) was not of the expected ` +
      `shape: ${problem}`
  }
}

/** No usable answer: the connection failed, or the attempt ran out of time. */
export class NetworkError extends Error {
  override name = 'NetworkError'
  constructor(
    /** What was being done, e.g. `trigger event "Release Published"`. */
    readonly action: string,
    /** The host that was contacted. */
    readonly host: string,
    /** What went wrong, without a stack: e.g. `connection refused (ECONNREFUSED)`. */
    readonly reason: string,
    options?: { cause?: unknown }
  ) {
    super(`Could not ${action} at ${host}: ${reason}`, options)
  }
}

/**
 * A call that failed for good: Refold refused it, or retries ran out, or Refold asked for a longer
 * wait than allowed. Carries what every attempt met, for the summary's attempts table.
 */
export class CallFailed extends Error {
  override name = 'CallFailed'
  constructor(
    /** The failure of the last attempt. */
    readonly last: RefoldApiError | NetworkError,
    readonly attempts: AttemptRecord[],
    /** Why the retry policy stopped; absent when the failure was not worth retrying. */
    readonly gaveUp?: string
  ) {
    // A network error names its host already; an API error's host matters once retries ran out.
    const host =
      last instanceof RefoldApiError && last.details.host ? ` (${last.details.host})` : ''
    super(gaveUp ? `${gaveUp}${host}. Last error: ${last.message}` : last.message, {
      cause: last
    })
  }

  /** The same failure with a hint for the author appended to its last error. */
  withHint(hint: string): CallFailed {
    if (!(this.last instanceof RefoldApiError)) return this
    return new CallFailed(this.last.withHint(hint), this.attempts, this.gaveUp)
  }
}

/** The event was accepted but the workflow executions did not all complete. */
export class WaitError extends Error {
  override name = 'WaitError'
}

/** The run was cancelled before this request could start: it was never sent. */
export class NotStarted extends Error {
  override name = 'NotStarted'
  constructor(
    /** Attempts of the same call made before the cancel (a retry that never went out). */
    readonly attemptsBefore: AttemptRecord[] = []
  ) {
    super('cancelled before the request was sent')
  }
}
