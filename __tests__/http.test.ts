// One HTTP attempt against real loopback sockets: the request on the wire, the deadline that ends
// every socket (proxy tunnel included), bodies that break or never end, proxy failures named as
// such, and the api key redacted from everything the server sent.
import { afterEach, describe, expect, it } from '@jest/globals'
import { once } from 'node:events'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { tmpdir } from 'node:os'
import * as path from 'node:path'
import type { AddressInfo, Socket } from 'node:net'
import { startConnectProxy } from '../test/connect-proxy.js'
import {
  answers,
  closedPort,
  startHostileProxy,
  startRawServer,
  type HostileServer
} from '../test/hostile-servers.js'
import {
  attempt,
  MAX_BODY_BYTES,
  proxyFor,
  TransportError,
  type AttemptRequest
} from '../src/core/http.js'
import { rejection } from './helpers/common.js'

const KEY = 'pk_live_9f8e7d6c5b4a3210secret'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function raw(
  respond: Parameters<typeof startRawServer>[0],
  options?: { host?: string }
): Promise<HostileServer> {
  const server = await startRawServer(respond, options)
  cleanups.push(() => server.close())
  return server
}

async function proxy(mode: Parameters<typeof startHostileProxy>[0]): Promise<HostileServer> {
  const server = await startHostileProxy(mode)
  cleanups.push(() => server.close())
  return server
}

/** A node:http server answering with `handler`; counts the sockets still open. */
async function httpServer(
  handler: Parameters<typeof createServer>[1]
): Promise<{ url: string; open: () => number; server: Server }> {
  const sockets = new Set<Socket>()
  const server = createServer(handler)
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy()
    server.close()
    await once(server, 'close')
  })
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    open: () => sockets.size,
    server
  }
}

function request(url: string, extra: Partial<AttemptRequest> = {}): AttemptRequest {
  return {
    method: 'POST',
    url,
    headers: { 'content-type': 'application/json', 'user-agent': 'refold-trigger/1.0.0' },
    body: '{"event":"E","payload":{}}',
    timeoutMs: 5000,
    proxyEnv: {},
    secrets: [KEY],
    ...extra
  }
}

async function failure(promise: Promise<unknown>): Promise<TransportError> {
  const error = await rejection(promise)
  expect(error).toBeInstanceOf(TransportError)
  return error as TransportError
}

async function eventually(check: () => boolean, ms = 2000): Promise<void> {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not reached')
    await new Promise(resolve => setTimeout(resolve, 10))
  }
}

describe('attempt: the request and its answer', () => {
  it('sends the method, path and query, the given headers, and a content-length for the body', async () => {
    const server = await raw(answers.ok)
    const answer = await attempt(request(`${server.url}/api/v2/public/event?x=1`))
    expect(answer.status).toBe(200)
    expect(answer.body).toBe('{"message":"Webhook Fired Success"}')
    expect(answer.truncated).toBe(false)
    const head = server.requests[0].toLowerCase()
    expect(head).toMatch(/^post \/api\/v2\/public\/event\?x=1 http\/1\.1\r\n/)
    expect(head).toContain('\r\nuser-agent: refold-trigger/1.0.0')
    expect(head).toContain(`\r\ncontent-length: ${'{"event":"E","payload":{}}'.length}`)
    expect(head).not.toContain('transfer-encoding')
  })

  it('returns a redirect as an answer and never follows it', async () => {
    const elsewhere = await raw(answers.ok)
    const server = await httpServer((_req, res) =>
      res.writeHead(307, { location: `${elsewhere.url}/steal` }).end()
    )
    const answer = await attempt(request(`${server.url}/api/v2/public/event`))
    expect(answer.status).toBe(307)
    expect(elsewhere.requests).toEqual([])
  })

  it('reaches an IPv6 literal host, http://[::1]:port', async () => {
    const server = await raw(answers.ok, { host: '::1' })
    const answer = await attempt(request(`${server.url}/api/v2/public/event`))
    expect(answer.status).toBe(200)
    expect(server.requests[0]).toMatch(/\r\nhost: \[::1\]:\d+/i)
  })

  it('names a refused connection', async () => {
    const port = await closedPort()
    const error = await failure(attempt(request(`http://127.0.0.1:${port}/`)))
    expect(error.message).toBe('connection refused (ECONNREFUSED)')
  })
})

