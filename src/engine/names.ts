/**
 * Name inference: decides from an identifier or property name (and, for weak names, from its
 * owner) whether unannotated data is sensitive. Names are split into words and matched on their
 * head — the last words — so `customerEmail` and `billing_address` match while `emailTemplate`,
 * `emailVerified` and `emailDomainId` do not. Veto words and boolean prefixes catch the false
 * positives other scanners are known for (hashes, masks, flags, counts).
 */
import type { Level } from '../policy/types.js';

export interface InferredName {
  readonly level: Level;
  readonly kind: string;
  /** the dictionary pattern that matched, for `--explain` */
  readonly pattern: string;
  /** kinds whose values may legitimately be numbers (a salary, a card number typed as number) */
  readonly numeric: boolean;
}

interface NamePattern {
  readonly words: readonly string[];
  readonly level: Level;
  readonly kind: string;
  readonly numeric?: boolean;
  /** a weak name is sensitive only when its owner is one of these (person, card, request...) */
  readonly owners?: ReadonlySet<string>;
  /** with `owners`: a name read with no owner at all (a variable or parameter) still counts */
  readonly ownerless?: boolean;
}

const PERSON_OWNERS: ReadonlySet<string> = new Set([
  'user', 'customer', 'contact', 'member', 'employee', 'patient', 'buyer', 'person', 'people',
  'recipient', 'sender', 'holder', 'cardholder', 'billing', 'shipping', 'profile', 'lead',
  'subscriber', 'guest', 'payer', 'applicant', 'shopper', 'passenger', 'student', 'consumer',
  'visitor', 'beneficiary', 'signer', 'attendee', 'requester', 'staff',
  'candidate', 'driver', 'rider', 'owner', 'author', 'reporter', 'assignee', 'signup', 'registrant',
]);
const ADDRESS_OWNERS: ReadonlySet<string> = new Set([
  ...PERSON_OWNERS, 'home', 'mailing', 'postal', 'delivery', 'residential', 'street',
]);
/** a display name is a person's alone, on a person, an account, or what a user submits (`req.body.displayName`) */
const DISPLAY_NAME_OWNERS: ReadonlySet<string> = new Set([...PERSON_OWNERS, 'account', 'body', 'session', 'me']);
const CARD_OWNERS: ReadonlySet<string> = new Set(['card', 'cc', 'creditcard', 'credit', 'debit', 'payment']);
const REQUEST_OWNERS: ReadonlySet<string> = new Set([
  'req', 'request', 'ctx', 'context', 'client', 'user', 'customer', 'connection', 'session', 'visitor', 'socket', 'remote',
]);

const CONFIDENTIAL: Level = 'confidential';
const RESTRICTED: Level = 'restricted';

