import { type EngineResponse, errorTypeOf } from '../engine/engine-response.js'
import { EmulatorError } from '../errors/emulator-error.js'
import type { RunOperation } from '../namespaces/namespace.js'
import type { TtlRegistry } from '../ttl/ttl-registry.js'
import { toCreateTableInput } from './cloudformation-properties.js'
import type { TableDefinition } from './table-definition.js'

/**
 * Creates a table (CloudFormation-only properties dropped; ACTIVE when this resolves) and
 * enables its TTL when the definition asks for it. With `ifMissing`, an existing table of that
 * name is kept as it is (a persisted emulator restarting), but a TTL its definition asks for is
 * enabled if it is missing (a crash between the two steps).
 *
 * @throws {@link EmulatorError} `TABLE_SETUP_FAILED` naming the table and DynamoDB's reason
 */
export async function createTable(
  run: RunOperation,
  registry: TtlRegistry,
  definition: TableDefinition,
  { ifMissing = false }: { ifMissing?: boolean } = {},
): Promise<void> {
  const { input, timeToLive } = toCreateTableInput(definition)
  const tableName = definition.TableName
  const exists = ifMissing && (await tableExists(run, tableName))
  if (!exists) {
    // The TTL is registered first: a crash between the two steps then leaves an entry for a
    // table that does not exist (dropped when the emulator opens), never a table without TTL.
    if (timeToLive?.Enabled) registry.enable(tableName, timeToLive.AttributeName)
    const response = await run('CreateTable', input as unknown as Record<string, unknown>)
    if (response.statusCode !== 200) {
      if (timeToLive?.Enabled) registry.disable(tableName)
      throw new EmulatorError(
        'TABLE_SETUP_FAILED',
        `Could not create table ${tableName}: ${errorTypeOf(response)}: ${messageOf(response)}`,
      )
    }
  } else if (timeToLive?.Enabled && registry.attributeOf(tableName) === undefined) {
    registry.enable(tableName, timeToLive.AttributeName)
  }
}

/** Deletes a table (gone when this resolves); a missing table is not an error. */
export async function deleteTable(
  run: RunOperation,
  registry: TtlRegistry,
  tableName: string,
): Promise<void> {
  const response = await run('DeleteTable', { TableName: tableName })
  if (response.statusCode !== 200 && errorTypeOf(response) !== 'ResourceNotFoundException') {
    throw new EmulatorError(
      'TABLE_SETUP_FAILED',
      `Could not delete table ${tableName}: ${errorTypeOf(response)}: ${messageOf(response)}`,
    )
  }
  registry.disable(tableName)
}

/** Names of every table, in ListTables order. */
export async function listTables(run: RunOperation): Promise<string[]> {
  const names: string[] = []
  let start: string | undefined
  do {
    const response = await run('ListTables', start ? { ExclusiveStartTableName: start } : {})
    if (response.statusCode !== 200) {
      throw new EmulatorError('TABLE_SETUP_FAILED', `Could not list tables: ${messageOf(response)}`)
    }
    names.push(...((response.body.TableNames as string[] | undefined) ?? []))
    start = response.body.LastEvaluatedTableName as string | undefined
  } while (start)
  return names
}

/** Whether a table exists, whatever its status. */
export async function tableExists(run: RunOperation, tableName: string): Promise<boolean> {
  const response = await run('DescribeTable', { TableName: tableName })
  return response.statusCode === 200
}

function messageOf(response: EngineResponse): string {
  return String(response.body.message ?? response.body.Message ?? '')
}
