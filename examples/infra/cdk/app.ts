import { App } from 'aws-cdk-lib'
import { AuthjsTableStack } from './authjs-table-stack.js'

// `npx cdk synth` / `npx cdk deploy` run this (see cdk.json). Names come from context:
// `-c tableName=my-app-auth`; anything not given takes the adapter's default.
const app = new App()
const context = (key: string): string | undefined => app.node.tryGetContext(key)
new AuthjsTableStack(app, 'AuthjsTable', {
  table: {
    tableName: context('tableName'),
    partitionKey: context('partitionKey'),
    sortKey: context('sortKey'),
    indexName: context('indexName'),
    indexPartitionKey: context('indexPartitionKey'),
    indexSortKey: context('indexSortKey'),
  },
})
app.synth()
