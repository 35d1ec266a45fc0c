/**
 * Sources: decides whether a value is classified and why. Declared classes are read off the
 * checker's type (a brand anywhere inside: fields, arrays, tuples, unions, Promise, Map/Set
 * values — bounded depth, cycle-safe); inferred classes come from names (see names.ts), applied
 * to the fields of the project's own types and to names at use sites. Results are memoized per
 * type for the lifetime of one Program's analysis.
 */
import ts from 'typescript';
import type { Level } from '../policy/types.js';
import { levelRank } from '../policy/types.js';
import { isTypeReference, type CheckerFacade } from './checker.js';
import { skipOuterExpressions } from './file-index.js';
import { getPackageName } from './sinks.js';
import type { ResolvedInference } from '../policy/config.js';
import { inferFromName, inferRecipientField, isRecipientFieldName, isSettingsName, normalizeName, type InferredName, type NameInferenceOptions } from './names.js';
import { TypeFlags, ObjectFlags, IndexKind, SignatureKind, SymbolFlags } from './typescript-api.js';

export interface Brand {
  readonly level: Level;
  readonly kind: string | undefined;
  /** how the type is written, for messages: `Email`, `Confidential<Customer>` */
  readonly typeText: string;
}

/** A classified part of a value, found through its type. */
export interface TypeClassification {
  /** where inside the value: `['email']`, `['cards', '*', 'number']`; empty for the whole value */
  readonly path: readonly string[];
  readonly level: Level;
  readonly kind: string;
  readonly confidence: 'declared' | 'inferred';
  readonly reason: string;
}

const MAX_TYPE_DEPTH = 4;
const MAX_PACKAGE_TYPE_DEPTH = 3;
const MAX_PROPERTIES_PER_TYPE = 64;
/** matches no owner list: the type's fields are judged by their own names only */
const UNKNOWN_OWNER = '__type';
const BRAND_PREFIX = '__@classifiedBrand@';
const ANONYMIZED_PREFIX = '__@anonymizedBrand@';

export class TypeClassifier {
  private readonly brandCache = new Map<ts.Type, Brand | 'anonymized' | null>();
  private readonly shallowFirst = new Map<ts.Type, readonly TypeClassification[]>();
  private readonly deepCache = new Map<ts.Type, readonly TypeClassification[]>();
  private readonly safeCache = new Map<ts.Type, boolean>();
  private readonly inferredNames = new Map<string, Map<string, InferredName | null>>();

  constructor(
    private readonly facade: CheckerFacade,
    private readonly inference: NameInferenceOptions | undefined,
    private readonly isProjectFile: (file: ts.SourceFile) => boolean,
  ) {}

  /** The brand the type itself carries (not its fields), `anonymized`, or undefined. */
  getOwnBrand(type: ts.Type): Brand | 'anonymized' | undefined {
    const cached = this.brandCache.get(type);
    if (cached !== undefined) return cached ?? undefined;
    const brand = this.computeOwnBrand(type);
    this.brandCache.set(type, brand ?? null);
    return brand;
  }

  /**
   * Whether the type says the value is safe: declared Public/Internal/Anonymized, directly or as
   * the elements of an array or the value of a Promise (`anonymize(fn)` results, `Anonymized<T>[]`).
   */
  isDeclaredSafe(type: ts.Type): boolean {
    let safe = this.safeCache.get(type);
    if (safe === undefined) {
      safe = this.computeDeclaredSafe(type);
      this.safeCache.set(type, safe);
    }
    return safe;
  }

  private computeDeclaredSafe(type: ts.Type): boolean {
    for (let current: ts.Type | undefined = type, depth = 0; current !== undefined && depth < 3; depth++) {
      if (this.getOwnBrand(current) !== undefined) return true;
      const symbolName = current.getSymbol()?.getName();
      if (symbolName === 'Promise') current = isTypeReference(current) ? this.facade.getTypeArguments(current)[0] : undefined;
      else if (isArrayLike(current, symbolName)) current = this.facade.getIndexTypeOfType(current, IndexKind.Number);
      else current = undefined;
    }
    return false;
  }

  /** Every classified part of a value of this type, declared or inferred from field names. */
  classifyType(type: ts.Type): readonly TypeClassification[] {
    let parts = this.shallowFirst.get(type);
    if (parts === undefined) {
      // the nearest fields first: a package's large type (a Stripe customer) has deep parts past what a taint keeps
      parts = [...(this.deepCache.get(type) ?? this.walk(type, MAX_TYPE_DEPTH, new Set()))].sort((a, b) => a.path.length - b.path.length);
      this.shallowFirst.set(type, parts);
    }
    return parts;
  }

