import { describe, expect, test } from 'vitest'
import { normaliseOutcome } from '../../src/normalise-outcome.js'

const answer = (status: number, body: unknown) => ({ status, text: JSON.stringify(body) })

describe('normaliseOutcome', () => {
  test('keeps the status and the error type after #, and drops the message unless asked', () => {
    const error = answer(400, {
      __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
      Message: 'The conditional request failed',
      Item: { pk: { S: 'a' } },
    })
    expect(normaliseOutcome('PutItem', error)).toEqual({
      status: 400,
      error: 'ConditionalCheckFailedException',
      details: { Item: { pk: { S: 'a' } } },
    })
    expect(normaliseOutcome('PutItem', error, { message: true }).message).toBe(
      'The conditional request failed',
    )
  })

  test('keeps only the codes and items of CancellationReasons', () => {
    const canceled = answer(400, {
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
      message: 'Transaction cancelled',
      CancellationReasons: [
        { Code: 'None' },
        { Code: 'ConditionalCheckFailed', Message: 'x', Item: {} },
      ],
    })
    expect(normaliseOutcome('TransactWriteItems', canceled).details).toEqual({
      CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed', Item: {} }],
    })
  })

  test('sorts set members and Scan items, but keeps Query order', () => {
    const items = [{ pk: { S: 'b' }, ss: { SS: ['y', 'x'] } }, { pk: { S: 'a' } }]
    const scan = normaliseOutcome('Scan', answer(200, { Items: items, Count: 2 }))
    expect(scan.body).toEqual({
      Items: [{ pk: { S: 'a' } }, { pk: { S: 'b' }, ss: { SS: ['x', 'y'] } }],
      Count: 2,
    })
    const query = normaliseOutcome('Query', answer(200, { Items: items }))
    expect((query.body as { Items: unknown[] }).Items[0]).toEqual({
      pk: { S: 'b' },
      ss: { SS: ['x', 'y'] },
    })
  })

  test('leaves out ConsumedCapacity that was not asked for', () => {
    const body = { ConsumedCapacity: { TableName: 't', CapacityUnits: 1 } }
    expect(normaliseOutcome('DeleteItem', answer(200, body), {}, {}).body).toEqual({})
    expect(
      normaliseOutcome('DeleteItem', answer(200, body), {}, { ReturnConsumedCapacity: 'TOTAL' })
        .body,
    ).toEqual(body)
  })

  test('orders the per-table ConsumedCapacity of a multi-table operation by table', () => {
    const body = {
      ConsumedCapacity: [
        { TableName: '$U', CapacityUnits: 1 },
        { TableName: '$T', CapacityUnits: 2 },
      ],
    }
    expect(
      normaliseOutcome(
        'TransactWriteItems',
        answer(200, body),
        {},
        { ReturnConsumedCapacity: 'TOTAL' },
      ).body,
    ).toEqual({
      ConsumedCapacity: [
        { TableName: '$T', CapacityUnits: 2 },
        { TableName: '$U', CapacityUnits: 1 },
      ],
    })
  })

  test('takes the account and region out of ARNs, stream labels, timestamps and ids', () => {
    const table = {
      TableName: '$T',
      TableStatus: 'ACTIVE',
      TableId: 'x',
      CreationDateTime: 1,
      KeySchema: [],
      AttributeDefinitions: [],
      ItemCount: 0,
      TableSizeBytes: 0,
      ProvisionedThroughput: {
        ReadCapacityUnits: 0,
        WriteCapacityUnits: 0,
        NumberOfDecreasesToday: 0,
      },
      TableArn: 'arn:aws:dynamodb:ddblocal:000000000000:table/$T',
      LatestStreamArn: 'arn:aws:dynamodb:us-east-1:123:table/$T/stream/2026-01-01T00:00:00.000',
      LatestStreamLabel: '2026-01-01T00:00:00.000',
    }
    expect(normaliseOutcome('DescribeTable', answer(200, { Table: table })).body).toEqual({
      Table: {
        TableName: '$T',
        TableStatus: 'ACTIVE',
        KeySchema: [],
        AttributeDefinitions: [],
        BillingMode: 'PROVISIONED',
        ItemCount: 0,
        TableSizeBytes: 0,
        ProvisionedThroughput: { ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
        TableArn: 'arn:aws:dynamodb:{region}:{account}:table/$T',
        LatestStreamArn: 'arn:aws:dynamodb:{region}:{account}:table/$T/stream/{label}',
        LatestStreamLabel: '{label}',
      },
    })
  })

  test('compares no TableStatus in the answer to CreateTable', () => {
    const created = normaliseOutcome(
      'CreateTable',
      answer(200, { TableDescription: { TableName: '$T', TableStatus: 'CREATING' } }),
    )
    expect(created.body).toEqual({
      TableDescription: { TableName: '$T', BillingMode: 'PROVISIONED' },
    })
  })

  test('marks a body that is not JSON', () => {
    expect(normaliseOutcome('GetItem', { status: 404, text: '<html>' })).toEqual({
      status: 404,
      nonJson: true,
    })
  })
})
