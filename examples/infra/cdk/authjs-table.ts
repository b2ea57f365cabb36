import { RemovalPolicy } from 'aws-cdk-lib'
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb'
import { ManagedPolicy, PolicyStatement } from 'aws-cdk-lib/aws-iam'
import { Construct } from 'constructs'

/**
 * The actions of the adapter's least-privilege IAM policy, as its README documents them (the
 * same list as `@auth/dynamodb-adapter`'s, so switching adapters needs no IAM change).
 */
export const authjsTableActions: readonly string[] = Object.freeze([
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:Describe*',
  'dynamodb:List*',
  'dynamodb:PutItem',
  'dynamodb:DeleteItem',
  'dynamodb:GetItem',
  'dynamodb:Scan',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
])

/** Options of {@link AuthjsTable}: the adapter's option names, and what happens on removal. */
export interface AuthjsTableProps {
  /** @defaultValue `'next-auth'` */
  readonly tableName?: string
  /** @defaultValue `'pk'` */
  readonly partitionKey?: string
  /** @defaultValue `'sk'` */
  readonly sortKey?: string
  /** @defaultValue `'GSI1'` */
  readonly indexName?: string
  /** @defaultValue `'GSI1PK'` */
  readonly indexPartitionKey?: string
  /** @defaultValue `'GSI1SK'` */
  readonly indexSortKey?: string
  /**
   * What happens to the table when it leaves the stack.
   * @defaultValue `RemovalPolicy.RETAIN`: users and sessions outlive a stack
   */
  readonly removalPolicy?: RemovalPolicy
}

/** The adapter options that match the table, to hand to `DynamoDBAdapter(client, options)`. */
export interface AuthjsAdapterOptions {
  /** The table name (a token until deploy time when the name is generated). */
  readonly tableName: string
  /** The partition key attribute. */
  readonly partitionKey: string
  /** The sort key attribute. */
  readonly sortKey: string
  /** The global secondary index. */
  readonly indexName: string
  /** The index's partition key attribute. */
  readonly indexPartitionKey: string
  /** The index's sort key attribute. */
  readonly indexSortKey: string
}

/**
 * The Auth.js DynamoDB table of `@auth-dynamo/adapter` (and `@auth/dynamodb-adapter`): String
 * partition and sort keys, one global secondary index with ALL projection, on-demand billing,
 * TTL on `expires`, point-in-time recovery, and a customer-managed policy with the adapter's
 * least-privilege actions on the table and its index.
 *
 * @example
 * ```ts
 * const auth = new AuthjsTable(this, 'Auth')
 * appRole.addManagedPolicy(auth.policy)
 * ```
 */
export class AuthjsTable extends Construct {
  /** The table. */
  readonly table: Table
  /** The least-privilege policy: attach it to the role the app runs as. */
  readonly policy: ManagedPolicy
  /** The adapter options for this table. */
  readonly adapterOptions: AuthjsAdapterOptions

  constructor(scope: Construct, id: string, props: AuthjsTableProps = {}) {
    super(scope, id)
    const names = {
      tableName: props.tableName ?? 'next-auth',
      partitionKey: props.partitionKey ?? 'pk',
      sortKey: props.sortKey ?? 'sk',
      indexName: props.indexName ?? 'GSI1',
      indexPartitionKey: props.indexPartitionKey ?? 'GSI1PK',
      indexSortKey: props.indexSortKey ?? 'GSI1SK',
    }
    this.table = new Table(this, 'Table', {
      tableName: names.tableName,
      partitionKey: { name: names.partitionKey, type: AttributeType.STRING },
      sortKey: { name: names.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      timeToLiveAttribute: 'expires',
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    })
    this.table.addGlobalSecondaryIndex({
      indexName: names.indexName,
      partitionKey: { name: names.indexPartitionKey, type: AttributeType.STRING },
      sortKey: { name: names.indexSortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    })
    this.policy = new ManagedPolicy(this, 'Policy', {
      description: 'Least-privilege access of an Auth.js app to its DynamoDB table.',
      statements: [
        new PolicyStatement({
          sid: 'DynamoDBAccess',
          actions: [...authjsTableActions],
          resources: [this.table.tableArn, `${this.table.tableArn}/index/${names.indexName}`],
        }),
      ],
    })
    this.adapterOptions = { ...names, tableName: this.table.tableName }
  }
}