  /** Name inference for one name, honouring the config (`inference: "off"`, `add`, `ignore`). */
  inferName(name: string, ownerNames: readonly string[]): InferredName | undefined {
    if (this.inference === undefined) return undefined;
    // asked for the same few names over and over (five times each on a large project)
    let byOwners = this.inferredNames.get(name);
    if (byOwners === undefined) {
      byOwners = new Map();
      this.inferredNames.set(name, byOwners);
    }
    const ownersKey = ownerNames.length === 1 ? (ownerNames[0] as string) : ownerNames.join('\u0000');
    let inferred = byOwners.get(ownersKey);
    if (inferred === undefined) {
      inferred = inferFromName(name, ownerNames, this.inference) ?? null;
      byOwners.set(ownersKey, inferred);
    }
    return inferred ?? undefined;
  }

  /** `to` of a message (a type that also has `subject` or `body`): the recipient's address. */
  inferRecipient(name: string, siblingNames: () => readonly string[]): InferredName | undefined {
    if (this.inference === undefined || !isRecipientFieldName(name) || this.inference.ignore.has(normalizeName(name))) return undefined;
    return inferRecipientField(name, siblingNames());
  }

  /** `key`: the property the value sits under, the owner of an anonymous type's fields (`event: { displayName }`) */
  private walk(type: ts.Type, depth: number, visiting: Set<ts.Type>, key = ''): readonly TypeClassification[] {
    const cached = this.deepCache.get(type);
    if (cached !== undefined) return cached;
    // each member of a union on its own: `RouteName | ContactPoint` is not Public as a whole
    if (type.isUnion()) {
      // a package's `string | Customer` (Stripe's expandable reference) is an id unless the code
      // narrows it to the object: read as it is, it names the record
      if (this.isPackageIdOrObject(type)) return [];
      return dedupe(type.types.flatMap((part) => this.walk(part, depth, visiting, key)));
    }
    const own = this.getOwnBrand(type);
    // de-identified data, and data declared Public or Internal, is allowed wherever it goes
    if (own === 'anonymized' || (own !== undefined && levelRank(own.level) < levelRank('confidential'))) return [];
    if (own !== undefined) {
      const whole: TypeClassification = {
        path: [],
        level: own.level,
        kind: own.kind ?? capitalize(own.level),
        confidence: 'declared',
        reason: `declared as ${own.typeText}`,
      };
      return [whole];
    }
    if (depth === 0 || visiting.has(type)) return [];
    visiting.add(type);
    const result = this.walkParts(type, depth, visiting, key);
    visiting.delete(type);
    // results computed under a cycle cut are partial: only cache complete ones
    if (visiting.size === 0 || result.length > 0) this.deepCache.set(type, result);
    return result;
  }

