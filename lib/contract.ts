// The input contract (docs/contract.md) as data: every object, its columns, the DuckDB
// type each column is read as, which columns must exist and which are PII. The source
// layer, the sample generator and the test fixtures all read this one table, so a
// structural change is made here once. Row-level rules (which values must be non-null,
// which references must resolve) are quarantine checks and live in one place only: the
// staging models, sql/staging/stg_<object>.sql.

export type ColumnType = "VARCHAR" | "TIMESTAMP" | "DATE" | "BOOLEAN" | "INTEGER" | "DECIMAL";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** The column must exist in the export. */
  required?: boolean;
  /** Personal data: read only where a rule needs it, never shipped to the site. */
  pii?: boolean;
}

export interface ObjectSpec {
  name: ObjectName;
  /** A build stops without it. */
  required: boolean;
  columns: ColumnSpec[];
}

export type ObjectName =
  | "users"
  | "accounts"
  | "leads"
  | "opportunities"
  | "opportunity_history"
  | "tasks"
  | "campaigns"
  | "campaign_members"
  | "forecasting_quotas";

const id = (name = "Id"): ColumnSpec => ({ name, type: "VARCHAR", required: true });

export const CONTRACT: ObjectSpec[] = [
  {
    name: "users",
    required: true,
    columns: [
      id(),
      { name: "Name", type: "VARCHAR", required: true },
      { name: "Department", type: "VARCHAR" },
      { name: "Team__c", type: "VARCHAR" },
      { name: "IsActive", type: "BOOLEAN" },
      { name: "Email", type: "VARCHAR", pii: true },
    ],
  },
  {
    name: "accounts",
    required: false,
    columns: [
      id(),
      { name: "Name", type: "VARCHAR", required: true },
      { name: "Industry", type: "VARCHAR" },
      { name: "NumberOfEmployees", type: "INTEGER" },
      { name: "CustomerType__c", type: "VARCHAR" },
      { name: "FocusTheme__c", type: "BOOLEAN" },
      { name: "PrimeContractor__c", type: "BOOLEAN" },
    ],
  },
  {
    name: "leads",
    required: true,
    columns: [
      id(),
      { name: "CreatedDate", type: "TIMESTAMP", required: true },
      { name: "OwnerId", type: "VARCHAR", required: true },
      { name: "LeadSource", type: "VARCHAR", required: true },
      { name: "Status", type: "VARCHAR", required: true },
      { name: "Company", type: "VARCHAR" },
      { name: "NumberOfEmployees", type: "INTEGER" },
      { name: "FirstName", type: "VARCHAR", pii: true },
      { name: "LastName", type: "VARCHAR", pii: true },
      { name: "Email", type: "VARCHAR", pii: true },
      { name: "Phone", type: "VARCHAR", pii: true },
      { name: "MQLDate__c", type: "DATE" },
      { name: "SQLDate__c", type: "DATE" },
      { name: "IsConverted", type: "BOOLEAN" },
      { name: "ConvertedDate", type: "DATE" },
      { name: "ConvertedAccountId", type: "VARCHAR" },
      { name: "ConvertedOpportunityId", type: "VARCHAR" },
    ],
  },
  {
    name: "opportunities",
    required: true,
    columns: [
      id(),
      { name: "AccountId", type: "VARCHAR", required: true },
      { name: "OwnerId", type: "VARCHAR", required: true },
      { name: "CreatedDate", type: "TIMESTAMP", required: true },
      { name: "StageName", type: "VARCHAR", required: true },
      { name: "Amount", type: "DECIMAL" },
      { name: "CloseDate", type: "DATE" },
      { name: "IsClosed", type: "BOOLEAN" },
      { name: "IsWon", type: "BOOLEAN" },
      { name: "LeadSource", type: "VARCHAR" },
      { name: "AppointmentSetterId__c", type: "VARCHAR" },
      { name: "Origin__c", type: "VARCHAR" },
      { name: "Temperature__c", type: "VARCHAR" },
      { name: "NextActionDate__c", type: "DATE" },
      { name: "LossReason__c", type: "VARCHAR" },
    ],
  },
  {
    name: "opportunity_history",
    required: false,
    columns: [
      id(),
      { name: "OpportunityId", type: "VARCHAR", required: true },
      { name: "CreatedDate", type: "TIMESTAMP", required: true },
      { name: "StageName", type: "VARCHAR", required: true },
      { name: "Amount", type: "DECIMAL" },
      { name: "CloseDate", type: "DATE" },
    ],
  },
  {
    name: "tasks",
    required: false,
    columns: [
      id(),
      { name: "OwnerId", type: "VARCHAR", required: true },
      { name: "CreatedDate", type: "TIMESTAMP", required: true },
      { name: "Type", type: "VARCHAR", required: true },
      // WhoId points at a lead or a contact; contacts are not in the contract, so it is not checked.
      { name: "WhoId", type: "VARCHAR" },
      { name: "WhatId", type: "VARCHAR" },
      { name: "AccountId", type: "VARCHAR" },
      { name: "ActivityDate", type: "DATE" },
      { name: "CallDisposition", type: "VARCHAR" },
      { name: "CallDurationInSeconds", type: "INTEGER" },
    ],
  },
  {
    name: "campaigns",
    required: false,
    columns: [
      id(),
      { name: "Name", type: "VARCHAR", required: true },
      { name: "Type", type: "VARCHAR" },
      { name: "StartDate", type: "DATE" },
    ],
  },
  {
    name: "campaign_members",
    required: false,
    columns: [
      id(),
      { name: "CampaignId", type: "VARCHAR", required: true },
      { name: "LeadId", type: "VARCHAR", required: true },
      { name: "CreatedDate", type: "TIMESTAMP", required: true },
      { name: "Status", type: "VARCHAR" },
      { name: "HasResponded", type: "BOOLEAN" },
    ],
  },
  {
    // revenue targets (Salesforce ForecastingQuota); when present they win over
    // sql/rules/revenue_targets.sql
    name: "forecasting_quotas",
    required: false,
    columns: [
      { name: "QuotaOwnerId", type: "VARCHAR", required: true },
      { name: "StartDate", type: "DATE", required: true },
      { name: "QuotaAmount", type: "DECIMAL", required: true },
    ],
  },
];

export const OBJECT_NAMES = CONTRACT.map((o) => o.name);

export function objectSpec(name: ObjectName): ObjectSpec {
  const spec = CONTRACT.find((o) => o.name === name);
  if (!spec) throw new Error(`unknown object ${name}`);
  return spec;
}

/** DuckDB type used when writing a column of this contract type (generator, fixtures). */
export function duckdbType(t: ColumnType): string {
  return t === "DECIMAL" ? "DECIMAL(18,2)" : t;
}
