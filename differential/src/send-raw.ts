import { Agent, request } from 'node:http'
import { Sha256 } from '@smithy/core/checksum'
import { SignatureV4 } from '@smithy/signature-v4'
import type { Target } from './target.js'

/** What a backend answered: the HTTP status and the body text. */
export interface RawResponse {
  status: number
  text: string
}

/** A request as sent on the wire. */
export interface RawRequest {
  /** The `X-Amz-Target` header, or `null` for none. */
  target: string | null
  body: string
  /** Headers added to or replacing the defaults (content type and target). */
  headers?: Record<string, string>
}

// A fresh connection per request: a kept-alive socket that the server closes while idle makes the
// next request on it fail with ECONNRESET, and a retry could repeat a write. On loopback a new
// connection costs well under a millisecond.
const agent = new Agent({ keepAlive: false })
// A backend that never answers must fail the case, not hang the run.
const requestTimeoutMs = 60_000

/**
 * Sends one DynamoDB request with any body, signed with SigV4 by the AWS SDK's own signer
 * (`@smithy/signature-v4`). The SDK clients would refuse to send the malformed bodies some cases
 * need, so this goes through node:http rather than a client.
 *
 * @throws when the connection fails or no answer comes within 60 s
 */
export async function sendRaw(target: Target, raw: RawRequest): Promise<RawResponse> {
  const url = new URL(target.endpoint)
  const signer = new SignatureV4({
    service: 'dynamodb',
    region: target.region,
    credentials: target.credentials,
    sha256: Sha256,
  })
  const headers: Record<string, string> = {
    host: url.host,
    'content-type': 'application/x-amz-json-1.0',
  }
  if (raw.target !== null) headers['x-amz-target'] = raw.target
  for (const [name, value] of Object.entries(raw.headers ?? {})) headers[name.toLowerCase()] = value
  const signed = await signer.sign({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: '/',
    query: {},
    headers,
    body: raw.body,
  })
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        method: 'POST',
        host: url.hostname,
        port: url.port,
        path: '/',
        headers: { ...signed.headers, 'content-length': String(Buffer.byteLength(raw.body)) },
        timeout: requestTimeoutMs,
      },
      (incoming) => {
        const chunks: Buffer[] = []
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        )
        incoming.on('error', reject)
      },
    )
    outgoing.on('timeout', () =>
      outgoing.destroy(new Error(`no answer from ${target.endpoint} in ${requestTimeoutMs} ms`)),
    )
    outgoing.on('error', reject)
    outgoing.end(raw.body)
  })
}
