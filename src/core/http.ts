// One HTTP attempt, bounded end to end: the proxy tunnel, the connection, the answer and its body
// all end within the timeout, every socket is destroyed when the attempt ends (so nothing keeps
// the process alive), at most `maxBodyBytes` of the body is read, and every text the server sent
// is redacted before anyone sees it. Redirects are answers like any other: never followed.
import {
  Agent as HttpAgent,
  request as httpRequest,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type RequestOptions
} from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { connect as netConnect, isIP, type Socket } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import { Inputs } from './names.js'
import { cutText, cutUtf8, dropSecretPrefix, redact } from './untrusted.js'

/** At most this much of any answer's body is read. */
export const MAX_BODY_BYTES = 1024 * 1024

/** The proxy variables, as the environment holds them (either case; lower case wins). */
export type ProxyEnv = Readonly<Record<string, string | undefined>>

export interface AttemptRequest {
  method: string
  url: string
  headers: Record<string, string>
  body?: string
  /** Time allowed for the whole attempt: proxy tunnel, connect, answer and body. */
  timeoutMs: number
  /** Where HTTPS_PROXY, HTTP_PROXY and NO_PROXY are read from. */
  proxyEnv: ProxyEnv
  /** Texts replaced by `***` in everything read from the server (the api key). */
  secrets: readonly string[]
  /** Defaults to MAX_BODY_BYTES. */
  maxBodyBytes?: number
}

export interface HttpAnswer {
  status: number
  headers: IncomingHttpHeaders
  /** The body as text, redacted; when it was cut, a note says so at the end. */
  body: string
  /** The server sent more than `maxBodyBytes`; the rest was not read. */
  truncated: boolean
}

