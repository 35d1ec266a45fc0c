/**
 * Public entry point of `classified`: the classification types that mark data in code, and the
 * tiny runtime helpers that go with them. Importing this module at run time loads no TypeScript,
 * ESLint or engine code — those live behind `classified/eslint`, `classified/transform` and the bin.
 */

declare const classifiedBrand: unique symbol;
declare const anonymizedBrand: unique symbol;

/** The four classes of the data-handling policy, from least to most sensitive. */
export type ClassificationLevel = 'public' | 'internal' | 'confidential' | 'restricted';

/** What the analyzer reads off a branded type: its class and an optional kind tag. */
export interface ClassificationBrand<L extends ClassificationLevel, K extends string> {
  readonly level: L;
  readonly kind: K;
}

type Brand<L extends ClassificationLevel, K extends string> = {
  readonly [classifiedBrand]?: ClassificationBrand<L, K>;
};

/**
 * Marks `T` with a class. Objects are branded field by field, so a property read off a
 * `Confidential<Customer>` is itself `Confidential`; `null`/`undefined` stay as they are (an
 * intersection with them would collapse to `never`). The brand is optional, so plain `T`
 * assigns to the branded type without casts, while two different classes do not assign to
 * each other.
 */
export type Classified<T, L extends ClassificationLevel, K extends string = never> = T extends
  | null
  | undefined
  ? T
  : T extends (...args: never[]) => unknown
    ? T & Brand<L, K>
    : T extends object
      ? { [P in keyof T]: Classified<T[P], L, K> } & Brand<L, K>
      : T & Brand<L, K>;

export type Public<T, K extends string = never> = Classified<T, 'public', K>;
export type Internal<T, K extends string = never> = Classified<T, 'internal', K>;
export type Confidential<T, K extends string = never> = Classified<T, 'confidential', K>;
export type Restricted<T, K extends string = never> = Classified<T, 'restricted', K>;

/** A full card number (primary account number). Only a payment processor may receive it. */
export type PAN = Restricted<string, 'PAN'>;
/** A card verification code. Never stored, not even in a vault. */
export type CVV = Restricted<string, 'CVV'>;
/** Employee compensation. */
export type Compensation = Restricted<number, 'Compensation'>;

export type Email = Confidential<string, 'Email'>;
export type PersonName = Confidential<string, 'PersonName'>;
export type PostalAddress = Confidential<string, 'PostalAddress'>;
export type PhoneNumber = Confidential<string, 'PhoneNumber'>;
export type IPAddress = Confidential<string, 'IPAddress'>;
export type CustomerId = Confidential<string, 'CustomerId'>;
export type PaymentToken = Confidential<string, 'PaymentToken'>;
/** A line item of a customer's order. */
export type OrderLine<
  T = { sku: string; quantity: number; unitPrice: number; description?: string },
> = Confidential<T, 'OrderLine'>;

/** Internal: allowed as a central telemetry dimension. */
export type TenantId = Internal<string, 'TenantId'>;
/** Public: allowed as a central telemetry dimension. */
export type RouteName = Public<string, 'RouteName'>;
/** Internal: allowed as a central telemetry dimension (a host, never a full URL). */
export type EndpointHost = Internal<string, 'EndpointHost'>;

/** De-identified or aggregated data: allowed in ML training and central telemetry. */
export type Anonymized<T> = T & { readonly [anonymizedBrand]?: true };

/** `T` with every classification brand removed, deeply. */
export type Declassified<T> = T extends null | undefined
  ? T
  : T extends string
    ? string
    : T extends number
      ? number
      : T extends boolean
        ? boolean
        : T extends bigint
          ? bigint
          : T extends (...args: never[]) => unknown
            ? T
            : T extends readonly (infer E)[]
              ? Declassified<E>[]
              : T extends object
                ? { [P in keyof T as P extends typeof classifiedBrand ? never : P]: Declassified<T[P]> }
                : T;

/**
 * Declares that `value` may be handled as unclassified from here on. Identity at run time; the
 * analyzer stops following the data here. `reason` must be a non-empty string literal so the
 * decision is reviewable in source.
 */
export function declassify<T>(value: T, reason: string): Declassified<T> {
  void reason;
  return value as Declassified<T>;
}

const REDACTED = '[REDACTED]';

/** Returns a masked stand-in for `value` that is safe to log. */
export function redact(value: unknown): string {
  return value === null || value === undefined ? String(value) : REDACTED;
}

/** Masks a card number, keeping at most its last 4 digits. */
export function maskPan(pan: string | number | null | undefined): string {
  if (pan === null || pan === undefined) return String(pan);
  const digits = String(pan).replace(/\D/g, '');
  const kept = digits.length > 4 ? digits.slice(-4) : '';
  return '*'.repeat(Math.max(digits.length - kept.length, 4)) + kept;
}

/** Marks a user function as producing de-identified data. Identity at run time. */
export function anonymize<A extends unknown[], R>(
  fn: (...args: A) => R,
): (...args: A) => Anonymized<Declassified<R>> {
  return fn as (...args: A) => Anonymized<Declassified<R>>;
}

