// Compiled, never run: `pnpm typecheck` and next-auth-v4-types.test.ts check this file. Each
// `@ts-expect-error` must meet an error, so the refusals below are checked as well.
import type { Adapter as AuthCoreAdapter } from '@auth/core/adapters'
import type { DynamoDBDocument, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import AWS, { type DynamoDB } from 'aws-sdk'
import type { NextAuthOptions } from 'next-auth'
import type { Adapter as NextAuthV4Adapter } from 'next-auth/adapters'
import { DynamoDBAdapter } from '../../src/index.js'

declare const v2DocumentClient: DynamoDB.DocumentClient
declare const v3Document: DynamoDBDocument
declare const v3DocumentClient: DynamoDBDocumentClient

/** The next-auth v4 docs' setup, with only the adapter import changed. */
export const nextAuthV4Options: NextAuthOptions = {
  providers: [],
  adapter: DynamoDBAdapter(new AWS.DynamoDB.DocumentClient()),
}

/** Ours is a next-auth v4 `Adapter` whichever client it is given. */
export const v4Adapters: NextAuthV4Adapter[] = [
  DynamoDBAdapter(v2DocumentClient),
  DynamoDBAdapter(v2DocumentClient, { tableName: 'next-auth', indexName: 'GSI1' }),
  DynamoDBAdapter(v3Document),
  DynamoDBAdapter(v3DocumentClient),
]

/** And an Auth.js (`@auth/core`) `Adapter`, the type next-auth v5 and @auth/* frameworks take. */
export const coreAdapters: AuthCoreAdapter[] = [
  DynamoDBAdapter(v2DocumentClient),
  DynamoDBAdapter(v3Document),
]

/** The low-level v2 client is not a document client: refused, as at runtime. */
// @ts-expect-error AWS.DynamoDB has getItem/putItem, not the DocumentClient's get/put
export const lowLevelV2 = DynamoDBAdapter(new AWS.DynamoDB())

/** Options are typed: a misspelt option name is refused. */
// @ts-expect-error `table` is not an option; `tableName` is
export const misspeltOption = DynamoDBAdapter(v3Document, { table: 'next-auth' })
