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
