import { createServer } from 'node:net'

/**
 * A TCP port that is free on the loopback interface right now, for a child process that cannot
 * be told to pick its own and report it (DynamoDB Local prints no port for `-port 0`).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
