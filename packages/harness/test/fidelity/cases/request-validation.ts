import {
  absent,
  type FidelityCase,
  index,
  ok,
  table,
  validation,
} from '../support/fidelity-case.js'

const rows = Array.from({ length: 3 }, (_, i) => ({
  pk: { S: 'p' },
  sk: { S: `s${i}` },
  gpk: { S: 'g' },
  lsk: { S: `l${i}` },
  v: { N: String(i) },
  w: { S: 'w' },
}))

const indexed = () =>
  table({
    sortKey: 'S',
    attributes: { gpk: 'S', lsk: 'S' },
    globalIndexes: [
      index('gkeys', 'gpk', undefined, { ProjectionType: 'KEYS_ONLY' }),
      index('ginc', 'gpk', undefined, { ProjectionType: 'INCLUDE', NonKeyAttributes: ['v'] }),
      index('gall', 'gpk'),
    ],
    localIndexes: [
      index('lkeys', 'pk', 'lsk', { ProjectionType: 'KEYS_ONLY' }),
      index('linc', 'pk', 'lsk', { ProjectionType: 'INCLUDE', NonKeyAttributes: ['v'] }),
    ],
    items: rows,
  })

const onTable = {
  TableName: '$T',
  KeyConditionExpression: 'pk = :p',
  ExpressionAttributeValues: { ':p': { S: 'p' } },
}
const onGlobal = (IndexName: string, extra: Record<string, unknown> = {}) => ({
  TableName: '$T',
  IndexName,
  KeyConditionExpression: 'gpk = :g',
  ExpressionAttributeValues: { ':g': { S: 'g' } },
  ...extra,
})
const onLocal = (IndexName: string, extra: Record<string, unknown> = {}) => ({
  ...onTable,
  IndexName,
  ...extra,
})
const legacyKey = { pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'p' }] } }
const only = (name: string) => rows.map((row) => ({ [name]: row[name as keyof typeof row] }))