const PATTERNS: readonly NamePattern[] = [
  { words: ['email'], level: CONFIDENTIAL, kind: 'Email' },
  { words: ['e', 'mail'], level: CONFIDENTIAL, kind: 'Email' },
  { words: ['email', 'address'], level: CONFIDENTIAL, kind: 'Email' },
  // the addresses a message goes to (`ToAddresses`, `ccAddress`): e-mail addresses, not postal ones
  { words: ['to', 'address'], level: CONFIDENTIAL, kind: 'Email' },
  { words: ['cc', 'address'], level: CONFIDENTIAL, kind: 'Email' },
  { words: ['bcc', 'address'], level: CONFIDENTIAL, kind: 'Email' },
  { words: ['phone'], level: CONFIDENTIAL, kind: 'PhoneNumber', numeric: true },
  { words: ['phone', 'number'], level: CONFIDENTIAL, kind: 'PhoneNumber', numeric: true },
  { words: ['mobile'], level: CONFIDENTIAL, kind: 'PhoneNumber', numeric: true },
  { words: ['mobile', 'number'], level: CONFIDENTIAL, kind: 'PhoneNumber', numeric: true },
  { words: ['telephone'], level: CONFIDENTIAL, kind: 'PhoneNumber', numeric: true },
  { words: ['msisdn'], level: CONFIDENTIAL, kind: 'PhoneNumber', numeric: true },
  { words: ['card', 'number'], level: RESTRICTED, kind: 'PAN', numeric: true },
  { words: ['card', 'num'], level: RESTRICTED, kind: 'PAN', numeric: true },
  { words: ['card', 'no'], level: RESTRICTED, kind: 'PAN', numeric: true },
  // `number_card`: the word order of languages that say "number of the card"
  { words: ['number', 'card'], level: RESTRICTED, kind: 'PAN', numeric: true },
  { words: ['credit', 'card'], level: RESTRICTED, kind: 'PAN', numeric: true },
  { words: ['debit', 'card'], level: RESTRICTED, kind: 'PAN', numeric: true },
  { words: ['cc', 'number'], level: RESTRICTED, kind: 'PAN', numeric: true },
  { words: ['cc', 'num'], level: RESTRICTED, kind: 'PAN', numeric: true },
  { words: ['ccn'], level: RESTRICTED, kind: 'PAN', numeric: true },
  { words: ['pan'], level: RESTRICTED, kind: 'PAN', numeric: true },
  { words: ['number'], level: RESTRICTED, kind: 'PAN', numeric: true, owners: CARD_OWNERS },
  { words: ['cvv'], level: RESTRICTED, kind: 'CVV', numeric: true },
  { words: ['cvv2'], level: RESTRICTED, kind: 'CVV', numeric: true },
  { words: ['cvc'], level: RESTRICTED, kind: 'CVV', numeric: true },
  { words: ['cvc2'], level: RESTRICTED, kind: 'CVV', numeric: true },
  { words: ['csc'], level: RESTRICTED, kind: 'CVV', numeric: true },
  { words: ['security', 'code'], level: RESTRICTED, kind: 'CVV', numeric: true, owners: CARD_OWNERS },
  { words: ['salary'], level: RESTRICTED, kind: 'Compensation', numeric: true },
  { words: ['compensation'], level: RESTRICTED, kind: 'Compensation', numeric: true },
  { words: ['base', 'pay'], level: RESTRICTED, kind: 'Compensation', numeric: true },
  { words: ['ssn'], level: CONFIDENTIAL, kind: 'NationalId', numeric: true },
  { words: ['social', 'security', 'number'], level: CONFIDENTIAL, kind: 'NationalId', numeric: true },
  { words: ['national', 'id'], level: CONFIDENTIAL, kind: 'NationalId', numeric: true },
  { words: ['passport', 'number'], level: CONFIDENTIAL, kind: 'NationalId' },
  { words: ['tax', 'id'], level: CONFIDENTIAL, kind: 'NationalId', numeric: true },
  { words: ['iban'], level: CONFIDENTIAL, kind: 'BankAccount' },
  { words: ['bank', 'account'], level: CONFIDENTIAL, kind: 'BankAccount', numeric: true },
  { words: ['account', 'number'], level: CONFIDENTIAL, kind: 'BankAccount', numeric: true, owners: new Set(['bank']) },
  { words: ['ip', 'address'], level: CONFIDENTIAL, kind: 'IPAddress' },
  { words: ['ip', 'addr'], level: CONFIDENTIAL, kind: 'IPAddress' },
  { words: ['client', 'ip'], level: CONFIDENTIAL, kind: 'IPAddress' },
  { words: ['remote', 'ip'], level: CONFIDENTIAL, kind: 'IPAddress' },
  { words: ['user', 'ip'], level: CONFIDENTIAL, kind: 'IPAddress' },
  { words: ['customer', 'ip'], level: CONFIDENTIAL, kind: 'IPAddress' },
  { words: ['remote', 'address'], level: CONFIDENTIAL, kind: 'IPAddress' },
  { words: ['forwarded', 'for'], level: CONFIDENTIAL, kind: 'IPAddress' },
  { words: ['real', 'ip'], level: CONFIDENTIAL, kind: 'IPAddress' },
  { words: ['ip'], level: CONFIDENTIAL, kind: 'IPAddress', owners: REQUEST_OWNERS },
  { words: ['first', 'name'], level: CONFIDENTIAL, kind: 'PersonName' },
  { words: ['last', 'name'], level: CONFIDENTIAL, kind: 'PersonName' },
  { words: ['full', 'name'], level: CONFIDENTIAL, kind: 'PersonName' },
  { words: ['given', 'name'], level: CONFIDENTIAL, kind: 'PersonName' },
  { words: ['family', 'name'], level: CONFIDENTIAL, kind: 'PersonName' },
  { words: ['middle', 'name'], level: CONFIDENTIAL, kind: 'PersonName' },
  { words: ['maiden', 'name'], level: CONFIDENTIAL, kind: 'PersonName' },
  { words: ['surname'], level: CONFIDENTIAL, kind: 'PersonName' },
  { words: ['customer', 'name'], level: CONFIDENTIAL, kind: 'PersonName' },
  { words: ['cardholder', 'name'], level: CONFIDENTIAL, kind: 'PersonName' },
  { words: ['holder', 'name'], level: CONFIDENTIAL, kind: 'PersonName' },
  { words: ['contact', 'name'], level: CONFIDENTIAL, kind: 'PersonName' },
  // what a folder, a label, a calendar or a workspace is shown as, unless it is a person's
  { words: ['display', 'name'], level: CONFIDENTIAL, kind: 'PersonName', owners: DISPLAY_NAME_OWNERS, ownerless: true },
  { words: ['recipient', 'name'], level: CONFIDENTIAL, kind: 'PersonName' },
  { words: ['name'], level: CONFIDENTIAL, kind: 'PersonName', owners: PERSON_OWNERS },
  { words: ['date', 'of', 'birth'], level: CONFIDENTIAL, kind: 'DateOfBirth' },
  { words: ['birth', 'date'], level: CONFIDENTIAL, kind: 'DateOfBirth' },
  { words: ['birthdate'], level: CONFIDENTIAL, kind: 'DateOfBirth' },
  { words: ['birthday'], level: CONFIDENTIAL, kind: 'DateOfBirth' },
  { words: ['dob'], level: CONFIDENTIAL, kind: 'DateOfBirth' },
  { words: ['street', 'address'], level: CONFIDENTIAL, kind: 'PostalAddress' },
  { words: ['billing', 'address'], level: CONFIDENTIAL, kind: 'PostalAddress' },
  { words: ['shipping', 'address'], level: CONFIDENTIAL, kind: 'PostalAddress' },
  { words: ['home', 'address'], level: CONFIDENTIAL, kind: 'PostalAddress' },
  { words: ['mailing', 'address'], level: CONFIDENTIAL, kind: 'PostalAddress' },
  { words: ['postal', 'address'], level: CONFIDENTIAL, kind: 'PostalAddress' },
  { words: ['delivery', 'address'], level: CONFIDENTIAL, kind: 'PostalAddress' },
  { words: ['address', 'line'], level: CONFIDENTIAL, kind: 'PostalAddress' },
  { words: ['address', 'line', '1'], level: CONFIDENTIAL, kind: 'PostalAddress' },
  { words: ['address', 'line', '2'], level: CONFIDENTIAL, kind: 'PostalAddress' },
  { words: ['address', '1'], level: CONFIDENTIAL, kind: 'PostalAddress' },
  { words: ['street'], level: CONFIDENTIAL, kind: 'PostalAddress' },
  { words: ['postal', 'code'], level: CONFIDENTIAL, kind: 'PostalAddress', numeric: true },
  { words: ['postcode'], level: CONFIDENTIAL, kind: 'PostalAddress', numeric: true },
  { words: ['zip', 'code'], level: CONFIDENTIAL, kind: 'PostalAddress', numeric: true },
  { words: ['zipcode'], level: CONFIDENTIAL, kind: 'PostalAddress', numeric: true },
  { words: ['zip'], level: CONFIDENTIAL, kind: 'PostalAddress', numeric: true, owners: ADDRESS_OWNERS },
  { words: ['address'], level: CONFIDENTIAL, kind: 'PostalAddress', owners: ADDRESS_OWNERS },
];