  private walkParts(type: ts.Type, depth: number, visiting: Set<ts.Type>, key: string): readonly TypeClassification[] {
    if (type.isIntersection()) {
      return dedupe(type.types.flatMap((part) => this.walk(part, depth, visiting, key)));
    }
    if ((type.flags & TypeFlags.Object) === 0) return [];
    const symbolName = type.getSymbol()?.getName();
    const typeArguments = isTypeReference(type) ? this.facade.getTypeArguments(type) : [];
    if (symbolName === 'Promise' || symbolName === 'PromiseLike') {
      const awaited = typeArguments[0];
      return awaited === undefined ? [] : this.walk(awaited, depth, visiting, key);
    }
    if (isTupleType(type)) {
      // `[Connection[], Schedule | null]` (a `Promise.all` result): each element keeps its position
      return dedupe(typeArguments.slice(0, MAX_TUPLE_ELEMENTS).flatMap((element, index) => prefix(String(index), this.walk(element, depth - 1, visiting))));
    }
    if (isArrayLike(type, symbolName)) {
      const element = this.facade.getIndexTypeOfType(type, IndexKind.Number);
      return element === undefined ? [] : prefix('*', this.walk(element, depth - 1, visiting, key));
    }
    if (symbolName === 'Map' || symbolName === 'ReadonlyMap' || symbolName === 'Set' || symbolName === 'ReadonlySet' || symbolName === 'WeakMap' || symbolName === 'Record') {
      const value = typeArguments[typeArguments.length - 1];
      return value === undefined ? [] : prefix('*', this.walk(value, depth - 1, visiting));
    }
    if (isDeclassifiedType(type)) return [];
    // the project's own types, and mapped or anonymous types built from them (`Pick<Customer, 'email'>`)
    const derived = ((type as ts.ObjectType).objectFlags & (ObjectFlags.Mapped | ObjectFlags.Anonymous)) !== 0;
    // a package's data types count too (a Prisma row, a Stripe customer, a webhook payload): logging
    // one logs its fields; the platform's own types (lib.*.d.ts, @types/node) are not data
    // an error's fields describe the failure (a ZodError's field errors are messages), not the data
    // a package's classes are its services (a client, a pool, a logger), not data
    const fromPackage = !this.isProjectType(type) && isPackageDataType(type) && !isErrorTypeName(symbolName) && ((type.getSymbol()?.flags ?? 0) & SymbolFlags.Class) === 0;
    if (!this.isProjectType(type) && !derived && !fromPackage) return [];
    // a package's types nest far (an account inside a payment source inside a customer): three levels
    const fieldDepth = fromPackage ? Math.min(depth, MAX_PACKAGE_TYPE_DEPTH) : depth;
    if (this.facade.getSignatures(type, SignatureKind.Call).length > 0) return [];
    // a validator (zod, valibot, arktype: Standard Schema's `~standard`, zod's `_zod`/`_def`) describes data, it holds none
    if (isSchemaType(type, this.facade)) return [];
    // an anonymous type (an inline or zod-inferred object) is owned by the key it sits under
    // googleapis names its data types `Schema$Userinfo`: the part after `$` is the type's name
    const ownerName = symbolName !== undefined && !symbolName.startsWith('__') ? symbolName.slice(symbolName.lastIndexOf('$') + 1) : key;
    const results: TypeClassification[] = [];
    for (const property of this.facade.getPropertiesOfType(type).slice(0, MAX_PROPERTIES_PER_TYPE)) {
      const name = property.getName();
      // `CLOUD_CRM_EMAIL` of a parsed environment: a setting named in capitals is configuration
      // a method holds no data (and asking for its type is the costly part of a large class)
      // a class's `prototype` (a class named as a value: `entities: [CardEntity]`) holds no instance's data
      if (name.startsWith('__@') || name === 'prototype' || isConstantCaseName(name) || (property.flags & SymbolFlags.Method) !== 0) continue;
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      // a mapped type's fields computed from an inferred object (TypeBox's `Static<typeof Schema>`) have no declaration
      if (declaration === undefined ? !derived : !(this.isOwnFile(declaration.getSourceFile()) || isPackageDataFile(declaration.getSourceFile()))) continue;
      const propertyType = this.facade.getTypeOfSymbol(property);
      // `template.definition.cc`: what a configuration holds is the product's setting, not a customer's
      const parts = isSettingsName(name) ? [] : this.walk(propertyType, fieldDepth - 1, visiting, name);
      if (parts.length > 0) {
        results.push(...prefix(name, parts));
        continue;
      }
      // a field of an anonymous type reached under no key has an owner we do not know (a chart
      // series, a mail folder), which is not the same as a name standing alone
      const inferred = this.inferName(name, [ownerName === '' ? UNKNOWN_OWNER : ownerName]) ?? this.inferRecipient(name, () => this.facade.getPropertiesOfType(type).map((sibling) => sibling.getName()));
      // no payment SDK returns a full card number or CVV, and one put in its parameters is the
      // caller's data, followed from where it came: an SDK's card fields say nothing by themselves
      const sdkCardField = (fromPackage || (declaration !== undefined && isPackageDataFile(declaration.getSourceFile()))) && inferred !== undefined && (inferred.kind === 'PAN' || inferred.kind === 'CVV');
      if (inferred !== undefined && !sdkCardField && canCarryInferredValue(propertyType, inferred) && !isConstantTableProperty(property)) {
        results.push({
          path: [name],
          level: inferred.level,
          kind: inferred.kind,
          confidence: 'inferred',
          reason: `field name "${name}" matches "${inferred.pattern}"`,
        });
      }
    }
    return results;
  }

