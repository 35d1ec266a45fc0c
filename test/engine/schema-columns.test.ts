/**
 * Card columns declared in ORM schemas are reported once, at the column (no-pan-storage), for
 * TypeORM entities and embedded classes, MikroORM entities, Mongoose schemas and
 * Sequelize/Drizzle table definitions — only when the decorator or schema function is the ORM's
 * own, resolved through the packages' real declarations (pinned devDependencies).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSnippets } from '../helpers/analyze-snippets.js';

describe('card columns in ORM schemas', () => {
  it('reports TypeORM columns named as card numbers or CVVs, by column name or by property name in a card class', () => {
    const result = analyzeSnippets({
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

  it('reports MikroORM, Mongoose, Sequelize and Drizzle card columns, and not a look-alike function of the project', () => {
    const result = analyzeSnippets({
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
      'wallet.entity.ts': `
import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
@Entity()
export class StoredCard {
  @PrimaryKey() id!: number;
  @Property() cardNumber!: string;
  @Property() brand!: string;
}
`,
    });
    expect(result.keys).toEqual(['schemas.ts:5 no-pan-storage', 'schemas.ts:5 no-pan-storage', 'schemas.ts:7 no-pan-storage', 'schemas.ts:8 no-pan-storage', 'wallet.entity.ts:6 no-pan-storage']);
    expect(result.byRule('no-pan-storage').map((finding) => finding.source?.label)).toEqual(['PaymentSchema.cardNumber', 'PaymentSchema.card.cvc', 'Wallet.pan', 'cards.card_number', 'StoredCard.cardNumber']);
  });

  it('does not report schemas in test files', () => {
    const result = analyzeSnippets({
      'test/card.fixture.ts': `
import { Column, Entity } from 'typeorm';
@Entity('cards') export class TestCard { @Column() cardNumber!: string }
`,
    });
    expect(result.keys).toEqual([]);
  });
});
