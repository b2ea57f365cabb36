import { Agent, request } from 'node:http'
import type { AdminTransport } from '../admin/admin-client.js'

// Free keep-alive sockets are unref'd by node:http, so they never hold a worker open.
const agent = new Agent({ keepAlive: true })

/**
 * Admin requests over node:http, the stack the AWS SDK in the same worker already loaded:
 * `fetch` would load and start undici in every test file's fresh worker for four requests.
 * The emulator the globalSetup starts listens on plain HTTP on loopback.
 */
export const nodeHttpTransport: AdminTransport = ({ method, url, headers, body }) =>
  new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method,
        agent,
        headers:
          body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        response.on('error', reject)
      },
    )
    outgoing.on('error', reject)
    outgoing.end(body)
  })