  private computeOwnBrand(type: ts.Type): Brand | 'anonymized' | undefined {
    if (type.isUnion()) {
      let strongest: Brand | undefined;
      let anonymized = false;
      for (const part of type.types) {
        const brand = this.getOwnBrand(part);
        if (brand === 'anonymized') anonymized = true;
        else if (brand !== undefined && (strongest === undefined || levelRank(brand.level) > levelRank(strongest.level))) strongest = brand;
      }
      return strongest ?? (anonymized ? 'anonymized' : undefined);
    }
    const parts = type.isIntersection() ? type.types : [type];
    let brandProperty: ts.Symbol | undefined;
    for (const part of parts) {
      if ((part.flags & TypeFlags.Object) === 0) continue;
      for (const property of this.facade.getPropertiesOfType(part)) {
        const name = property.escapedName as string;
        if (name.startsWith(ANONYMIZED_PREFIX)) return 'anonymized';
        if (name.startsWith(BRAND_PREFIX)) brandProperty = property;
      }
    }
    if (brandProperty === undefined) return undefined;
    const info = this.facade.getNonNullableType(this.facade.getTypeOfSymbol(brandProperty));
    const level = readLevel(this.literalValues(info, 'level'));
    if (level === undefined) return undefined;
    const kind = this.literalValues(info, 'kind')[0];
    return { level, kind, typeText: this.facade.typeToString(type) };
  }

  private literalValues(type: ts.Type, propertyName: string): string[] {
    const property = this.facade.getPropertyOfType(type, propertyName);
    if (property === undefined) return [];
    const propertyType = this.facade.getTypeOfSymbol(property);
    const parts = propertyType.isUnion() ? propertyType.types : [propertyType];
    return parts.filter((part) => part.isStringLiteral()).map((part) => (part as ts.StringLiteralType).value);
  }

  private isPackageIdOrObject(type: ts.UnionType): boolean {
    if (!type.types.some((part) => (part.flags & TypeFlags.String) !== 0)) return false;
    const objects = type.types.filter((part) => (part.flags & TypeFlags.Object) !== 0);
    return objects.length > 0 && objects.every((part) => !this.isProjectType(part) && isPackageDataType(part));
  }

  private isProjectType(type: ts.Type): boolean {
    const declaration = type.getSymbol()?.declarations?.[0];
    return declaration !== undefined && this.isOwnFile(declaration.getSourceFile());
  }

  /**
   * The repository's code, including a workspace package's built declarations
   * (`packages/backend-lib/dist/types.d.ts`), which TypeScript counts as an external library
   */
  private isOwnFile(file: ts.SourceFile): boolean {
    return this.isProjectFile(file) || (file.isDeclarationFile && getPackageName(file.fileName) === undefined && !this.facade.program.isSourceFileDefaultLibrary(file));
  }
}

function isSchemaType(type: ts.Type, facade: CheckerFacade): boolean {
  return facade.getPropertyOfType(type, '~standard') !== undefined || facade.getPropertyOfType(type, '_zod') !== undefined || (facade.getPropertyOfType(type, '_def') !== undefined && facade.getPropertyOfType(type, 'safeParse') !== undefined);
}

/** `CLOUD_CRM_EMAIL`, `SUPPORT_EMAIL`: an environment variable's or constant's name. */
function isConstantCaseName(name: string): boolean {
  return /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(name);
}

function isErrorTypeName(name: string | undefined): boolean {
  return name !== undefined && /(?:Error|Exception)$/.test(name);
}

/** A declaration file of an installed package, other than the platform's (TypeScript's libs, `@types/node`). */
function isPackageDataFile(file: ts.SourceFile): boolean {
  const name = file.fileName;
  return file.isDeclarationFile && /[\\/]node_modules[\\/]/.test(name) && !/[\\/]node_modules[\\/](typescript|@types[\\/]node|@types[\\/]react|@types[\\/]express-serve-static-core|@types[\\/]express)[\\/]/.test(name) && !/[\\/]lib\.[a-z0-9.]*\.d\.ts$/.test(name);
}

function isPackageDataType(type: ts.Type): boolean {
  const declaration = type.getSymbol()?.declarations?.[0];
  return declaration !== undefined && isPackageDataFile(declaration.getSourceFile());
}

/** The name-inference options of a config (`inference: "off"` gives none); names compare normalised. */
export function getNameInferenceOptions(inference: ResolvedInference): NameInferenceOptions | undefined {
  if (inference.mode === 'off') return undefined;
  return {
    add: new Map([...inference.add].map(([name, level]) => [normalizeName(name), level])),
    ignore: new Set([...inference.ignore].map(normalizeName)),
  };
}

/** Whether a declaration comes from classified's own types and runtime helpers (`declassify`, `Email`, ...). */
export function isClassifiedPackageFile(file: ts.SourceFile): boolean {
  return file.text.includes('classifiedBrand') || /[\\/]classified[\\/]/.test(file.fileName);
}