describe('attempt: the deadline ends every socket', () => {
  it('gives up on a server that never answers, and closes the socket', async () => {
    const server = await httpServer(() => {})
    const started = Date.now()
    const error = await failure(attempt(request(server.url, { timeoutMs: 300 })))
    expect(Date.now() - started).toBeLessThan(1000)
    expect(error.message).toBe('no answer within 0.3 s (timeout)')
    await eventually(() => server.open() === 0)
  })

  it('gives up on a body that trickles past the deadline', async () => {
    const server = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-length': '100' })
      res.write('{')
    })
    const error = await failure(attempt(request(server.url, { timeoutMs: 300 })))
    expect(error.message).toMatch(/timeout/)
    await eventually(() => server.open() === 0)
  })

  it('gives up on a proxy that never answers the CONNECT, naming it, and closes the socket', async () => {
    const hung = await proxy('hang')
    const started = Date.now()
    const error = await failure(
      attempt(
        request('http://refold.test/api', { timeoutMs: 300, proxyEnv: { HTTP_PROXY: hung.url } })
      )
    )
    expect(Date.now() - started).toBeLessThan(1000)
    expect(error.message).toBe(`proxy ${hung.host} did not open a tunnel within 0.3 s (timeout)`)
    expect(hung.requests[0]).toMatch(/^CONNECT refold\.test:80 HTTP\/1\.1/)
  })

  it('gives up on a tunnel whose far end never answers', async () => {
    const hole = await proxy('black-hole')
    const error = await failure(
      attempt(
        request('https://refold.test/api', { timeoutMs: 300, proxyEnv: { HTTPS_PROXY: hole.url } })
      )
    )
    expect(error.message).toBe('no answer within 0.3 s (timeout)')
  })
})

describe('attempt: through a proxy', () => {
  it('tunnels to the target through HTTP_PROXY with CONNECT', async () => {
    const target = await raw(answers.ok)
    const tunnel = await startConnectProxy({ [`refold.test:${target.port}`]: target.host })
    cleanups.push(() => tunnel.close())
    const answer = await attempt(
      request(`http://refold.test:${target.port}/api/v2/public/event`, {
        proxyEnv: { HTTP_PROXY: tunnel.url }
      })
    )
    expect(answer.status).toBe(200)
    expect(tunnel.tunnels).toEqual([`refold.test:${target.port}`])
    expect(target.requests[0]).toMatch(/^POST \/api\/v2\/public\/event HTTP\/1\.1/)
  })

  it('sends the proxy URL credentials as Proxy-Authorization, and never names them', async () => {
    const asking = await proxy('407')
    const proxyUrl = asking.url.replace('http://', 'http://corp%40user:s3cret@')
    const error = await failure(
      attempt(request('http://refold.test/', { proxyEnv: { HTTP_PROXY: proxyUrl } }))
    )
    expect(asking.requests[0]).toContain(
      `proxy-authorization: Basic ${Buffer.from('corp@user:s3cret').toString('base64')}`
    )
    expect(error.message).toBe(`proxy ${asking.host} answered 407 Proxy Authentication Required`)
    expect(error.message).not.toContain('s3cret')
  })

  it('names a proxy that refuses the connection', async () => {
    const port = await closedPort()
    const error = await failure(
      attempt(request('http://refold.test/', { proxyEnv: { HTTP_PROXY: `127.0.0.1:${port}` } }))
    )
    expect(error.message).toBe(`proxy 127.0.0.1:${port} refused the connection (ECONNREFUSED)`)
  })

  it('names a proxy that drops the CONNECT', async () => {
    const dropping = await proxy('drop')
    const error = await failure(
      attempt(request('https://refold.test/', { proxyEnv: { HTTPS_PROXY: dropping.url } }))
    )
    expect(error.message).toBe(
      `proxy ${dropping.host} closed the connection without answering the CONNECT (ECONNRESET)`
    )
  })
})