/** Words that make a name describe something about the data rather than the data itself. */
const VETO_WORDS: ReadonlySet<string> = new Set([
  'verified', 'verify', 'verification', 'template', 'templates', 'domain', 'valid', 'validation',
  'validator', 'enabled', 'disabled', 'sent', 'hash', 'hashed', 'digest', 'sha', 'sha256', 'md5',
  'masked', 'mask', 'redacted', 'redact', 'encrypted', 'encrypt', 'cipher', 'ciphertext',
  'anonymized', 'anonymised', 'pseudonymized', 'tokenized', 'count', 'length', 'format', 'type',
  'regex', 'regexp', 'pattern', 'field', 'label', 'placeholder', 'column', 'key', 'status', 'opt',
  'optin', 'preference', 'preferences', 'notification', 'notifications', 'subject', 'provider',
  'service', 'server', 'config', 'settings', 'required', 'last4', 'brand', 'id', 'ids',
  'exists', 'present', 'confirmed', 'changed', 'updated', 'enabled', 'mac', 'wallet', 'url', 'host',
  'hostname', 'error', 'errors', 'message', 'schema', 'selector', 'class', 'style',
]);
/** Owners that hold configuration, not customer data (`process.env.SUPPORT_EMAIL`, `config.smtp.email`). */
const CONFIGURATION_OWNERS: ReadonlySet<string> = new Set([
  'config', 'configuration', 'settings', 'env', 'environment', 'options', 'opts', 'constants', 'defaults',
  'template', 'templates', 'schema', 'i18n', 'translations', 'placeholder', 'placeholders', 'labels', 'columns',
  'definition', 'definitions', 'override', 'overrides',
]);
/** First words that make a name a predicate (`isEmail`, `hasPhone`). */
const PREDICATE_PREFIXES: ReadonlySet<string> = new Set(['is', 'has', 'should', 'can', 'did', 'was', 'allow', 'use', 'send', 'show', 'require', 'needs', 'with']);

