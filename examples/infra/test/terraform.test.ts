import { readFile } from 'node:fs/promises'
import { DynamoDBAdapter } from '@auth-dynamo/adapter'
import { runAdapterConformance } from '@auth-dynamo/conformance'
import { dynamodbConformanceOptions } from '@auth-dynamo/conformance/dynamodb'
import { authjsTable, authjsTableDefaults } from '@auth-dynamo/harness'
import { describe, expect, test } from 'vitest'
import { adapterCapabilities } from './support/adapter-capabilities.js'
import { adapterTableDefinition } from './support/adapter-table.js'
import { documentedPolicy } from './support/documented-policy.js'
import { tableShape } from './support/table-shape.js'
import { templateBackend } from './support/template-backend.js'
import {
  parseTerraform,
  terraformPolicyStatements,
  terraformResource,
  terraformTable,
  variableValues,
} from './support/terraform-config.js'

const source = await readFile(new URL('../terraform/main.tf', import.meta.url), 'utf8')
const config = await parseTerraform(source, 'terraform/main.tf')

describe('terraform/main.tf', () => {
  test('makes, by default, the table the harness and the adapter describe', () => {
    const table = terraformTable(config, 'authjs', variableValues(config))
    expect(tableShape(table)).toEqual(tableShape(authjsTable()))
    expect(tableShape(table)).toEqual(tableShape(adapterTableDefinition()))
  })

  test('renames the table, its keys and its index through its variables', () => {
    const names = {
      tableName: 'my-app-auth',
      partitionKey: 'PK',
      sortKey: 'SK',
      indexName: 'ByLookup',
      indexPartitionKey: 'LookupPK',
      indexSortKey: 'LookupSK',
    }
    const values = variableValues(config, {
      table_name: names.tableName,
      partition_key: names.partitionKey,
      sort_key: names.sortKey,
      index_name: names.indexName,
      index_partition_key: names.indexPartitionKey,
      index_sort_key: names.indexSortKey,
    })
    expect(tableShape(terraformTable(config, 'authjs', values))).toEqual(
      tableShape(authjsTable(names)),
    )
  })

  test('grants exactly the documented actions on the table and its index', async () => {
    const documented = await documentedPolicy()
    const statements = terraformPolicyStatements(config, 'authjs', {
      ...variableValues(config),
      'aws_dynamodb_table.authjs.arn': 'arn:aws:dynamodb:{region}:{account_id}:table/{table_name}',
    })
    expect(statements).toHaveLength(1)
    const [statement] = statements
    expect(statement?.effect).toBe('Allow')
    expect([...(statement?.actions ?? [])].sort()).toEqual([...documented.actions].sort())
    expect(statement?.resources).toEqual(documented.resources)
    expect(terraformResource(config, 'aws_iam_policy', 'authjs').policy).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: HCL's JSON form of a reference
      '${data.aws_iam_policy_document.authjs.json}',
    )
  })

  test('a table with another projection or TTL attribute does not match', async () => {
    const broken = await parseTerraform(
      source.replace('projection_type = "ALL"', 'projection_type = "KEYS_ONLY"'),
      'broken.tf',
    )
    const noTtl = await parseTerraform(
      source.replace('attribute_name = "expires"', 'attribute_name = "expiresAt"'),
      'no-ttl.tf',
    )
    for (const variant of [broken, noTtl]) {
      expect(tableShape(terraformTable(variant, 'authjs', variableValues(variant)))).not.toEqual(
        tableShape(authjsTable()),
      )
    }
  })

  test('rejects invalid HCL with its line and column', async () => {
    await expect(
      parseTerraform('resource "aws_dynamodb_table" "x" {\n  name =\n}', 'bad.tf'),
    ).rejects.toThrow(/bad\.tf:2/)
  })
})

runAdapterConformance(
  dynamodbConformanceOptions({
    name: '@auth-dynamo/adapter on the Terraform table',
    backend: templateBackend(
      'the emulator with the table of terraform/main.tf',
      terraformTable(config, 'authjs', variableValues(config)),
      authjsTableDefaults,
    ),
    adapter: (backend) => DynamoDBAdapter(backend.documentClient, backend.table),
    capabilities: adapterCapabilities,
  }),
)
