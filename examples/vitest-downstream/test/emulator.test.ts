import { createDocumentClient, DynamoDBAdapter } from '@auth-dynamo/adapter'
import { DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb'
import { expect, inject, onTestFinished, test } from 'vitest'

// What the globalSetup started, as the app would get it from its .env in development.
const emulator = inject('authDynamo')
const env = {
  AUTH_DYNAMODB_ENDPOINT: emulator.endpoint,
  AUTH_DYNAMODB_REGION: emulator.region,
  AUTH_DYNAMODB_ID: emulator.credentials.accessKeyId,
  AUTH_DYNAMODB_SECRET: emulator.credentials.secretAccessKey,
}

test('the globalSetup provides one local emulator to every test file', () => {
  expect(emulator.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  expect(emulator.tableName).toBe('next-auth')
})

test("the app's own client config (AUTH_DYNAMODB_* variables) reaches the seeded table", async () => {
  const client = createDocumentClient({ env })
  onTestFinished(() => client.destroy())
  const { TimeToLiveDescription } = await client.send(
    new DescribeTimeToLiveCommand({ TableName: emulator.tableName }),
  )
  expect(TimeToLiveDescription).toMatchObject({
    AttributeName: 'expires',
    TimeToLiveStatus: 'ENABLED',
  })

  const adapter = DynamoDBAdapter(client, { tableName: emulator.tableName })
  const id = crypto.randomUUID()
  const email = `${id}@example.com`
  await adapter.createUser({ id, email, emailVerified: null })
  expect(await adapter.getUserByEmail(email)).toEqual({ id, email, emailVerified: null })
})