/** Whether a name holds configuration rather than customer data (`smtpConfig`, `env`, `settings`). */
export function isConfigurationName(name: string): boolean {
  return splitNameIntoWords(name).some((word) => CONFIGURATION_OWNERS.has(word));
}

/** `options` and `opts` also name a function's parameter bag, which carries whatever the caller passes */
const PARAMETER_BAG_WORDS: ReadonlySet<string> = new Set(['options', 'opts']);

/** Whether a value is named as the product's settings (`messageTemplateDefinition`, `smtpConfig`), whatever its fields are called. */
export function isSettingsName(name: string): boolean {
  return splitNameIntoWords(name).some((word) => CONFIGURATION_OWNERS.has(word) && !PARAMETER_BAG_WORDS.has(word));
}

/** Splits `customerEmailAddress`, `customer_email`, `x-customer-email` into lowercase words. */
export function splitNameIntoWords(name: string): readonly string[] {
  let words = wordsByName.get(name);
  if (words === undefined) {
    words = name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .split(/[^A-Za-z0-9]+/)
      .filter((word) => word.length > 0)
      .map((word) => word.toLowerCase());
    // the same few thousand names come up again and again; bounded for long-lived editor processes
    if (wordsByName.size >= 50_000) wordsByName.clear();
    wordsByName.set(name, words);
  }
  return words;
}

const wordsByName = new Map<string, readonly string[]>();

export interface NameInferenceOptions {
  readonly add: ReadonlyMap<string, Level>;
  readonly ignore: ReadonlySet<string>;
}

/**
 * Infers the class of data named `name`. `ownerNames` are the names of what it is read from (the
 * object expression and its type name): they decide weak names like `name` or `address`.
 */
export function inferFromName(
  name: string,
  ownerNames: readonly string[],
  options: NameInferenceOptions,
): InferredName | undefined {
  const normalized = normalizeName(name);
  if (options.ignore.has(normalized)) return undefined;
  const added = options.add.get(normalized);
  if (added !== undefined) return { level: added, kind: name, pattern: `config: ${name}`, numeric: true };
  const words = splitNameIntoWords(name);
  if (words.length === 0 || words.length > 8) return undefined;
  if (words.length > 1 && PREDICATE_PREFIXES.has(words[0] ?? '')) return undefined;
  if (ownerNames.some(isConfigurationName)) return undefined;
  const head = singular(words);
  for (const pattern of PATTERNS) {
    if (!endsWith(head, pattern.words)) continue;
    const qualifiers = head.slice(0, head.length - pattern.words.length);
    if (qualifiers.some((word) => VETO_WORDS.has(word))) return undefined;
    if (pattern.owners !== undefined && !hasOwner(words, pattern, ownerNames)) continue;
    return {
      level: pattern.level,
      kind: pattern.kind,
      pattern: pattern.words.join(' '),
      numeric: pattern.numeric ?? false,
    };
  }
  return undefined;
}

/** Words that end a name of an opaque key, a count or a category of something: `templateId`, `result_count`, `queue.kind`. */
const ATTRIBUTE_HEADS: ReadonlySet<string> = new Set([
  'id', 'ids', 'uuid', 'key', 'version', 'count', 'total', 'size', 'length', 'type', 'kind', 'status', 'state', 'source', 'mode', 'index', 'name',
]);

/**
 * Whether a name says it is an attribute of something other than a person: `segmentId`,
 * `journeyName`, `mcp.result_count` — but not `userId`, `customer_name` or `email`. Telemetry
 * uses it to tell a product's operational dimensions from per-customer ones.
 */
export function isNonPersonAttributeName(name: string): boolean {
  const words = splitNameIntoWords(name);
  const head = words[words.length - 1];
  if (head === undefined || !ATTRIBUTE_HEADS.has(head)) return false;
  const owner = words[words.length - 2];
  return owner === undefined ? head !== 'name' : !PERSON_OWNERS.has(owner);
}