/** Requests DynamoDB refuses (or answers differently) that dynalite answered with a 200. */
export const requestValidationCases: FidelityCase[] = [
  {
    name: 'DeleteItem with ReturnValues other than NONE or ALL_OLD is refused and deletes nothing',
    tables: { $T: table({ items: [{ pk: { S: 'a' }, v: { S: 'kept' } }] }) },
    steps: [
      ...['ALL_NEW', 'UPDATED_OLD', 'UPDATED_NEW'].map((ReturnValues) => ({
        op: 'DeleteItem' as const,
        input: { TableName: '$T', Key: { pk: { S: 'a' } }, ReturnValues },
        expect: validation('Return values set to invalid value'),
      })),
      {
        op: 'GetItem',
        input: { TableName: '$T', Key: { pk: { S: 'a' } } },
        expect: ok({ Item: { pk: { S: 'a' }, v: { S: 'kept' } } }),
      },
      {
        op: 'DeleteItem',
        input: { TableName: '$T', Key: { pk: { S: 'a' } }, ReturnValues: 'ALL_OLD' },
        expect: ok({ Attributes: { pk: { S: 'a' }, v: { S: 'kept' } } }),
      },
    ],
  },
  {
    name: 'Select combinations DynamoDB refuses on Query and Scan',
    tables: { $T: indexed() },
    steps: [
      {
        op: 'Query',
        input: { ...onTable, Select: 'SPECIFIC_ATTRIBUTES' },
        expect: validation(
          'Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES',
        ),
      },
      {
        op: 'Query',
        input: { ...onTable, Select: 'ALL_ATTRIBUTES', ProjectionExpression: 'v' },
        expect: validation(
          'Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES',
        ),
      },
      {
        op: 'Query',
        input: { ...onTable, Select: 'COUNT', ProjectionExpression: 'v' },
        expect: validation(
          'Cannot specify the ProjectionExpression when choosing to get only the Count',
        ),
      },
      {
        op: 'Query',
        input: { ...onTable, Select: 'ALL_PROJECTED_ATTRIBUTES' },
        expect: validation(
          'ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName',
        ),
      },
      {
        op: 'Query',
        input: { ...onTable, Select: 'ALL_PROJECTED_ATTRIBUTES', ProjectionExpression: 'v' },
        expect: validation(
          'Cannot specify the ProjectionExpression when choosing to get ALL_PROJECTED_ATTRIBUTES',
        ),
      },
      {
        op: 'Query',
        input: {
          TableName: '$T',
          KeyConditions: legacyKey,
          Select: 'ALL_ATTRIBUTES',
          AttributesToGet: ['v'],
        },
        expect: validation(
          'Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES',
        ),
      },
      {
        op: 'Query',
        input: {
          TableName: '$T',
          KeyConditions: legacyKey,
          Select: 'COUNT',
          AttributesToGet: ['v'],
        },
        expect: validation(
          'Cannot specify the AttributesToGet when choosing to get only the Count',
        ),
      },
      {
        op: 'Scan',
        input: { TableName: '$T', Select: 'SPECIFIC_ATTRIBUTES' },
        expect: validation(
          'Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES',
        ),
      },
      {
        op: 'Scan',
        input: { TableName: '$T', Select: 'ALL_PROJECTED_ATTRIBUTES' },
        expect: validation(
          'ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName',
        ),
      },
      {
        op: 'Scan',
        input: { TableName: '$T', Select: 'COUNT', ProjectionExpression: 'v' },
        expect: validation(
          'Cannot specify the ProjectionExpression when choosing to get only the Count',
        ),
      },
      {
        op: 'Query',
        input: { ...onTable, Select: 'SPECIFIC_ATTRIBUTES', ProjectionExpression: 'v' },
        expect: ok({ Items: only('v'), Count: 3, ScannedCount: 3 }),
      },
      {
        op: 'Query',
        input: { ...onTable, Select: 'COUNT' },
        expect: ok({ Items: absent, Count: 3, ScannedCount: 3 }),
      },
    ],
  },
  {
    name: 'an index answers only what it projects; a local index fetches the rest from the table',
    tables: { $T: indexed() },
    steps: [
      {
        op: 'Query',
        input: onGlobal('gkeys', { ProjectionExpression: 'v' }),
        expect: validation(
          'One or more parameter values were invalid: Global secondary index gkeys does not project [v]',
        ),
      },
      {
        op: 'Query',
        input: onGlobal('gkeys', {
          ProjectionExpression: 'v, w, #m.x',
          ExpressionAttributeNames: { '#m': 'm' },
        }),
        expect: validation(
          'One or more parameter values were invalid: Global secondary index gkeys does not project [v, w, m]',
        ),
      },
      {
        op: 'Query',
        input: onGlobal('gkeys', { ProjectionExpression: 'pk, lsk' }),
        expect: validation(
          'One or more parameter values were invalid: Global secondary index gkeys does not project [lsk]',
        ),
      },
      {
        op: 'Query',
        input: onGlobal('ginc', { ProjectionExpression: 'v, w' }),
        expect: validation(
          'One or more parameter values were invalid: Global secondary index ginc does not project [w]',
        ),
      },
      {
        op: 'Query',
        input: {
          TableName: '$T',
          IndexName: 'gkeys',
          KeyConditions: { gpk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'g' }] } },
          AttributesToGet: ['v'],
        },
        expect: validation(
          'One or more parameter values were invalid: Global secondary index gkeys does not project [v]',
        ),
      },
      {
        op: 'Scan',
        input: { TableName: '$T', IndexName: 'gkeys', ProjectionExpression: 'v' },
        expect: validation(
          'One or more parameter values were invalid: Global secondary index gkeys does not project [v]',
        ),
      },
      {
        op: 'Query',
        input: onGlobal('gkeys', { Select: 'ALL_ATTRIBUTES' }),
        expect: validation(
          'One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index gkeys because its projection type is not ALL',
        ),
      },
      {
        op: 'Query',
        input: onGlobal('gkeys', {
          FilterExpression: 'v = :v',
          ExpressionAttributeValues: { ':g': { S: 'g' }, ':v': { N: '1' } },
        }),
        expect: validation(
          'One or more parameter values were invalid: Secondary index gkeys does not project one or more filter attributes: [v]',
        ),
      },
      {
        op: 'Query',
        input: onLocal('lkeys', {
          FilterExpression: 'w = :w AND v = :v',
          ExpressionAttributeValues: { ':p': { S: 'p' }, ':v': { N: '1' }, ':w': { S: 'w' } },
        }),
        expect: validation(
          'One or more parameter values were invalid: Secondary index lkeys does not project one or more filter attributes: [v, w]',
        ),
      },
      {
        op: 'Query',
        input: {
          TableName: '$T',
          IndexName: 'gkeys',
          KeyConditions: { gpk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'g' }] } },
          QueryFilter: { v: { ComparisonOperator: 'NULL' } },
        },
        expect: validation(
          'One or more parameter values were invalid: Secondary index gkeys does not project one or more filter attributes: [v]',
        ),
      },
      {
        op: 'Query',
        input: onGlobal('gkeys', { ProjectionExpression: 'pk, sk, gpk' }),
        expect: ok({ Items: rows.map(({ pk, sk, gpk }) => ({ pk, sk, gpk })), Count: 3 }),
      },
      {
        op: 'Query',
        input: onGlobal('ginc', { ProjectionExpression: 'v' }),
        expect: ok({ Items: only('v'), Count: 3 }),
      },
      {
        op: 'Query',
        input: onLocal('lkeys', { ProjectionExpression: 'v' }),
        expect: ok({ Items: only('v'), Count: 3, ScannedCount: 3 }),
      },
      {
        op: 'Query',
        input: onLocal('linc', { ProjectionExpression: 'w', Limit: 1 }),
        expect: ok({
          Items: [{ w: { S: 'w' } }],
          Count: 1,
          LastEvaluatedKey: { pk: { S: 'p' }, sk: { S: 's0' }, lsk: { S: 'l0' } },
        }),
      },
      {
        op: 'Query',
        input: onLocal('lkeys', { Select: 'ALL_ATTRIBUTES', Limit: 1 }),
        expect: ok({ Items: [rows[0]], Count: 1 }),
      },
    ],
  },
  {
    name: 'consistent reads of a global secondary index are refused, Scan included',
    tables: { $T: indexed() },
    steps: [
      {
        op: 'Query',
        input: onGlobal('gall', { ConsistentRead: true }),
        expect: validation('Consistent reads are not supported on global secondary indexes'),
      },
      {
        op: 'Scan',
        input: { TableName: '$T', IndexName: 'gall', ConsistentRead: true },
        expect: validation('Consistent reads are not supported on global secondary indexes'),
      },
      {
        op: 'Scan',
        input: { TableName: '$T', IndexName: 'lkeys', ConsistentRead: true, Select: 'COUNT' },
        expect: ok({ Count: 3 }),
      },
      {
        op: 'Scan',
        input: {
          TableName: '$T',
          ConsistentRead: true,
          ReturnConsumedCapacity: 'TOTAL',
          Select: 'COUNT',
        },
        expect: ok({ Count: 3, ConsumedCapacity: { TableName: '$T', CapacityUnits: 1 } }),
      },
      {
        op: 'Scan',
        input: { TableName: '$T', ReturnConsumedCapacity: 'TOTAL', Select: 'COUNT' },
        expect: ok({ Count: 3, ConsumedCapacity: { TableName: '$T', CapacityUnits: 0.5 } }),
      },
    ],
  },
  {
    name: 'parallel Scan segments: TotalSegments up to 1,000,000, Segment up to 999,999',
    tables: { $T: indexed() },
    steps: [
      {
        op: 'Scan',
        input: { TableName: '$T', TotalSegments: 1_000_001, Segment: 0 },
        expect: validation(
          "1 validation error detected: Value '1000001' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000",
        ),
      },
      {
        op: 'Scan',
        input: { TableName: '$T', TotalSegments: 1_000_000, Segment: 999_999, Select: 'COUNT' },
        expect: ok({ Count: 0, ScannedCount: 0 }),
      },
      {
        op: 'Scan',
        input: { TableName: '$T', TotalSegments: 1_000_000, Segment: 1_000_000 },
        expect: validation(
          "1 validation error detected: Value '1000000' at 'segment' failed to satisfy constraint: Member must have value less than or equal to 999999",
        ),
      },
      {
        op: 'Scan',
        input: { TableName: '$T', Segment: 0 },
        expect: validation(
          'The TotalSegments parameter is required but was not present in the request when Segment parameter is present',
        ),
        local: {
          expect: validation('If segment is specified, total segment must also be specified'),
          why: "dynalite's words for a Segment without TotalSegments, kept for Segment 0 as for every other segment",
        },
      },
    ],
  },
  {
    name: 'a BatchWriteItem entry with both a PutRequest and a DeleteRequest is refused',
    tables: { $T: table() },
    steps: [
      {
        op: 'BatchWriteItem',
        input: {
          RequestItems: {
            $T: [
              { PutRequest: { Item: { pk: { S: 'z' } } } },
              {
                PutRequest: { Item: { pk: { S: 'x' } } },
                DeleteRequest: { Key: { pk: { S: 'x' } } },
              },
            ],
          },
        },
        expect: validation(
          'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes',
        ),
      },
      { op: 'Scan', input: { TableName: '$T' }, expect: ok({ Count: 0 }) },
    ],
  },
  {
    name: 'expressions longer than 4 KB are refused',
    tables: { $T: table({ items: [{ pk: { S: 'a' } }] }) },
    steps: [
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: { pk: { S: 'a' } },
          ConditionExpression: `attribute_exists(pk)${' '.repeat(4076)}`,
        },
        expect: ok(),
      },
      {
        op: 'PutItem',
        input: {
          TableName: '$T',
          Item: { pk: { S: 'a' } },
          ConditionExpression: `attribute_exists(pk)${' '.repeat(4077)}`,
        },
        expect: validation(
          'Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 4097',
        ),
      },
      {
        op: 'Scan',
        input: { TableName: '$T', FilterExpression: `attribute_exists(pk)${' é'.repeat(2040)}` },
        expect: validation(
          'Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 4100',
        ),
      },
      {
        op: 'GetItem',
        input: {
          TableName: '$T',
          Key: { pk: { S: 'a' } },
          ProjectionExpression: `pk${' '.repeat(4095)}`,
        },
        expect: validation(
          'Invalid ProjectionExpression: Expression size has exceeded the maximum allowed size;',
        ),
      },
      {
        op: 'UpdateItem',
        input: {
          TableName: '$T',
          Key: { pk: { S: 'a' } },
          UpdateExpression: `REMOVE x${' '.repeat(4095)}`,
        },
        expect: validation(
          'Invalid UpdateExpression: Expression size has exceeded the maximum allowed size;',
        ),
      },
    ],
  },
]
