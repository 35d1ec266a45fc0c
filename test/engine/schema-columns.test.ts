/**
 * Card columns declared in ORM schemas are reported once, at the column (no-pan-storage), for
 * TypeORM entities and embedded classes, Mongoose schemas and Sequelize/Drizzle table
 * definitions — and only when the decorator or schema function is the ORM's own.
 * The ORMs are stand-ins with the shape of their published declarations (the decorator and
 * function names, in a package of that name).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSnippets } from '../helpers/analyze-snippets.js';

const TYPEORM = {
  'node_modules/typeorm/package.json': '{ "name": "typeorm", "version": "0.3.0", "types": "index.d.ts" }',
  'node_modules/typeorm/index.d.ts': `
export declare function Entity(name?: string): ClassDecorator;
export declare function Column(options?: { name?: string; length?: number }): PropertyDecorator;
export declare function Column(type: () => Function, options?: { prefix?: string }): PropertyDecorator;
export declare function PrimaryGeneratedColumn(strategy?: string): PropertyDecorator;
`,
};

describe('card columns in ORM schemas', () => {
  it('reports TypeORM columns named as card numbers or CVVs, by column name or by property name in a card class', () => {
    const result = analyzeSnippets({
      ...TYPEORM,
      'card.entity.ts': `
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
@Entity('cards')
export class Card {
  @PrimaryGeneratedColumn() id!: number;
  @Column() card_number!: number;
  @Column() cvv!: string;
  @Column() expiration_month!: string;
  @Column() card_holder_name!: string;
  @Column() account_number!: number;
  @Column() token!: string;
  @Column() last4!: string;
}
`,
      'credit-card.embedded.ts': `
import { Column } from 'typeorm';
export class CreditCard {
  @Column({ name: 'credit_card_number' }) number!: string;
  @Column({ name: 'credit_card_cvv' }) code!: string;
  @Column({ name: 'credit_card_name' }) name!: string;
  maskedNumber(): string { return '****' + this.number.slice(-4); }
}
`,
      'order.entity.ts': `
import { Column, Entity } from 'typeorm';
import { CreditCard } from './credit-card.embedded.js';
@Entity('orders')
export class Order {
  @Column(() => CreditCard, { prefix: '' }) creditCard!: CreditCard;
}
`,
    });
    expect(result.keys).toEqual(['card.entity.ts:6 no-pan-storage', 'card.entity.ts:7 no-pan-storage', 'credit-card.embedded.ts:4 no-pan-storage', 'credit-card.embedded.ts:5 no-pan-storage']);
    expect(result.byRule('no-pan-storage')[0]?.message).toBe(
      'Column cards.card_number is declared to store PAN data (column name "card_number" matches "card number"); card numbers and CVVs are never stored — keep only the processor token or the last 4 digits',
    );
  });

  it('reports Mongoose, Sequelize and Drizzle card columns, and not a look-alike function of the project', () => {
    const result = analyzeSnippets({
      'node_modules/mongoose/package.json': '{ "name": "mongoose", "version": "8.0.0", "types": "index.d.ts" }',
      'node_modules/mongoose/index.d.ts': 'export declare class Schema<T = unknown> { constructor(definition?: Record<string, unknown>); }\n',
      'node_modules/sequelize/package.json': '{ "name": "sequelize", "version": "6.0.0", "types": "index.d.ts" }',
      'node_modules/sequelize/index.d.ts': `
export declare const DataTypes: { STRING: unknown; INTEGER: unknown };
export declare class Sequelize { define(modelName: string, attributes: Record<string, unknown>): unknown }
`,
      'node_modules/drizzle-orm/package.json': '{ "name": "drizzle-orm", "version": "0.30.0", "exports": { "./pg-core": { "types": "./pg-core/index.d.ts" } } }',
      'node_modules/drizzle-orm/pg-core/index.d.ts': `
export declare function pgTable(name: string, columns: Record<string, unknown>): unknown;
export declare function text(name?: string): unknown;
`,
      'schemas.ts': `
import { Schema } from 'mongoose';
import { DataTypes, Sequelize } from 'sequelize';
import { pgTable, text } from 'drizzle-orm/pg-core';
export const PaymentSchema = new Schema({ cardNumber: { type: String, required: true }, card: { cvc: String, brand: String }, email: String });
const sequelize = new Sequelize();
export const Wallet = sequelize.define('Wallet', { pan: DataTypes.STRING, nickname: DataTypes.STRING });
export const cards = pgTable('cards', { number: text('card_number'), holder: text('holder_name') });
function Schema2(definition: object): object { return definition; }
export const notAnOrm = Schema2({ cardNumber: String });
`,
    });
    expect(result.keys).toEqual(['schemas.ts:5 no-pan-storage', 'schemas.ts:5 no-pan-storage', 'schemas.ts:7 no-pan-storage', 'schemas.ts:8 no-pan-storage']);
    expect(result.byRule('no-pan-storage').map((finding) => finding.source?.label)).toEqual(['PaymentSchema.cardNumber', 'PaymentSchema.card.cvc', 'Wallet.pan', 'cards.card_number']);
  });

  it('does not report schemas in test files', () => {
    const result = analyzeSnippets({
      ...TYPEORM,
      'test/card.fixture.ts': `
import { Column, Entity } from 'typeorm';
@Entity('cards') export class TestCard { @Column() cardNumber!: string }
`,
    });
    expect(result.keys).toEqual([]);
  });
});
