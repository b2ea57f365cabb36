import type { IncomingHttpHeaders } from 'node:http'
import { type EngineResponse, errorResponse } from '../engine/engine-response.js'
import { rawWireResponse, toWireResponse, type WireResponse } from './wire-response.js'

/** A DynamoDB request that passed the protocol's checks. */
export interface DynamoRequest {
  /** The operation `X-Amz-Target` names (`PutItem`). */
  operation: string
  /** The JSON body. */
  payload: Record<string, unknown>
  /** The access key that signed it, from the Authorization header or a presigned query. */
  accessKeyId: string
  /** The response's type: `application/x-amz-json-1.0` when the request was sent so, else `application/json`. */
  contentType: string
}

/** What the protocol layer answers itself, instead of dispatching the request. */
export interface ProtocolAnswer {
  answer: WireResponse
}

const apiVersion = 'DynamoDB_20120810'
const streamsApiVersion = 'DynamoDBStreams_20120810'
const amzJson = 'application/x-amz-json-1.0'
const jsonContentTypes = new Set(['application/json', amzJson])

/**
 * Applies DynamoDB's HTTP protocol checks to a request, in the order the service (and dynalite)
 * applies them: method and content type, JSON, target, then signature presence. Signatures are
 * not verified, as in DynamoDB Local. Presigned requests (`X-Amz-Credential` in the query) are
 * accepted like signed headers.
 *
 * @returns the parsed request, or the answer to send instead
 */
export function readDynamoRequest(
  method: string,
  url: string,
  headers: IncomingHttpHeaders,
  body: Buffer,
): DynamoRequest | ProtocolAnswer {
  const contentType = (headers['content-type'] ?? '').split(';')[0]?.trim() ?? ''
  if (method !== 'POST' || (body.length > 0 && !jsonContentTypes.has(contentType))) {
    return { answer: rawWireResponse(404, '<UnknownOperationException/>\n') }
  }
  // DynamoDB answers in the JSON type it was sent, and in application/json when it was sent none.
  const answerType = contentType === amzJson ? amzJson : 'application/json'
  const error = (...args: Parameters<typeof errorResponse>): WireResponse =>
    toWireResponse(errorResponse(...args), answerType)

  let payload: unknown
  if (body.length > 0) {
    try {
      payload = JSON.parse(body.toString('utf8'))
    } catch {
      return { answer: toWireResponse(serializationError(), answerType) }
    }
  }

  const target = headers['x-amz-target']
  const [version, operation, ...rest] = (typeof target === 'string' ? target : '').split('.')
  if (version === streamsApiVersion && operation) {
    return {
      answer: error(
        'UnknownOperationException',
        `DynamoDB Streams (${streamsApiVersion}.${operation}) is not supported by the auth-dynamo emulator yet: a table's StreamSpecification is stored and described, but no stream records are produced`,
      ),
    }
  }
  if (version !== apiVersion || !operation || rest.length > 0 || !/^[A-Za-z]+$/.test(operation)) {
    return {
      answer: error(
        'UnknownOperationException',
        `Missing or malformed X-Amz-Target header ${JSON.stringify(target ?? null)}: expected ${apiVersion}.<Operation>`,
      ),
    }
  }

  const query = new URL(url, 'http://localhost').searchParams
  const authorization = headers.authorization
  const presigned = query.has('X-Amz-Algorithm')
  if (authorization && presigned) {
    return {
      answer: error(
        'InvalidSignatureException',
        "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
      ),
    }
  }
  if (
    (!authorization && !presigned) ||
    (authorization && !authorization.trim().startsWith('AWS4-'))
  ) {
    return {
      answer: error(
        'MissingAuthenticationTokenException',
        'Request is missing Authentication Token',
      ),
    }
  }
  const incomplete = authorization
    ? missingHeaderAuthParts(authorization, headers)
    : missingQueryAuthParts(query)
  if (incomplete) return { answer: error('IncompleteSignatureException', incomplete) }

  if (
    body.length === 0 ||
    typeof payload !== 'object' ||
    payload === null ||
    Array.isArray(payload)
  ) {
    return { answer: toWireResponse(serializationError(), answerType) }
  }

  return {
    operation,
    payload: payload as Record<string, unknown>,
    accessKeyId: authorization
      ? (/Credential=([^/,\s]+)\//.exec(authorization)?.[1] ?? '(unsigned)')
      : (query.get('X-Amz-Credential') ?? '').split('/')[0] || '(unsigned)',
    contentType: answerType,
  }
}

/** A CORS preflight or a plain request from a browser page: DynamoDB answers any origin. */
export function corsHeaders(
  method: string,
  headers: IncomingHttpHeaders,
): { headers: Record<string, string>; preflight: boolean } {
  if (!headers.origin) return { headers: {}, preflight: false }
  const cors: Record<string, string> = { 'access-control-allow-origin': '*' }
  if (method !== 'OPTIONS') return { headers: cors, preflight: false }
  const requestHeaders = headers['access-control-request-headers']
  const requestMethod = headers['access-control-request-method']
  if (requestHeaders) cors['access-control-allow-headers'] = String(requestHeaders)
  if (requestMethod) cors['access-control-allow-methods'] = String(requestMethod)
  cors['access-control-max-age'] = '172800'
  return { headers: cors, preflight: true }
}

function serializationError(): EngineResponse {
  return { statusCode: 400, body: { __type: 'com.amazon.coral.service#SerializationException' } }
}

function missingHeaderAuthParts(authorization: string, headers: IncomingHttpHeaders): string {
  const parts = new Map<string, string>()
  for (const piece of authorization.split(/,| /).slice(1)) {
    if (!piece) continue
    const [key = '', value = ''] = piece.trim().split('=')
    parts.set(key, value)
  }
  let message = ''
  for (const part of ['Credential', 'Signature', 'SignedHeaders']) {
    if (!parts.get(part)) message += `Authorization header requires '${part}' parameter. `
  }
  if (!headers['x-amz-date'] && !headers.date) {
    message +=
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
  }
  return message ? `${message}Authorization=${authorization}` : ''
}

function missingQueryAuthParts(query: URLSearchParams): string {
  let message = ''
  for (const part of [
    'X-Amz-Algorithm',
    'X-Amz-Credential',
    'X-Amz-Signature',
    'X-Amz-SignedHeaders',
    'X-Amz-Date',
  ]) {
    if (!query.get(part)) message += `AWS query-string parameters must include '${part}'. `
  }
  return message ? `${message}Re-examine the query-string parameters.` : ''
}
