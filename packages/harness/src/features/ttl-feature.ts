import { type EngineResponse, errorResponse, okResponse } from '../engine/engine-response.js'
import type { FeatureModule, OperationCall } from './feature-module.js'

const tableNamePattern = /^[a-zA-Z0-9_.-]{3,255}$/

/**
 * `UpdateTimeToLive` and `DescribeTimeToLive` with the real service's semantics (dynalite has
 * none): the setting lives in the namespace's TTL registry, which the sweeper reads.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html
 */
export const ttlFeature: FeatureModule = {
  name: 'ttl',
  operations: new Set(['UpdateTimeToLive', 'DescribeTimeToLive']),
  async handle(call: OperationCall): Promise<EngineResponse> {
    const { payload } = call
    const problem = validateTableName(payload.TableName)
    if (problem) return problem
    const tableName = payload.TableName as string

    const described = await call.run('DescribeTable', { TableName: tableName })
    if (described.statusCode !== 200) {
      return errorResponse(
        'ResourceNotFoundException',
        `Requested resource not found: Table: ${tableName} not found`,
      )
    }
    const registry = call.namespace.ttl
    if (call.operation === 'DescribeTimeToLive') {
      const attributeName = registry.attributeOf(tableName)
      return okResponse({
        TimeToLiveDescription: attributeName
          ? { TimeToLiveStatus: 'ENABLED', AttributeName: attributeName }
          : { TimeToLiveStatus: 'DISABLED' },
      })
    }
    return updateTimeToLive(call, tableName, payload.TimeToLiveSpecification)
  },
}

function updateTimeToLive(
  call: OperationCall,
  tableName: string,
  specification: unknown,
): EngineResponse {
  if (typeof specification !== 'object' || specification === null) {
    return validationError('timeToLiveSpecification', 'Member must not be null')
  }
  const { Enabled: enabled, AttributeName: attributeName } = specification as Record<
    string,
    unknown
  >
  if (typeof enabled !== 'boolean') {
    return validationError('timeToLiveSpecification.enabled', 'Member must not be null')
  }
  if (typeof attributeName !== 'string' || attributeName.length < 1 || attributeName.length > 255) {
    return validationError(
      'timeToLiveSpecification.attributeName',
      'Member must have length between 1 and 255',
    )
  }

  const registry = call.namespace.ttl
  const current = registry.attributeOf(tableName)
  if (enabled) {
    if (current !== undefined)
      return errorResponse('ValidationException', 'TimeToLive is already enabled')
    registry.enable(tableName, attributeName)
  } else {
    if (current === undefined)
      return errorResponse('ValidationException', 'TimeToLive is already disabled')
    if (current !== attributeName) {
      return errorResponse(
        'ValidationException',
        `TimeToLive is active on a different AttributeName: current AttributeName is ${current}`,
      )
    }
    registry.disable(tableName)
  }
  return okResponse({ TimeToLiveSpecification: { Enabled: enabled, AttributeName: attributeName } })
}

function validateTableName(tableName: unknown): EngineResponse | undefined {
  if (tableName === undefined || tableName === null) {
    return validationError('tableName', 'Member must not be null')
  }
  if (typeof tableName !== 'string' || !tableNamePattern.test(tableName)) {
    return validationError(
      'tableName',
      'Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255',
      tableName,
    )
  }
  return undefined
}

function validationError(field: string, constraint: string, value: unknown = null): EngineResponse {
  return errorResponse(
    'ValidationException',
    `1 validation error detected: Value ${value === null ? 'null' : `'${String(value)}'`} at '${field}' failed to satisfy constraint: ${constraint}`,
  )
}
