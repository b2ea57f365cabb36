# The Auth.js DynamoDB table for @auth-dynamo/adapter (and @auth/dynamodb-adapter): string keys,
# one global secondary index with ALL projection, on-demand billing, TTL on "expires", and the
# least-privilege managed policy for the app that uses it.

terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

variable "table_name" {
  description = "The adapter's tableName option."
  type        = string
  default     = "next-auth"
}

variable "partition_key" {
  description = "The adapter's partitionKey option."
  type        = string
  default     = "pk"
}

variable "sort_key" {
  description = "The adapter's sortKey option."
  type        = string
  default     = "sk"
}

variable "index_name" {
  description = "The adapter's indexName option."
  type        = string
  default     = "GSI1"
}

variable "index_partition_key" {
  description = "The adapter's indexPartitionKey option."
  type        = string
  default     = "GSI1PK"
}

variable "index_sort_key" {
  description = "The adapter's indexSortKey option."
  type        = string
  default     = "GSI1SK"
}

resource "aws_dynamodb_table" "authjs" {
  name         = var.table_name
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = var.partition_key
  range_key    = var.sort_key

  attribute {
    name = var.partition_key
    type = "S"
  }

  attribute {
    name = var.sort_key
    type = "S"
  }

  attribute {
    name = var.index_partition_key
    type = "S"
  }

  attribute {
    name = var.index_sort_key
    type = "S"
  }

  global_secondary_index {
    name            = var.index_name
    hash_key        = var.index_partition_key
    range_key       = var.index_sort_key
    projection_type = "ALL"
  }

  ttl {
    attribute_name = "expires"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  # Users and sessions outlive any one apply: remove this block to let destroy delete them.
  lifecycle {
    prevent_destroy = true
  }
}

data "aws_iam_policy_document" "authjs" {
  statement {
    sid    = "DynamoDBAccess"
    effect = "Allow"
    actions = [
      "dynamodb:BatchGetItem",
      "dynamodb:BatchWriteItem",
      "dynamodb:Describe*",
      "dynamodb:List*",
      "dynamodb:PutItem",
      "dynamodb:DeleteItem",
      "dynamodb:GetItem",
      "dynamodb:Scan",
      "dynamodb:Query",
      "dynamodb:UpdateItem",
    ]
    resources = [
      aws_dynamodb_table.authjs.arn,
      "${aws_dynamodb_table.authjs.arn}/index/${var.index_name}",
    ]
  }
}

resource "aws_iam_policy" "authjs" {
  name        = "${var.table_name}-access"
  description = "Least-privilege access of an Auth.js app to its DynamoDB table."
  policy      = data.aws_iam_policy_document.authjs.json
}

output "table_name" {
  description = "Pass as the adapter's tableName option."
  value       = aws_dynamodb_table.authjs.name
}

output "table_arn" {
  value = aws_dynamodb_table.authjs.arn
}

output "policy_arn" {
  description = "Attach to the role your app runs as."
  value       = aws_iam_policy.authjs.arn
}