/** Marks a user function as producing aggregated (de-identified) data. Identity at run time. */
export function aggregate<A extends unknown[], R>(
  fn: (...args: A) => R,
): (...args: A) => Anonymized<Declassified<R>> {
  return fn as (...args: A) => Anonymized<Declassified<R>>;
}

// ─────────────────────────────────────── support access ───────────────────────────────────────
// The policy's access clause at run time: a grant exists only after its ticket, approval, expiry
// and tenant were checked, and every access is written to the audit log (DESIGN.md section 10).

declare const accessGrantBrand: unique symbol;
declare const twoPersonGrantBrand: unique symbol;

/** How long a manager's approval stays valid (policy: approvals expire after 24 hours). */
export const ACCESS_APPROVAL_TTL_MS = 24 * 60 * 60 * 1000;

/** A support ticket, as the access tool knows it. */
export interface AccessTicket {
  readonly id: string;
  /** the tenant the ticket was opened for */
  readonly tenantId: string;
  /** whether the ticket came from the customer's verified contact */
  readonly fromVerifiedContact: boolean;
}

/** A manager's approval click in the access tool. */
export interface AccessApproval {
  readonly approver: string;
  readonly approvedAt: Date;
  /** the tenant the approval was given for */
  readonly tenantId: string;
}

/** What a support engineer asks for: whose data, in which region, why, and the evidence. */
export interface AccessRequest {
  /** the tenant whose data is read */
  readonly tenantId: string;
  /** the tenant's region: the only region the grant lets queries run in */
  readonly region: string;
  readonly purpose: string;
  readonly ticket?: AccessTicket | null | undefined;
  readonly approval?: AccessApproval | null | undefined;
}

/** A request for Restricted data: two approvals from two different people. */
export interface TwoPersonAccessRequest extends Omit<AccessRequest, 'approval'> {
  readonly approvals?: readonly AccessApproval[] | null | undefined;
}

/**
 * Permission to read one tenant's customer data for one ticket, until `expiresAt`. Only
 * `verifyAccessGrant` and `verifyTwoPersonGrant` return one: the brand is required, so an object
 * literal is not a grant, and a cast that makes one is a `no-unsafe-declassification` finding.
 */
export interface AccessGrant {
  readonly ticketId: string;
  readonly tenantId: string;
  /** the tenant's region: obtain database clients for this region only */
  readonly region: string;
  readonly approver: string;
  readonly approvedAt: Date;
  readonly expiresAt: Date;
  readonly purpose: string;
  readonly [accessGrantBrand]: true;
}

/** A grant approved by two distinct people, required for Restricted data (the two-person rule). */
export interface TwoPersonGrant extends AccessGrant {
  readonly approvers: readonly [string, string];
  readonly [twoPersonGrantBrand]: true;
}

export type AccessDenialReason =
  | 'missing-ticket'
  | 'unverified-contact'
  | 'missing-approval'
  | 'approval-expired'
  | 'approval-in-future'
  | 'other-tenant'
  | 'missing-region'
  | 'missing-purpose'
  | 'same-approver';

/** Thrown when a request does not meet the access clause; `reason` says which part. */
export class AccessDeniedError extends Error {
  override readonly name = 'AccessDeniedError';

