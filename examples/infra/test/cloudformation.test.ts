import { readFile } from 'node:fs/promises'
import { DynamoDBAdapter } from '@auth-dynamo/adapter'
import { runAdapterConformance } from '@auth-dynamo/conformance'
import { dynamodbConformanceOptions } from '@auth-dynamo/conformance/dynamodb'
import { authjsTable, type TableDefinition } from '@auth-dynamo/harness'
import { describe, expect, test } from 'vitest'
import { adapterCapabilities } from './support/adapter-capabilities.js'
import { adapterTableDefinition } from './support/adapter-table.js'
import { parseCloudFormationYaml } from './support/cloudformation-yaml.js'
import { documentedPolicy } from './support/documented-policy.js'
import { managedPolicyStatements } from './support/managed-policy-statements.js'
import {
  type ParameterValues,
  parameterValues,
  resolveIntrinsics,
} from './support/resolve-intrinsics.js'
import { tableShape } from './support/table-shape.js'
import { templateBackend } from './support/template-backend.js'

const templatePath = new URL('../cloudformation/auth-table.yaml', import.meta.url)
const template = parseCloudFormationYaml(await readFile(templatePath, 'utf8'))

const resourcesOfType = (type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type)

/** The table's properties as a stack deployed with these parameter values would have them. */
const tableProperties = (overrides: ParameterValues = {}): TableDefinition => {
  const [table] = resourcesOfType('AWS::DynamoDB::Table')
  if (!table) throw new Error('the template has no AWS::DynamoDB::Table')
  const values = parameterValues(template.Parameters, overrides)
  return resolveIntrinsics(table[1].Properties, values, table[0]) as TableDefinition
}

describe('cloudformation/auth-table.yaml', () => {
  test('has one table and one managed policy', () => {
    expect(resourcesOfType('AWS::DynamoDB::Table')).toHaveLength(1)
    expect(resourcesOfType('AWS::IAM::ManagedPolicy')).toHaveLength(1)
    expect(Object.keys(template.Resources)).toHaveLength(2)
  })

  test('is read with CloudFormation tags only: a mistyped tag is an error, not a string', () => {
    expect(parseCloudFormationYaml('Resources: !GetAtt Table.Arn').Resources).toEqual({
      'Fn::GetAtt': ['Table', 'Arn'],
    })
    expect(() => parseCloudFormationYaml('Resources: !Reff TableName')).toThrow(/!Reff/)
  })

  test('makes, by default, the table the harness and the adapter describe', () => {
    expect(tableShape(tableProperties())).toEqual(tableShape(authjsTable()))
    expect(tableShape(tableProperties())).toEqual(tableShape(adapterTableDefinition()))
  })

  test('renames the table, its keys and its index through its parameters', () => {
    const names = {
      tableName: 'my-app-auth',
      partitionKey: 'PK',
      sortKey: 'SK',
      indexName: 'ByLookup',
      indexPartitionKey: 'LookupPK',
      indexSortKey: 'LookupSK',
    }
    const properties = tableProperties({
      TableName: names.tableName,
      PartitionKey: names.partitionKey,
      SortKey: names.sortKey,
      IndexName: names.indexName,
      IndexPartitionKey: names.indexPartitionKey,
      IndexSortKey: names.indexSortKey,
    })
    expect(tableShape(properties)).toEqual(tableShape(authjsTable(names)))
    expect(tableShape(properties)).toEqual(tableShape(adapterTableDefinition(names)))
  })

  test('grants exactly the documented actions on the table and its index', async () => {
    const documented = await documentedPolicy()
    const statements = managedPolicyStatements(template)
    expect(statements).toHaveLength(1)
    const [statement] = statements
    expect(statement?.Effect).toBe('Allow')
    expect([...(statement?.Action ?? [])].sort()).toEqual([...documented.actions].sort())
    // Resolved with the README's placeholders, the resources are the README's two ARNs.
    const resources = resolveIntrinsics(
      statement?.Resource,
      parameterValues(template.Parameters, {
        'AuthTable.Arn': 'arn:aws:dynamodb:{region}:{account_id}:table/{table_name}',
      }),
    )
    expect(resources).toEqual(documented.resources)
  })
})

runAdapterConformance(
  dynamodbConformanceOptions({
    name: '@auth-dynamo/adapter on the CloudFormation table',
    backend: templateBackend(
      'the emulator with the table of cloudformation/auth-table.yaml',
      tableProperties(),
      {
        tableName: 'next-auth',
        partitionKey: 'pk',
        sortKey: 'sk',
        indexName: 'GSI1',
        indexPartitionKey: 'GSI1PK',
        indexSortKey: 'GSI1SK',
      },
    ),
    adapter: (backend) => DynamoDBAdapter(backend.documentClient, backend.table),
    capabilities: adapterCapabilities,
  }),
)
