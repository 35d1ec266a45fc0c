import { describe, expect, it } from 'vitest';
import { inferFromName, inferRecipientField, isNonPersonAttributeName, splitNameIntoWords } from '../src/engine/names.js';

const options = { add: new Map(), ignore: new Set<string>() };
const kindOf = (name: string, owners: string[] = []): string | undefined => inferFromName(name, owners, options)?.kind;

describe('name inference', () => {
  it('splits camelCase, snake_case and kebab-case', () => {
    expect(splitNameIntoWords('customerEmailAddress')).toEqual(['customer', 'email', 'address']);
    expect(splitNameIntoWords('billing_address-line1')).toEqual(['billing', 'address', 'line1']);
    expect(splitNameIntoWords('HTTPRequestIP')).toEqual(['http', 'request', 'ip']);
  });

  it.each([
    ['email', 'Email'],
    ['contactEmail', 'Email'],
    ['customer_email', 'Email'],
    ['emails', 'Email'],
    ['phoneNumber', 'PhoneNumber'],
    ['cardNumber', 'PAN'],
    ['cc_number', 'PAN'],
    ['cvv', 'CVV'],
    ['ssn', 'NationalId'],
    ['ipAddress', 'IPAddress'],
    ['salary', 'Compensation'],
    ['firstName', 'PersonName'],
    ['billingAddress', 'PostalAddress'],
    ['ToAddresses', 'Email'],
    ['bccAddress', 'Email'],
  ])('infers %s as %s', (name, kind) => {
    expect(kindOf(name)).toBe(kind);
  });

  it.each(['emailVerified', 'emailTemplate', 'emailDomainId', 'isEmail', 'hashedEmail', 'maskedCardNumber', 'last4', 'userId', 'tenantId', 'macAddress', 'serverAddress', 'sendEmail'])(
    'does not infer %s',
    (name) => {
      expect(kindOf(name)).toBeUndefined();
    },
  );

  it('takes to, cc and bcc for the recipient only beside the content of a message', () => {
    expect(inferRecipientField('to', ['to', 'from', 'subject', 'html'])?.kind).toBe('Email');
    expect(inferRecipientField('cc', ['to', 'cc', 'replyTo'])?.kind).toBe('Email');
    expect(inferRecipientField('to', ['to', 'from', 'body'])?.kind).toBe('PhoneNumber');
    expect(inferRecipientField('to', ['to', 'from', 'label'])).toBeUndefined();
    expect(inferRecipientField('from', ['to', 'from', 'subject'])).toBeUndefined();
  });

  it('decides weak names by their owner', () => {
    expect(kindOf('name', ['customer'])).toBe('PersonName');
    expect(kindOf('name', ['Customer'])).toBe('PersonName');
    expect(kindOf('name', ['plan'])).toBeUndefined();
    expect(kindOf('name', ['file'])).toBeUndefined();
    expect(kindOf('address', ['billing'])).toBe('PostalAddress');
    expect(kindOf('number', ['creditCard'])).toBe('PAN');
    expect(kindOf('number', ['order'])).toBeUndefined();
    expect(kindOf('ip', ['req'])).toBe('IPAddress');
    expect(kindOf('displayName', ['user'])).toBe('PersonName');
    expect(kindOf('memberDisplayName')).toBe('PersonName');
    expect(kindOf('displayName', ['folder'])).toBeUndefined();
    expect(kindOf('displayName')).toBe('PersonName');
  });

  it('does not take a field of settings for customer data (an operator-set sending number, an override)', () => {
    expect(kindOf('phone', ['senderOverride'])).toBeUndefined();
    expect(kindOf('email', ['overrides'])).toBeUndefined();
    expect(kindOf('email', ['smtpConfig'])).toBeUndefined();
    expect(kindOf('phone', ['sender'])).toBe('PhoneNumber');
  });

  it('takes the word a name is about, not any word that mentions a person', () => {
    expect(kindOf('userEventsTopicName')).toBeUndefined();
    expect(kindOf('name', ['userProperty'])).toBeUndefined();
    expect(kindOf('name', ['UserGroup'])).toBeUndefined();
    expect(kindOf('customerFullName')).toBe('PersonName');
    expect(kindOf('name', ['customerRecord'])).toBe('PersonName');
    expect(kindOf('name', ['userData'])).toBe('PersonName');
    expect(kindOf('address', ['shippingDetails'])).toBe('PostalAddress');
  });

  it('does not infer configuration values as customer data', () => {
    expect(kindOf('SUPPORT_EMAIL', ['env', 'ProcessEnv'])).toBeUndefined();
    expect(kindOf('email', ['smtpConfig'])).toBeUndefined();
    expect(kindOf('email', ['customer'])).toBe('Email');
  });

  it('tells attributes of other things from a person\'s', () => {
    for (const name of ['segmentId', 'journeyName', 'mcp.result_count', 'queue.kind', 'templateId', 'lambda.function_name']) expect(isNonPersonAttributeName(name)).toBe(true);
    for (const name of ['userId', 'customer_name', 'member.id', 'email', 'name', 'query', 'error.message']) expect(isNonPersonAttributeName(name)).toBe(false);
  });
});
