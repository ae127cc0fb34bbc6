// Loopback servers that misbehave on purpose, below what an HTTP server library allows: answers
// written byte by byte onto the socket (bodies shorter than announced, broken chunking, endless
// bodies), and forward proxies that hang, refuse, drop or demand credentials.
import { once } from 'node:events'
import { createServer } from 'node:net'

/**
 * @typedef {object} HostileServer
 * @property {string} url e.g. `http://127.0.0.1:41234` or `http://[::1]:41234`.
 * @property {string} host host:port as a proxy or an error message names it.
 * @property {number} port
 * @property {string[]} requests The head of each request received (request line and headers).
 * @property {() => Promise<void>} close Destroys every open socket, then closes.
 */

/**
 * A server that reads each request's head and hands the socket to `respond`, which writes
 * whatever bytes it likes.
 * @param {(socket: import('node:net').Socket, head: string) => void} respond
 * @param {{ host?: string }} [options] The address to listen on; 127.0.0.1 by default.
 * @returns {Promise<HostileServer>}
 */
export async function startRawServer(respond, options = {}) {
  const host = options.host ?? '127.0.0.1'
  /** @type {string[]} */
  const requests = []
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set()
  const server = createServer(socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    let received = ''
    const onData = (/** @type {Buffer} */ chunk) => {
      received += chunk.toString('latin1')
      const end = received.indexOf('\r\n\r\n')
      if (end === -1) return
      socket.off('data', onData)
      // Keep reading (and discarding) the request body, so the client's writes never stall.
      socket.resume()
      const head = received.slice(0, end)
      requests.push(head)
      respond(socket, head)
    }
    socket.on('data', onData)
  })
  server.listen(0, host)
  await once(server, 'listening')
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  const hostPart = host.includes(':') ? `[${host}]` : host
  return {
    url: `http://${hostPart}:${port}`,
    host: `${hostPart}:${port}`,
    port,
    requests,
    async close() {
      for (const socket of sockets) socket.destroy()
      server.close()
      await once(server, 'close')
    }
  }
}

/** The ways an answer can go wrong, each a `respond` for startRawServer. */
export const answers = {
  /** A complete 200 with Refold's success body. */
  ok(/** @type {import('node:net').Socket} */ socket) {
    const body = '{"message":"Webhook Fired Success"}'
    socket.end(
      `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n` +
        `date: ${new Date().toUTCString()}\r\nconnection: close\r\n\r\n${body}`
    )
  },

  /** A 200 announcing 100 bytes of body, sending 10, then closing. */
  shortBody(/** @type {import('node:net').Socket} */ socket) {
    socket.end(
      'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"message"'
    )
  },

  /** A chunked 200 whose second chunk size is not hexadecimal; the socket stays open. */
  badChunks(/** @type {import('node:net').Socket} */ socket) {
    socket.write(
      'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n' +
        '5\r\n{"mes\r\nzz\r\n'
    )
  },

  /** A 200 with a body of `bytes` bytes, written as fast as the client reads. */
  huge(/** @type {number} */ bytes) {
    return (/** @type {import('node:net').Socket} */ socket) => {
      socket.write(
        `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${bytes}\r\n\r\n`
      )
      stream(socket, bytes)
    }
  },

  /** A chunked 200 that never ends: chunks for as long as the client reads. */
  endless(/** @type {import('node:net').Socket} */ socket) {
    socket.write(
      'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\n\r\n'
    )
    const chunk = Buffer.alloc(64 * 1024, 'y')
    const frame = Buffer.concat([
      Buffer.from(`${chunk.length.toString(16)}\r\n`),
      chunk,
      Buffer.from('\r\n')
    ])
    const pump = () => {
      while (!socket.destroyed && socket.write(frame));
    }
    socket.on('drain', pump)
    pump()
  }
}

/** Writes `bytes` bytes of 'x' onto the socket, respecting back-pressure. */
function stream(/** @type {import('node:net').Socket} */ socket, /** @type {number} */ bytes) {
  const chunk = Buffer.alloc(64 * 1024, 'x')
  let left = bytes
  const pump = () => {
    while (left > 0 && !socket.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left)
      left -= piece.length
      if (!socket.write(piece)) return
    }
    if (left === 0) socket.end()
  }
  socket.on('drain', pump)
  pump()
}

/**
 * Forward proxies that fail in the ways self-hosted runners meet:
 * - `hang`: accepts the connection and the CONNECT, and never answers it;
 * - `black-hole`: answers `200 Connection Established` and then never reads from or writes to
 *   the tunnel (a far end that accepted and went silent);
 * - `407`: asks for credentials;
 * - `drop`: closes the connection as soon as the CONNECT arrives.
 * @param {'hang' | 'black-hole' | '407' | 'drop'} mode
 */
export function startHostileProxy(mode) {
  return startRawServer((socket, head) => {
    if (!head.startsWith('CONNECT '))
      return void socket.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n')
    if (mode === 'hang') return
    if (mode === 'drop') return void socket.destroy()
    if (mode === '407') {
      return void socket.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\n' +
          'proxy-authenticate: Basic realm="corp"\r\ncontent-length: 0\r\n\r\n'
      )
    }
    socket.pause()
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n')
  })
}

/** A loopback port nothing listens on: connecting to it is refused. */
export async function closedPort() {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address())
  server.close()
  await once(server, 'close')
  return port
}
