import type { EngineResponse } from './engine-response.js'

/**
 * UpdateItem with ReturnValues UPDATED_NEW or UPDATED_OLD, when none of the updated attributes
 * exists on that side (only REMOVEs for UPDATED_NEW, only new attributes for UPDATED_OLD):
 * DynamoDB leaves `Attributes` out, where dynalite answers `Attributes: {}`.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html#DDB-UpdateItem-response-Attributes
 */
export function withoutEmptyUpdatedValues(
  data: Record<string, unknown>,
  response: EngineResponse,
): EngineResponse {
  const { ReturnValues } = data
  if (ReturnValues !== 'UPDATED_NEW' && ReturnValues !== 'UPDATED_OLD') return response
  const attributes = response.body.Attributes
  if (
    response.statusCode !== 200 ||
    typeof attributes !== 'object' ||
    attributes === null ||
    Object.keys(attributes).length > 0
  ) {
    return response
  }
  const { Attributes: _empty, ...body } = response.body
  return { ...response, body }
}
