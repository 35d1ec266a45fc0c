/**
 * Card number recognition (ISO/IEC 7812 length, Luhn checksum, issuer ranges) and masking.
 * Used to find card literals in source and, in every output, to make sure a card number the
 * analyzer saw is never printed in full.
 */

/**
 * Digits with optional single spaces or dashes between groups, 12–19 digits in all; not the
 * digits of a decimal number (`0.4242424242424242`, a score or a coordinate in a fixture).
 */
const CANDIDATE = /(?<![\d-])(?<!\d\.)\d(?:[ -]?\d){11,18}(?![\d-])(?!\.\d)/g;

/** Issuer ranges by prefix (IIN); a number matching none is not treated as a card. */
const ISSUERS: readonly { readonly name: string; readonly lengths: readonly number[]; readonly matches: (digits: string) => boolean }[] = [
  { name: 'Visa', lengths: [13, 16, 19], matches: (d) => d.startsWith('4') },
  {
    name: 'Mastercard',
    lengths: [16],
    matches: (d) => inRange(d, 2, 51, 55) || inRange(d, 4, 2221, 2720),
  },
  { name: 'American Express', lengths: [15], matches: (d) => inRange(d, 2, 34, 34) || inRange(d, 2, 37, 37) },
  {
    name: 'Discover',
    lengths: [16, 17, 18, 19],
    matches: (d) => d.startsWith('6011') || inRange(d, 2, 65, 65) || inRange(d, 3, 644, 649) || inRange(d, 6, 622126, 622925),
  },
  { name: 'JCB', lengths: [16, 17, 18, 19], matches: (d) => inRange(d, 4, 3528, 3589) },
  { name: 'Diners Club', lengths: [14, 15, 16, 17, 18, 19], matches: (d) => inRange(d, 3, 300, 305) || inRange(d, 2, 36, 36) || inRange(d, 2, 38, 39) || d.startsWith('3095') },
  { name: 'UnionPay', lengths: [16, 17, 18, 19], matches: (d) => inRange(d, 2, 62, 62) || inRange(d, 2, 81, 81) },
  { name: 'Maestro', lengths: [12, 13, 14, 15, 16, 17, 18, 19], matches: (d) => ['5018', '5020', '5038', '5893', '6304', '6759', '6761', '6762', '6763'].some((p) => d.startsWith(p)) },
];

/**
 * Published test numbers of the major processors (Stripe, Adyen, Braintree) and the network
 * test ranges. Allowed as literals in test files.
 */
const KNOWN_TEST_NUMBERS: ReadonlySet<string> = new Set([
  '4242424242424242', '4000056655665556', '5555555555554444', '2223003122003222', '5200828282828210',
  '5105105105105100', '378282246310005', '371449635398431', '6011111111111117', '6011000990139424',
  '3056930009020004', '36227206271667', '3566002020360505', '6200000000000005', '4000000000000002',
  '4000000000009995', '4000000000000069', '4000000000000127', '4000000000000119', '4000002500003155',
  '4000002760003184', '4000000000003220', '4000000000000077', '4000000000000093', '4000000000000101',
  '4111111111111111', '4012888888881881', '4222222222222', '5500000000000004', '5431111111111111',
  '5454545454545454', '2223000048410010', '340000000000009', '341111111111111', '370000000000002',
  '6011000000000004', '6011601160116611', '3530111333300000', '3566111111111113', '30569309025904',
  '38520000023237', '4988438843884305', '4166676667666746', '4646464646464644', '4000620000000007',
  '4917610000000000', '5101180000000007', '2222400070000005', '5577000055770004', '4009348888881881',
  '4005519200000004', '4217651111111119', '4500600000000061', '6243030000000001', '6250941006528599',
  '3714496353984312', '4012000033330026', '4012000077777777', '4484600000000004',
]);

/** Returns the issuer name when `digits` (digits only) is a plausible card number. */
export function getCardIssuer(digits: string): string | undefined {
  if (!/^\d{12,19}$/.test(digits) || !passesLuhn(digits)) return undefined;
  return ISSUERS.find((issuer) => issuer.lengths.includes(digits.length) && issuer.matches(digits))?.name;
}

export function isKnownTestCardNumber(digits: string): boolean {
  return KNOWN_TEST_NUMBERS.has(digits);
}

export interface CardNumberMatch {
  /** offset of the match in the text */
  readonly index: number;
  readonly length: number;
  readonly digits: string;
  readonly issuer: string;
}

/** Finds card numbers in free text (string literals, templates, output). */
export function findCardNumbers(text: string): CardNumberMatch[] {
  const matches: CardNumberMatch[] = [];
  if (text.length < 12) return matches;
  for (const match of text.matchAll(CANDIDATE)) {
    const digits = match[0].replace(/[ -]/g, '');
    const issuer = getCardIssuer(digits);
    if (issuer !== undefined) matches.push({ index: match.index, length: match[0].length, digits, issuer });
  }
  return matches;
}

/** Masks a card number to its last 4 digits: `****4242`. */
export function maskCardDigits(digits: string): string {
  return `****${digits.slice(-4)}`;
}

/** Replaces every card number in `text` by its masked form; the last line of defence in outputs. */
export function maskCardNumbersInText(text: string): string {
  const matches = findCardNumbers(text);
  if (matches.length === 0) return text;
  let result = '';
  let cursor = 0;
  for (const match of matches) {
    result += text.slice(cursor, match.index) + maskCardDigits(match.digits);
    cursor = match.index + match.length;
  }
  return result + text.slice(cursor);
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

function inRange(digits: string, prefixLength: number, low: number, high: number): boolean {
  const prefix = Number(digits.slice(0, prefixLength));
  return prefix >= low && prefix <= high;
}