/** The attempt got no usable answer; `message` says why, for a person, without a stack. */
export class TransportError extends Error {
  override name = 'TransportError'
  constructor(
    message: string,
    /** The Node error code when there was one (ECONNREFUSED, HPE_INVALID_CHUNK_SIZE…). */
    readonly code?: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

/** The proxy a request to `target` goes through, or undefined when it goes direct. */
export interface Proxy {
  url: URL
  /** host:port, how messages name the proxy (never its credentials). */
  name: string
}

/** Sends one request and reads its answer; rejects with a TransportError when there is none. */
export function attempt(request: AttemptRequest): Promise<HttpAnswer> {
  const target = new URL(request.url)
  const proxy = proxyFor(target, request.proxyEnv)
  const open = new Set<{ destroy(): unknown }>()
  let settled = false
  // A socket made after the attempt ended (a tunnel that opened as the deadline struck) is closed
  // at once.
  const track = <T extends { destroy(): unknown }>(handle: T): T => {
    if (settled) handle.destroy()
    else open.add(handle)
    return handle
  }
  const progress: Progress = { phase: proxy ? 'tunnel' : 'request' }

  return new Promise<HttpAnswer>((resolve, reject) => {
    const settle = (error: unknown, answer?: HttpAnswer): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      // Whatever is still open belongs to an attempt that is over: a hung proxy or a server that
      // never ends its body must not hold the process.
      for (const handle of open) handle.destroy()
      if (answer) resolve(answer)
      else reject(describe(error, progress, proxy, request))
    }
    const timer = setTimeout(() => settle(new TimeoutError()), request.timeoutMs)
    exchange(request, target, proxy, track, progress).then(
      answer => settle(undefined, answer),
      error => settle(error)
    )
  })
}

interface Progress {
  phase: 'tunnel' | 'request' | 'body'
  /** Bytes of body read so far, and how many the server announced. */
  read?: number
  announced?: number
}

class TimeoutError extends Error {}

type Track = <T extends { destroy(): unknown }>(handle: T) => T

async function exchange(
  request: AttemptRequest,
  target: URL,
  proxy: Proxy | undefined,
  track: Track,
  progress: Progress
): Promise<HttpAnswer> {
  const tunnel = proxy ? await openTunnel(proxy, target, request.secrets, track) : undefined
  progress.phase = 'request'
  const secure = target.protocol === 'https:'
  const host = unbracket(target.hostname)
  const port = Number(target.port || (secure ? 443 : 80))
  const options: RequestOptions = {
    method: request.method,
    host,
    port,
    path: `${target.pathname}${target.search}`,
    headers: {
      ...request.headers,
      ...(request.body !== undefined && {
        'content-length': String(Buffer.byteLength(request.body))
      })
    },
    agent: agentFor(secure, () => connectTo(host, port, secure, tunnel, track))
  }
  return new Promise<HttpAnswer>((resolve, reject) => {
    const req: ClientRequest = track((secure ? httpsRequest : httpRequest)(options))
    req.on('error', reject)
    req.on('response', response => {
      track(response)
      progress.phase = 'body'
      readAnswer(response, request, progress).then(resolve, reject)
    })
    req.end(request.body)
  })
}

/** Asks the proxy for a tunnel to the target: resolves with the tunnel's socket. */
function openTunnel(
  proxy: Proxy,
  target: URL,
  secrets: readonly string[],
  track: Track
): Promise<Socket> {
  const authority = `${target.hostname}:${target.port || (target.protocol === 'https:' ? 443 : 80)}`
  const headers: Record<string, string> = { host: authority }
  if (proxy.url.username || proxy.url.password) {
    const credentials = `${decodeURIComponent(proxy.url.username)}:${decodeURIComponent(proxy.url.password)}`
    headers['proxy-authorization'] = `Basic ${Buffer.from(credentials).toString('base64')}`
  }
  const secure = proxy.url.protocol === 'https:'
  const host = unbracket(proxy.url.hostname)
  const port = Number(proxy.url.port || (secure ? 443 : 80))
  return new Promise<Socket>((resolve, reject) => {
    const req = track(
      (secure ? httpsRequest : httpRequest)({
        method: 'CONNECT',
        host,
        port,
        path: authority,
        headers,
        agent: agentFor(secure, () => connectTo(host, port, secure, undefined, track))
      })
    )
    req.on('error', reject)
    req.on('connect', (response: IncomingMessage, socket: Socket, head: Buffer) => {
      track(socket)
      // The tunnel's own errors surface through the request that uses it, or as the timeout.
      socket.on('error', () => {})
      const status = response.statusCode ?? 0
      if (status < 200 || status > 299) {
        const reason = redact(cutText(response.statusMessage ?? '', 200), secrets)
        reject(new TransportError(`proxy ${proxy.name} answered ${status} ${reason}`.trim()))
        return
      }
      if (head.length) socket.unshift(head)
      resolve(socket)
    })
    req.end()
  })
}

/** Reads the status, headers and at most maxBodyBytes of the body; rejects when the body breaks. */
function readAnswer(
  response: IncomingMessage,
  request: AttemptRequest,
  progress: Progress
): Promise<HttpAnswer> {
  const limit = request.maxBodyBytes ?? MAX_BODY_BYTES
  const announced = Number(response.headers['content-length'])
  if (Number.isFinite(announced)) progress.announced = announced
  const chunks: Buffer[] = []
  let size = 0
  return new Promise<HttpAnswer>((resolve, reject) => {
    const answer = (truncated: boolean): HttpAnswer => {
      let body = redact(cutUtf8(Buffer.concat(chunks), limit), request.secrets)
      if (truncated) {
        body = `${dropSecretPrefix(body, request.secrets)}\n[refold-trigger: the answer was longer than ${describeSize(limit)}; the rest was not read]`
      }
      return {
        status: response.statusCode ?? 0,
        headers: redactHeaders(response.headers, request.secrets),
        body,
        truncated
      }
    }
    response.on('data', (chunk: Buffer) => {
      if (size + chunk.length > limit) {
        chunks.push(chunk.subarray(0, limit - size))
        size = limit
        progress.read = size
        // Stop reading: the rest could be endless. The status and what was read are kept.
        response.destroy()
        resolve(answer(true))
        return
      }
      chunks.push(chunk)
      size += chunk.length
      progress.read = size
    })
    response.on('end', () => resolve(answer(false)))
    response.on('error', reject)
    // A body that ends without 'end' (fewer bytes than announced, then close) is broken, and
    // says so at once instead of waiting out the timeout.
    response.on('close', () => {
      if (!response.complete) reject(new BrokenBodyError())
    })
  })
}

class BrokenBodyError extends Error {}

function redactHeaders(
  headers: IncomingHttpHeaders,
  secrets: readonly string[]
): IncomingHttpHeaders {
  const redacted: IncomingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    redacted[name] = Array.isArray(value)
      ? value.map(item => redact(item, secrets))
      : value === undefined
        ? undefined
        : redact(value, secrets)
  }
  return redacted
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ENOTFOUND: 'host not found (DNS)',
  EAI_AGAIN: 'DNS lookup failed (temporary)',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable'
}

