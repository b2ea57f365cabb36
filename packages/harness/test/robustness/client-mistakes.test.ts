import {
  CreateTableCommand,
  DescribeTableCommand,
  ListTablesCommand,
  TagResourceCommand,
} from '@aws-sdk/client-dynamodb'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Emulator, startEmulator } from '../../src/index.js'
import { clientFor } from '../support/clients.js'
import { postDynamo } from '../support/keep-alive-post.js'

const tableName = 'mistakes'
const key = { pk: { S: 'a' }, sk: { S: 'b' } }

let emulator: Emulator
let tableArn = ''

beforeAll(async () => {
  emulator = await startEmulator({ tables: [] })
  const client = clientFor(emulator)
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  )
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }))
  tableArn = String(Table?.TableArn)
  await send('PutItem', {
    TableName: tableName,
    Item: { ...key, a: { S: 'x' }, ss: { SS: ['x'] } },
  })
})
afterAll(() => emulator.stop())

function send(operation: string, body: unknown) {
  return postDynamo(
    emulator.endpoint,
    operation,
    typeof body === 'string' ? body : JSON.stringify(body),
  )
}

async function expectValidationError(operation: string, body: unknown, message: string) {
  const { status, json } = await send(operation, body)
  expect({ status, type: json.__type, message: json.message }).toEqual({
    status: 400,
    type: 'com.amazon.coral.validate#ValidationException',
    message,
  })
}

async function stillAnswers() {
  const { TableNames } = await clientFor(emulator).send(new ListTablesCommand({}))
  expect(TableNames).toEqual([tableName])
}

function nest(depth: number, wrap: (inner: unknown) => unknown, leaf: unknown): unknown {
  let value = leaf
  for (let level = 0; level < depth; level++) value = wrap(value)
  return value
}

describe('null where DynamoDB expects a value gets its ValidationException (once a crash or a 500)', () => {
  test('a tag without a Value, as the AWS SDK sends Tags: [{ Key }]', async () => {
    const error = await clientFor(emulator)
      .send(new TagResourceCommand({ ResourceArn: tableArn, Tags: [{ Key: 'env' } as never] }))
      .catch((caught: unknown) => caught as Error & { $metadata: { httpStatusCode: number } })
    expect(error).toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'tags.1.member.value' failed to satisfy constraint: Member must not be null",
      $metadata: { httpStatusCode: 400 },
    })
    await stillAnswers()
  })

  test('a null tag, and a tag key list with null', async () => {
    await expectValidationError(
      'TagResource',
      { ResourceArn: tableArn, Tags: [{ Key: 'a', Value: 'b' }, null] },
      "1 validation error detected: Value null at 'tags.2.member' failed to satisfy constraint: Member must not be null",
    )
    await expectValidationError(
      'UntagResource',
      { ResourceArn: tableArn, TagKeys: [null] },
      "1 validation error detected: Value null at 'tagKeys.1.member' failed to satisfy constraint: Member must not be null",
    )
  })

  test('a null index update in UpdateTable, which the emulator answers itself', async () => {
    await expectValidationError(
      'UpdateTable',
      { TableName: tableName, GlobalSecondaryIndexUpdates: [null] },
      "1 validation error detected: Value null at 'globalSecondaryIndexUpdates.1.member' failed to satisfy constraint: Member must not be null",
    )
    await stillAnswers()
  })

  test('ADD of a string set that contains null', async () => {
    await expectValidationError(
      'UpdateItem',
      {
        TableName: tableName,
        Key: key,
        UpdateExpression: 'ADD ss :v',
        ExpressionAttributeValues: { ':v': { SS: ['y', null] } },
      },
      'ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: An string set may not have a null string as a member for key :v',
    )
    await stillAnswers()
  })

  test.each([
    [{ ...key, x: null }, 'The supplied Item contains a null AttributeValue: x is null'],
    [{ ...key, x: { L: [{ S: 'a' }, null] } }, 'The supplied Item contains a null AttributeValue'],
    [
      { ...key, x: { M: { y: null } } },
      'The supplied Item contains a null AttributeValue: y is null',
    ],
    [
      { ...key, x: { SS: [null] } },
      'One or more parameter values were invalid: An string set may not have a null string as a member',
    ],
    [{ ...key, x: { NS: ['1', null] } }, 'A value provided cannot be converted into a number'],
    [
      { ...key, x: { BS: ['YQ==', null] } },
      'One or more parameter values were invalid: A binary set may not have a null binary as a member',
    ],
  ])('PutItem of an item with a null value: %j', async (Item, message) => {
    await expectValidationError('PutItem', { TableName: tableName, Item }, message)
  })

  test('null keys, conditions and batch entries', async () => {
    await expectValidationError(
      'GetItem',
      { TableName: tableName, Key: { pk: { S: 'a' }, sk: null } },
      'The supplied Item contains a null AttributeValue: sk is null',
    )
    await expectValidationError(
      'Query',
      {
        TableName: tableName,
        KeyConditionExpression: 'pk = :a',
        ExpressionAttributeValues: { ':a': null },
      },
      'ExpressionAttributeValues contains invalid value: The supplied Item contains a null AttributeValue for key :a',
    )
    await expectValidationError(
      'Scan',
      { TableName: tableName, ScanFilter: { a: null } },
      'The filter condition for an attribute cannot be null: a',
    )
    await expectValidationError(
      'UpdateItem',
      { TableName: tableName, Key: key, Expected: { a: null } },
      'One or more parameter values were invalid: ExpectedAttributeValue must not be null for Attribute: a',
    )
    await expectValidationError(
      'BatchGetItem',
      { RequestItems: { [tableName]: { Keys: [key, null] } } },
      `The list of keys in RequestItems for BatchGetItem may not contain null or empty values: ${tableName} has one or more empty keys`,
    )
    await expectValidationError(
      'BatchWriteItem',
      { RequestItems: { [tableName]: [{ PutRequest: { Item: key } }, null] } },
      'The batch write request list for a table cannot be null or empty',
    )
    await expectValidationError(
      'CreateTable',
      {
        TableName: 'other',
        AttributeDefinitions: [null],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      },
      "1 validation error detected: Value null at 'attributeDefinitions.1.member' failed to satisfy constraint: Member must not be null",
    )
    await stillAnswers()
  })

  test('a null for an optional member is that member left out, as in DynamoDB', async () => {
    const { status, json } = await send('GetItem', {
      TableName: tableName,
      Key: key,
      ConsistentRead: null,
      ProjectionExpression: null,
    })
    expect(status).toBe(200)
    expect(json.Item).toMatchObject({ a: { S: 'x' } })
  })
})

