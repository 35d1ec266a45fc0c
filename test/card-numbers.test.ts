import { describe, expect, it } from 'vitest';
import { findCardNumbers, getCardIssuer, isKnownTestCardNumber, maskCardNumbersInText } from '../src/engine/card-numbers.js';

describe('card numbers', () => {
  it.each([
    ['4111111111111111', 'Visa'],
    ['5555555555554444', 'Mastercard'],
    ['2223003122003222', 'Mastercard'],
    ['378282246310005', 'American Express'],
    ['6011111111111117', 'Discover'],
    ['3566002020360505', 'JCB'],
  ])('recognises %s as %s', (digits, issuer) => {
    expect(getCardIssuer(digits)).toBe(issuer);
  });

  it.each([
    ['4111111111111112', 'fails Luhn'],
    ['0049151123456787', 'no issuer'],
    ['1234567812345678', 'no issuer'],
    ['42424242424', 'too short'],
  ])('rejects %s (%s)', (digits) => {
    expect(getCardIssuer(digits)).toBeUndefined();
  });

  it('finds numbers written with spaces or dashes, not inside longer digit runs', () => {
    expect(findCardNumbers('card 4242 4242 4242 4242 and 5555-5555-5555-4444').map((match) => match.digits)).toEqual(['4242424242424242', '5555555555554444']);
    expect(findCardNumbers('id 142424242424242421')).toEqual([]);
    expect(findCardNumbers('{"score":0.4242424242424242,"x":4242424242424242.5}')).toEqual([]);
  });

  it('masks every card number in text to its last 4 digits', () => {
    expect(maskCardNumbersInText('paid with 4242 4242 4242 4242.')).toBe('paid with ****4242.');
    expect(isKnownTestCardNumber('4242424242424242')).toBe(true);
  });
});
