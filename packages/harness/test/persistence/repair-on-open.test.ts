import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DescribeTableCommand, ListTablesCommand, PutItemCommand } from '@aws-sdk/client-dynamodb'
import { afterEach, expect, test } from 'vitest'
import { DynaliteEngine } from '../../src/engine/dynalite-engine.js'
import type { StoredTable } from '../../src/engine/dynalite-internals.js'
import { startEmulator } from '../../src/index.js'
import { clientFor } from '../support/clients.js'

const directories: string[] = []
afterEach(() => {
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tableDbCall<T>(
  work: (callback: (error: unknown, result?: unknown) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) =>
    work((error, result) => (error ? reject(error) : resolve(result as T))),
  )
}

/** Rewrites what a kill would have left: table states on disk, and the TTL file. */
async function leaveAsAKillWould(dir: string, statuses: Record<string, string>): Promise<void> {
  const engine = DynaliteEngine.open({ path: join(dir, 'dynalite') })
  for (const [tableName, status] of Object.entries(statuses)) {
    const table = await tableDbCall<StoredTable>((callback) =>
      engine.store.tableDb.get(tableName, callback),
    )
    table.TableStatus = status
    await tableDbCall((callback) => engine.store.tableDb.put(tableName, table, callback))
  }
  await engine.close()
}

test('a restart completes tables a kill left CREATING, UPDATING or DELETING, and drops TTL settings of missing tables', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'auth-dynamo-repair-'))
  directories.push(dir)
  const definition = (TableName: string) => ({
    TableName,
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' as const }],
    KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' as const }],
    BillingMode: 'PAY_PER_REQUEST' as const,
  })
  const first = await startEmulator({ persist: dir, tables: [] })
  for (const name of ['creating', 'updating', 'deleting']) await first.createTable(definition(name))
  await clientFor(first).send(
    new PutItemCommand({ TableName: 'deleting', Item: { id: { S: 'x' } } }),
  )
  await first.stop()

  await leaveAsAKillWould(dir, { creating: 'CREATING', updating: 'UPDATING', deleting: 'DELETING' })
  const ttlFile = join(dir, 'ttl.json')
  writeFileSync(ttlFile, JSON.stringify({ 'never-created': 'expires', creating: 'until' }))

  const second = await startEmulator({ persist: dir, tables: [] })
  try {
    const client = clientFor(second)
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([
      'creating',
      'updating',
    ])
    for (const TableName of ['creating', 'updating']) {
      const { Table } = await client.send(new DescribeTableCommand({ TableName }))
      expect(Table?.TableStatus).toBe('ACTIVE')
      await client.send(new PutItemCommand({ TableName, Item: { id: { S: 'after' } } }))
    }
    expect(JSON.parse(readFileSync(ttlFile, 'utf8'))).toEqual({ creating: 'until' })
    // The deleted table's items went with it: a table of that name starts empty.
    await second.createTable(definition('deleting'))
    expect((await second.items('deleting')).count).toBe(0)
  } finally {
    await second.stop()
  }
})
