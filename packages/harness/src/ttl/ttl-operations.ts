import type { DynaliteStore, DynamoResponse } from '../dynalite/dynalite-store.js'
import { internalRequest } from '../dynalite/internal-request.js'
import { dynamoError, dynamoJson } from '../server/dynamodb-error.js'
import type { TtlRegistry } from './ttl-registry.js'

/** The TTL operations the emulator answers itself, with the real service's semantics. */
export const ttlOperations: ReadonlySet<string> = new Set([
  'UpdateTimeToLive',
  'DescribeTimeToLive',
])

const tableNamePattern = /^[a-zA-Z0-9_.-]{3,255}$/

/** Answers UpdateTimeToLive or DescribeTimeToLive. */
export async function handleTtlOperation(
  operation: string,
  payload: Record<string, unknown>,
  store: DynaliteStore,
  registry: TtlRegistry,
): Promise<DynamoResponse> {
  const problem = validateTableName(payload.TableName)
  if (problem) return problem
  const tableName = payload.TableName as string

  const described = await store.invoke(internalRequest('DescribeTable', { TableName: tableName }))
  if (described.statusCode !== 200) {
    return dynamoError(
      'ResourceNotFoundException',
      `Requested resource not found: Table: ${tableName} not found`,
    )
  }

  if (operation === 'DescribeTimeToLive') {
    const attributeName = registry.attributeOf(tableName)
    return dynamoJson({
      TimeToLiveDescription: attributeName
        ? { TimeToLiveStatus: 'ENABLED', AttributeName: attributeName }
        : { TimeToLiveStatus: 'DISABLED' },
    })
  }
  return updateTimeToLive(tableName, payload.TimeToLiveSpecification, registry)
}

function updateTimeToLive(
  tableName: string,
  specification: unknown,
  registry: TtlRegistry,
): DynamoResponse {
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

  const current = registry.attributeOf(tableName)
  if (enabled) {
    if (current !== undefined) {
      return dynamoError('ValidationException', 'TimeToLive is already enabled')
    }
    registry.enable(tableName, attributeName)
  } else {
    if (current === undefined) {
      return dynamoError('ValidationException', 'TimeToLive is already disabled')
    }
    if (current !== attributeName) {
      return dynamoError(
        'ValidationException',
        `TimeToLive is active on a different AttributeName: current AttributeName is ${current}`,
      )
    }
    registry.disable(tableName)
  }
  return dynamoJson({ TimeToLiveSpecification: { Enabled: enabled, AttributeName: attributeName } })
}

function validateTableName(tableName: unknown): DynamoResponse | undefined {
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

function validationError(field: string, constraint: string, value: unknown = null): DynamoResponse {
  return dynamoError(
    'ValidationException',
    `1 validation error detected: Value ${value === null ? 'null' : `'${String(value)}'`} at '${field}' failed to satisfy constraint: ${constraint}`,
  )
}