describe('attempt: TLS', () => {
  it('checks the certificate direct and through a tunnel: a self-signed one is refused', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'refold-tls-'))
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')]
    execFileSync(
      'openssl',
      [
        ...[
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-days',
          '1',
          '-subj',
          '/CN=refold.test'
        ],
        ...['-addext', 'subjectAltName=DNS:refold.test,IP:127.0.0.1', '-keyout', key, '-out', cert]
      ],
      { stdio: 'ignore' }
    )
    const server = createTlsServer(
      { key: readFileSync(key), cert: readFileSync(cert) },
      (_req, res) => res.end('{}')
    )
    rmSync(dir, { recursive: true, force: true })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    cleanups.push(async () => {
      server.close()
      await once(server, 'close')
    })
    const port = (server.address() as AddressInfo).port
    const tunnel = await startConnectProxy({ [`refold.test:${port}`]: `127.0.0.1:${port}` })
    cleanups.push(() => tunnel.close())
    const direct = await failure(attempt(request(`https://127.0.0.1:${port}/`)))
    const proxied = await failure(
      attempt(request(`https://refold.test:${port}/`, { proxyEnv: { HTTPS_PROXY: tunnel.url } }))
    )
    expect(tunnel.tunnels).toEqual([`refold.test:${port}`])
    for (const error of [direct, proxied]) {
      expect(error.message).toBe('TLS error: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)')
    }
  })
})

describe('attempt: https against a plain-http server', () => {
  it('says base_url is https:// but the server answered in plain HTTP, not what OpenSSL says', async () => {
    const plain = await httpServer((_req, res) => res.end('{}'))
    const error = await failure(attempt(request(plain.url.replace('http:', 'https:'))))
    expect(error.message).toBe(
      "'base_url' is https:// but the server answered in plain HTTP: use http:// for this " +
        'server, or the port where it speaks TLS'
    )
    expect(error.message).not.toMatch(/openssl|ssl3|tls_validate/i)
  })

  it('says the same through a proxy tunnel, where the TLS hello goes inside the tunnel', async () => {
    const plain = await httpServer((_req, res) => res.end('{}'))
    const port = new URL(plain.url).port
    const tunnel = await startConnectProxy({ [`refold.test:${port}`]: `127.0.0.1:${port}` })
    cleanups.push(() => tunnel.close())
    const error = await failure(
      attempt(request(`https://refold.test:${port}/`, { proxyEnv: { HTTPS_PROXY: tunnel.url } }))
    )
    expect(tunnel.tunnels).toEqual([`refold.test:${port}`])
    expect(error.message).toContain("'base_url' is https:// but the server answered in plain HTTP")
  })
})

describe('proxyFor', () => {
  const env = { HTTPS_PROXY: 'http://secure:3128', HTTP_PROXY: 'http://plain:3128' }

  it('takes HTTPS_PROXY for https targets and HTTP_PROXY for http targets', () => {
    expect(proxyFor(new URL('https://api.gocobalt.io'), env)?.name).toBe('secure:3128')
    expect(proxyFor(new URL('http://refold.internal:8080'), env)?.name).toBe('plain:3128')
  })

  it('prefers the lower-case variable, and reads a proxy without a scheme as http://', () => {
    const proxy = proxyFor(new URL('https://a.test'), {
      https_proxy: 'low:8080',
      HTTPS_PROXY: 'up:1'
    })
    expect(proxy?.name).toBe('low:8080')
    expect(proxy?.url.protocol).toBe('http:')
  })

  it('goes direct without a proxy variable, for loopback, and for NO_PROXY matches', () => {
    expect(proxyFor(new URL('https://api.gocobalt.io'), {})).toBeUndefined()
    for (const url of ['http://localhost:1', 'http://127.0.0.1:2', 'http://[::1]:3']) {
      expect(proxyFor(new URL(url), env)).toBeUndefined()
    }
    const noProxy = { ...env, NO_PROXY: 'internal, .corp.example,api.test:8443' }
    expect(proxyFor(new URL('http://refold.internal'), noProxy)).toBeUndefined()
    expect(proxyFor(new URL('https://x.corp.example'), noProxy)).toBeUndefined()
    expect(proxyFor(new URL('https://api.test:8443'), noProxy)).toBeUndefined()
    expect(proxyFor(new URL('https://api.test'), noProxy)?.name).toBe('secure:3128')
    expect(proxyFor(new URL('https://notinternal.example'), noProxy)?.name).toBe('secure:3128')
    expect(proxyFor(new URL('https://anything'), { ...env, no_proxy: '*' })).toBeUndefined()
  })
})