/** Whether a value of this type can hold what the name suggests (a boolean `email` cannot). */
export function canCarryInferredValue(type: ts.Type, inferred: InferredName, depth = 2): boolean {
  if (type.isUnion()) return type.types.some((part) => canCarryInferredValue(part, inferred, depth));
  const flags = type.flags;
  if (flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.String | TypeFlags.TemplateLiteral | TypeFlags.StringMapping)) return true;
  if (flags & (TypeFlags.Number | TypeFlags.BigInt)) return inferred.numeric;
  // a string or number literal type, an enum member, a boolean, null: a fixed value of the code, not a customer's
  if (flags & (TypeFlags.Literal | TypeFlags.EnumLike | TypeFlags.BooleanLike | TypeFlags.Null | TypeFlags.Undefined | TypeFlags.Void | TypeFlags.Never | TypeFlags.ESSymbolLike)) return false;
  if (flags & TypeFlags.TypeParameter) {
    const constraint = type.getConstraint();
    return constraint === undefined || depth === 0 || canCarryInferredValue(constraint, inferred, depth - 1);
  }
  // `emails: string[]` holds the data; an object named `email` (a column, a config, a template) is
  // classified by its own fields, not by its name
  const element = getElementType(type);
  return element !== undefined && depth > 0 && canCarryInferredValue(element, inferred, depth - 1);
}

/** A non-literal string, or a value of unknown type: text that may hold anything, a customer's data included. */
export function canHoldText(type: ts.Type): boolean {
  if (type.isUnion()) return type.types.some(canHoldText);
  if (type.flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.String | TypeFlags.TemplateLiteral | TypeFlags.StringMapping)) return true;
  return (type.flags & TypeFlags.TypeParameter) !== 0;
}

/** The element type of an array, a readonly array or a tuple's first element. */
function getElementType(type: ts.Type): ts.Type | undefined {
  if ((type.flags & TypeFlags.Object) === 0 || !isTypeReference(type)) return undefined;
  const name = type.getSymbol()?.getName();
  if (!isArrayLike(type, name) && name !== 'Set' && name !== 'ReadonlySet') return undefined;
  return type.typeArguments?.[0];
}

/** A type produced by classified's `Declassified<T>` (what `declassify()` returns): released, fields included. */
function isDeclassifiedType(type: ts.Type): boolean {
  if (type.aliasSymbol?.getName() === 'Declassified') return true;
  const declaration = type.getSymbol()?.declarations?.[0];
  if (declaration === undefined || !ts.isMappedTypeNode(declaration)) return false;
  const alias = ts.findAncestor(declaration, ts.isTypeAliasDeclaration);
  return alias?.name.text === 'Declassified' && alias.getSourceFile().text.includes('classifiedBrand');
}

function readLevel(values: readonly string[]): Level | undefined {
  const levels = values.filter((value): value is Level => ['public', 'internal', 'confidential', 'restricted'].includes(value));
  return levels.sort((a, b) => levelRank(b) - levelRank(a))[0];
}

const MAX_TUPLE_ELEMENTS = 16;

function isTupleType(type: ts.Type): boolean {
  return isTypeReference(type) && (type.target.objectFlags & ObjectFlags.Tuple) !== 0 && ((type.target as ts.TupleType).hasRestElement !== true);
}

function isArrayLike(type: ts.Type, symbolName: string | undefined): boolean {
  if (symbolName === 'Array' || symbolName === 'ReadonlyArray') return true;
  return isTypeReference(type) && ((type.target.objectFlags & ObjectFlags.Tuple) !== 0);
}

function prefix(segment: string, parts: readonly TypeClassification[]): TypeClassification[] {
  return parts.map((part) => ({ ...part, path: [segment, ...part.path] }));
}

function dedupe(parts: readonly TypeClassification[]): TypeClassification[] {
  const seen = new Set<string>();
  return parts.filter((part) => {
    const key = `${part.path.join('.')}|${part.kind}|${part.level}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A property every declaration of which is a literal in an object literal of the program
 * (`{ displayName: 'To Respond' }`): a constant table the code was written with, not customer data.
 */
export function isConstantTableProperty(property: ts.Symbol): boolean {
  const declarations = property.declarations;
  if (declarations === undefined || declarations.length === 0) return false;
  return declarations.every((declaration) => {
    if (!ts.isPropertyAssignment(declaration)) return false;
    const value = skipOuterExpressions(declaration.initializer);
    return ts.isStringLiteralLike(value) || ts.isNumericLiteral(value);
  });
}
