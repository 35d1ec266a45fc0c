/**
 * Card columns declared in an ORM schema: a column whose name says it holds a card number or a
 * CVV is storage of card data whichever code writes it, so it is reported once, where it is
 * declared. The ORM is recognised through the checker (the decorator or schema function must
 * come from the package's own declarations), never by the spelling of an import.
 *
 * Covered shapes:
 * - TypeORM `@Column()`/`@PrimaryColumn()` properties (entities and embedded classes) and
 *   MikroORM `@Property()`/`@PrimaryKey()` — the column's `name` option and the property's name,
 *   judged with the class name as owner (`number` in `CreditCard`)
 * - Mongoose `new Schema({ cardNumber: String })`
 * - Sequelize `sequelize.define('Card', { cvv: DataTypes.STRING })` and `Model.init({ ... })`
 * - Drizzle `pgTable('cards', { cardNumber: text('card_number') })` (and the mysql/sqlite tables)
 */
import ts from 'typescript';
import type { CheckerFacade } from './checker.js';
import { canCarryInferredValue, type TypeClassifier } from './classify.js';
import { getCalleeName, skipOuterExpressions } from './file-index.js';
import { getPackageName, getPropertyValue } from './sinks.js';
import type { InferredName } from './names.js';

export interface CardColumn {
  /** the column's name as written where it is declared (the property name or key) */
  readonly node: ts.Node;
  /** `credit_cards.card_number` */
  readonly label: string;
  readonly inferred: InferredName;
  readonly reason: string;
}

const CARD_KINDS: ReadonlySet<string> = new Set(['PAN', 'CVV']);

/** Decorators that declare a column, by the package that must declare them. */
const COLUMN_DECORATORS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['typeorm', new Set(['Column', 'PrimaryColumn'])],
  ['@mikro-orm/core', new Set(['Property', 'PrimaryKey'])],
  ['@mikro-orm/decorators', new Set(['Property', 'PrimaryKey'])],
]);
/** Calls whose object-literal argument lists a table's columns, by package; the value is the argument's position. */
const SCHEMA_CALLS: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map([
  ['mongoose', new Map([['Schema', 0]])],
  ['sequelize', new Map([['define', 1], ['init', 0]])],
  ['drizzle-orm', new Map([['pgTable', 1], ['mysqlTable', 1], ['sqliteTable', 1]])],
]);
/** A cheap text test before walking a file: one of these must appear in it. */
const FILE_MARKERS = ['@Column', '@PrimaryColumn', '@Property', '@PrimaryKey', 'Schema(', 'define(', '.init(', 'Table('];

export class SchemaColumns {
  constructor(
    private readonly facade: CheckerFacade,
    private readonly classifier: TypeClassifier,
  ) {}