describe('attempt: bodies that break or never end', () => {
  it('fails at once on a body shorter than its content-length, as a broken answer', async () => {
    const server = await raw(answers.shortBody)
    const started = Date.now()
    const error = await failure(attempt(request(server.url, { timeoutMs: 5000 })))
    expect(Date.now() - started).toBeLessThan(1000)
    expect(error.message).toBe(
      'the answer broke off: the connection closed after 10 bytes of the body read of 100 announced'
    )
  })

  it('fails at once on broken chunked encoding', async () => {
    const server = await raw(answers.badChunks)
    const started = Date.now()
    const error = await failure(attempt(request(server.url, { timeoutMs: 5000 })))
    expect(Date.now() - started).toBeLessThan(1000)
    expect(error.message).toMatch(
      /^the answer broke off: malformed body \(.*HPE_INVALID_CHUNK_SIZE\)/
    )
  })

  it('reads at most 1 MiB of a 50 MB body, keeps the status, and says it was cut', async () => {
    const server = await raw(answers.huge(50 * 1024 * 1024))
    const started = Date.now()
    const answer = await attempt(request(server.url))
    expect(Date.now() - started).toBeLessThan(2000)
    expect(answer.status).toBe(200)
    expect(answer.truncated).toBe(true)
    expect(answer.body.startsWith('x'.repeat(MAX_BODY_BYTES))).toBe(true)
    expect(answer.body.slice(MAX_BODY_BYTES)).toBe(
      '\n[refold-trigger: the answer was longer than 1 MiB; the rest was not read]'
    )
  })

  it('stops reading an endless body and closes the connection', async () => {
    const server = await httpServer((_req, res) => {
      res.writeHead(200)
      const pump = (): void => {
        while (!res.destroyed && res.write('z'.repeat(65536)));
      }
      res.on('drain', pump)
      pump()
    })
    const answer = await attempt(request(server.url, { maxBodyBytes: 1000 }))
    expect(answer.truncated).toBe(true)
    expect(answer.body).toMatch(/^z{1000}\n\[refold-trigger: the answer was longer than 1000 bytes/)
    await eventually(() => server.open() === 0)
  })
})

describe('attempt: the api key in what the server sent', () => {
  it('replaces the key by *** in the body, as is, JSON-escaped or percent-encoded', async () => {
    const key = 'tk_"odd/key"+1'
    const server = await httpServer((_req, res) =>
      res
        .writeHead(401, { 'x-request-id': `req-${key}`, 'x-echo': encodeURIComponent(key) })
        .end(JSON.stringify({ message: `Invalid Credentials: ${key}`, raw: key }) + key)
    )
    const answer = await attempt(request(server.url, { secrets: [key] }))
    expect(answer.body).toBe('{"message":"Invalid Credentials: ***","raw":"***"}***')
    expect(answer.headers['x-request-id']).toBe('req-***')
    expect(answer.headers['x-echo']).toBe('***')
  })

  it('leaves no start of the key where a long body was cut', async () => {
    const server = await httpServer((_req, res) =>
      res.writeHead(200).end(`${'a'.repeat(990)}${KEY}`)
    )
    const answer = await attempt(request(server.url, { maxBodyBytes: 1000 }))
    expect(answer.body).not.toContain(KEY.slice(0, 10))
    expect(answer.body.startsWith(`${'a'.repeat(990)}***\n`)).toBe(true)
  })
})
