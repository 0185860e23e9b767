// The input contract (../shared/contract.md) as data: every object, its columns,
// the DuckDB type each column is read as, which columns are required, which must be
// non-null, which are PII and which reference another object. The checker, the
// source layer, the sample generator and the test fixtures all read this one table,
// so a contract change is made here once.

export type ColumnType = "VARCHAR" | "TIMESTAMP" | "DATE" | "BOOLEAN" | "INTEGER" | "DECIMAL";

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** The column must exist in the export. */
  required?: boolean;
  /** A null (or empty-string Id) in this column quarantines the row. */
  notNull?: boolean;
  /** Personal data: read only where a rule needs it, never shipped to the site. */
  pii?: boolean;
  /** `object` whose Id this column references; a dangling reference quarantines the row
   * (checked only when that object is present). The contract checks OwnerId, AccountId,
   * OpportunityId, LeadId, CampaignId and WhatId; converted-lead links and the appointment
   * setter are joined where found but never quarantine a row. */
  references?: ObjectName;
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
  | "campaign_members";

const id = (name = "Id"): ColumnSpec => ({ name, type: "VARCHAR", required: true, notNull: true });

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
      { name: "CreatedDate", type: "TIMESTAMP", required: true, notNull: true },
      { name: "OwnerId", type: "VARCHAR", required: true, notNull: true, references: "users" },
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
      { name: "AccountId", type: "VARCHAR", required: true, notNull: true, references: "accounts" },
      { name: "OwnerId", type: "VARCHAR", required: true, notNull: true, references: "users" },
      { name: "CreatedDate", type: "TIMESTAMP", required: true, notNull: true },
      { name: "StageName", type: "VARCHAR", required: true, notNull: true },
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
      { name: "OpportunityId", type: "VARCHAR", required: true, notNull: true, references: "opportunities" },
      { name: "CreatedDate", type: "TIMESTAMP", required: true, notNull: true },
      { name: "StageName", type: "VARCHAR", required: true, notNull: true },
      { name: "Amount", type: "DECIMAL" },
      { name: "CloseDate", type: "DATE" },
    ],
  },
  {
    name: "tasks",
    required: false,
    columns: [
      id(),
      { name: "OwnerId", type: "VARCHAR", required: true, notNull: true, references: "users" },
      { name: "CreatedDate", type: "TIMESTAMP", required: true, notNull: true },
      { name: "Type", type: "VARCHAR", required: true },
      // WhoId points at a lead or a contact; contacts are not in the contract, so it is not checked.
      { name: "WhoId", type: "VARCHAR" },
      { name: "WhatId", type: "VARCHAR", references: "opportunities" },
      { name: "AccountId", type: "VARCHAR", references: "accounts" },
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
      { name: "CampaignId", type: "VARCHAR", required: true, notNull: true, references: "campaigns" },
      { name: "LeadId", type: "VARCHAR", required: true, notNull: true, references: "leads" },
      { name: "CreatedDate", type: "TIMESTAMP", required: true, notNull: true },
      { name: "Status", type: "VARCHAR" },
      { name: "HasResponded", type: "BOOLEAN" },
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
