import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DynamoDBAdapter } from '@auth-dynamo/adapter'
import { runAdapterConformance } from '@auth-dynamo/conformance'
import { dynamodbConformanceOptions } from '@auth-dynamo/conformance/dynamodb'
import { authjsTable, authjsTableDefaults, type TableDefinition } from '@auth-dynamo/harness'
import { App } from 'aws-cdk-lib'
import { Template } from 'aws-cdk-lib/assertions'
import type { CfnTable } from 'aws-cdk-lib/aws-dynamodb'
import { afterAll, describe, expect, test, vi } from 'vitest'
import { AuthjsTableStack } from '../cdk/authjs-table-stack.js'
import { adapterCapabilities } from './support/adapter-capabilities.js'
import { adapterTableDefinition } from './support/adapter-table.js'
import type { CloudFormationTemplate } from './support/cloudformation-yaml.js'
import { documentedPolicy } from './support/documented-policy.js'
import { managedPolicyStatements } from './support/managed-policy-statements.js'
import { resolveIntrinsics } from './support/resolve-intrinsics.js'
import { tableShape } from './support/table-shape.js'
import { templateBackend } from './support/template-backend.js'

const customNames = {
  tableName: 'my-app-auth',
  partitionKey: 'PK',
  sortKey: 'SK',
  indexName: 'ByLookup',
  indexPartitionKey: 'LookupPK',
  indexSortKey: 'LookupSK',
}

// CDK writes every synthesis to disk; keep it in directories this file removes.
const outdirs: string[] = []
afterAll(async () => {
  await Promise.all(outdirs.map((dir) => rm(dir, { recursive: true, force: true })))
})
const newOutdir = async () => {
  const outdir = await mkdtemp(join(tmpdir(), 'authjs-cdk-'))
  outdirs.push(outdir)
  return outdir
}

/**
 * Runs the shipped app, cdk/app.ts (what `cdk synth` runs), in this process, and reads the
 * template it writes. `cdk` passes the output directory and `-c` context the same way.
 */
async function synthesizeApp(
  context: Record<string, string> = {},
): Promise<CloudFormationTemplate> {
  const outdir = await newOutdir()
  vi.stubEnv('CDK_OUTDIR', outdir)
  vi.stubEnv('CDK_CONTEXT_JSON', JSON.stringify(context))
  vi.resetModules()
  try {
    await import('../cdk/app.js')
  } finally {
    vi.unstubAllEnvs()
  }
  return JSON.parse(await readFile(join(outdir, 'AuthjsTable.template.json'), 'utf8'))
}

const tableOf = (template: CloudFormationTemplate): TableDefinition => {
  const tables = Object.entries(template.Resources).filter(
    ([, resource]) => resource.Type === 'AWS::DynamoDB::Table',
  )
  const [[logicalId, table] = []] = tables
  if (!table || tables.length > 1) {
    throw new Error(`expected one AWS::DynamoDB::Table, found ${tables.length}`)
  }
  // Throws if the properties hold anything only a deployed stack could resolve.
  return resolveIntrinsics(table.Properties, {}, logicalId) as TableDefinition
}

const appTemplate = await synthesizeApp()

describe('the CDK app (cdk/app.ts)', () => {
  test('synthesizes one table and one managed policy', () => {
    const types = Object.values(appTemplate.Resources).map((resource) => resource.Type)
    expect(types.sort()).toEqual(['AWS::DynamoDB::Table', 'AWS::IAM::ManagedPolicy'])
  })

  test('makes, by default, the table the harness and the adapter describe', () => {
    expect(tableShape(tableOf(appTemplate))).toEqual(tableShape(authjsTable()))
    expect(tableShape(tableOf(appTemplate))).toEqual(tableShape(adapterTableDefinition()))
  })

  test('takes the names from context (cdk synth -c tableName=...)', async () => {
    const template = await synthesizeApp(customNames)
    expect(tableShape(tableOf(template))).toEqual(tableShape(authjsTable(customNames)))
  })
})

const constructOutdir = await newOutdir()

describe('the AuthjsTable construct', () => {
  const stackWith = (props?: ConstructorParameters<typeof AuthjsTableStack>[2]) =>
    new AuthjsTableStack(new App({ outdir: constructOutdir }), 'Test', props)

  test('renames the table, its keys and its index through its props', () => {
    const template = Template.fromStack(stackWith({ table: customNames })).toJSON()
    expect(tableShape(tableOf(template as CloudFormationTemplate))).toEqual(
      tableShape(adapterTableDefinition(customNames)),
    )
  })

  test('exposes the matching adapter options, the table name as a reference to the table', () => {
    const stack = stackWith({ table: customNames })
    const { adapterOptions, table } = stack.auth
    const tableId = stack.getLogicalId(table.node.defaultChild as CfnTable)
    expect({ ...adapterOptions, tableName: stack.resolve(adapterOptions.tableName) }).toEqual({
      ...customNames,
      tableName: { Ref: tableId },
    })
    const { tableName: _, ...defaultKeys } = stackWith().auth.adapterOptions
    const { tableName: __, ...adapterDefaults } = authjsTableDefaults
    expect(defaultKeys).toEqual(adapterDefaults)
  })

  test('grants exactly the documented actions on the table and its index', async () => {
    const documented = await documentedPolicy()
    const template = Template.fromStack(stackWith())
    const statements = managedPolicyStatements(template.toJSON() as CloudFormationTemplate)
    expect(statements).toHaveLength(1)
    const [statement] = statements
    expect(statement?.Effect).toBe('Allow')
    expect([...(statement?.Action ?? [])].sort()).toEqual([...documented.actions].sort())
    const [tableId] = Object.keys(template.findResources('AWS::DynamoDB::Table'))
    // Resolved with the README's placeholders, the resources are the README's two ARNs.
    const resources = resolveIntrinsics(statement?.Resource, {
      [`${tableId}.Arn`]: 'arn:aws:dynamodb:{region}:{account_id}:table/{table_name}',
    })
    expect(resources).toEqual(documented.resources)
  })
})

runAdapterConformance(
  dynamodbConformanceOptions({
    name: '@auth-dynamo/adapter on the CDK table',
    backend: templateBackend(
      'the emulator with the table cdk/app.ts synthesizes',
      tableOf(appTemplate),
      authjsTableDefaults,
    ),
    adapter: (backend) => DynamoDBAdapter(backend.documentClient, backend.table),
    capabilities: adapterCapabilities,
  }),
)