/** Fields that address a message: alone the names say nothing, beside the message they are its recipient. */
const RECIPIENT_FIELDS: ReadonlySet<string> = new Set(['to', 'cc', 'bcc']);
/** Fields only an e-mail has. */
const MAIL_CONTENT_FIELDS: ReadonlySet<string> = new Set(['subject', 'html', 'react', 'mjml', 'replyTo', 'reply_to']);
/** Fields of a text message (an SMS, a chat message) or of an e-mail. */
const MESSAGE_CONTENT_FIELDS: ReadonlySet<string> = new Set([...MAIL_CONTENT_FIELDS, 'body', 'text', 'message', 'content', 'mediaUrl']);

export function isRecipientFieldName(name: string): boolean {
  return RECIPIENT_FIELDS.has(name);
}

/**
 * `to` beside a `subject` or a `body` is the address the message goes to: the recipient's e-mail
 * address, or with only a text body, their phone number. `from` is left alone: it is the sender,
 * the product's or the tenant's own address.
 */
export function inferRecipientField(name: string, siblingNames: readonly string[]): InferredName | undefined {
  if (!RECIPIENT_FIELDS.has(name)) return undefined;
  const siblings = siblingNames.filter((sibling) => MESSAGE_CONTENT_FIELDS.has(sibling));
  if (siblings.length === 0) return undefined;
  const mail = siblings.some((sibling) => MAIL_CONTENT_FIELDS.has(sibling));
  return { level: CONFIDENTIAL, kind: mail ? 'Email' : 'PhoneNumber', pattern: `the recipient of a message with ${siblings[0] as string}`, numeric: !mail };
}

/**
 * The kind of what a person wrote in a conversation (`{ role: 'user', content }`): identifiable in
 * training data, where the issue is what a model learns; elsewhere it is the product's own work
 * (the prompt sent to its model provider, a chat shown back), so only the training rule reports it.
 */
export const CHAT_MESSAGE_KIND = 'ChatMessage';

/** What an untyped payload from the network is called in findings: it may hold customer data (confidence `possible`). */
export const UNTYPED_PAYLOAD_KIND = 'UntypedPayload';

/** Roles of a chat-completion message (OpenAI, Anthropic, Gemini, LangChain). */
const CHAT_ROLES: ReadonlySet<string> = new Set(['user', 'assistant', 'system', 'developer', 'tool', 'function', 'human', 'ai', 'model']);

export function isChatRole(text: string): boolean {
  return CHAT_ROLES.has(text);
}

/** Words that end the name of a code, status or category: what an error or a result says about itself. */
const STATUS_HEADS: ReadonlySet<string> = new Set([
  'id', 'ids', 'uuid', 'code', 'status', 'state', 'type', 'kind', 'mode', 'count', 'total', 'index', 'version', 'level',
]);

/**
 * Whether a field named `name` holds a code, status, count or opaque id of the object it is on:
 * `errorCode`, `status`, `result.type` — not `email`, `userId` or `message`.
 */
export function isStatusFieldName(name: string): boolean {
  const words = splitNameIntoWords(name);
  const head = words[words.length - 1];
  return head !== undefined && STATUS_HEADS.has(head) && !isPersonIdName(name);
}

/** The field a result reports its failure in (`{ data, error }` of Supabase, Resend and most SDKs). */
const ERROR_FIELDS: ReadonlySet<string> = new Set(['error', 'errors', 'err']);

/** A field a result carries about itself: its id, code, status, count or error (`draftId`, `errorCode`, `error`). */
export function isResultOwnFieldName(name: string): boolean {
  return ERROR_FIELDS.has(name) || isStatusFieldName(name);
}

/** `userId`, `customer_id`, `visitor.uuid`: the id of a person, which identifies them wherever it goes. */
export function isPersonIdName(name: string): boolean {
  const words = splitNameIntoWords(name);
  const head = words[words.length - 1];
  const owner = words[words.length - 2];
  return (head === 'id' || head === 'uuid') && owner !== undefined && PERSON_OWNERS.has(owner) && owner !== 'member' && owner !== 'owner' && owner !== 'author';
}

/** Words naming the tenant — the business that is our customer — rather than a person. */
const TENANT_WORDS: ReadonlySet<string> = new Set(['org', 'orgs', 'organization', 'organisation', 'tenant', 'workspace', 'team', 'company']);