describe('bodies that are not a JSON object, and nesting thousands of levels deep', () => {
  test.each(['null', '[]', '5', '"x"', 'true'])(
    'a body of %s gets a SerializationException',
    async (body) => {
      const { status, json } = await send('PutItem', body)
      expect(status).toBe(400)
      expect(json.__type).toBe('com.amazon.coral.service#SerializationException')
    },
  )

  test('attribute values nested past the limit get DynamoDB nesting error, even 1,200 deep', async () => {
    const nestingError =
      'Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit'
    const deepList = (depth: number) => nest(depth, (inner) => ({ L: [inner] }), { S: 'x' })
    const accepted = await send('PutItem', {
      TableName: tableName,
      Item: { ...key, x: deepList(31) },
    })
    expect(accepted.status).toBe(200)
    for (const depth of [32, 1200]) {
      await expectValidationError(
        'PutItem',
        { TableName: tableName, Item: { ...key, x: deepList(depth) } },
        nestingError,
      )
    }
    await expectValidationError(
      'PutItem',
      {
        TableName: tableName,
        Item: { ...key, x: nest(1200, (inner) => ({ M: { a: inner } }), { N: '1' }) },
      },
      nestingError,
    )
    await stillAnswers()
  })

  test('an update that would nest an item past the limit gets DynamoDB nesting error', async () => {
    const deepList = (depth: number) => nest(depth, (inner) => ({ L: [inner] }), { S: 'x' })
    await expectValidationError(
      'UpdateItem',
      {
        TableName: tableName,
        Key: key,
        UpdateExpression: 'SET y = :v',
        ExpressionAttributeValues: { ':v': deepList(32) },
      },
      'Nesting Levels have exceeded supported limits',
    )
    await expectValidationError(
      'Query',
      {
        TableName: tableName,
        KeyConditionExpression: 'pk = :p',
        FilterExpression: 'x = :v',
        ExpressionAttributeValues: { ':p': { S: 'a' }, ':v': deepList(33) },
      },
      'ExpressionAttributeValues contains invalid value: Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit for key :v',
    )
  })

  test('SET l[0] = l, which dynalite would make circular, is refused with a message saying so', async () => {
    await send('PutItem', { TableName: tableName, Item: { ...key, l: { L: [{ S: 'x' }] } } })
    const { status, json } = await send('UpdateItem', {
      TableName: tableName,
      Key: key,
      UpdateExpression: 'SET l[0] = l',
    })
    expect(status).toBe(400)
    expect(json.message).toMatch(
      /^The auth-dynamo emulator cannot apply this update: .*SET l\[0\] = l/,
    )
    await stillAnswers()
  })

  test('JSON nested 3,000 levels where DynamoDB expects a string or an item gets a 400', async () => {
    const deepArray = nest(3000, (inner) => [inner], 1)
    const deepObject = nest(3000, (inner) => ({ a: inner }), 1)
    for (const body of [
      { TableName: deepArray, Item: key },
      { TableName: tableName, Item: { ...key, x: deepObject } },
      { TableName: tableName, Item: deepArray },
      deepArray,
    ]) {
      const { status, json } = await send('PutItem', body)
      expect(status).toBe(400)
      expect(String(json.__type)).toMatch(/#(SerializationException|ValidationException)$/)
      expect(String(json.message ?? json.Message ?? '')).not.toMatch(/please report/)
    }
    await stillAnswers()
  })
})

describe('expressions are answered whatever they contain', () => {
  test.each(['(((((((', '(((((('])(
    'ConditionExpression %s gets a syntax error',
    async (expression) => {
      const { status, json } = await send('DeleteItem', {
        TableName: tableName,
        Key: key,
        ConditionExpression: expression,
      })
      expect(status).toBe(400)
      expect(json.__type).toBe('com.amazon.coral.validate#ValidationException')
      expect(json.message).toMatch(/^Invalid ConditionExpression: Syntax error/)
    },
  )

  test('a valid 113-byte a<b and (a<b and (...)) is evaluated', async () => {
    const expression = `${'a<b and ('.repeat(11)}a<b${')'.repeat(11)}`
    const { status, json } = await send('DeleteItem', {
      TableName: tableName,
      Key: key,
      ConditionExpression: expression,
    })
    // The item has `a` but no `b`: a < b is false, as on DynamoDB Local.
    expect({ status, type: json.__type }).toEqual({
      status: 400,
      type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
    })
  })

  test('2,000 nested parentheses are parsed, not hung on', async () => {
    const { status, json } = await send('Scan', {
      TableName: tableName,
      FilterExpression: `${'('.repeat(2000)}a = a${')'.repeat(2000)}`,
    })
    expect({ status, message: json.message }).toEqual({
      status: 400,
      message: 'Invalid FilterExpression: The expression has redundant parentheses;',
    })
  })

  test('an expression over 4 KB gets DynamoDB size error; one of exactly 4 KB is parsed', async () => {
    const values = { ':v': { S: 'x' } }
    const atLimit = `a = :v${' '.repeat(4096 - 6)}`
    const accepted = await send('Scan', {
      TableName: tableName,
      FilterExpression: atLimit,
      ExpressionAttributeValues: values,
    })
    expect(accepted.status).toBe(200)
    await expectValidationError(
      'Scan',
      { TableName: tableName, FilterExpression: `${atLimit} `, ExpressionAttributeValues: values },
      'Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: 4097',
    )
    await expectValidationError(
      'UpdateItem',
      {
        TableName: tableName,
        Key: key,
        UpdateExpression: `SET ${Array.from({ length: 600 }, (_, index) => `a${index} = :v`).join(', ')}`,
        ExpressionAttributeValues: values,
      },
      'Invalid UpdateExpression: Expression size has exceeded the maximum allowed size;',
    )
    await expectValidationError(
      'Scan',
      {
        TableName: tableName,
        FilterExpression: '#n = :v',
        ExpressionAttributeNames: { '#n': 'a', [`#${'a'.repeat(300)}`]: 'a' },
        ExpressionAttributeValues: values,
      },
      'ExpressionAttributeNames contains invalid key: The expression attribute map contains a key that is too long; size of key: 301',
    )
  })
})

test('a 300 KB request that DynamoDB echoes in its error comes back with a message cut at 1 KB', async () => {
  const { status, json } = await send('PutItem', { TableName: 'x'.repeat(300 * 1024), Item: key })
  expect(status).toBe(400)
  expect(json.__type).toBe('com.amazon.coral.validate#ValidationException')
  const message = String(json.message)
  expect(message.startsWith("1 validation error detected: Value 'xxx")).toBe(true)
  expect(message).toMatch(/\.\.\. \(\d+ more characters cut\)$/)
  expect(message.length).toBeLessThan(1100)
  await stillAnswers()
})
