import type { Interceptor } from '../../dispatch/interceptor.js'
import { errorResponse } from '../../engine/engine-response.js'
import { malformedArnMessage, tableNameOf } from './table-arn.js'

class MalformedArn extends Error {}

/**
 * Accepts a table's ARN wherever a table name goes, as the service does since 2024 (the API
 * reference of each operation: "You can also provide the Amazon Resource Name (ARN) of the table
 * in this parameter", e.g.
 * https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html#DDB-GetItem-request-TableName):
 * `TableName` of every operation, the table keys of BatchGetItem's and BatchWriteItem's
 * `RequestItems`, and each TransactWriteItems or TransactGetItems action's `TableName`. The
 * request goes on with the table's name, so everything after it (fault rules, dynalite) sees
 * names only; answers name the table, as DynamoDB Local's do. DynamoDB Local 3.3.0 refuses ARNs
 * in CreateTable and in transactions; the service takes them, and so does this.
 */
export const tableArnInterceptor: Interceptor = {
  name: 'table ARNs',
  intercept(request, next) {
    let payload: Record<string, unknown>
    try {
      payload = withTableNames(request.payload)
    } catch (error) {
      if (error instanceof MalformedArn) {
        return Promise.resolve(errorResponse('ValidationException', malformedArnMessage))
      }
      throw error
    }
    return next(payload === request.payload ? request : { ...request, payload })
  },
}

/** The payload with every table ARN replaced by the table's name; the same object if none. */
function withTableNames(payload: Readonly<Record<string, unknown>>): Record<string, unknown> {
  let changed: Record<string, unknown> | undefined
  const change = (key: string, value: unknown) => {
    changed ??= { ...payload }
    changed[key] = value
  }
  if (typeof payload.TableName === 'string' && payload.TableName.startsWith('arn:')) {
    change('TableName', nameOrThrow(payload.TableName))
  }
  const requestItems = payload.RequestItems
  if (isRecord(requestItems) && Object.keys(requestItems).some((key) => key.startsWith('arn:'))) {
    change(
      'RequestItems',
      Object.fromEntries(
        Object.entries(requestItems).map(([key, value]) => [nameOrThrow(key), value]),
      ),
    )
  }
  const transactItems = payload.TransactItems
  if (Array.isArray(transactItems) && transactItems.some(hasArnAction)) {
    change('TransactItems', transactItems.map(withActionTableName))
  }
  return changed ?? (payload as Record<string, unknown>)
}

const actionKinds = ['Put', 'Update', 'Delete', 'ConditionCheck', 'Get']

function hasArnAction(entry: unknown): boolean {
  return (
    isRecord(entry) &&
    actionKinds.some((kind) => {
      const action = entry[kind]
      return (
        isRecord(action) &&
        typeof action.TableName === 'string' &&
        action.TableName.startsWith('arn:')
      )
    })
  )
}

function withActionTableName(entry: unknown): unknown {
  if (!isRecord(entry)) return entry
  const copy: Record<string, unknown> = { ...entry }
  for (const kind of actionKinds) {
    const action = copy[kind]
    if (isRecord(action) && typeof action.TableName === 'string') {
      copy[kind] = { ...action, TableName: nameOrThrow(action.TableName) }
    }
  }
  return copy
}

function nameOrThrow(value: string): string {
  const name = tableNameOf(value)
  if (name === undefined) throw new MalformedArn()
  return name as string
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
