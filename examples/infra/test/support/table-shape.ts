import type { TableDefinition } from '@auth-dynamo/harness'

interface KeyElement {
  AttributeName?: string | undefined
  KeyType?: string | undefined
}

const keys = (schema: readonly KeyElement[] | undefined) =>
  Object.fromEntries((schema ?? []).map(({ AttributeName, KeyType }) => [KeyType, AttributeName]))

const byName =
  <T>(name: (item: T) => string | undefined) =>
  (a: T, b: T) =>
    (name(a) ?? '').localeCompare(name(b) ?? '')

/**
 * What makes a table the Auth.js table, in an order-free form: the name, the billing mode, the
 * attribute types, the keys, every index with its keys and projection, and the TTL. Two
 * definitions with equal shapes create the same table; properties that do not change the data
 * layout (point-in-time recovery, tags) are left out.
 *
 * @param definition - a CreateTable input, or CloudFormation `AWS::DynamoDB::Table` properties
 */
export function tableShape(definition: TableDefinition) {
  return {
    TableName: definition.TableName,
    BillingMode: definition.BillingMode ?? 'PROVISIONED',
    ProvisionedThroughput: definition.ProvisionedThroughput,
    AttributeDefinitions: [...(definition.AttributeDefinitions ?? [])]
      .map(({ AttributeName, AttributeType }) => ({ AttributeName, AttributeType }))
      .sort(byName((attribute) => attribute.AttributeName)),
    KeySchema: keys(definition.KeySchema),
    GlobalSecondaryIndexes: [...(definition.GlobalSecondaryIndexes ?? [])]
      .map((index) => ({
        IndexName: index.IndexName,
        KeySchema: keys(index.KeySchema),
        Projection: index.Projection,
        ProvisionedThroughput: index.ProvisionedThroughput,
      }))
      .sort(byName((index) => index.IndexName)),
    LocalSecondaryIndexes: [...(definition.LocalSecondaryIndexes ?? [])]
      .map((index) => ({ IndexName: index.IndexName, KeySchema: keys(index.KeySchema) }))
      .sort(byName((index) => index.IndexName)),
    TimeToLiveSpecification: definition.TimeToLiveSpecification,
  }
}
