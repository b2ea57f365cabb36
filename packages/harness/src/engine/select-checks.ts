import { type EngineResponse, errorResponse } from './engine-response.js'

const whatSelectGets: Readonly<Record<string, string>> = {
  ALL_ATTRIBUTES: 'ALL_ATTRIBUTES',
  ALL_PROJECTED_ATTRIBUTES: 'ALL_PROJECTED_ATTRIBUTES',
  COUNT: 'only the Count',
}

/**
 * Refuses the `Select` combinations DynamoDB refuses on Query and Scan (dynalite answered them),
 * with DynamoDB Local 3.3's words: SPECIFIC_ATTRIBUTES needs a ProjectionExpression or
 * AttributesToGet; ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES and COUNT take neither;
 * ALL_PROJECTED_ATTRIBUTES needs an IndexName. A validated-data hook.
 *
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html#DDB-Query-request-Select
 */
export function checkSelect(
  operation: string,
  _payload: Readonly<Record<string, unknown>>,
  data: Record<string, unknown>,
): EngineResponse | undefined {
  if (operation !== 'Query' && operation !== 'Scan') return undefined
  const select = data.Select
  const projection =
    data.ProjectionExpression != null
      ? 'ProjectionExpression'
      : data.AttributesToGet != null
        ? 'AttributesToGet'
        : undefined
  let message: string | undefined
  if (select === 'SPECIFIC_ATTRIBUTES' && projection === undefined) {
    message =
      'Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES'
  } else if (typeof select === 'string' && whatSelectGets[select] && projection !== undefined) {
    message = `Cannot specify the ${projection} when choosing to get ${whatSelectGets[select]}`
  } else if (select === 'ALL_PROJECTED_ATTRIBUTES' && data.IndexName == null) {
    message = 'ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName'
  }
  return message === undefined ? undefined : errorResponse('ValidationException', message)
}