  findCardColumns(file: ts.SourceFile): CardColumn[] {
    if (!FILE_MARKERS.some((marker) => file.text.includes(marker))) return [];
    const columns: CardColumn[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyDeclaration(node) && ts.canHaveDecorators(node)) this.checkDecoratedProperty(node, columns);
      else if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments !== undefined) this.checkSchemaCall(node, columns);
      ts.forEachChild(node, visit);
    };
    visit(file);
    return columns;
  }

  private checkDecoratedProperty(property: ts.PropertyDeclaration, columns: CardColumn[]): void {
    const decorator = (ts.getDecorators(property) ?? []).map((entry) => entry.expression).find((expression): expression is ts.CallExpression => ts.isCallExpression(expression) && this.isFromPackages(expression.expression, COLUMN_DECORATORS));
    if (decorator === undefined || !ts.isClassLike(property.parent)) return;
    // `@Column(() => CreditCard)`: an embedded class, whose own columns are checked where it is declared
    if (decorator.arguments.some((argument) => ts.isArrowFunction(argument) || ts.isFunctionExpression(argument))) return;
    const owner = property.parent.name?.text ?? '';
    const propertyName = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
    if (propertyName === undefined) return;
    const options = decorator.arguments.map((argument) => skipOuterExpressions(argument)).find(ts.isObjectLiteralExpression);
    const columnName = options === undefined ? undefined : getStringProperty(options, 'name');
    const table = this.getEntityTableName(property.parent) ?? owner;
    const type = this.facade.getTypeOfNode(property);
    this.addIfCardColumn(columns, property.name, table, [columnName, propertyName], owner, type);
  }

  /** `@Entity('credit_cards')`: the table's name, for the label. */
  private getEntityTableName(declaration: ts.ClassLikeDeclaration): string | undefined {
    for (const decorator of ts.getDecorators(declaration) ?? []) {
      const expression = decorator.expression;
      if (!ts.isCallExpression(expression) || getCalleeName(expression.expression) !== 'Entity') continue;
      const [first] = expression.arguments;
      if (first !== undefined && ts.isStringLiteralLike(first)) return first.text;
      if (first !== undefined && ts.isObjectLiteralExpression(first)) return getStringProperty(first, 'tableName') ?? getStringProperty(first, 'name');
    }
    return undefined;
  }

  private checkSchemaCall(call: ts.CallExpression | ts.NewExpression, columns: CardColumn[]): void {
    const name = getCalleeName(call.expression);
    if (name === undefined) return;
    let position: number | undefined;
    let library: string | undefined;
    for (const [module, calls] of SCHEMA_CALLS) {
      if (calls.has(name)) {
        position = calls.get(name);
        library = module;
        break;
      }
    }
    if (position === undefined || library === undefined || !this.isFromPackages(call.expression, new Map([[library, new Set([name])]]))) return;
    const argument = call.arguments?.[position];
    const definition = argument === undefined ? undefined : skipOuterExpressions(argument);
    if (definition === undefined || !ts.isObjectLiteralExpression(definition)) return;
    const tableArgument = position > 0 ? call.arguments?.[0] : undefined;
    const tableName = tableArgument !== undefined && ts.isStringLiteralLike(tableArgument) ? tableArgument.text : undefined;
    const table = tableName ?? getAssignedName(call) ?? '';
    // the table's own name is an owner (`number` in `cards`); a variable's (`PaymentSchema`) names the schema object, not the data
    for (const member of definition.properties) {
      if (!ts.isPropertyAssignment(member) && !ts.isShorthandPropertyAssignment(member)) continue;
      const key = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
      if (key === undefined) continue;
      const value = ts.isPropertyAssignment(member) ? skipOuterExpressions(member.initializer) : undefined;
      // drizzle's `text('card_number')`: the column's own name is the builder's first argument
      const columnName = value !== undefined && ts.isCallExpression(value) && value.arguments[0] !== undefined && ts.isStringLiteralLike(value.arguments[0]) ? value.arguments[0].text : undefined;
      // a nested schema (`card: { number: String }` in mongoose) is judged by its own keys, with its key as owner
      if (value !== undefined && ts.isObjectLiteralExpression(value) && !hasColumnTypeKey(value)) {
        for (const nested of value.properties) {
          if (!ts.isPropertyAssignment(nested) || !(ts.isIdentifier(nested.name) || ts.isStringLiteral(nested.name))) continue;
          this.addIfCardColumn(columns, nested.name, table, [nested.name.text], key, undefined, `${key}.`);
        }
        continue;
      }
      this.addIfCardColumn(columns, member.name, table, [columnName, key], tableName ?? '', undefined);
    }
  }

  private addIfCardColumn(columns: CardColumn[], node: ts.Node, table: string, names: readonly (string | undefined)[], owner: string, type: ts.Type | undefined, prefix = ''): void {
    for (const name of names) {
      if (name === undefined) continue;
      const inferred = this.classifier.inferName(name, owner === '' ? [] : [owner]);
      if (inferred === undefined || !CARD_KINDS.has(inferred.kind)) continue;
      // a property typed with a literal, a boolean or an object is not a column holding the number
      if (type !== undefined && !canCarryInferredValue(type, inferred)) return;
      const column = `${prefix}${names.find((candidate) => candidate !== undefined) ?? name}`;
      columns.push({ node, label: table === '' ? column : `${table}.${column}`, inferred, reason: `column name "${name}" matches "${inferred.pattern}"` });
      return;
    }
  }

  /** Whether the callee (or decorator) is declared by one of the packages, under one of its names there. */
  private isFromPackages(callee: ts.Expression, packages: ReadonlyMap<string, ReadonlySet<string>>): boolean {
    const name = getCalleeName(callee);
    if (name === undefined) return false;
    const symbol = this.facade.getSymbol(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
    const declarations = symbol === undefined ? [] : this.facade.getDeclarations(this.facade.resolveAlias(symbol));
    return declarations.some((declaration) => {
      const packageName = getPackageName(declaration.getSourceFile().fileName);
      const names = packageName === undefined ? undefined : packages.get(packageName);
      const declaredName = getDeclaredName(declaration);
      return names !== undefined && declaredName !== undefined && names.has(declaredName);
    });
  }
}

function getDeclaredName(declaration: ts.Declaration): string | undefined {
  const name = (declaration as { name?: ts.Node }).name;
  return name !== undefined && ts.isIdentifier(name) ? name.text : undefined;
}

function getStringProperty(object: ts.ObjectLiteralExpression, name: string): string | undefined {
  const value = getPropertyValue(object, name);
  const literal = value === undefined ? undefined : skipOuterExpressions(value);
  return literal !== undefined && ts.isStringLiteralLike(literal) ? literal.text : undefined;
}

/** `{ type: String, required: true }` is a column's definition, not a nested schema. */
function hasColumnTypeKey(object: ts.ObjectLiteralExpression): boolean {
  return object.properties.some((property) => property.name !== undefined && ts.isIdentifier(property.name) && (property.name.text === 'type' || property.name.text === 'dataType'));
}

/** `const CardSchema = new Schema(...)`, `Card.init(...)`: the name the schema is known by. */
function getAssignedName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const parent = call.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  const callee = skipOuterExpressions(call.expression);
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'init') {
    const receiver = skipOuterExpressions(callee.expression);
    if (ts.isIdentifier(receiver)) return receiver.text;
  }
  return undefined;
}
