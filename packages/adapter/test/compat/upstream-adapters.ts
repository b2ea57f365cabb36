import type { Adapter } from '@auth/core/adapters'
import { DynamoDBAdapter as AuthDynamoDBAdapter } from '@auth/dynamodb-adapter'
import type { DynamoDBDocument } from '@aws-sdk/lib-dynamodb'
import { DynamoDBAdapter as NextAuthDynamoDBAdapter } from '@next-auth/dynamodb-adapter'
import type { DynamoDBAdapterMethod } from '../../src/index.js'

/** The 14 methods both upstream packages implement: ours, less getAccount and WebAuthn. */
export type UpstreamMethod = Exclude<
  DynamoDBAdapterMethod,
  | 'getAccount'
  | 'createAuthenticator'
  | 'getAuthenticator'
  | 'listAuthenticatorsByUserId'
  | 'updateAuthenticatorCounter'
>

/** Every key and index name changed from the default, as both upstream packages accept them. */
export const customKeyNames = {
  partitionKey: 'customPK',
  sortKey: 'customSK',
  indexName: 'customIndex',
  indexPartitionKey: 'customIndexPK',
  indexSortKey: 'customIndexSK',
} satisfies UpstreamOptions

/** An upstream adapter, typed with `@auth/core`'s method signatures. */
export type UpstreamAdapter = Required<Pick<Adapter, UpstreamMethod>>

/** Custom table and key names, as both upstream packages accept them. */
export interface UpstreamOptions {
  tableName?: string
  partitionKey?: string
  sortKey?: string
  indexName?: string
  indexPartitionKey?: string
  indexSortKey?: string
}

/** One upstream package from npm, and how to build its adapter. */
export interface Upstream {
  readonly name: string
  create(client: DynamoDBDocument, options: UpstreamOptions): UpstreamAdapter
}

/** `@auth/dynamodb-adapter`, the Auth.js v5 adapter users switch from. */
export const authUpstream: Upstream = {
  name: '@auth/dynamodb-adapter@2.11.3',
  create: (client, options) => AuthDynamoDBAdapter(client, options) as UpstreamAdapter,
}

/** `@next-auth/dynamodb-adapter`, the next-auth v4 adapter; its types are next-auth v4's. */
export const nextAuthUpstream: Upstream = {
  name: '@next-auth/dynamodb-adapter@3.0.2',
  create: (client, options) =>
    NextAuthDynamoDBAdapter(client, options) as unknown as UpstreamAdapter,
}

/** Both upstream packages. */
export const upstreams: readonly Upstream[] = [authUpstream, nextAuthUpstream]