  constructor(
    readonly reason: AccessDenialReason,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks an access request against the policy and returns the grant it earns.
 * @throws AccessDeniedError without a ticket from the customer's verified contact, without an
 *   approval, with an approval older than 24 hours (or dated after `now`), or when the ticket or
 *   the approval belongs to another tenant than the one whose data is requested
 */
export function verifyAccessGrant(request: AccessRequest, now: Date): AccessGrant {
  const ticket = checkTicket(request);
  const approval = request.approval;
  if (approval === null || approval === undefined) throw new AccessDeniedError('missing-approval', `ticket ${ticket.id} has no manager approval`);
  const expiresAt = checkApproval(approval, request.tenantId, now);
  return makeGrant(request, ticket, approval, expiresAt);
}

/**
 * Checks a request for Restricted data: as `verifyAccessGrant`, with two valid approvals from two
 * different approvers; the grant expires with the older approval.
 * @throws AccessDeniedError as `verifyAccessGrant`, or `same-approver` when fewer than two distinct people approved
 */
export function verifyTwoPersonGrant(request: TwoPersonAccessRequest, now: Date): TwoPersonGrant {
  const ticket = checkTicket(request);
  const approvals = request.approvals ?? [];
  const [first, second] = approvals;
  if (first === undefined) throw new AccessDeniedError('missing-approval', `ticket ${ticket.id} has no manager approval`);
  const approvers = new Set(approvals.map((approval) => approval.approver.trim()));
  if (second === undefined || approvers.size < 2) {
    throw new AccessDeniedError('same-approver', `Restricted data needs approvals from two different people (ticket ${ticket.id})`);
  }
  const expiresAt = new Date(Math.min(checkApproval(first, request.tenantId, now).getTime(), checkApproval(second, request.tenantId, now).getTime()));
  const older = first.approvedAt.getTime() <= second.approvedAt.getTime() ? first : second;
  const approved: Omit<TwoPersonGrant, typeof accessGrantBrand | typeof twoPersonGrantBrand> = { ...makeGrant(request, ticket, older, expiresAt), approvers: [first.approver, second.approver] };
  // the brands exist only in types; this module is the one place allowed to attach them
  return Object.freeze(approved) as TwoPersonGrant;
}

/**
 * Re-checks a grant obtained earlier (passed in from middleware, say) before it is used: it must
 * not have expired and must be for `tenantId`.
 * @throws AccessDeniedError `approval-expired` or `other-tenant`
 */
export function assertAccessGrant(grant: AccessGrant, tenantId: string, now: Date): void {
  if (grant.tenantId !== tenantId) throw new AccessDeniedError('other-tenant', `grant for ticket ${grant.ticketId} is for another tenant`);
  if (now.getTime() >= grant.expiresAt.getTime()) throw new AccessDeniedError('approval-expired', `grant for ticket ${grant.ticketId} expired`);
}

function checkTicket(request: AccessRequest | TwoPersonAccessRequest): AccessTicket {
  const ticket = request.ticket;
  if (ticket === null || ticket === undefined || ticket.id.trim() === '') throw new AccessDeniedError('missing-ticket', 'customer-data access needs an open support ticket');
  if (!ticket.fromVerifiedContact) throw new AccessDeniedError('unverified-contact', `ticket ${ticket.id} did not come from the customer's verified contact`);
  if (ticket.tenantId !== request.tenantId) throw new AccessDeniedError('other-tenant', `ticket ${ticket.id} belongs to another tenant`);
  if (request.region.trim() === '') throw new AccessDeniedError('missing-region', `request for ticket ${ticket.id} names no tenant region`);
  if (request.purpose.trim() === '') throw new AccessDeniedError('missing-purpose', `request for ticket ${ticket.id} names no purpose`);
  return ticket;
}

/** Returns when the approval expires. */
function checkApproval(approval: AccessApproval, tenantId: string, now: Date): Date {
  if (approval.approver.trim() === '') throw new AccessDeniedError('missing-approval', 'the approval names no approver');
  if (approval.tenantId !== tenantId) throw new AccessDeniedError('other-tenant', `approval by ${approval.approver} is for another tenant`);
  const approvedAt = approval.approvedAt.getTime();
  if (Number.isNaN(approvedAt) || approvedAt > now.getTime()) throw new AccessDeniedError('approval-in-future', `approval by ${approval.approver} is dated after now`);
  const expiresAt = approvedAt + ACCESS_APPROVAL_TTL_MS;
  if (now.getTime() >= expiresAt) throw new AccessDeniedError('approval-expired', `approval by ${approval.approver} is older than 24 hours`);
  return new Date(expiresAt);
}

function makeGrant(request: AccessRequest | TwoPersonAccessRequest, ticket: AccessTicket, approval: AccessApproval, expiresAt: Date): AccessGrant {
  const approved: Omit<AccessGrant, typeof accessGrantBrand> = {
    ticketId: ticket.id,
    tenantId: request.tenantId,
    region: request.region,
    approver: approval.approver,
    approvedAt: approval.approvedAt,
    expiresAt,
    purpose: request.purpose,
  };
  // the brand exists only in types; this module is the one place allowed to attach it
  return Object.freeze(approved) as AccessGrant;
}

/** One audit record: who read what, when and why (policy: the audit log captures who, when, what, why). */
export interface AccessAuditRecord {
  /** the support engineer or operator */
  readonly who: string;
  readonly when: Date;
  /** what was read: `orders of customer c_123`, never the data itself */
  readonly what: string;
  /** why: the ticket and its purpose */
  readonly why: string;
}

/** Where audit records go: the access log of your platform. May be async. */
export type AccessAuditWriter = (record: AccessAuditRecord) => void | Promise<void>;

let accessAuditWriter: AccessAuditWriter | undefined;

/** Sets where `auditAccess` writes (once, at start-up); returns the previous writer. */
export function setAccessAuditWriter(writer: AccessAuditWriter | undefined): AccessAuditWriter | undefined {
  const previous = accessAuditWriter;
  accessAuditWriter = writer;
  return previous;
}

/**
 * Writes an audit record of a support access. Fails closed: without a writer, or with an empty
 * `who`, `what` or `why`, it throws instead of letting the access go unrecorded.
 * @param writer overrides the writer set with `setAccessAuditWriter` (tests, per-request loggers)
 */
export function auditAccess(record: AccessAuditRecord, writer: AccessAuditWriter | undefined = accessAuditWriter): void | Promise<void> {
  for (const field of ['who', 'what', 'why'] as const) {
    const value: unknown = record[field];
    if (typeof value !== 'string' || value.trim() === '') throw new TypeError(`auditAccess: "${field}" must be a non-empty string`);
  }
  if (!(record.when instanceof Date) || Number.isNaN(record.when.getTime())) throw new TypeError('auditAccess: "when" must be a valid Date');
  if (writer === undefined) throw new Error('auditAccess: no audit writer; call setAccessAuditWriter(...) at start-up');
  return writer({ who: record.who, when: record.when, what: record.what, why: record.why });
}