/** `parsedOrg`, `workspace`, `team`: a name of the tenant's own record, whose ids are the tenant's. */
export function isTenantRecordName(name: string): boolean {
  return splitNameIntoWords(name).some((word) => TENANT_WORDS.has(word));
}

/** A name of a customer's or user's record (`customer`, `account`, `currentUser`), whose fields are that person's. */
export function isCustomerRecordName(name: string): boolean {
  return splitNameIntoWords(name).some((word) => PERSON_OWNERS.has(word) || word === 'account');
}

/** Lowercase without separators, as config keys are compared. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Words of function names that transform data into something safe to pass on. */
const SANITIZING_WORDS: ReadonlySet<string> = new Set([
  'mask', 'redact', 'hash', 'anonymize', 'anonymise', 'pseudonymize', 'pseudonymise', 'obfuscate', 'scrub',
  'encrypt', 'digest', 'tokenize', 'tokenise', 'sha256', 'sha1', 'md5', 'hmac', 'truncate', 'censor', 'sanitize', 'sanitise',
  // reductions: a helper that returns an address's domain or a count returns neither the address nor the list
  'domain', 'count',
]);

/** Whether a function's name says it masks, hashes or otherwise de-identifies (`maskEmail`, `hashId`). */
export function isSanitizingName(name: string): boolean {
  return splitNameIntoWords(name).some((word) => SANITIZING_WORDS.has(word));
}

/** Words that look like a URL or path, which central telemetry must not carry as a dimension value. */
export function isUrlLikeName(name: string): boolean {
  const words = splitNameIntoWords(name);
  const last = words[words.length - 1];
  return last === 'url' || last === 'uri' || last === 'href' || last === 'path' || last === 'pathname' || last === 'link';
}

function hasOwner(words: readonly string[], pattern: NamePattern, ownerNames: readonly string[]): boolean {
  const owners = pattern.owners;
  if (owners === undefined) return true;
  // a qualifier inside the name itself: `customerName`, `billingAddress`, `cardNumber`
  const qualifiers = words.slice(0, words.length - pattern.words.length);
  if (qualifiers.length > 0) return endsWithOwner(qualifiers, owners);
  if (ownerNames.length === 0) return pattern.ownerless === true;
  return ownerNames.some((owner) => {
    const ownerWords = singular(splitNameIntoWords(owner));
    return endsWithOwner(ownerWords, owners) || owners.has(ownerWords.join(''));
  });
}

/** Words that describe or wrap what a name is about without changing it: `customerFullName`, `userData.name`. */
const TRANSPARENT_WORDS: ReadonlySet<string> = new Set([
  'full', 'first', 'last', 'middle', 'legal', 'given', 'family', 'preferred', 'primary', 'current', 'new', 'old', 'raw', 'main',
  'data', 'info', 'information', 'detail', 'details', 'record', 'row', 'entity', 'model', 'obj', 'object', 'dto', 'input',
  'payload', 'doc', 'document', 'result', 'body', 'prop', 'props', 'param', 'params', 'arg', 'args', 'field', 'fields',
  'value', 'values', 'snapshot', 'state', 'item', 'entry', 'form', 'create', 'update',
]);

/**
 * Whether the word a name is about is an owner: `userEventsTopicName` is a topic's name and
 * `userProperty.name` a property's, although both mention a user; `customerRecord.name` is the
 * customer's. Read from the end, past words that only describe or wrap.
 */
function endsWithOwner(words: readonly string[], owners: ReadonlySet<string>): boolean {
  for (let index = words.length - 1; index >= 0; index--) {
    const word = words[index] as string;
    if (owners.has(word)) return true;
    if (!TRANSPARENT_WORDS.has(word)) return false;
  }
  return false;
}

function singular(words: readonly string[]): string[] {
  const result = [...words];
  const last = result[result.length - 1];
  if (last !== undefined && last.length > 3 && last.endsWith('s') && !last.endsWith('ss') && last !== 'address') {
    result[result.length - 1] = last.endsWith('ies') ? `${last.slice(0, -3)}y` : last.slice(0, -1);
  }
  if (last === 'addresses') result[result.length - 1] = 'address';
  if (last === 'emails') result[result.length - 1] = 'email';
  return result;
}

function endsWith(words: readonly string[], suffix: readonly string[]): boolean {
  if (suffix.length > words.length) return false;
  const offset = words.length - suffix.length;
  return suffix.every((word, index) => words[offset + index] === word);
}
