import type { TableDefinition } from '@auth-dynamo/harness'
import { parse } from '@cdktf/hcl2json'

type Block = Record<string, unknown>
/** A Terraform configuration in HCL's JSON form (blocks as arrays, expressions as `${...}`). */
export type TerraformJson = Record<string, Record<string, Record<string, Block[]>> | Block[]>

/**
 * Parses a Terraform file with HashiCorp's own HCL parser (compiled to WebAssembly, shipped in
 * `@cdktf/hcl2json`; nothing is downloaded).
 *
 * @param source - the file's text
 * @param filename - its name, for error messages
 * @throws the parser's error, with line and column, for invalid HCL
 */
export async function parseTerraform(source: string, filename: string): Promise<TerraformJson> {
  return (await parse(filename, source)) as TerraformJson
}

const single = (blocks: unknown, what: string): Block => {
  if (!Array.isArray(blocks) || blocks.length !== 1) {
    throw new Error(
      `expected exactly one ${what}, found ${Array.isArray(blocks) ? blocks.length : 0}`,
    )
  }
  return blocks[0] as Block
}

/**
 * The values of the configuration's variables (their defaults unless overridden), as
 * `var.<name>` for {@link resolveExpressions}.
 *
 * @param config - the parsed configuration
 * @param overrides - values by variable name, as `-var name=value` gives them
 * @throws Error naming a variable with neither a default nor an override
 */
export function variableValues(
  config: TerraformJson,
  overrides: Record<string, string> = {},
): Record<string, string> {
  const variables = (config.variable ?? {}) as unknown as Record<string, Block[]>
  return Object.fromEntries(
    Object.entries(variables).map(([name, blocks]) => {
      const value = overrides[name] ?? single(blocks, `variable "${name}"`).default
      if (typeof value !== 'string') throw new Error(`variable "${name}" has no string default`)
      return [`var.${name}`, value]
    }),
  )
}

/**
 * Replaces every `${reference}` whose value is given, as `terraform plan` would.
 *
 * @param value - a part of the parsed configuration
 * @param values - values by reference (`var.table_name`, `aws_dynamodb_table.authjs.arn`)
 * @param path - where `value` sits, for error messages
 * @throws Error naming the path of an expression that is not a plain reference to a given value
 */
export function resolveExpressions(
  value: unknown,
  values: Record<string, string>,
  path: string,
): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([^}]*)\}/g, (_, expression: string) => {
      const resolved = values[expression]
      if (resolved === undefined) throw new Error(`${path}: \${${expression}} has no value here`)
      return resolved
    })
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => resolveExpressions(item, values, `${path}[${index}]`))
  }
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      resolveExpressions(item, values, `${path}.${key}`),
    ]),
  )
}

const block = (config: TerraformJson, kind: 'resource' | 'data', type: string, name: string) =>
  single(
    (config[kind] as Record<string, Record<string, Block[]>> | undefined)?.[type]?.[name],
    `${kind} "${type}" "${name}"`,
  )

interface KeyedBlock {
  name: string
  hash_key: string
  range_key?: string
  projection_type?: string
  non_key_attributes?: string[]
  read_capacity?: number
  write_capacity?: number
}

const keySchema = (hash: string, range: string | undefined) => [
  { AttributeName: hash, KeyType: 'HASH' as const },
  ...(range ? [{ AttributeName: range, KeyType: 'RANGE' as const }] : []),
]

const throughput = (block: { read_capacity?: number; write_capacity?: number }) =>
  block.read_capacity === undefined && block.write_capacity === undefined
    ? undefined
    : { ReadCapacityUnits: block.read_capacity, WriteCapacityUnits: block.write_capacity }

/**
 * An `aws_dynamodb_table` resource as the CreateTable input (plus TTL) the AWS provider sends
 * for it, with the provider's defaults (`PROVISIONED` billing, TTL off).
 *
 * @param config - the parsed configuration
 * @param name - the resource's name
 * @param values - values of the references it holds
 * @throws Error when the resource is missing or holds a reference without a value
 */
export function terraformTable(
  config: TerraformJson,
  name: string,
  values: Record<string, string>,
): TableDefinition {
  const table = resolveExpressions(
    block(config, 'resource', 'aws_dynamodb_table', name),
    values,
    `aws_dynamodb_table.${name}`,
  ) as Block & {
    name: string
    billing_mode?: 'PAY_PER_REQUEST' | 'PROVISIONED'
    hash_key: string
    range_key?: string
    read_capacity?: number
    write_capacity?: number
    attribute?: Array<{ name: string; type: 'S' | 'N' | 'B' }>
    global_secondary_index?: KeyedBlock[]
    local_secondary_index?: KeyedBlock[]
    ttl?: Array<{ attribute_name: string; enabled?: boolean }>
  }
  const index = (gsi: KeyedBlock) => ({
    IndexName: gsi.name,
    KeySchema: keySchema(gsi.hash_key, gsi.range_key),
    Projection: {
      ProjectionType: gsi.projection_type as 'ALL' | 'KEYS_ONLY' | 'INCLUDE',
      ...(gsi.non_key_attributes ? { NonKeyAttributes: gsi.non_key_attributes } : {}),
    },
    ProvisionedThroughput: throughput(gsi),
  })
  const ttl = table.ttl?.[0]
  return {
    TableName: table.name,
    BillingMode: table.billing_mode ?? 'PROVISIONED',
    ProvisionedThroughput: throughput(table),
    AttributeDefinitions: (table.attribute ?? []).map((attribute) => ({
      AttributeName: attribute.name,
      AttributeType: attribute.type,
    })),
    KeySchema: keySchema(table.hash_key, table.range_key),
    GlobalSecondaryIndexes: table.global_secondary_index?.map(index),
    LocalSecondaryIndexes: table.local_secondary_index?.map((lsi) => ({
      IndexName: lsi.name,
      KeySchema: keySchema(table.hash_key, lsi.range_key),
      Projection: { ProjectionType: lsi.projection_type as 'ALL' | 'KEYS_ONLY' | 'INCLUDE' },
    })),
    ...(ttl
      ? {
          TimeToLiveSpecification: {
            AttributeName: ttl.attribute_name,
            Enabled: ttl.enabled ?? false,
          },
        }
      : {}),
  }
}

/**
 * The statements of an `aws_iam_policy_document` data source (the provider's default effect,
 * `Allow`, filled in).
 *
 * @param config - the parsed configuration
 * @param name - the data source's name
 * @param values - values of the references it holds
 */
export function terraformPolicyStatements(
  config: TerraformJson,
  name: string,
  values: Record<string, string>,
): Array<{ effect: string; actions: string[]; resources: string[] }> {
  const document = resolveExpressions(
    block(config, 'data', 'aws_iam_policy_document', name),
    values,
    `data.aws_iam_policy_document.${name}`,
  ) as { statement?: Array<{ effect?: string; actions?: string[]; resources?: string[] }> }
  return (document.statement ?? []).map((statement) => ({
    effect: statement.effect ?? 'Allow',
    actions: statement.actions ?? [],
    resources: statement.resources ?? [],
  }))
}

/**
 * A resource's attributes as written, references left as `${...}`.
 *
 * @param config - the parsed configuration
 * @param type - the resource type, e.g. `aws_iam_policy`
 * @param name - the resource's name
 */
export function terraformResource(config: TerraformJson, type: string, name: string): Block {
  return block(config, 'resource', type, name)
}
