// A forward proxy on 127.0.0.1 that tunnels CONNECT requests, as a self-hosted runner's proxy does,
// and records each target it was asked for. `routes` maps a requested host:port to the loopback
// address that really serves it, so tests can use a hostname that only the proxy knows.
import { once } from 'node:events'
import { createServer } from 'node:http'
import { connect } from 'node:net'

/**
 * @param {Record<string, string>} routes e.g. { 'refold.test:80': '127.0.0.1:41234' }
 * @returns {Promise<{ url: string, tunnels: string[], close(): Promise<void> }>}
 */
export async function startConnectProxy(routes) {
  /** @type {string[]} */
  const tunnels = []
  /** @type {Set<import('node:stream').Duplex>} */
  const sockets = new Set()
  const server = createServer((_request, response) => response.writeHead(405).end())
  server.on('connect', (request, client, head) => {
    const target = request.url ?? ''
    tunnels.push(target)
    const [host, port] = (routes[target] ?? target).split(':')
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    url: `http://127.0.0.1:${address.port}`,
    tunnels,
    async close() {
      for (const socket of sockets) socket.destroy()
      server.close()
      await once(server, 'close')
    }
  }
}
