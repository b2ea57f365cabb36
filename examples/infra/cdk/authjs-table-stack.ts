import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib'
import type { Construct } from 'constructs'
import { AuthjsTable, type AuthjsTableProps } from './authjs-table.js'

/** Options of {@link AuthjsTableStack}: the stack's, and the table's names. */
export interface AuthjsTableStackProps extends StackProps {
  /** @defaultValue the adapter's default names */
  readonly table?: AuthjsTableProps
}

/** A stack holding only the Auth.js table and its policy, with both as outputs. */
export class AuthjsTableStack extends Stack {
  /** The table and its policy. */
  readonly auth: AuthjsTable

  constructor(scope: Construct, id: string, props: AuthjsTableStackProps = {}) {
    super(scope, id, props)
    this.auth = new AuthjsTable(this, 'Auth', props.table)
    new CfnOutput(this, 'TableName', { value: this.auth.table.tableName })
    new CfnOutput(this, 'PolicyArn', { value: this.auth.policy.managedPolicyArn })
  }
}
