/**
 * Which branded type `annotate` writes for a kind that name inference found. Kinds with an
 * exported type in the package root (`src/index.ts`) get that type (`Email`, `PAN`,
 * `Compensation`); other kinds, or a kind on a value of another primitive type than its
 * exported type's, get the class wrapper with the kind tag (`Confidential<string, 'NationalId'>`,
 * `Restricted<number, 'PAN'>`), so the engine reads the same class and kind either way.
 */
import type { Level } from '../../policy/types.js';

export type BaseType = 'string' | 'number';

interface ExportedBrand {
  readonly base: BaseType;
  readonly level: Level;
}

/** The kinds exported by name from `classified`, with the primitive and class they brand. */
export const EXPORTED_BRANDS: Readonly<Record<string, ExportedBrand>> = {
  PAN: { base: 'string', level: 'restricted' },
  CVV: { base: 'string', level: 'restricted' },
  Compensation: { base: 'number', level: 'restricted' },
  Email: { base: 'string', level: 'confidential' },
  PersonName: { base: 'string', level: 'confidential' },
  PostalAddress: { base: 'string', level: 'confidential' },
  PhoneNumber: { base: 'string', level: 'confidential' },
  IPAddress: { base: 'string', level: 'confidential' },
  CustomerId: { base: 'string', level: 'confidential' },
  PaymentToken: { base: 'string', level: 'confidential' },
  TenantId: { base: 'string', level: 'internal' },
  RouteName: { base: 'string', level: 'public' },
  EndpointHost: { base: 'string', level: 'internal' },
};

const LEVEL_TYPES: Readonly<Record<Level, string>> = {
  public: 'Public',
  internal: 'Internal',
  confidential: 'Confidential',
  restricted: 'Restricted',
};

export interface BrandTypeText {
  /** the type as written, with `{{Name}}` placeholders for names imported from `classified` */
  readonly template: string;
  /** the names it imports from `classified` */
  readonly imports: readonly string[];
  /** how it reads in messages: `Email`, `Confidential<string, 'NationalId'>` */
  readonly display: string;
}

/**
 * The branded type for a value of `base` classified as `level`/`kind`. `kind` is undefined for
 * names the config adds (`inference.add` gives a class, not a kind).
 */
export function getBrandType(base: BaseType, level: Level, kind: string | undefined): BrandTypeText {
  const exported = kind === undefined ? undefined : EXPORTED_BRANDS[kind];
  if (kind !== undefined && exported !== undefined && exported.base === base && exported.level === level) {
    return { template: `{{${kind}}}`, imports: [kind], display: kind };
  }
  const wrapper = LEVEL_TYPES[level];
  const tag = kind === undefined || !/^[A-Za-z][\w-]*$/.test(kind) ? '' : `, '${kind}'`;
  return { template: `{{${wrapper}}}<${base}${tag}>`, imports: [wrapper], display: `${wrapper}<${base}${tag}>` };
}

/** Fills the `{{Name}}` placeholders with the local names the file imports them under. */
export function renderBrandType(type: BrandTypeText, localNames: ReadonlyMap<string, string>): string {
  return type.template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => localNames.get(name) ?? name);
}