/** What went wrong, for a person: names the proxy when it was the proxy, never a stack. */
function describe(
  error: unknown,
  progress: Progress,
  proxy: Proxy | undefined,
  request: AttemptRequest
): TransportError {
  if (error instanceof TransportError) return error
  const seconds = request.timeoutMs / 1000
  const { code, message = String(error) } = (error ?? {}) as NodeJS.ErrnoException
  const text = (reason: string): TransportError =>
    new TransportError(redact(reason, request.secrets), code, { cause: error })
  if (error instanceof TimeoutError) {
    return text(
      progress.phase === 'tunnel' && proxy
        ? `proxy ${proxy.name} did not open a tunnel within ${seconds} s (timeout)`
        : `no answer within ${seconds} s (timeout)`
    )
  }
  if (progress.phase === 'body') {
    const read = `${progress.read ?? 0} bytes of the body read${
      progress.announced !== undefined ? ` of ${progress.announced} announced` : ''
    }`
    if (code?.startsWith('HPE_')) {
      return text(`the answer broke off: malformed body (${message}, ${code}) after ${read}`)
    }
    return text(`the answer broke off: the connection closed after ${read}`)
  }
  if (progress.phase === 'tunnel' && proxy) {
    if (code === 'ECONNREFUSED') return text(`proxy ${proxy.name} refused the connection (${code})`)
    if (code === 'ECONNRESET') {
      return text(
        `proxy ${proxy.name} closed the connection without answering the CONNECT (${code})`
      )
    }
    return text(`proxy ${proxy.name} failed: ${networkReason(code, message)}`)
  }
  if (code?.startsWith('HPE_')) return text(`malformed answer (${message}, ${code})`)
  return text(networkReason(code, message))
}

function networkReason(code: string | undefined, message: string): string {
  if (code && NETWORK_REASONS[code]) return `${NETWORK_REASONS[code]} (${code})`
  // OpenSSL's words for a TLS hello answered in plain text mean nothing to the author; the fix is
  // the scheme (or the port).
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(message)) {
    return (
      `'${Inputs.BaseUrl}' is https:// but the server answered in plain HTTP: use http:// for ` +
      `this server, or the port where it speaks TLS`
    )
  }
  if (code && /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO/.test(code)) {
    return `TLS error: ${message} (${code})`
  }
  return code ? `${message} (${code})` : message
}

/**
 * The proxy for `target` from HTTPS_PROXY / HTTP_PROXY (by the target's scheme), unless NO_PROXY
 * or a loopback target bypasses it: the rules @actions/http-client applies, from a given env.
 */
export function proxyFor(target: URL, env: ProxyEnv): Proxy | undefined {
  if (bypassesProxy(target, env)) return undefined
  const value =
    target.protocol === 'https:'
      ? env.https_proxy || env.HTTPS_PROXY
      : env.http_proxy || env.HTTP_PROXY
  if (!value) return undefined
  let url: URL
  try {
    url = new URL(/^https?:\/\//i.test(value) ? value : `http://${value}`)
  } catch {
    return undefined
  }
  const port = url.port || (url.protocol === 'https:' ? '443' : '80')
  return { url, name: `${url.hostname}:${port}` }
}

function bypassesProxy(target: URL, env: ProxyEnv): boolean {
  const host = target.hostname.toLowerCase()
  if (
    host === 'localhost' ||
    host.startsWith('127.') ||
    host === '[::1]' ||
    host === '[0:0:0:0:0:0:0:1]'
  ) {
    return true
  }
  const noProxy = env.no_proxy || env.NO_PROXY || ''
  const port = target.port || (target.protocol === 'https:' ? '443' : '80')
  const names = [host, `${host}:${port}`]
  return noProxy
    .split(',')
    .map(item => item.trim().toLowerCase())
    .filter(Boolean)
    .some(
      item =>
        item === '*' ||
        names.some(name => name === item || name.endsWith(item.startsWith('.') ? item : `.${item}`))
    )
}

/**
 * An agent whose only socket is the one `connect` makes: never pooled, never kept alive, so it
 * lives exactly as long as the attempt.
 */
function agentFor(secure: boolean, connect: () => Socket): HttpAgent {
  const agent = secure ? new HttpsAgent() : new HttpAgent()
  agent.createConnection = () => connect()
  return agent
}

/** A fresh connection to host:port (through `tunnel` when given), with TLS when `secure`. */
function connectTo(
  host: string,
  port: number,
  secure: boolean,
  tunnel: Socket | undefined,
  track: Track
): Socket {
  if (!secure) return tunnel ?? track(netConnect({ host, port }))
  // `host` is what the certificate is checked against, with or without a tunnel.
  const where = tunnel ? { socket: tunnel } : { port }
  return track(tlsConnect({ ...where, host, servername: serverName(host) }))
}

/** `[::1]` as URL.hostname spells it, `::1` as a socket needs it. */
function unbracket(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname
}

/** TLS server name indication carries host names only, never IP literals. */
function serverName(host: string): string | undefined {
  return isIP(host) ? undefined : host
}

function describeSize(bytes: number): string {
  return bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MiB`
    : bytes % 1024 === 0
      ? `${bytes / 1024} KiB`
      : `${bytes} bytes`
}
