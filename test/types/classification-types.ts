// Type-level tests for the classification encoding: compiled by test/types.test.ts, which fails
// on any diagnostic. Each `@ts-expect-error` proves an assignment tsc must reject.
import type {
  Confidential, Public, Restricted, Internal, Email, PAN, Anonymized, Declassified,
} from '../../src/index.js';
import { declassify } from '../../src/index.js';

interface Customer { id: string; email: string; card: { number: string; last4: string } }

// Plain T assigns to a branded type without casts.
const plainEmail: Email = 'a@example.com';
const plainCustomer: Confidential<Customer> = { id: '1', email: 'a@b.c', card: { number: '4', last4: '4' } };
const optional: Confidential<string | undefined> = undefined;
const nullable: Restricted<string | null> = null;

// A higher class does not assign to a lower one.
// @ts-expect-error Confidential is not Public
const leaked: Public<string> = plainEmail;
// @ts-expect-error Restricted is not Internal
const leakedPan: Internal<string> = '4242' as PAN;

// Brands survive property access, arrays, Promise and generics.
// @ts-expect-error a field of Confidential<Customer> is Confidential
const field: Public<string> = plainCustomer.email;
// @ts-expect-error nested fields too
const nested: Public<string> = plainCustomer.card.number;
const list: Email[] = ['x@y.z'];
// @ts-expect-error array elements keep the brand
const element: Public<string> = list[0] ?? '';
async function load(): Promise<Email> { return 'a@b.c'; }
async function awaited(): Promise<void> {
  // @ts-expect-error awaited values keep the brand
  const value: Public<string> = await load();
  void value;
}
function identity<T>(value: T): T { return value; }
// @ts-expect-error generics keep the brand
const viaGeneric: Public<string> = identity(plainEmail);
const confidentialList: Confidential<string[]> = ['a'];
// @ts-expect-error Confidential<string[]> elements are Confidential
const fromList: Public<string> = confidentialList[0] ?? '';

// Declassified removes the brand; Anonymized keeps the shape.
const released: Public<string> = declassify(plainEmail, 'hashed before export');
const releasedObject: Declassified<Confidential<Customer>> = declassify(plainCustomer, 'test');
const releasedField: Public<string> = releasedObject.email;
const anonymized: Anonymized<{ count: number }> = { count: 1 };
const customerField: string = plainCustomer.email;

void [plainEmail, plainCustomer, optional, nullable, leaked, leakedPan, field, nested, element,
  awaited, viaGeneric, fromList, released, releasedField, anonymized, customerField];
