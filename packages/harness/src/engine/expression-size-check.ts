import { type EngineResponse, errorResponse } from './engine-response.js'

/** The longest expression DynamoDB takes, in characters (UTF-16 code units, as Local counts). */
export const maxExpressionLength = 4096

// In the order dynalite's validation reads them; the ones whose error names the size.
const expressions: ReadonlyArray<[name: string, withSize: boolean]> = [
  ['UpdateExpression', false],
  ['ConditionExpression', true],
  ['KeyConditionExpression', true],
  ['FilterExpression', true],
  ['ProjectionExpression', false],
]

/**
 * Refuses an expression longer than 4 KB before dynalite parses it, with DynamoDB Local 3.3's
 * words ("Invalid ConditionExpression: Expression size has exceeded the maximum allowed size;
 * expression size: 4097"; Update and Projection expressions leave the size out). Also bounds
 * the parser's work and memory. A request check (on the raw payload, BatchGetItem's per-table
 * ProjectionExpression included).
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-expression-parameters
 */
export function checkExpressionSizes(
  operation: string,
  payload: Readonly<Record<string, unknown>>,
): EngineResponse | undefined {
  const holders: unknown[] = [payload]
  if (operation === 'BatchGetItem' && isRecord(payload.RequestItems)) {
    holders.push(...Object.values(payload.RequestItems))
  }
  for (const holder of holders) {
    if (!isRecord(holder)) continue
    for (const [name, withSize] of expressions) {
      const expression = holder[name]
      if (typeof expression !== 'string' || expression.length <= maxExpressionLength) continue
      return errorResponse(
        'ValidationException',
        `Invalid ${name}: Expression size has exceeded the maximum allowed size;${withSize ? ` expression size: ${expression.length}` : ''}`,
      )
    }
  }
  return undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
