import type { CorpusArea, Item } from '../src/diff-case.js'
import { hashTable, indexedTable } from './tables.js'

const items: Item[] = [
  { pk: { S: 'a' }, v: { S: 'x'.repeat(100) } },
  { pk: { S: 'b' }, v: { N: '1' } },
  { pk: { S: 'c' } },
]
const indexedItems: Item[] = [
  { pk: { S: 'a' }, sk: { S: '1' }, gpk: { S: 'g' }, gsk: { S: 'x' } },
  { pk: { S: 'a' }, sk: { S: '2' }, lsk: { S: 'l' } },
  { pk: { S: 'b' }, sk: { S: '1' } },
]

export const tableOperations: CorpusArea = {
  area: 'table-operations',
  scope: 'control-plane',
  cases: [
    {
      id: 'describe-item-count',
      title: 'DescribeTable counts the items and their bytes',
      tables: { T: hashTable() },
      items: { T: items },
      steps: [{ op: 'DescribeTable', body: { TableName: '$T' } }],
    },
    {
      id: 'describe-index-counts',
      title: 'DescribeTable counts the items of each index',
      tables: { T: indexedTable() },
      items: { T: indexedItems },
      steps: [{ op: 'DescribeTable', body: { TableName: '$T' } }],
    },
    {
      id: 'describe-counts-after-delete',
      title: 'ItemCount follows a delete',
      tables: { T: hashTable() },
      items: { T: items },
      steps: [
        { op: 'DeleteItem', body: { TableName: '$T', Key: { pk: { S: 'a' } } } },
        {
          op: 'DescribeTable',
          body: { TableName: '$T' },
          compare: { fields: ['Table.ItemCount'] },
        },
      ],
    },
    {
      id: 'describe-missing-table',
      title: 'DescribeTable of a missing table',
      steps: [
        {
          op: 'DescribeTable',
          body: { TableName: 'no-such-table-differential' },
          expect: 'ResourceNotFoundException',
        },
      ],
    },
    {
      id: 'describe-billing-mode-summary',
      title: 'the BillingModeSummary of an on-demand table',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'DescribeTable',
          body: { TableName: '$T' },
          compare: { fields: ['Table.BillingModeSummary.BillingMode'] },
        },
      ],
    },
    {
      id: 'delete-table-answer-status',
      title: 'the TableStatus in the DeleteTable answer',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'DeleteTable',
          body: { TableName: '$T' },
          compare: { fields: ['TableDescription.TableStatus'] },
        },
      ],
      serviceDiffers: {
        service:
          'CreateTable answers CREATING and DeleteTable DELETING; DynamoDB Local answers ACTIVE at once',
        source:
          'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DynamoDBLocal.UsageNotes.html',
      },
    },
    {
      id: 'delete-then-describe',
      title: 'a deleted table is gone',
      tables: { T: hashTable() },
      steps: [
        { op: 'DeleteTable', body: { TableName: '$T' } },
        { op: 'DescribeTable', body: { TableName: '$T' }, expect: 'ResourceNotFoundException' },
      ],
    },
    {
      id: 'delete-missing-table',
      title: 'DeleteTable of a missing table',
      steps: [
        {
          op: 'DeleteTable',
          body: { TableName: 'no-such-table-differential' },
          expect: 'ResourceNotFoundException',
        },
      ],
    },
    {
      id: 'list-tables',
      title: 'ListTables lists the tables of the case',
      tables: { T: hashTable(), U: hashTable() },
      steps: [{ op: 'ListTables', body: {} }],
    },
    {
      id: 'list-tables-limit-refused',
      title: 'ListTables with a Limit over 100 is refused',
      steps: [{ op: 'ListTables', body: { Limit: 101 }, expect: 'ValidationException' }],
    },
    {
      id: 'describe-limits',
      title: 'DescribeLimits answers the account limits',
      steps: [{ op: 'DescribeLimits', body: {} }],
    },
    {
      id: 'arn-get-item',
      title: 'a table ARN is accepted as TableName by GetItem and PutItem',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'PutItem',
          body: { TableName: '$arn:T', Item: { pk: { S: 'a' }, v: { S: 'via arn' } } },
        },
        { op: 'GetItem', body: { TableName: '$arn:T', Key: { pk: { S: 'a' } } } },
      ],
    },
    {
      id: 'arn-describe-table',
      title: 'a table ARN is accepted by DescribeTable',
      tables: { T: hashTable() },
      steps: [{ op: 'DescribeTable', body: { TableName: '$arn:T' } }],
    },
    {
      id: 'arn-query-and-scan',
      title: 'a table ARN is accepted by Query and Scan',
      tables: { T: hashTable() },
      items: { T: items },
      steps: [
        {
          op: 'Query',
          body: {
            TableName: '$arn:T',
            KeyConditionExpression: 'pk = :p',
            ExpressionAttributeValues: { ':p': { S: 'b' } },
          },
        },
        { op: 'Scan', body: { TableName: '$arn:T', Select: 'COUNT' } },
      ],
    },
    {
      id: 'arn-batch-get',
      title: 'a table ARN is accepted as a BatchGetItem key, and answered under it',
      tables: { T: hashTable() },
      items: { T: items },
      steps: [
        {
          op: 'BatchGetItem',
          body: { RequestItems: { '$arn:T': { Keys: [{ pk: { S: 'b' } }] } } },
        },
      ],
    },
    {
      id: 'arn-transact-write',
      title: 'a table ARN in TransactWriteItems: DynamoDB Local does not find the table',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'TransactWriteItems',
          body: { TransactItems: [{ Put: { TableName: '$arn:T', Item: { pk: { S: 'z' } } } }] },
          expect: 'ResourceNotFoundException',
        },
        { op: 'Scan', body: { TableName: '$T' } },
      ],
      serviceDiffers: {
        service: 'the table ARN is accepted wherever a table name is',
        source:
          'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Put.html#DDB-Type-Put-TableName',
      },
    },
    {
      id: 'ttl-enable-and-describe',
      title: 'UpdateTimeToLive enables TTL and DescribeTimeToLive reports it',
      tables: { T: hashTable() },
      steps: [
        { op: 'DescribeTimeToLive', body: { TableName: '$T' } },
        {
          op: 'UpdateTimeToLive',
          body: {
            TableName: '$T',
            TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
          },
        },
        { op: 'DescribeTimeToLive', body: { TableName: '$T' } },
      ],
    },
    {
      id: 'ttl-enable-twice-refused',
      title: 'enabling TTL again is refused',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'UpdateTimeToLive',
          body: {
            TableName: '$T',
            TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
          },
        },
        {
          op: 'UpdateTimeToLive',
          body: {
            TableName: '$T',
            TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
          },
          expect: 'ValidationException',
        },
      ],
    },
    {
      id: 'ttl-missing-table',
      title: 'DescribeTimeToLive of a missing table',
      steps: [
        {
          op: 'DescribeTimeToLive',
          body: { TableName: 'no-such-table-differential' },
          expect: 'ResourceNotFoundException',
        },
      ],
    },
    {
      id: 'tags',
      title:
        'TagResource, ListTagsOfResource and UntagResource: DynamoDB Local does not support tagging',
      tables: { T: hashTable() },
      steps: [
        {
          op: 'TagResource',
          body: {
            ResourceArn: '$arn:T',
            Tags: [
              { Key: 'team', Value: 'auth' },
              { Key: 'env', Value: 'test' },
            ],
          },
          expect: 'UnknownOperationException',
        },
        {
          op: 'UntagResource',
          body: { ResourceArn: '$arn:T', TagKeys: ['env'] },
          expect: 'UnknownOperationException',
        },
        {
          op: 'ListTagsOfResource',
          body: { ResourceArn: '$arn:T' },
          expect: 'UnknownOperationException',
        },
      ],
      serviceDiffers: {
        service: 'tags are added, listed and removed',
        source:
          'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_TagResource.html',
      },
    },
    {
      id: 'describe-endpoints',
      title: 'DescribeEndpoints: DynamoDB Local does not have it',
      steps: [{ op: 'DescribeEndpoints', body: {}, expect: 'UnknownOperationException' }],
      serviceDiffers: {
        service: 'the regional endpoint and its cache period',
        source:
          'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeEndpoints.html',
      },
    },
  ],
}
