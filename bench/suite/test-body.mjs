/**
 * The source of one generated test file: `setup` gives `db` (a DynamoDBDocumentClient) and
 * `tableName`, then 10 tests make 5 calls each, as an Auth.js adapter test does.
 */
export function testFileSource({ imports, setup, teardown, file, calls = true }) {
  const call = (expression) => (calls ? `await ${expression}` : 'await Promise.resolve()')
  const tests = Array.from({ length: 10 }, (_, index) => {
    const key = `{ pk: 'USER#${file}-${index}', sk: 'SESSION#${index}' }`
    return `
test('session ${index}', async () => {
  ${call(`db.send(new PutCommand({ TableName: tableName, Item: { ...${key}, GSI1PK: 'SESSION#${file}-${index}', GSI1SK: 'SESSION#${file}-${index}', expires: 2000000000 } }))`)}
  ${call(`db.send(new GetCommand({ TableName: tableName, Key: ${key} }))`)}
  ${call(`db.send(new UpdateCommand({ TableName: tableName, Key: ${key}, UpdateExpression: 'SET expires = :e', ExpressionAttributeValues: { ':e': 2000000100 } }))`)}
  ${call(`db.send(new QueryCommand({ TableName: tableName, IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': 'SESSION#${file}-${index}' } }))`)}
  ${call(`db.send(new DeleteCommand({ TableName: tableName, Key: ${key} }))`)}
})`
  })
  return `import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
${imports ?? ''}
let db
let tableName
${setup}
afterAll(async () => {
${teardown ?? ''}
  db?.destroy()
})
${tests.join('\n')}
`
}
