/**
 * The built-in sink and sanitizer catalog: which library and platform APIs move data out of the
 * program (logs, storage, vaults, browser storage, third parties, central telemetry, ML training,
 * payment processors, and processors that do the product's own job under contract — each with the
 * data kinds it may receive), addressed as member chains that the engine's resolver turns into
 * declarations of the installed `.d.ts` files. This file is data only — no logic. Entries for
 * installed packages were checked against their real declarations and are exercised by
 * `fixtures/catalog/`; entries marked "unverified: not installed" follow the package's published
 * typings and must be checked (and added to the fixture) once the package is installed. Because
 * a call matches when its callee shares a declaration with the resolved member, one entry covers
 * every way of reaching that member (factory result, child logger, subclass, re-export).
 * Telemetry entries that list several `dimensions` specs for one member do so because the library
 * accepts dimensions at different positions in different overloads; each spec is meant to apply
 * only when the argument at its position has that shape (an object, a string array, strings).
 * Some packages ship separate CommonJS and ESM declaration files (openai, stripe,
 * @opentelemetry/api), so a module address must be resolved in the importing file's mode.
 */
import type { ProcessorHostEntry, SanitizerEntry, SinkEntry } from './types.js';

/**
 * What a message delivery vendor (SMS, e-mail) may receive: the recipient's own address or phone,
 * and what the notification the customer is sent may say about them — their name, postal address,
 * the order. Other Confidential kinds (a national id, a bank account, an IP address) are not part
 * of delivering a message, and Restricted data never goes to a processor.
 */
const MESSAGE_DELIVERY_KINDS: readonly string[] = ['PhoneNumber', 'Email', 'PersonName', 'PostalAddress', 'OrderLine'];
/** A one-time code sent to the phone or address being verified. */
const VERIFICATION_KINDS: readonly string[] = ['PhoneNumber', 'Email'];
/**
 * A push notification to the customer's own devices: who to deliver to (the external id a product
 * registers its user under is often their e-mail or phone) and what the notification says.
 */
const PUSH_DELIVERY_KINDS: readonly string[] = [...MESSAGE_DELIVERY_KINDS, 'CustomerId'];
/**
 * The product's own key-value store or message queue at its hosting provider (Vercel Edge Config,
 * Upstash QStash): the product keeping its data where it runs, not handing it to another party.
 * Restricted data is still reported, as at every processor.
 */
const HOSTED_STORE_KINDS: readonly string[] = ['Email', 'PersonName', 'PostalAddress', 'PhoneNumber', 'IPAddress', 'CustomerId', 'PaymentToken', 'OrderLine', 'DateOfBirth', 'Confidential'];
/** Bot and fraud checks: the client IP the challenge was solved from. */
const BOT_CHECK_KINDS: readonly string[] = ['IPAddress'];
/** A payment processor's customer record: the billing contact, our id for them, their payment method token. */
const PAYMENT_CUSTOMER_KINDS: readonly string[] = ['Email', 'PersonName', 'PostalAddress', 'PhoneNumber', 'CustomerId', 'PaymentToken'];

export const BUILTIN_SINKS: readonly SinkEntry[] = [
  // ───────────────────────────────────────────── log ─────────────────────────────────────────────

  // console (lib.dom `Console` and @types/node `Console` merge into one interface; both checked).
  { kind: 'log', library: 'console', global: 'console.log' },
  { kind: 'log', library: 'console', global: 'console.info' },
  { kind: 'log', library: 'console', global: 'console.warn' },
  { kind: 'log', library: 'console', global: 'console.error' },
  { kind: 'log', library: 'console', global: 'console.debug' },
  { kind: 'log', library: 'console', global: 'console.trace' },
  { kind: 'log', library: 'console', global: 'console.dir' },
  { kind: 'log', library: 'console', global: 'console.dirxml' },
  { kind: 'log', library: 'console', global: 'console.table' },
  { kind: 'log', library: 'console', global: 'console.assert' },
  { kind: 'log', library: 'console', global: 'console.group' },
  { kind: 'log', library: 'console', global: 'console.groupCollapsed' },
  { kind: 'log', library: 'console', global: 'console.timeLog' },

  // process.stdout / process.stderr (@types/node: `write` is declared on net.Socket, which
  // tty.WriteStream extends — so any net.Socket#write shares the declaration; see report).
  { kind: 'log', library: 'process', global: 'process.stdout.write', args: [0] },
  { kind: 'log', library: 'process', global: 'process.stderr.write', args: [0] },

  // pino (`export = pino`; calling it returns `Logger` = BaseLogger & LoggerExtras & ...).
  // `child(bindings)` and `setBindings(bindings)` put the bindings on every later line.
  { kind: 'log', library: 'pino', module: 'pino', path: 'default.trace' },
  { kind: 'log', library: 'pino', module: 'pino', path: 'default.debug' },
  { kind: 'log', library: 'pino', module: 'pino', path: 'default.info' },
  { kind: 'log', library: 'pino', module: 'pino', path: 'default.warn' },
  { kind: 'log', library: 'pino', module: 'pino', path: 'default.error' },
  { kind: 'log', library: 'pino', module: 'pino', path: 'default.fatal' },
  { kind: 'log', library: 'pino', module: 'pino', path: 'default.child', args: [0] },
  { kind: 'log', library: 'pino', module: 'pino', path: 'default.setBindings', args: [0] },

  // winston (`export = winston` namespace; `createLogger()` returns the class `winston.Logger`,
  // addressed through the class so loggers from `loggers.get()`/`child()` match too).
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.log' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.error' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.warn' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.info' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.http' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.verbose' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.debug' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.silly' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.help' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.data' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.prompt' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.input' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.emerg' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.alert' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.crit' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.warning' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.notice' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.Logger.child', args: [0] },
  // winston top-level methods routed to the default logger (`let info: LeveledLogMethod` etc.).
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.log' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.error' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.warn' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.info' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.http' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.verbose' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.debug' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.silly' },
  { kind: 'log', library: 'winston', module: 'winston', path: 'default.child', args: [0] },

  // @opentelemetry/api logs bridge (`logs.getLogger(...).emit(record)`), exported interface Logger.
  { kind: 'log', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'Logger.emit' },

  // bunyan (@types/bunyan 1.8.11: `export = Logger`, a class; createLogger() and child() return it).
  { kind: 'log', library: 'bunyan', module: 'bunyan', path: 'default.trace' },
  { kind: 'log', library: 'bunyan', module: 'bunyan', path: 'default.debug' },
  { kind: 'log', library: 'bunyan', module: 'bunyan', path: 'default.info' },
  { kind: 'log', library: 'bunyan', module: 'bunyan', path: 'default.warn' },
  { kind: 'log', library: 'bunyan', module: 'bunyan', path: 'default.error' },
  { kind: 'log', library: 'bunyan', module: 'bunyan', path: 'default.fatal' },
  { kind: 'log', library: 'bunyan', module: 'bunyan', path: 'default.child', args: [0] },

  // log4js (6.9.1, types/log4js.d.ts: `getLogger()` returns the exported class Logger).
  { kind: 'log', library: 'log4js', module: 'log4js', path: 'Logger.log' },
  { kind: 'log', library: 'log4js', module: 'log4js', path: 'Logger.trace' },
  { kind: 'log', library: 'log4js', module: 'log4js', path: 'Logger.debug' },
  { kind: 'log', library: 'log4js', module: 'log4js', path: 'Logger.info' },
  { kind: 'log', library: 'log4js', module: 'log4js', path: 'Logger.warn' },
  { kind: 'log', library: 'log4js', module: 'log4js', path: 'Logger.error' },
  { kind: 'log', library: 'log4js', module: 'log4js', path: 'Logger.fatal' },
  { kind: 'log', library: 'log4js', module: 'log4js', path: 'Logger.mark' },
  { kind: 'log', library: 'log4js', module: 'log4js', path: 'Logger.addContext', args: [1] },

  // loglevel (1.9.2: `export = log`, a RootLogger extending Logger, where the methods are declared;
  // `getLogger(name)` returns a Logger).
  { kind: 'log', library: 'loglevel', module: 'loglevel', path: 'default.trace' },
  { kind: 'log', library: 'loglevel', module: 'loglevel', path: 'default.debug' },
  { kind: 'log', library: 'loglevel', module: 'loglevel', path: 'default.info' },
  { kind: 'log', library: 'loglevel', module: 'loglevel', path: 'default.warn' },
  { kind: 'log', library: 'loglevel', module: 'loglevel', path: 'default.error' },
  { kind: 'log', library: 'loglevel', module: 'loglevel', path: 'default.log' },

  // consola (3.4.2: ConsolaInstance = Consola & Record<LogType, LogFn>. The level methods are a mapped
  // type whose members have no declaration, so they are matched as written from the import: the
  // default instance (named or default import), `createConsola()`, and `consola.withTag()` held in a
  // const. Other instances (`consola.create()`, a logger passed as a parameter) are not recognised.
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.log' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.info' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.warn' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.error' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.debug' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.trace' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.fatal' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.success' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.fail' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'default.log' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'default.info' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'default.warn' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'default.error' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'default.debug' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'default.trace' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'default.fatal' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'default.success' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'default.fail' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'createConsola.log' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'createConsola.info' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'createConsola.warn' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'createConsola.error' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'createConsola.debug' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'createConsola.trace' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'createConsola.fatal' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'createConsola.success' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'createConsola.fail' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.withTag.log' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.withTag.info' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.withTag.warn' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.withTag.error' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.withTag.debug' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.withTag.trace' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.withTag.fatal' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.withTag.success' },
  { kind: 'log', library: 'consola', module: 'consola', path: 'consola.withTag.fail' },

  // tslog (4.9.3; 5.x needs Node 22: class Logger<LogObj> extends BaseLogger, declaring the level
  // methods; getSubLogger() returns a Logger).
  { kind: 'log', library: 'tslog', module: 'tslog', path: 'Logger.silly' },
  { kind: 'log', library: 'tslog', module: 'tslog', path: 'Logger.trace' },
  { kind: 'log', library: 'tslog', module: 'tslog', path: 'Logger.debug' },
  { kind: 'log', library: 'tslog', module: 'tslog', path: 'Logger.info' },
  { kind: 'log', library: 'tslog', module: 'tslog', path: 'Logger.warn' },
  { kind: 'log', library: 'tslog', module: 'tslog', path: 'Logger.error' },
  { kind: 'log', library: 'tslog', module: 'tslog', path: 'Logger.fatal' },

  // electron-log (5.4.4: `export =` a MainLogger/RendererLogger; the methods are declared once on
  // interface LogFunctions, shared by scopes and by the `electron-log/main` and `/renderer` entry
  // points, each of which needs its own entries to resolve).
  { kind: 'log', library: 'electron-log', module: 'electron-log', path: 'default.error' },
  { kind: 'log', library: 'electron-log', module: 'electron-log', path: 'default.warn' },
  { kind: 'log', library: 'electron-log', module: 'electron-log', path: 'default.info' },
  { kind: 'log', library: 'electron-log', module: 'electron-log', path: 'default.verbose' },
  { kind: 'log', library: 'electron-log', module: 'electron-log', path: 'default.debug' },
  { kind: 'log', library: 'electron-log', module: 'electron-log', path: 'default.silly' },
  { kind: 'log', library: 'electron-log', module: 'electron-log', path: 'default.log' },
  { kind: 'log', library: 'electron-log', module: 'electron-log/main', path: 'default.error' },
  { kind: 'log', library: 'electron-log', module: 'electron-log/main', path: 'default.warn' },
  { kind: 'log', library: 'electron-log', module: 'electron-log/main', path: 'default.info' },
  { kind: 'log', library: 'electron-log', module: 'electron-log/main', path: 'default.verbose' },
  { kind: 'log', library: 'electron-log', module: 'electron-log/main', path: 'default.debug' },
  { kind: 'log', library: 'electron-log', module: 'electron-log/main', path: 'default.silly' },
  { kind: 'log', library: 'electron-log', module: 'electron-log/main', path: 'default.log' },
  { kind: 'log', library: 'electron-log', module: 'electron-log/renderer', path: 'default.error' },
  { kind: 'log', library: 'electron-log', module: 'electron-log/renderer', path: 'default.warn' },
  { kind: 'log', library: 'electron-log', module: 'electron-log/renderer', path: 'default.info' },
  { kind: 'log', library: 'electron-log', module: 'electron-log/renderer', path: 'default.verbose' },
  { kind: 'log', library: 'electron-log', module: 'electron-log/renderer', path: 'default.debug' },
  { kind: 'log', library: 'electron-log', module: 'electron-log/renderer', path: 'default.silly' },
  { kind: 'log', library: 'electron-log', module: 'electron-log/renderer', path: 'default.log' },

  // @nestjs/common Logger (11.2.12). `Logger` has both static and instance methods of these names; the
  // resolver collects both. ConsoleLogger declares its own; LoggerService is the injected interface.
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'Logger.log' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'Logger.error' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'Logger.warn' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'Logger.debug' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'Logger.verbose' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'Logger.fatal' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'ConsoleLogger.log' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'ConsoleLogger.error' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'ConsoleLogger.warn' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'ConsoleLogger.debug' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'ConsoleLogger.verbose' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'ConsoleLogger.fatal' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'LoggerService.log' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'LoggerService.error' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'LoggerService.warn' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'LoggerService.debug' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'LoggerService.verbose' },
  { kind: 'log', library: '@nestjs/common', module: '@nestjs/common', path: 'LoggerService.fatal' },

  // nestjs-pino (4.6.1; 5.x needs Node 22: class PinoLogger with pino's level methods and `assign`,
  // which adds fields to every later line of the request; class Logger implements LoggerService).
  { kind: 'log', library: 'nestjs-pino', module: 'nestjs-pino', path: 'PinoLogger.trace' },
  { kind: 'log', library: 'nestjs-pino', module: 'nestjs-pino', path: 'PinoLogger.debug' },
  { kind: 'log', library: 'nestjs-pino', module: 'nestjs-pino', path: 'PinoLogger.info' },
  { kind: 'log', library: 'nestjs-pino', module: 'nestjs-pino', path: 'PinoLogger.warn' },
  { kind: 'log', library: 'nestjs-pino', module: 'nestjs-pino', path: 'PinoLogger.error' },
  { kind: 'log', library: 'nestjs-pino', module: 'nestjs-pino', path: 'PinoLogger.fatal' },
  { kind: 'log', library: 'nestjs-pino', module: 'nestjs-pino', path: 'PinoLogger.assign', args: [0] },
  { kind: 'log', library: 'nestjs-pino', module: 'nestjs-pino', path: 'Logger.log' },
  { kind: 'log', library: 'nestjs-pino', module: 'nestjs-pino', path: 'Logger.error' },
  { kind: 'log', library: 'nestjs-pino', module: 'nestjs-pino', path: 'Logger.warn' },
  { kind: 'log', library: 'nestjs-pino', module: 'nestjs-pino', path: 'Logger.debug' },
  { kind: 'log', library: 'nestjs-pino', module: 'nestjs-pino', path: 'Logger.verbose' },
  { kind: 'log', library: 'nestjs-pino', module: 'nestjs-pino', path: 'Logger.fatal' },

  // @google-cloud/logging (11.3.0; 12.x needs Node 22: `new Logging().log(name)` returns class Log,
  // `logSync(name)` class LogSync; `entry(metadata, data)` builds the entry that `write` sends).
  { kind: 'log', library: '@google-cloud/logging', module: '@google-cloud/logging', path: 'Log.write' },
  { kind: 'log', library: '@google-cloud/logging', module: '@google-cloud/logging', path: 'Log.entry' },
  { kind: 'log', library: '@google-cloud/logging', module: '@google-cloud/logging', path: 'LogSync.write' },
  { kind: 'log', library: '@google-cloud/logging', module: '@google-cloud/logging', path: 'LogSync.entry' },

  // @aws-lambda-powertools/logger (2.36.0: class Logger; the key setters add fields to later lines).
  { kind: 'log', library: '@aws-lambda-powertools/logger', module: '@aws-lambda-powertools/logger', path: 'Logger.trace' },
  { kind: 'log', library: '@aws-lambda-powertools/logger', module: '@aws-lambda-powertools/logger', path: 'Logger.debug' },
  { kind: 'log', library: '@aws-lambda-powertools/logger', module: '@aws-lambda-powertools/logger', path: 'Logger.info' },
  { kind: 'log', library: '@aws-lambda-powertools/logger', module: '@aws-lambda-powertools/logger', path: 'Logger.warn' },
  { kind: 'log', library: '@aws-lambda-powertools/logger', module: '@aws-lambda-powertools/logger', path: 'Logger.error' },
  { kind: 'log', library: '@aws-lambda-powertools/logger', module: '@aws-lambda-powertools/logger', path: 'Logger.critical' },
  { kind: 'log', library: '@aws-lambda-powertools/logger', module: '@aws-lambda-powertools/logger', path: 'Logger.appendKeys', args: [0] },
  { kind: 'log', library: '@aws-lambda-powertools/logger', module: '@aws-lambda-powertools/logger', path: 'Logger.appendPersistentKeys', args: [0] },
  { kind: 'log', library: '@aws-lambda-powertools/logger', module: '@aws-lambda-powertools/logger', path: 'Logger.addPersistentLogAttributes', args: [0] },
  { kind: 'log', library: '@aws-lambda-powertools/logger', module: '@aws-lambda-powertools/logger', path: 'Logger.setPersistentLogAttributes', args: [0] },
  { kind: 'log', library: '@aws-lambda-powertools/logger', module: '@aws-lambda-powertools/logger', path: 'Logger.logEventIfEnabled', args: [0] },

  // Hosted log services. @logtail/node (0.5.9: `Logtail` is class Node extending @logtail/core's Base,
  // which declares the level methods).
  { kind: 'log', library: '@logtail/node', module: '@logtail/node', path: 'Logtail.log' },
  { kind: 'log', library: '@logtail/node', module: '@logtail/node', path: 'Logtail.debug' },
  { kind: 'log', library: '@logtail/node', module: '@logtail/node', path: 'Logtail.info' },
  { kind: 'log', library: '@logtail/node', module: '@logtail/node', path: 'Logtail.warn' },
  { kind: 'log', library: '@logtail/node', module: '@logtail/node', path: 'Logtail.error' },
  // @axiomhq/js (1.8.0; @axiomhq/logging 0.4.1 wants ^1: `ingest(dataset, events)` on Axiom and
  // AxiomWithoutBatching, `ingestRaw` on their base class) and @axiomhq/logging (class Logger).
  { kind: 'log', library: '@axiomhq/js', module: '@axiomhq/js', path: 'Axiom.ingest', args: [1] },
  { kind: 'log', library: '@axiomhq/js', module: '@axiomhq/js', path: 'AxiomWithoutBatching.ingest', args: [1] },
  { kind: 'log', library: '@axiomhq/js', module: '@axiomhq/js', path: 'Axiom.ingestRaw', args: [1] },
  { kind: 'log', library: '@axiomhq/logging', module: '@axiomhq/logging', path: 'Logger.debug' },
  { kind: 'log', library: '@axiomhq/logging', module: '@axiomhq/logging', path: 'Logger.info' },
  { kind: 'log', library: '@axiomhq/logging', module: '@axiomhq/logging', path: 'Logger.warn' },
  { kind: 'log', library: '@axiomhq/logging', module: '@axiomhq/logging', path: 'Logger.error' },
  { kind: 'log', library: '@axiomhq/logging', module: '@axiomhq/logging', path: 'Logger.log' },
  { kind: 'log', library: '@axiomhq/logging', module: '@axiomhq/logging', path: 'Logger.raw' },
  { kind: 'log', library: '@axiomhq/logging', module: '@axiomhq/logging', path: 'Logger.with' },
  // @datadog/browser-logs (7.16.2: `datadogLogs.logger` and `createLogger()` are the exported class
  // Logger; the global and user context go with every line).
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'Logger.log' },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'Logger.debug' },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'Logger.info' },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'Logger.notice' },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'Logger.warn' },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'Logger.error' },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'Logger.critical' },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'Logger.alert' },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'Logger.emerg' },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'Logger.ok' },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'Logger.setContext' },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'Logger.setContextProperty', args: [1] },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'datadogLogs.setGlobalContext' },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'datadogLogs.setGlobalContextProperty', args: [1] },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'datadogLogs.setUser' },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'datadogLogs.setUserProperty', args: [1] },
  { kind: 'log', library: '@datadog/browser-logs', module: '@datadog/browser-logs', path: 'datadogLogs.setAccount' },

  // ─────────────────────────────────────────── storage ───────────────────────────────────────────

  // pg (@types/pg; `query` is declared on ClientBase — Client, PoolClient inherit it — and
  // separately on Pool). ESM typings (index.d.mts) re-export the same declarations.
  { kind: 'storage', library: 'pg', module: 'pg', path: 'Client.query' },
  { kind: 'storage', library: 'pg', module: 'pg', path: 'PoolClient.query' },
  { kind: 'storage', library: 'pg', module: 'pg', path: 'ClientBase.query' },
  { kind: 'storage', library: 'pg', module: 'pg', path: 'Pool.query' },

  // ioredis (`default` = class Redis; commands are declared once on interface RedisCommander,
  // which Redis, Cluster and pipelines inherit).
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.set' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.setex' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.psetex' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.setnx' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.setrange' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.getset' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.append' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.mset' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.msetnx' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.hset' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.hsetnx' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.hmset' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.lpush' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.rpush' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.lpushx' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.rpushx' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.lset' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.sadd' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.zadd' },
  { kind: 'storage', library: 'ioredis', module: 'ioredis', path: 'default.xadd' },

  // fs and fs/promises (@types/node; `fs.promises` re-exports `node:fs/promises`, and the
  // `node:` specifiers re-export the bare modules, so the declarations are shared).
  { kind: 'storage', library: 'fs', module: 'fs', path: 'writeFile', args: [1] },
  { kind: 'storage', library: 'fs', module: 'fs', path: 'writeFileSync', args: [1] },
  { kind: 'storage', library: 'fs', module: 'fs', path: 'appendFile', args: [1] },
  { kind: 'storage', library: 'fs', module: 'fs', path: 'appendFileSync', args: [1] },
  { kind: 'storage', library: 'fs', module: 'fs', path: 'write', args: [1] },
  { kind: 'storage', library: 'fs', module: 'fs', path: 'writeSync', args: [1] },
  { kind: 'storage', library: 'fs', module: 'fs/promises', path: 'writeFile', args: [1] },
  { kind: 'storage', library: 'fs', module: 'fs/promises', path: 'appendFile', args: [1] },
  { kind: 'storage', library: 'fs', module: 'fs/promises', path: 'FileHandle.writeFile', args: [0] },
  { kind: 'storage', library: 'fs', module: 'fs/promises', path: 'FileHandle.appendFile', args: [0] },
  { kind: 'storage', library: 'fs', module: 'fs/promises', path: 'FileHandle.write', args: [0] },

  // mysql2 (3.26.1: the callback and promise APIs declare separate Connection and Pool interfaces).
  { kind: 'storage', library: 'mysql2', module: 'mysql2', path: 'Connection.query' },
  { kind: 'storage', library: 'mysql2', module: 'mysql2', path: 'Connection.execute' },
  { kind: 'storage', library: 'mysql2', module: 'mysql2', path: 'Pool.query' },
  { kind: 'storage', library: 'mysql2', module: 'mysql2', path: 'Pool.execute' },
  { kind: 'storage', library: 'mysql2', module: 'mysql2/promise', path: 'Connection.query' },
  { kind: 'storage', library: 'mysql2', module: 'mysql2/promise', path: 'Connection.execute' },
  { kind: 'storage', library: 'mysql2', module: 'mysql2/promise', path: 'Pool.query' },
  { kind: 'storage', library: 'mysql2', module: 'mysql2/promise', path: 'Pool.execute' },

  // better-sqlite3 (@types/better-sqlite3 9.6.0; the package builds a native addon, so only its
  // typings are installed: `export = Database`; `prepare()` returns Statement).
  { kind: 'storage', library: 'better-sqlite3', module: 'better-sqlite3', path: 'default.prepare.run' },

  // typeorm (1.1.4: classes Repository, EntityManager and the query builders).
  { kind: 'storage', library: 'typeorm', module: 'typeorm', path: 'Repository.save' },
  { kind: 'storage', library: 'typeorm', module: 'typeorm', path: 'Repository.insert' },
  { kind: 'storage', library: 'typeorm', module: 'typeorm', path: 'Repository.update' },
  { kind: 'storage', library: 'typeorm', module: 'typeorm', path: 'Repository.upsert' },
  { kind: 'storage', library: 'typeorm', module: 'typeorm', path: 'EntityManager.save' },
  { kind: 'storage', library: 'typeorm', module: 'typeorm', path: 'EntityManager.insert' },
  { kind: 'storage', library: 'typeorm', module: 'typeorm', path: 'EntityManager.update' },
  { kind: 'storage', library: 'typeorm', module: 'typeorm', path: 'EntityManager.upsert' },
  { kind: 'storage', library: 'typeorm', module: 'typeorm', path: 'InsertQueryBuilder.values' },
  { kind: 'storage', library: 'typeorm', module: 'typeorm', path: 'UpdateQueryBuilder.set' },

  // mongoose (9.13.2: exported interface Model declares the statics).
  { kind: 'storage', library: 'mongoose', module: 'mongoose', path: 'Model.create' },
  { kind: 'storage', library: 'mongoose', module: 'mongoose', path: 'Model.insertMany' },
  { kind: 'storage', library: 'mongoose', module: 'mongoose', path: 'Model.updateOne' },
  { kind: 'storage', library: 'mongoose', module: 'mongoose', path: 'Model.updateMany' },
  { kind: 'storage', library: 'mongoose', module: 'mongoose', path: 'Model.findOneAndUpdate' },
  { kind: 'storage', library: 'mongoose', module: 'mongoose', path: 'Model.replaceOne' },

  // sequelize (6.37.8: static methods on class Model).
  { kind: 'storage', library: 'sequelize', module: 'sequelize', path: 'Model.create' },
  { kind: 'storage', library: 'sequelize', module: 'sequelize', path: 'Model.bulkCreate' },
  { kind: 'storage', library: 'sequelize', module: 'sequelize', path: 'Model.update' },
  { kind: 'storage', library: 'sequelize', module: 'sequelize', path: 'Model.upsert' },

  // knex (3.3.0: `insert`/`update` are properties of Knex.QueryInterface).
  { kind: 'storage', library: 'knex', module: 'knex', path: 'Knex.QueryInterface.insert' },
  { kind: 'storage', library: 'knex', module: 'knex', path: 'Knex.QueryInterface.update' },

  // node-redis (6.4.0: commands are a mapped type on the client).
  { kind: 'storage', library: 'redis', module: 'redis', path: 'createClient.set' },
  { kind: 'storage', library: 'redis', module: 'redis', path: 'createClient.hSet' },
  { kind: 'storage', library: 'redis', module: 'redis', path: 'createClient.lPush' },
  { kind: 'storage', library: 'redis', module: 'redis', path: 'createClient.rPush' },
  { kind: 'storage', library: 'redis', module: 'redis', path: 'createClient.sAdd' },

  // AWS SDK v3 data stores (3.1178.0). Commands carry the data in their
  // constructor input (`new PutItemCommand(input)`); `client.send` is shared by every AWS client.
  { kind: 'storage', library: '@aws-sdk/client-dynamodb', module: '@aws-sdk/client-dynamodb', path: 'PutItemCommand', args: [0] },
  { kind: 'storage', library: '@aws-sdk/client-dynamodb', module: '@aws-sdk/client-dynamodb', path: 'UpdateItemCommand', args: [0] },
  { kind: 'storage', library: '@aws-sdk/client-dynamodb', module: '@aws-sdk/client-dynamodb', path: 'BatchWriteItemCommand', args: [0] },
  { kind: 'storage', library: '@aws-sdk/client-dynamodb', module: '@aws-sdk/client-dynamodb', path: 'DynamoDB.putItem', args: [0] },
  { kind: 'storage', library: '@aws-sdk/client-dynamodb', module: '@aws-sdk/client-dynamodb', path: 'DynamoDB.updateItem', args: [0] },
  { kind: 'storage', library: '@aws-sdk/lib-dynamodb', module: '@aws-sdk/lib-dynamodb', path: 'PutCommand', args: [0] },
  { kind: 'storage', library: '@aws-sdk/lib-dynamodb', module: '@aws-sdk/lib-dynamodb', path: 'UpdateCommand', args: [0] },
  { kind: 'storage', library: '@aws-sdk/lib-dynamodb', module: '@aws-sdk/lib-dynamodb', path: 'BatchWriteCommand', args: [0] },
  { kind: 'storage', library: '@aws-sdk/client-s3', module: '@aws-sdk/client-s3', path: 'PutObjectCommand', args: [0] },

  // MongoDB driver (7.9.1, the version mongoose 9.13 depends on: class Collection; the document or
  // update is argument 0 of inserts and bulkWrite, argument 1 of updates and replacements).
  { kind: 'storage', library: 'mongodb', module: 'mongodb', path: 'Collection.insertOne', args: [0] },
  { kind: 'storage', library: 'mongodb', module: 'mongodb', path: 'Collection.insertMany', args: [0] },
  { kind: 'storage', library: 'mongodb', module: 'mongodb', path: 'Collection.bulkWrite', args: [0] },
  { kind: 'storage', library: 'mongodb', module: 'mongodb', path: 'Collection.updateOne', args: [1] },
  { kind: 'storage', library: 'mongodb', module: 'mongodb', path: 'Collection.updateMany', args: [1] },
  { kind: 'storage', library: 'mongodb', module: 'mongodb', path: 'Collection.replaceOne', args: [1] },
  { kind: 'storage', library: 'mongodb', module: 'mongodb', path: 'Collection.findOneAndUpdate', args: [1] },
  { kind: 'storage', library: 'mongodb', module: 'mongodb', path: 'Collection.findOneAndReplace', args: [1] },

  // drizzle-orm (0.45.4: one insert/update builder class per dialect, exported from the dialect's
  // core module, which a project imports for its table definitions).
  { kind: 'storage', library: 'drizzle-orm', module: 'drizzle-orm/pg-core', path: 'PgInsertBuilder.values' },
  { kind: 'storage', library: 'drizzle-orm', module: 'drizzle-orm/pg-core', path: 'PgUpdateBuilder.set' },
  { kind: 'storage', library: 'drizzle-orm', module: 'drizzle-orm/mysql-core', path: 'MySqlInsertBuilder.values' },
  { kind: 'storage', library: 'drizzle-orm', module: 'drizzle-orm/mysql-core', path: 'MySqlUpdateBuilder.set' },
  { kind: 'storage', library: 'drizzle-orm', module: 'drizzle-orm/sqlite-core', path: 'SQLiteInsertBuilder.values' },
  { kind: 'storage', library: 'drizzle-orm', module: 'drizzle-orm/sqlite-core', path: 'SQLiteUpdateBuilder.set' },

  // kysely (0.28.20; 0.29 needs Node 22: classes InsertQueryBuilder and UpdateQueryBuilder).
  { kind: 'storage', library: 'kysely', module: 'kysely', path: 'InsertQueryBuilder.values' },
  { kind: 'storage', library: 'kysely', module: 'kysely', path: 'UpdateQueryBuilder.set' },

  // @supabase/supabase-js (2.109.0; later versions need Node 22: class SupabaseClient; `from()`
  // returns @supabase/postgrest-js's PostgrestQueryBuilder, `storage.from()` a bucket's file API).
  { kind: 'storage', library: '@supabase/supabase-js', module: '@supabase/supabase-js', path: 'SupabaseClient.from.insert', args: [0] },
  { kind: 'storage', library: '@supabase/supabase-js', module: '@supabase/supabase-js', path: 'SupabaseClient.from.upsert', args: [0] },
  { kind: 'storage', library: '@supabase/supabase-js', module: '@supabase/supabase-js', path: 'SupabaseClient.from.update', args: [0] },
  { kind: 'storage', library: '@supabase/supabase-js', module: '@supabase/supabase-js', path: 'SupabaseClient.storage.from.upload', args: [1] },
  { kind: 'storage', library: '@supabase/supabase-js', module: '@supabase/supabase-js', path: 'SupabaseClient.storage.from.update', args: [1] },

  // @mikro-orm/core (6.6.7; 7.x needs Node 22: class EntityManager; `persist` and `upsert` take an
  // entity, the others the entity name first).
  { kind: 'storage', library: '@mikro-orm/core', module: '@mikro-orm/core', path: 'EntityManager.create', args: [1] },
  { kind: 'storage', library: '@mikro-orm/core', module: '@mikro-orm/core', path: 'EntityManager.assign', args: [1] },
  { kind: 'storage', library: '@mikro-orm/core', module: '@mikro-orm/core', path: 'EntityManager.insert' },
  { kind: 'storage', library: '@mikro-orm/core', module: '@mikro-orm/core', path: 'EntityManager.insertMany' },
  { kind: 'storage', library: '@mikro-orm/core', module: '@mikro-orm/core', path: 'EntityManager.nativeUpdate', args: [2] },
  { kind: 'storage', library: '@mikro-orm/core', module: '@mikro-orm/core', path: 'EntityManager.upsert' },
  { kind: 'storage', library: '@mikro-orm/core', module: '@mikro-orm/core', path: 'EntityManager.upsertMany' },
  { kind: 'storage', library: '@mikro-orm/core', module: '@mikro-orm/core', path: 'EntityManager.persist' },

  // Firestore — unverified: not installed.
  { kind: 'storage', library: '@google-cloud/firestore', module: '@google-cloud/firestore', path: 'DocumentReference.set', args: [0] },
  { kind: 'storage', library: '@google-cloud/firestore', module: '@google-cloud/firestore', path: 'DocumentReference.update' },
  { kind: 'storage', library: '@google-cloud/firestore', module: '@google-cloud/firestore', path: 'CollectionReference.add', args: [0] },

  // ──────────────────────────────────────────── vault ────────────────────────────────────────────

  // AWS KMS / Secrets Manager (3.1178.0: command constructors and the aggregated clients' methods).
  { kind: 'vault', library: '@aws-sdk/client-kms', module: '@aws-sdk/client-kms', path: 'EncryptCommand', args: [0] },
  { kind: 'vault', library: '@aws-sdk/client-kms', module: '@aws-sdk/client-kms', path: 'KMS.encrypt', args: [0] },
  { kind: 'vault', library: '@aws-sdk/client-secrets-manager', module: '@aws-sdk/client-secrets-manager', path: 'CreateSecretCommand', args: [0] },
  { kind: 'vault', library: '@aws-sdk/client-secrets-manager', module: '@aws-sdk/client-secrets-manager', path: 'PutSecretValueCommand', args: [0] },
  { kind: 'vault', library: '@aws-sdk/client-secrets-manager', module: '@aws-sdk/client-secrets-manager', path: 'UpdateSecretCommand', args: [0] },
  { kind: 'vault', library: '@aws-sdk/client-secrets-manager', module: '@aws-sdk/client-secrets-manager', path: 'SecretsManager.createSecret', args: [0] },
  { kind: 'vault', library: '@aws-sdk/client-secrets-manager', module: '@aws-sdk/client-secrets-manager', path: 'SecretsManager.putSecretValue', args: [0] },
  { kind: 'vault', library: '@aws-sdk/client-secrets-manager', module: '@aws-sdk/client-secrets-manager', path: 'SecretsManager.updateSecret', args: [0] },

  // node-vault (0.12.0: `export = NodeVault`, a function returning interface `client`).
  { kind: 'vault', library: 'node-vault', module: 'node-vault', path: 'default.write', args: [1] },

  // Google Cloud KMS, Azure Key Vault — unverified: not installed.
  { kind: 'vault', library: '@google-cloud/kms', module: '@google-cloud/kms', path: 'KeyManagementServiceClient.encrypt', args: [0] },
  { kind: 'vault', library: '@azure/keyvault-secrets', module: '@azure/keyvault-secrets', path: 'SecretClient.setSecret', args: [1] },

  // ─────────────────────────────────────── browser-storage ───────────────────────────────────────

  // Web Storage (lib.dom: `declare var localStorage: Storage`; both globals share
  // Storage.setItem. `window` is `Window & typeof globalThis`, so `window.localStorage` carries
  // the global variable's declaration too and `window.localStorage.x = v` matches `localStorage.*`).
  { kind: 'browser-storage', library: 'localStorage', global: 'localStorage.setItem', args: [1] },
  { kind: 'browser-storage', library: 'sessionStorage', global: 'sessionStorage.setItem', args: [1] },
  { kind: 'browser-storage', library: 'localStorage', global: 'localStorage.*', access: 'assign' },
  { kind: 'browser-storage', library: 'sessionStorage', global: 'sessionStorage.*', access: 'assign' },
  { kind: 'browser-storage', library: 'document.cookie', global: 'document.cookie', access: 'assign' },

  // IndexedDB (lib.dom declares `var IDBObjectStore: { prototype; new(): IDBObjectStore }`
  // beside the interface, so the global name reaches the instance members by rule 3/5; the
  // long form `indexedDB.open.result.transaction.objectStore.put` resolves to the same
  // declaration).
  { kind: 'browser-storage', library: 'IndexedDB', global: 'IDBObjectStore.put', args: [0] },
  { kind: 'browser-storage', library: 'IndexedDB', global: 'IDBObjectStore.add', args: [0] },
  { kind: 'browser-storage', library: 'IndexedDB', global: 'IDBCursor.update', args: [0] },

  // js-cookie (@types/js-cookie 3.0.6: the default export is a Cookies object).
  { kind: 'browser-storage', library: 'js-cookie', module: 'js-cookie', path: 'default.set', args: [1] },
  // cookies-next — unverified: not installed (its peer dependency `next` is over 100 MB).
  { kind: 'browser-storage', library: 'cookies-next', module: 'cookies-next', path: 'setCookie', args: [1] },

  // ───────────────────────────────────────── third-party ─────────────────────────────────────────

  // @segment/analytics-node (class Analytics; the event object is argument 0, a callback 1).
  { kind: 'third-party', library: '@segment/analytics-node', module: '@segment/analytics-node', path: 'Analytics.identify', args: [0] },
  { kind: 'third-party', library: '@segment/analytics-node', module: '@segment/analytics-node', path: 'Analytics.track', args: [0] },
  { kind: 'third-party', library: '@segment/analytics-node', module: '@segment/analytics-node', path: 'Analytics.page', args: [0] },
  { kind: 'third-party', library: '@segment/analytics-node', module: '@segment/analytics-node', path: 'Analytics.screen', args: [0] },
  { kind: 'third-party', library: '@segment/analytics-node', module: '@segment/analytics-node', path: 'Analytics.group', args: [0] },
  { kind: 'third-party', library: '@segment/analytics-node', module: '@segment/analytics-node', path: 'Analytics.alias', args: [0] },

  // mixpanel (`export = mixpanel` namespace; `init()` returns interface Mixpanel whose `people`
  // and `groups` properties are interfaces People and Groups).
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.track' },
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.track_batch', args: [0] },
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.import' },
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.import_batch', args: [0] },
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.alias', args: [0, 1] },
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.people.set' },
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.people.set_once' },
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.people.union' },
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.people.append' },
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.people.increment' },
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.people.remove' },
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.people.track_charge' },
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.groups.set' },
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.groups.set_once' },
  { kind: 'third-party', library: 'mixpanel', module: 'mixpanel', path: 'default.init.groups.union' },

  // posthog-node (class PostHog extends PostHogBackendClient, where the methods are declared;
  // `logger` is a getter returning @posthog/types Logger; `emails.send` mails via PostHog).
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.capture', args: [0] },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.captureImmediate', args: [0] },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.captureAi', args: [0] },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.captureAiImmediate', args: [0] },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.identify', args: [0] },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.identifyImmediate', args: [0] },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.alias', args: [0] },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.aliasImmediate', args: [0] },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.groupIdentify', args: [0] },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.groupIdentifyImmediate', args: [0] },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.setPersonProperties', args: [0] },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.captureException' },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.captureExceptionImmediate' },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.captureLog', args: [0] },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.enterContext', args: [0] },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.withContext', args: [0] },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.logger.trace' },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.logger.debug' },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.logger.info' },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.logger.warn' },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.logger.error' },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.logger.fatal' },
  { kind: 'third-party', library: 'posthog-node', module: 'posthog-node', path: 'PostHog.emails.send', args: [0] },
  // @posthog/ai (8.13.1): LLM tracing into PostHog. `withTracing(model, client, options)` sends
  // `posthogDistinctId`/`posthogProperties`/`posthogGroups` with every generation the wrapped model
  // makes (the same function from the package root and from `/vercel`); `captureAiGeneration`
  // captures one generation event with its distinct id, input and output.
  { kind: 'third-party', library: '@posthog/ai', module: '@posthog/ai', path: 'withTracing', args: [2] },
  { kind: 'third-party', library: '@posthog/ai', module: '@posthog/ai/vercel', path: 'withTracing', args: [2] },
  { kind: 'third-party', library: '@posthog/ai', module: '@posthog/ai', path: 'captureAiGeneration', args: [1] },

  // Sentry (10.78.0; 11.x pulls in bundler plugins, about 30 MB more). Every flavour re-exports the
  // top-level functions and class Scope (behind getCurrentScope()/withScope()) from @sentry/core, so a
  // renamed import (`import { setUser as sentrySetUser }`) reaches the same declaration. Each flavour
  // needs its own entries: an entry resolves through the project's imports of its module.
  // `captureException` takes the error first (its message is the program's); the hint carries extras.
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'setUser' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'setContext' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'setExtra' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'setExtras' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'setTag' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'setTags' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'captureMessage' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'captureException', args: [1] },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'captureEvent' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'addBreadcrumb' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'Scope.setUser' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'Scope.setContext' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'Scope.setExtra' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'Scope.setExtras' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'Scope.setTag' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'Scope.setTags' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'Scope.addBreadcrumb' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'Scope.captureMessage' },
  { kind: 'third-party', library: '@sentry/node', module: '@sentry/node', path: 'Scope.captureException', args: [1] },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'setUser' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'setContext' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'setExtra' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'setExtras' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'setTag' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'setTags' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'captureMessage' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'captureException', args: [1] },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'captureEvent' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'addBreadcrumb' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'Scope.setUser' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'Scope.setContext' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'Scope.setExtra' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'Scope.setExtras' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'Scope.setTag' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'Scope.setTags' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'Scope.addBreadcrumb' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'Scope.captureMessage' },
  { kind: 'third-party', library: '@sentry/browser', module: '@sentry/browser', path: 'Scope.captureException', args: [1] },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'setUser' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'setContext' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'setExtra' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'setExtras' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'setTag' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'setTags' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'captureMessage' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'captureException', args: [1] },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'captureEvent' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'addBreadcrumb' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'Scope.setUser' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'Scope.setContext' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'Scope.setExtra' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'Scope.setExtras' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'Scope.setTag' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'Scope.setTags' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'Scope.addBreadcrumb' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'Scope.captureMessage' },
  { kind: 'third-party', library: '@sentry/react', module: '@sentry/react', path: 'Scope.captureException', args: [1] },
  // @sentry/nextjs — unverified: not installed (its peer dependency `next` is over 100 MB); the same
  // re-exports of @sentry/core as the flavours above.
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'setUser' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'setContext' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'setExtra' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'setExtras' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'setTag' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'setTags' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'captureMessage' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'captureException', args: [1] },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'captureEvent' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'addBreadcrumb' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'Scope.setUser' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'Scope.setContext' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'Scope.setExtra' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'Scope.setExtras' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'Scope.setTag' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'Scope.setTags' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'Scope.addBreadcrumb' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'Scope.captureMessage' },
  { kind: 'third-party', library: '@sentry/nextjs', module: '@sentry/nextjs', path: 'Scope.captureException', args: [1] },

  // @segment/analytics-next (1.84.3: class AnalyticsBrowser extends AnalyticsBuffered, which declares
  // the calls as properties; `load()` resolves to class Analytics, which declares them again).
  { kind: 'third-party', library: '@segment/analytics-next', module: '@segment/analytics-next', path: 'AnalyticsBrowser.identify' },
  { kind: 'third-party', library: '@segment/analytics-next', module: '@segment/analytics-next', path: 'AnalyticsBrowser.track' },
  { kind: 'third-party', library: '@segment/analytics-next', module: '@segment/analytics-next', path: 'AnalyticsBrowser.page' },
  { kind: 'third-party', library: '@segment/analytics-next', module: '@segment/analytics-next', path: 'AnalyticsBrowser.screen' },
  { kind: 'third-party', library: '@segment/analytics-next', module: '@segment/analytics-next', path: 'AnalyticsBrowser.group' },
  { kind: 'third-party', library: '@segment/analytics-next', module: '@segment/analytics-next', path: 'AnalyticsBrowser.alias' },
  { kind: 'third-party', library: '@segment/analytics-next', module: '@segment/analytics-next', path: 'Analytics.identify' },
  { kind: 'third-party', library: '@segment/analytics-next', module: '@segment/analytics-next', path: 'Analytics.track' },
  { kind: 'third-party', library: '@segment/analytics-next', module: '@segment/analytics-next', path: 'Analytics.page' },
  { kind: 'third-party', library: '@segment/analytics-next', module: '@segment/analytics-next', path: 'Analytics.screen' },
  { kind: 'third-party', library: '@segment/analytics-next', module: '@segment/analytics-next', path: 'Analytics.group' },
  { kind: 'third-party', library: '@segment/analytics-next', module: '@segment/analytics-next', path: 'Analytics.alias' },

  // mixpanel-browser (2.84.0 ships its own typings: the default export is an OverridedMixpanel that
  // extends the exported interface Mixpanel; the same names are exported as functions).
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'Mixpanel.track' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'Mixpanel.identify' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'Mixpanel.alias' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'Mixpanel.register' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'Mixpanel.register_once' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'Mixpanel.track_with_groups' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'Mixpanel.set_group' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'People.set' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'People.set_once' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'People.union' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'People.append' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'Group.set' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'Group.set_once' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'Group.union' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'track' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'identify' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'alias' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'register' },
  { kind: 'third-party', library: 'mixpanel-browser', module: 'mixpanel-browser', path: 'register_once' },

  // posthog-js (1.455.2: the default export is an instance of class PostHog; `people` is a property
  // holding an object type).
  { kind: 'third-party', library: 'posthog-js', module: 'posthog-js', path: 'PostHog.capture' },
  { kind: 'third-party', library: 'posthog-js', module: 'posthog-js', path: 'PostHog.identify' },
  { kind: 'third-party', library: 'posthog-js', module: 'posthog-js', path: 'PostHog.alias' },
  { kind: 'third-party', library: 'posthog-js', module: 'posthog-js', path: 'PostHog.group' },
  { kind: 'third-party', library: 'posthog-js', module: 'posthog-js', path: 'PostHog.register' },
  { kind: 'third-party', library: 'posthog-js', module: 'posthog-js', path: 'PostHog.register_once' },
  { kind: 'third-party', library: 'posthog-js', module: 'posthog-js', path: 'PostHog.register_for_session' },
  { kind: 'third-party', library: 'posthog-js', module: 'posthog-js', path: 'PostHog.setPersonProperties' },
  { kind: 'third-party', library: 'posthog-js', module: 'posthog-js', path: 'PostHog.captureException' },
  { kind: 'third-party', library: 'posthog-js', module: 'posthog-js', path: 'PostHog.captureLog' },
  { kind: 'third-party', library: 'posthog-js', module: 'posthog-js', path: 'PostHog.people.set' },
  { kind: 'third-party', library: 'posthog-js', module: 'posthog-js', path: 'PostHog.people.set_once' },
  // @posthog/types (1.427.2, a dependency of posthog-js: interface PostHog, the type of the instance
  // posthog-js hands to its `loaded` callback).
  { kind: 'third-party', library: 'posthog-js', module: '@posthog/types', path: 'PostHog.capture' },
  { kind: 'third-party', library: 'posthog-js', module: '@posthog/types', path: 'PostHog.identify' },
  { kind: 'third-party', library: 'posthog-js', module: '@posthog/types', path: 'PostHog.alias' },
  { kind: 'third-party', library: 'posthog-js', module: '@posthog/types', path: 'PostHog.group' },
  { kind: 'third-party', library: 'posthog-js', module: '@posthog/types', path: 'PostHog.register' },
  { kind: 'third-party', library: 'posthog-js', module: '@posthog/types', path: 'PostHog.register_once' },
  { kind: 'third-party', library: 'posthog-js', module: '@posthog/types', path: 'PostHog.register_for_session' },
  { kind: 'third-party', library: 'posthog-js', module: '@posthog/types', path: 'PostHog.setPersonProperties' },
  { kind: 'third-party', library: 'posthog-js', module: '@posthog/types', path: 'PostHog.captureException' },

  // Amplitude (@amplitude/analytics-node 1.5.73, -browser 2.48.1: top-level functions bound to the
  // default instance; Identify is @amplitude/analytics-core's builder class, whose setters carry user
  // properties, re-exported by both).
  { kind: 'third-party', library: '@amplitude/analytics-node', module: '@amplitude/analytics-node', path: 'track' },
  { kind: 'third-party', library: '@amplitude/analytics-node', module: '@amplitude/analytics-node', path: 'identify' },
  { kind: 'third-party', library: '@amplitude/analytics-node', module: '@amplitude/analytics-node', path: 'groupIdentify' },
  { kind: 'third-party', library: '@amplitude/analytics-node', module: '@amplitude/analytics-node', path: 'logEvent' },
  { kind: 'third-party', library: '@amplitude/analytics-node', module: '@amplitude/analytics-node', path: 'setGroup' },
  { kind: 'third-party', library: '@amplitude/analytics-node', module: '@amplitude/analytics-node', path: 'Identify.set', args: [1] },
  { kind: 'third-party', library: '@amplitude/analytics-node', module: '@amplitude/analytics-node', path: 'Identify.setOnce', args: [1] },
  { kind: 'third-party', library: '@amplitude/analytics-node', module: '@amplitude/analytics-node', path: 'Identify.append', args: [1] },
  { kind: 'third-party', library: '@amplitude/analytics-node', module: '@amplitude/analytics-node', path: 'Identify.prepend', args: [1] },
  { kind: 'third-party', library: '@amplitude/analytics-node', module: '@amplitude/analytics-node', path: 'Identify.postInsert', args: [1] },
  { kind: 'third-party', library: '@amplitude/analytics-browser', module: '@amplitude/analytics-browser', path: 'track' },
  { kind: 'third-party', library: '@amplitude/analytics-browser', module: '@amplitude/analytics-browser', path: 'identify' },
  { kind: 'third-party', library: '@amplitude/analytics-browser', module: '@amplitude/analytics-browser', path: 'groupIdentify' },
  { kind: 'third-party', library: '@amplitude/analytics-browser', module: '@amplitude/analytics-browser', path: 'logEvent' },
  { kind: 'third-party', library: '@amplitude/analytics-browser', module: '@amplitude/analytics-browser', path: 'setGroup' },
  { kind: 'third-party', library: '@amplitude/analytics-browser', module: '@amplitude/analytics-browser', path: 'setUserId' },
  { kind: 'third-party', library: '@amplitude/analytics-browser', module: '@amplitude/analytics-browser', path: 'Identify.set', args: [1] },
  { kind: 'third-party', library: '@amplitude/analytics-browser', module: '@amplitude/analytics-browser', path: 'Identify.setOnce', args: [1] },
  { kind: 'third-party', library: '@amplitude/analytics-browser', module: '@amplitude/analytics-browser', path: 'Identify.append', args: [1] },
  { kind: 'third-party', library: '@amplitude/analytics-browser', module: '@amplitude/analytics-browser', path: 'Identify.prepend', args: [1] },
  { kind: 'third-party', library: '@amplitude/analytics-browser', module: '@amplitude/analytics-browser', path: 'Identify.postInsert', args: [1] },

  // @rudderstack/rudder-sdk-node (3.1.1: `export = Analytics`, a class; the message is argument 0).
  { kind: 'third-party', library: '@rudderstack/rudder-sdk-node', module: '@rudderstack/rudder-sdk-node', path: 'default.identify', args: [0] },
  { kind: 'third-party', library: '@rudderstack/rudder-sdk-node', module: '@rudderstack/rudder-sdk-node', path: 'default.track', args: [0] },
  { kind: 'third-party', library: '@rudderstack/rudder-sdk-node', module: '@rudderstack/rudder-sdk-node', path: 'default.page', args: [0] },
  { kind: 'third-party', library: '@rudderstack/rudder-sdk-node', module: '@rudderstack/rudder-sdk-node', path: 'default.screen', args: [0] },
  { kind: 'third-party', library: '@rudderstack/rudder-sdk-node', module: '@rudderstack/rudder-sdk-node', path: 'default.group', args: [0] },
  { kind: 'third-party', library: '@rudderstack/rudder-sdk-node', module: '@rudderstack/rudder-sdk-node', path: 'default.alias', args: [0] },

  // @jitsu/js (1.11.0: `jitsuAnalytics(options)` returns @jitsu/protocols 1.11.0's interface
  // AnalyticsInterface, which `emptyAnalytics` shares; context properties go with every later event).
  { kind: 'third-party', library: '@jitsu/js', module: '@jitsu/js', path: 'jitsuAnalytics.identify' },
  { kind: 'third-party', library: '@jitsu/js', module: '@jitsu/js', path: 'jitsuAnalytics.track' },
  { kind: 'third-party', library: '@jitsu/js', module: '@jitsu/js', path: 'jitsuAnalytics.page' },
  { kind: 'third-party', library: '@jitsu/js', module: '@jitsu/js', path: 'jitsuAnalytics.group' },
  { kind: 'third-party', library: '@jitsu/js', module: '@jitsu/js', path: 'jitsuAnalytics.setContextProperty', args: [1] },
  // @june-so/analytics-node (8.0.0: class Analytics wrapping a Segment client; one params object each).
  { kind: 'third-party', library: '@june-so/analytics-node', module: '@june-so/analytics-node', path: 'Analytics.identify', args: [0] },
  { kind: 'third-party', library: '@june-so/analytics-node', module: '@june-so/analytics-node', path: 'Analytics.track', args: [0] },
  { kind: 'third-party', library: '@june-so/analytics-node', module: '@june-so/analytics-node', path: 'Analytics.page', args: [0] },
  { kind: 'third-party', library: '@june-so/analytics-node', module: '@june-so/analytics-node', path: 'Analytics.screen', args: [0] },
  { kind: 'third-party', library: '@june-so/analytics-node', module: '@june-so/analytics-node', path: 'Analytics.group', args: [0] },
  // @vercel/analytics (2.0.1: `track(name, properties)` declared separately by the browser entry
  // (also on the default export), `/server` and `/react`, each with CommonJS and ESM declarations).
  { kind: 'third-party', library: '@vercel/analytics', module: '@vercel/analytics', path: 'track', args: [0, 1] },
  { kind: 'third-party', library: '@vercel/analytics', module: '@vercel/analytics', path: 'default.track', args: [0, 1] },
  { kind: 'third-party', library: '@vercel/analytics', module: '@vercel/analytics/server', path: 'track', args: [0, 1] },
  { kind: 'third-party', library: '@vercel/analytics', module: '@vercel/analytics/react', path: 'track', args: [0, 1] },
  // plausible-tracker (0.3.9: the default export `Plausible(options)` returns an object of functions;
  // `trackEvent(name, { props }, eventData)`, `trackPageview(eventData, { props })`). The script's own
  // `window.plausible(name, { props })` is declared by the package on Window only.
  { kind: 'third-party', library: 'plausible-tracker', module: 'plausible-tracker', path: 'default.trackEvent' },
  { kind: 'third-party', library: 'plausible-tracker', module: 'plausible-tracker', path: 'default.trackPageview' },
  { kind: 'third-party', library: 'plausible', global: 'plausible' },
  // Google tag and Meta Pixel globals (@types/gtag.js 0.0.20: `declare var gtag: Gtag.Gtag`;
  // @types/facebook-pixel 0.0.31: `declare var fbq: facebook.Pixel.Event`), also when a project
  // declares them itself in a `.d.ts` or calls them as `window.gtag`. The commands that send
  // parameters or user data: gtag 'config', 'event', 'set'; fbq 'init' (advanced matching), 'track*'.
  { kind: 'third-party', library: 'gtag.js', global: 'gtag', args: [1, 2], when: { arg: 0, equals: ['config', 'event', 'set'] } },
  { kind: 'third-party', library: 'Meta Pixel', global: 'fbq', args: [1, 2, 3], when: { arg: 0, equals: ['init', 'track', 'trackCustom', 'trackSingle', 'trackSingleCustom'] } },

  // Support. intercom-client (7.0.3: class IntercomClient; resources are getters returning Fern
  // clients whose methods take one request object).
  { kind: 'third-party', library: 'intercom-client', module: 'intercom-client', path: 'IntercomClient.contacts.create', args: [0] },
  { kind: 'third-party', library: 'intercom-client', module: 'intercom-client', path: 'IntercomClient.contacts.update', args: [0] },
  { kind: 'third-party', library: 'intercom-client', module: 'intercom-client', path: 'IntercomClient.companies.createOrUpdate', args: [0] },
  { kind: 'third-party', library: 'intercom-client', module: 'intercom-client', path: 'IntercomClient.companies.update', args: [0] },
  { kind: 'third-party', library: 'intercom-client', module: 'intercom-client', path: 'IntercomClient.events.create', args: [0] },
  { kind: 'third-party', library: 'intercom-client', module: 'intercom-client', path: 'IntercomClient.conversations.create', args: [0] },
  { kind: 'third-party', library: 'intercom-client', module: 'intercom-client', path: 'IntercomClient.conversations.reply', args: [0] },
  { kind: 'third-party', library: 'intercom-client', module: 'intercom-client', path: 'IntercomClient.notes.create', args: [0] },
  { kind: 'third-party', library: 'intercom-client', module: 'intercom-client', path: 'IntercomClient.messages.create', args: [0] },
  { kind: 'third-party', library: 'intercom-client', module: 'intercom-client', path: 'IntercomClient.tickets.create', args: [0] },
  // @team-plain/typescript-sdk (5.12.1: class PlainClient; each method takes one input object).
  { kind: 'third-party', library: '@team-plain/typescript-sdk', module: '@team-plain/typescript-sdk', path: 'PlainClient.upsertCustomer', args: [0] },
  { kind: 'third-party', library: '@team-plain/typescript-sdk', module: '@team-plain/typescript-sdk', path: 'PlainClient.createThread', args: [0] },
  { kind: 'third-party', library: '@team-plain/typescript-sdk', module: '@team-plain/typescript-sdk', path: 'PlainClient.replyToThread', args: [0] },
  { kind: 'third-party', library: '@team-plain/typescript-sdk', module: '@team-plain/typescript-sdk', path: 'PlainClient.sendNewEmail', args: [0] },
  { kind: 'third-party', library: '@team-plain/typescript-sdk', module: '@team-plain/typescript-sdk', path: 'PlainClient.replyToEmail', args: [0] },
  { kind: 'third-party', library: '@team-plain/typescript-sdk', module: '@team-plain/typescript-sdk', path: 'PlainClient.createCustomerEvent', args: [0] },
  { kind: 'third-party', library: '@team-plain/typescript-sdk', module: '@team-plain/typescript-sdk', path: 'PlainClient.createThreadEvent', args: [0] },
  { kind: 'third-party', library: '@team-plain/typescript-sdk', module: '@team-plain/typescript-sdk', path: 'PlainClient.createNote', args: [0] },
  { kind: 'third-party', library: '@team-plain/typescript-sdk', module: '@team-plain/typescript-sdk', path: 'PlainClient.upsertThreadField', args: [0] },
  { kind: 'third-party', library: '@team-plain/typescript-sdk', module: '@team-plain/typescript-sdk', path: 'PlainClient.sendCustomerChat', args: [0] },
  { kind: 'third-party', library: '@team-plain/typescript-sdk', module: '@team-plain/typescript-sdk', path: 'PlainClient.sendChat', args: [0] },
  // node-zendesk (6.0.1: class ZendeskClient, also returned by `createClient()`; resources are getters;
  // `update(id, data)` takes the data second).
  { kind: 'third-party', library: 'node-zendesk', module: 'node-zendesk', path: 'ZendeskClient.users.create', args: [0] },
  { kind: 'third-party', library: 'node-zendesk', module: 'node-zendesk', path: 'ZendeskClient.users.createMany', args: [0] },
  { kind: 'third-party', library: 'node-zendesk', module: 'node-zendesk', path: 'ZendeskClient.users.createOrUpdate', args: [0] },
  { kind: 'third-party', library: 'node-zendesk', module: 'node-zendesk', path: 'ZendeskClient.users.createOrUpdateMany', args: [0] },
  { kind: 'third-party', library: 'node-zendesk', module: 'node-zendesk', path: 'ZendeskClient.users.update', args: [1] },
  { kind: 'third-party', library: 'node-zendesk', module: 'node-zendesk', path: 'ZendeskClient.users.updateMany' },
  { kind: 'third-party', library: 'node-zendesk', module: 'node-zendesk', path: 'ZendeskClient.tickets.create', args: [0] },
  { kind: 'third-party', library: 'node-zendesk', module: 'node-zendesk', path: 'ZendeskClient.tickets.createMany', args: [0] },
  { kind: 'third-party', library: 'node-zendesk', module: 'node-zendesk', path: 'ZendeskClient.tickets.update', args: [1] },
  { kind: 'third-party', library: 'node-zendesk', module: 'node-zendesk', path: 'ZendeskClient.tickets.updateMany', args: [1] },
  { kind: 'third-party', library: 'node-zendesk', module: 'node-zendesk', path: 'ZendeskClient.requests.create', args: [0] },
  { kind: 'third-party', library: 'node-zendesk', module: 'node-zendesk', path: 'ZendeskClient.requests.update', args: [1] },
  // crisp-api (11.3.0: class Crisp, named and default export; `website` is interface
  // WebsiteServiceInterface extending the resource classes; the website id comes first).
  { kind: 'third-party', library: 'crisp-api', module: 'crisp-api', path: 'Crisp.website.addNewPeopleProfile', args: [1] },
  { kind: 'third-party', library: 'crisp-api', module: 'crisp-api', path: 'Crisp.website.savePeopleProfile', args: [2] },
  { kind: 'third-party', library: 'crisp-api', module: 'crisp-api', path: 'Crisp.website.updatePeopleProfile', args: [2] },
  { kind: 'third-party', library: 'crisp-api', module: 'crisp-api', path: 'Crisp.website.addPeopleEvent', args: [2] },
  { kind: 'third-party', library: 'crisp-api', module: 'crisp-api', path: 'Crisp.website.savePeopleData', args: [2] },
  { kind: 'third-party', library: 'crisp-api', module: 'crisp-api', path: 'Crisp.website.updatePeopleData', args: [2] },
  { kind: 'third-party', library: 'crisp-api', module: 'crisp-api', path: 'Crisp.website.sendMessageInConversation', args: [2] },
  { kind: 'third-party', library: 'crisp-api', module: 'crisp-api', path: 'Crisp.website.updateConversationMetas', args: [2] },
  // crisp-sdk-web (1.2.1: the chatbox in the browser; `Crisp` is an instance of class Crisp whose
  // `user`, `session` and `message` are instances of CrispUser, CrispSession, CrispMessage).
  { kind: 'third-party', library: 'crisp-sdk-web', module: 'crisp-sdk-web', path: 'Crisp.user.setEmail', args: [0] },
  { kind: 'third-party', library: 'crisp-sdk-web', module: 'crisp-sdk-web', path: 'Crisp.user.setNickname' },
  { kind: 'third-party', library: 'crisp-sdk-web', module: 'crisp-sdk-web', path: 'Crisp.user.setPhone' },
  { kind: 'third-party', library: 'crisp-sdk-web', module: 'crisp-sdk-web', path: 'Crisp.user.setAvatar' },
  { kind: 'third-party', library: 'crisp-sdk-web', module: 'crisp-sdk-web', path: 'Crisp.user.setCompany' },
  { kind: 'third-party', library: 'crisp-sdk-web', module: 'crisp-sdk-web', path: 'Crisp.session.setData' },
  { kind: 'third-party', library: 'crisp-sdk-web', module: 'crisp-sdk-web', path: 'Crisp.session.pushEvent' },
  { kind: 'third-party', library: 'crisp-sdk-web', module: 'crisp-sdk-web', path: 'Crisp.message.send', args: [1] },
  // @intercom/messenger-js-sdk (0.0.20: module functions; the default export `Intercom` boots the
  // messenger with the user's settings).
  { kind: 'third-party', library: '@intercom/messenger-js-sdk', module: '@intercom/messenger-js-sdk', path: 'Intercom' },
  { kind: 'third-party', library: '@intercom/messenger-js-sdk', module: '@intercom/messenger-js-sdk', path: 'boot' },
  { kind: 'third-party', library: '@intercom/messenger-js-sdk', module: '@intercom/messenger-js-sdk', path: 'update' },
  { kind: 'third-party', library: '@intercom/messenger-js-sdk', module: '@intercom/messenger-js-sdk', path: 'trackEvent' },
  { kind: 'third-party', library: '@intercom/messenger-js-sdk', module: '@intercom/messenger-js-sdk', path: 'showNewMessage' },
  { kind: 'third-party', library: '@intercom/messenger-js-sdk', module: '@intercom/messenger-js-sdk', path: 'startConversation' },

  // Marketing and CRM. @hubspot/api-client (13.4.0; 14.x needs Node 22: class Client; `crm` is a getter;
  // `basicApi`/`batchApi` are the generated Promise APIs; `update(id, input)` takes the data second).
  { kind: 'third-party', library: '@hubspot/api-client', module: '@hubspot/api-client', path: 'Client.crm.contacts.basicApi.create', args: [0] },
  { kind: 'third-party', library: '@hubspot/api-client', module: '@hubspot/api-client', path: 'Client.crm.contacts.basicApi.update', args: [1] },
  { kind: 'third-party', library: '@hubspot/api-client', module: '@hubspot/api-client', path: 'Client.crm.contacts.batchApi.create', args: [0] },
  { kind: 'third-party', library: '@hubspot/api-client', module: '@hubspot/api-client', path: 'Client.crm.contacts.batchApi.update', args: [0] },
  { kind: 'third-party', library: '@hubspot/api-client', module: '@hubspot/api-client', path: 'Client.crm.contacts.batchApi.upsert', args: [0] },
  { kind: 'third-party', library: '@hubspot/api-client', module: '@hubspot/api-client', path: 'Client.crm.companies.basicApi.create', args: [0] },
  { kind: 'third-party', library: '@hubspot/api-client', module: '@hubspot/api-client', path: 'Client.crm.companies.basicApi.update', args: [1] },
  { kind: 'third-party', library: '@hubspot/api-client', module: '@hubspot/api-client', path: 'Client.crm.companies.batchApi.create', args: [0] },
  { kind: 'third-party', library: '@hubspot/api-client', module: '@hubspot/api-client', path: 'Client.crm.companies.batchApi.update', args: [0] },
  { kind: 'third-party', library: '@hubspot/api-client', module: '@hubspot/api-client', path: 'Client.crm.companies.batchApi.upsert', args: [0] },
  // @mailchimp/mailchimp_marketing (3.0.80 ships no typings; @types/mailchimp__mailchimp_marketing
  // 3.0.22: namespace `lists` of functions taking the member body after the list id and hash).
  { kind: 'third-party', library: '@mailchimp/mailchimp_marketing', module: '@mailchimp/mailchimp_marketing', path: 'lists.addListMember', args: [1] },
  { kind: 'third-party', library: '@mailchimp/mailchimp_marketing', module: '@mailchimp/mailchimp_marketing', path: 'lists.setListMember', args: [2] },
  { kind: 'third-party', library: '@mailchimp/mailchimp_marketing', module: '@mailchimp/mailchimp_marketing', path: 'lists.updateListMember', args: [2] },
  { kind: 'third-party', library: '@mailchimp/mailchimp_marketing', module: '@mailchimp/mailchimp_marketing', path: 'lists.batchListMembers', args: [1] },
  { kind: 'third-party', library: '@mailchimp/mailchimp_marketing', module: '@mailchimp/mailchimp_marketing', path: 'lists.updateListMemberTags', args: [2] },
  { kind: 'third-party', library: '@mailchimp/mailchimp_marketing', module: '@mailchimp/mailchimp_marketing', path: 'lists.createListMemberEvent', args: [2] },
  // @getbrevo/brevo (6.0.3: class BrevoClient, Fern clients behind getters). Contacts and events are
  // marketing data; transactional e-mail and SMS are message delivery (processor entries below).
  { kind: 'third-party', library: '@getbrevo/brevo', module: '@getbrevo/brevo', path: 'BrevoClient.contacts.createContact', args: [0] },
  { kind: 'third-party', library: '@getbrevo/brevo', module: '@getbrevo/brevo', path: 'BrevoClient.contacts.updateContact', args: [0] },
  { kind: 'third-party', library: '@getbrevo/brevo', module: '@getbrevo/brevo', path: 'BrevoClient.contacts.updateBatchContacts', args: [0] },
  { kind: 'third-party', library: '@getbrevo/brevo', module: '@getbrevo/brevo', path: 'BrevoClient.contacts.createDoiContact', args: [0] },
  { kind: 'third-party', library: '@getbrevo/brevo', module: '@getbrevo/brevo', path: 'BrevoClient.contacts.importContacts', args: [0] },
  { kind: 'third-party', library: '@getbrevo/brevo', module: '@getbrevo/brevo', path: 'BrevoClient.event.createEvent', args: [0] },
  { kind: 'third-party', library: '@getbrevo/brevo', module: '@getbrevo/brevo', path: 'BrevoClient.event.createBatchEvents', args: [0] },
  // customerio-node (4.4.0; 4.5 and later need Node 22: class TrackClient; the customer id is
  // argument 0, the attributes argument 1). APIClient's transactional sends are processor entries below.
  { kind: 'third-party', library: 'customerio-node', module: 'customerio-node', path: 'TrackClient.identify' },
  { kind: 'third-party', library: 'customerio-node', module: 'customerio-node', path: 'TrackClient.track' },
  { kind: 'third-party', library: 'customerio-node', module: 'customerio-node', path: 'TrackClient.trackAnonymous' },
  { kind: 'third-party', library: 'customerio-node', module: 'customerio-node', path: 'TrackClient.trackPageView' },
  { kind: 'third-party', library: 'customerio-node', module: 'customerio-node', path: 'TrackClient.addDevice' },
  // loops (7.3.0: class LoopsClient; each method takes one object). Transactional e-mail is a processor
  // entry below.
  { kind: 'third-party', library: 'loops', module: 'loops', path: 'LoopsClient.createContact', args: [0] },
  { kind: 'third-party', library: 'loops', module: 'loops', path: 'LoopsClient.updateContact', args: [0] },
  { kind: 'third-party', library: 'loops', module: 'loops', path: 'LoopsClient.sendEvent', args: [0] },
  // klaviyo-api (23.0.0: classes ProfilesApi and EventsApi built on a session; `updateProfile(id, data)`
  // takes the data second).
  { kind: 'third-party', library: 'klaviyo-api', module: 'klaviyo-api', path: 'ProfilesApi.createProfile', args: [0] },
  { kind: 'third-party', library: 'klaviyo-api', module: 'klaviyo-api', path: 'ProfilesApi.createOrUpdateProfile', args: [0] },
  { kind: 'third-party', library: 'klaviyo-api', module: 'klaviyo-api', path: 'ProfilesApi.updateProfile', args: [1] },
  { kind: 'third-party', library: 'klaviyo-api', module: 'klaviyo-api', path: 'ProfilesApi.bulkImportProfiles', args: [0] },
  { kind: 'third-party', library: 'klaviyo-api', module: 'klaviyo-api', path: 'ProfilesApi.bulkSubscribeProfiles', args: [0] },
  { kind: 'third-party', library: 'klaviyo-api', module: 'klaviyo-api', path: 'ProfilesApi.createPushToken', args: [0] },
  { kind: 'third-party', library: 'klaviyo-api', module: 'klaviyo-api', path: 'EventsApi.createEvent', args: [0] },
  { kind: 'third-party', library: 'klaviyo-api', module: 'klaviyo-api', path: 'EventsApi.bulkCreateEvents', args: [0] },
  // resend (6.38.0) contacts and events: the audience of the product's broadcasts and automations, a
  // marketing list rather than the delivery of one message (`emails.send` is a processor entry below).
  { kind: 'third-party', library: 'resend', module: 'resend', path: 'Resend.contacts.create', args: [0] },
  { kind: 'third-party', library: 'resend', module: 'resend', path: 'Resend.contacts.update', args: [0] },
  { kind: 'third-party', library: 'resend', module: 'resend', path: 'Resend.events.send', args: [0] },
  // unsend (1.5.1: class Unsend; `contacts.create(bookId, data)`, `update`/`upsert(bookId, id, data)`).
  // Its `emails.send` is a processor entry below.
  { kind: 'third-party', library: 'unsend', module: 'unsend', path: 'Unsend.contacts.create', args: [1] },
  { kind: 'third-party', library: 'unsend', module: 'unsend', path: 'Unsend.contacts.update', args: [2] },
  { kind: 'third-party', library: 'unsend', module: 'unsend', path: 'Unsend.contacts.upsert', args: [2] },
  // @sendgrid/client (8.1.6: `export =` an instance of the exported class Client; `request(data)` is the
  // generic REST call, a sink here only for the Marketing Campaigns contacts endpoint — its mail send
  // is a processor entry below).
  { kind: 'third-party', library: '@sendgrid/client', module: '@sendgrid/client', path: 'default.request', args: [0], when: { arg: 0, property: 'url', equals: ['/v3/marketing/contacts', 'v3/marketing/contacts'] } },
  // dub (0.73.5: class Dub; `track` and `customers` are getters; the lead or sale names the customer
  // with customerEmail/customerName, attributed to a link at Dub).
  { kind: 'third-party', library: 'dub', module: 'dub', path: 'Dub.track.lead', args: [0] },
  { kind: 'third-party', library: 'dub', module: 'dub', path: 'Dub.track.sale', args: [0] },
  { kind: 'third-party', library: 'dub', module: 'dub', path: 'Dub.customers.update', args: [0] },

  // Error monitoring and session replay. @bugsnag/js (9.0.0: the default export extends
  // @bugsnag/core's Client; `notify(error, onError)` runs the callback that sets the event's user and
  // metadata; class Event is re-exported).
  { kind: 'third-party', library: '@bugsnag/js', module: '@bugsnag/js', path: 'default.notify' },
  { kind: 'third-party', library: '@bugsnag/js', module: '@bugsnag/js', path: 'default.setUser' },
  { kind: 'third-party', library: '@bugsnag/js', module: '@bugsnag/js', path: 'default.addMetadata' },
  { kind: 'third-party', library: '@bugsnag/js', module: '@bugsnag/js', path: 'default.leaveBreadcrumb' },
  { kind: 'third-party', library: '@bugsnag/js', module: '@bugsnag/js', path: 'default.setContext' },
  { kind: 'third-party', library: '@bugsnag/js', module: '@bugsnag/js', path: 'default.addFeatureFlag' },
  { kind: 'third-party', library: '@bugsnag/js', module: '@bugsnag/js', path: 'Event.setUser' },
  { kind: 'third-party', library: '@bugsnag/js', module: '@bugsnag/js', path: 'Event.addMetadata' },
  // rollbar (3.1.0: default export class Rollbar; every level method takes the message, errors and
  // custom data in any order; `configure({ payload: { person } })` sets the person on later items).
  { kind: 'third-party', library: 'rollbar', module: 'rollbar', path: 'default.log' },
  { kind: 'third-party', library: 'rollbar', module: 'rollbar', path: 'default.debug' },
  { kind: 'third-party', library: 'rollbar', module: 'rollbar', path: 'default.info' },
  { kind: 'third-party', library: 'rollbar', module: 'rollbar', path: 'default.warn' },
  { kind: 'third-party', library: 'rollbar', module: 'rollbar', path: 'default.warning' },
  { kind: 'third-party', library: 'rollbar', module: 'rollbar', path: 'default.error' },
  { kind: 'third-party', library: 'rollbar', module: 'rollbar', path: 'default.critical' },
  { kind: 'third-party', library: 'rollbar', module: 'rollbar', path: 'default.configure' },
  { kind: 'third-party', library: 'rollbar', module: 'rollbar', path: 'default.captureEvent' },
  // logrocket (12.4.0: `export = LogRocket`, interface LR.LogRocket; the console methods are recorded
  // into the session).
  { kind: 'third-party', library: 'logrocket', module: 'logrocket', path: 'default.identify' },
  { kind: 'third-party', library: 'logrocket', module: 'logrocket', path: 'default.track' },
  { kind: 'third-party', library: 'logrocket', module: 'logrocket', path: 'default.log' },
  { kind: 'third-party', library: 'logrocket', module: 'logrocket', path: 'default.info' },
  { kind: 'third-party', library: 'logrocket', module: 'logrocket', path: 'default.warn' },
  { kind: 'third-party', library: 'logrocket', module: 'logrocket', path: 'default.error' },
  { kind: 'third-party', library: 'logrocket', module: 'logrocket', path: 'default.debug' },
  { kind: 'third-party', library: 'logrocket', module: 'logrocket', path: 'default.captureMessage' },
  { kind: 'third-party', library: 'logrocket', module: 'logrocket', path: 'default.captureException' },
  // @fullstory/browser (2.1.1: `FullStory` is the v2 API function, `FullStory(operation, options)`;
  // the operations that send user or event data).
  { kind: 'third-party', library: '@fullstory/browser', module: '@fullstory/browser', path: 'FullStory', args: [1], when: { arg: 0, equals: ['setIdentity', 'setIdentityAsync', 'setProperties', 'setPropertiesAsync', 'trackEvent', 'trackEventAsync', 'log', 'logAsync'] } },
  // @datadog/browser-rum (7.16.2: `datadogRum` is a RumPublicApi object; user, context, actions and
  // errors go with the session replay and RUM events).
  { kind: 'third-party', library: '@datadog/browser-rum', module: '@datadog/browser-rum', path: 'datadogRum.setUser' },
  { kind: 'third-party', library: '@datadog/browser-rum', module: '@datadog/browser-rum', path: 'datadogRum.setUserProperty', args: [1] },
  { kind: 'third-party', library: '@datadog/browser-rum', module: '@datadog/browser-rum', path: 'datadogRum.setAccount' },
  { kind: 'third-party', library: '@datadog/browser-rum', module: '@datadog/browser-rum', path: 'datadogRum.setGlobalContext' },
  { kind: 'third-party', library: '@datadog/browser-rum', module: '@datadog/browser-rum', path: 'datadogRum.setGlobalContextProperty', args: [1] },
  { kind: 'third-party', library: '@datadog/browser-rum', module: '@datadog/browser-rum', path: 'datadogRum.setViewContext' },
  { kind: 'third-party', library: '@datadog/browser-rum', module: '@datadog/browser-rum', path: 'datadogRum.setViewContextProperty', args: [1] },
  { kind: 'third-party', library: '@datadog/browser-rum', module: '@datadog/browser-rum', path: 'datadogRum.addAction' },
  { kind: 'third-party', library: '@datadog/browser-rum', module: '@datadog/browser-rum', path: 'datadogRum.addError' },
  { kind: 'third-party', library: '@datadog/browser-rum', module: '@datadog/browser-rum', path: 'datadogRum.addFeatureFlagEvaluation', args: [1] },

  // Feature flags: the evaluation context is sent to the vendor (as events or to evaluate remotely).
  // @launchdarkly/node-server-sdk (9.13.7: `init()` returns interface LDClient, extending
  // js-server-sdk-common's LDClient, where the methods are declared; the context is argument 1 of
  // the variation calls and is sent with analytics events).
  { kind: 'third-party', library: '@launchdarkly/node-server-sdk', module: '@launchdarkly/node-server-sdk', path: 'LDClient.variation', args: [1] },
  { kind: 'third-party', library: '@launchdarkly/node-server-sdk', module: '@launchdarkly/node-server-sdk', path: 'LDClient.variationDetail', args: [1] },
  { kind: 'third-party', library: '@launchdarkly/node-server-sdk', module: '@launchdarkly/node-server-sdk', path: 'LDClient.boolVariation', args: [1] },
  { kind: 'third-party', library: '@launchdarkly/node-server-sdk', module: '@launchdarkly/node-server-sdk', path: 'LDClient.boolVariationDetail', args: [1] },
  { kind: 'third-party', library: '@launchdarkly/node-server-sdk', module: '@launchdarkly/node-server-sdk', path: 'LDClient.numberVariation', args: [1] },
  { kind: 'third-party', library: '@launchdarkly/node-server-sdk', module: '@launchdarkly/node-server-sdk', path: 'LDClient.numberVariationDetail', args: [1] },
  { kind: 'third-party', library: '@launchdarkly/node-server-sdk', module: '@launchdarkly/node-server-sdk', path: 'LDClient.stringVariation', args: [1] },
  { kind: 'third-party', library: '@launchdarkly/node-server-sdk', module: '@launchdarkly/node-server-sdk', path: 'LDClient.stringVariationDetail', args: [1] },
  { kind: 'third-party', library: '@launchdarkly/node-server-sdk', module: '@launchdarkly/node-server-sdk', path: 'LDClient.jsonVariation', args: [1] },
  { kind: 'third-party', library: '@launchdarkly/node-server-sdk', module: '@launchdarkly/node-server-sdk', path: 'LDClient.jsonVariationDetail', args: [1] },
  { kind: 'third-party', library: '@launchdarkly/node-server-sdk', module: '@launchdarkly/node-server-sdk', path: 'LDClient.migrationVariation', args: [1] },
  { kind: 'third-party', library: '@launchdarkly/node-server-sdk', module: '@launchdarkly/node-server-sdk', path: 'LDClient.allFlagsState', args: [0] },
  { kind: 'third-party', library: '@launchdarkly/node-server-sdk', module: '@launchdarkly/node-server-sdk', path: 'LDClient.identify', args: [0] },
  { kind: 'third-party', library: '@launchdarkly/node-server-sdk', module: '@launchdarkly/node-server-sdk', path: 'LDClient.track', args: [1, 2] },
  // statsig-node (6.5.2: the exported `Statsig` object and the default export share its methods; the
  // user is argument 0 and is sent with exposure events).
  { kind: 'third-party', library: 'statsig-node', module: 'statsig-node', path: 'Statsig.checkGate', args: [0] },
  { kind: 'third-party', library: 'statsig-node', module: 'statsig-node', path: 'Statsig.getFeatureGate', args: [0] },
  { kind: 'third-party', library: 'statsig-node', module: 'statsig-node', path: 'Statsig.getConfig', args: [0] },
  { kind: 'third-party', library: 'statsig-node', module: 'statsig-node', path: 'Statsig.getExperiment', args: [0] },
  { kind: 'third-party', library: 'statsig-node', module: 'statsig-node', path: 'Statsig.getLayer', args: [0] },
  { kind: 'third-party', library: 'statsig-node', module: 'statsig-node', path: 'Statsig.logEvent', args: [0, 3] },
  { kind: 'third-party', library: 'statsig-node', module: 'statsig-node', path: 'Statsig.logEventObject', args: [0] },
  // flagsmith-nodejs (8.1.2: class Flagsmith; identity flags are evaluated by the API with the traits).
  { kind: 'third-party', library: 'flagsmith-nodejs', module: 'flagsmith-nodejs', path: 'Flagsmith.getIdentityFlags' },
  { kind: 'third-party', library: 'flagsmith-nodejs', module: 'flagsmith-nodejs', path: 'Flagsmith.getIdentitySegments' },
  // @growthbook/growthbook (1.8.0: class GrowthBook evaluates locally; only with `remoteEval` are the
  // attributes sent to the GrowthBook API). unleash-client evaluates locally and reports counts only:
  // not a sink.
  { kind: 'third-party', library: '@growthbook/growthbook', module: '@growthbook/growthbook', path: 'GrowthBook', args: [0], when: { arg: 0, property: 'remoteEval' } },

  // ────────────────────────────────────────── telemetry ──────────────────────────────────────────

  // prom-client. Label objects are `LabelValues<T>` at argument 0; `labels(...values)` takes
  // them positionally (names from `labelNames`); `inc`/`observe` also take an exemplar object
  // whose `labels` property holds them. Overloads with a number at argument 0 carry no labels.
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Counter.inc', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Counter.inc', dimensions: { shape: 'object', arg: 0, property: 'labels' } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Counter.labels', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Counter.labels', dimensions: { shape: 'positional-labels', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Gauge.inc', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Gauge.dec', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Gauge.set', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Gauge.setToCurrentTime', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Gauge.startTimer', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Gauge.labels', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Gauge.labels', dimensions: { shape: 'positional-labels', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Histogram.observe', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Histogram.observe', dimensions: { shape: 'object', arg: 0, property: 'labels' } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Histogram.startTimer', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Histogram.zero', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Histogram.labels', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Histogram.labels', dimensions: { shape: 'positional-labels', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Summary.observe', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Summary.startTimer', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Summary.labels', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Summary.labels', dimensions: { shape: 'positional-labels', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Registry.setDefaultLabels', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Pushgateway.pushAdd', dimensions: { shape: 'object', arg: 0, property: 'groupings' } },
  { kind: 'telemetry', library: 'prom-client', module: 'prom-client', path: 'Pushgateway.push', dimensions: { shape: 'object', arg: 0, property: 'groupings' } },

  // hot-shots (class StatsD; default export is `new (options) => StatsD`). Tags sit at
  // different positions per overload: (stat, tags) for increment/decrement; (stat, value, tags);
  // (stat, value, sampleRate, tags); or inside MetricOptions at argument 2 (`{ tags }`).
  // timer/asyncTimer/asyncDistTimer shift by one (func first); event/check take tags at 3.
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.increment', dimensions: { shape: 'tags', arg: 1 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.increment', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.increment', dimensions: { shape: 'tags', arg: 3 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.increment', dimensions: { shape: 'tags', arg: 2, property: 'tags' } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.decrement', dimensions: { shape: 'tags', arg: 1 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.decrement', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.decrement', dimensions: { shape: 'tags', arg: 3 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.decrement', dimensions: { shape: 'tags', arg: 2, property: 'tags' } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.gauge', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.gauge', dimensions: { shape: 'tags', arg: 3 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.gauge', dimensions: { shape: 'tags', arg: 2, property: 'tags' } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.gaugeDelta', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.gaugeDelta', dimensions: { shape: 'tags', arg: 3 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.gaugeDelta', dimensions: { shape: 'tags', arg: 2, property: 'tags' } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.histogram', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.histogram', dimensions: { shape: 'tags', arg: 3 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.histogram', dimensions: { shape: 'tags', arg: 2, property: 'tags' } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.distribution', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.distribution', dimensions: { shape: 'tags', arg: 3 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.distribution', dimensions: { shape: 'tags', arg: 2, property: 'tags' } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.timing', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.timing', dimensions: { shape: 'tags', arg: 3 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.timing', dimensions: { shape: 'tags', arg: 2, property: 'tags' } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.set', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.set', dimensions: { shape: 'tags', arg: 3 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.set', dimensions: { shape: 'tags', arg: 2, property: 'tags' } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.unique', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.unique', dimensions: { shape: 'tags', arg: 3 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.unique', dimensions: { shape: 'tags', arg: 2, property: 'tags' } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.timer', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.timer', dimensions: { shape: 'tags', arg: 3 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.timer', dimensions: { shape: 'tags', arg: 2, property: 'tags' } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.asyncTimer', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.asyncTimer', dimensions: { shape: 'tags', arg: 3 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.asyncTimer', dimensions: { shape: 'tags', arg: 2, property: 'tags' } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.asyncDistTimer', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.asyncDistTimer', dimensions: { shape: 'tags', arg: 3 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.asyncDistTimer', dimensions: { shape: 'tags', arg: 2, property: 'tags' } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.event', dimensions: { shape: 'tags', arg: 3 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.check', dimensions: { shape: 'tags', arg: 3 } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'StatsD.childClient', dimensions: { shape: 'tags', arg: 0, property: 'globalTags' } },
  { kind: 'telemetry', library: 'hot-shots', module: 'hot-shots', path: 'TimerContext.addTags', dimensions: { shape: 'tags', arg: 0 } },

  // @opentelemetry/api (exported interfaces Span, Tracer, Counter, UpDownCounter, Histogram,
  // Gauge, ObservableResult, BatchObservableResult; reached at run time through
  // `trace.getTracer()`, `trace.getActiveSpan()`, `metrics.getMeter().createCounter()`, ...).
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'Span.setAttribute', dimensions: { shape: 'key-value', arg: 0 } },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'Span.setAttributes', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'Span.addEvent', dimensions: { shape: 'object', arg: 1 } },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'Span.addLink', dimensions: { shape: 'object', arg: 0, property: 'attributes' } },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'Span.addLinks' },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'Span.recordException', args: [0] },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'Span.setStatus', args: [0] },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'Span.updateName', args: [0] },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'Tracer.startSpan', args: [0, 1], dimensions: { shape: 'object', arg: 1, property: 'attributes' } },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'Tracer.startActiveSpan', args: [0, 1], dimensions: { shape: 'object', arg: 1, property: 'attributes' } },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'Counter.add', args: [1], dimensions: { shape: 'object', arg: 1 } },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'UpDownCounter.add', args: [1], dimensions: { shape: 'object', arg: 1 } },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'Histogram.record', args: [1], dimensions: { shape: 'object', arg: 1 } },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'Gauge.record', args: [1], dimensions: { shape: 'object', arg: 1 } },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'ObservableResult.observe', args: [1], dimensions: { shape: 'object', arg: 1 } },
  { kind: 'telemetry', library: '@opentelemetry/api', module: '@opentelemetry/api', path: 'BatchObservableResult.observe', args: [2], dimensions: { shape: 'object', arg: 2 } },

  // dd-trace — unverified: not installed (`export = tracer`; namespace tracer exports interface
  // Span extending opentracing.Span, which declares setTag/addTags).
  { kind: 'telemetry', library: 'dd-trace', module: 'dd-trace', path: 'default.Span.setTag', dimensions: { shape: 'key-value', arg: 0 } },
  { kind: 'telemetry', library: 'dd-trace', module: 'dd-trace', path: 'default.Span.addTags', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'dd-trace', module: 'dd-trace', path: 'default.setUser', args: [0] },
  { kind: 'telemetry', library: 'dd-trace', module: 'dd-trace', path: 'default.dogstatsd.increment', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'dd-trace', module: 'dd-trace', path: 'default.dogstatsd.decrement', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'dd-trace', module: 'dd-trace', path: 'default.dogstatsd.gauge', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'dd-trace', module: 'dd-trace', path: 'default.dogstatsd.distribution', dimensions: { shape: 'tags', arg: 2 } },
  { kind: 'telemetry', library: 'dd-trace', module: 'dd-trace', path: 'default.dogstatsd.histogram', dimensions: { shape: 'tags', arg: 2 } },

  // newrelic — unverified: not installed (@types/newrelic: top-level exported functions).
  { kind: 'telemetry', library: 'newrelic', module: 'newrelic', path: 'addCustomAttribute', dimensions: { shape: 'key-value', arg: 0 } },
  { kind: 'telemetry', library: 'newrelic', module: 'newrelic', path: 'addCustomAttributes', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'newrelic', module: 'newrelic', path: 'addCustomSpanAttribute', dimensions: { shape: 'key-value', arg: 0 } },
  { kind: 'telemetry', library: 'newrelic', module: 'newrelic', path: 'addCustomSpanAttributes', dimensions: { shape: 'object', arg: 0 } },
  { kind: 'telemetry', library: 'newrelic', module: 'newrelic', path: 'recordCustomEvent', dimensions: { shape: 'object', arg: 1 } },
  { kind: 'telemetry', library: 'newrelic', module: 'newrelic', path: 'noticeError', dimensions: { shape: 'object', arg: 1 } },
  { kind: 'telemetry', library: 'newrelic', module: 'newrelic', path: 'setUserID', args: [0] },

  // ───────────────────────────────────────── ml-training ─────────────────────────────────────────

  // openai (class OpenAI is the default export; resources are instance properties:
  // `fineTuning: FineTuning` → `jobs: Jobs`; `files: Files`; `uploads: Uploads`).
  { kind: 'ml-training', library: 'openai', module: 'openai', path: 'default.fineTuning.jobs.create', args: [0] },
  { kind: 'ml-training', library: 'openai', module: 'openai', path: 'default.files.create', args: [0], when: { arg: 0, property: 'purpose', equals: ['fine-tune'] } },
  { kind: 'ml-training', library: 'openai', module: 'openai', path: 'default.uploads.create', args: [0], when: { arg: 0, property: 'purpose', equals: ['fine-tune'] } },

  // together-ai (0.52.0: class Together, also the default export; `files.upload(path, purpose)`).
  { kind: 'ml-training', library: 'together-ai', module: 'together-ai', path: 'Together.fineTuning.create', args: [0] },
  { kind: 'ml-training', library: 'together-ai', module: 'together-ai', path: 'Together.files.upload', args: [0], when: { arg: 1, equals: ['fine-tune'] } },
  // replicate (1.4.0: default export class Replicate; `trainings.create(owner, model, version, options)`
  // with the training input in the options).
  { kind: 'ml-training', library: 'replicate', module: 'replicate', path: 'default.trainings.create', args: [3] },
  // cohere-ai (8.1.0: CohereClient; a dataset is training data when its type is a fine-tune input).
  { kind: 'ml-training', library: 'cohere-ai', module: 'cohere-ai', path: 'CohereClient.finetuning.createFinetunedModel', args: [0] },
  { kind: 'ml-training', library: 'cohere-ai', module: 'cohere-ai', path: 'CohereClient.datasets.create', args: [0, 1], when: { arg: 2, property: 'type', equals: ['chat-finetune-input', 'single-label-classification-finetune-input', 'multi-label-classification-finetune-input', 'reranker-finetune-input'] } },
  // @mistralai/mistralai (1.15.1; 2.x installs about 28 MB: class Mistral; `fineTuning.jobs` and `files`
  // are getters; a file is training data when uploaded with purpose 'fine-tune').
  { kind: 'ml-training', library: '@mistralai/mistralai', module: '@mistralai/mistralai', path: 'Mistral.fineTuning.jobs.create', args: [0] },
  { kind: 'ml-training', library: '@mistralai/mistralai', module: '@mistralai/mistralai', path: 'Mistral.files.upload', args: [0], when: { arg: 0, property: 'purpose', equals: ['fine-tune'] } },

  // TensorFlow.js — unverified: not installed (Sequential extends LayersModel).
  { kind: 'ml-training', library: '@tensorflow/tfjs', module: '@tensorflow/tfjs', path: 'LayersModel.fit', args: [0, 1] },
  { kind: 'ml-training', library: '@tensorflow/tfjs', module: '@tensorflow/tfjs', path: 'LayersModel.fitDataset', args: [0] },
  { kind: 'ml-training', library: '@tensorflow/tfjs', module: '@tensorflow/tfjs', path: 'LayersModel.trainOnBatch', args: [0, 1] },
  { kind: 'ml-training', library: '@tensorflow/tfjs-node', module: '@tensorflow/tfjs-node', path: 'LayersModel.fit', args: [0, 1] },
  { kind: 'ml-training', library: '@tensorflow/tfjs-node', module: '@tensorflow/tfjs-node', path: 'LayersModel.fitDataset', args: [0] },

  // AWS Bedrock (3.1178.0: a command constructor carries the job's input).
  { kind: 'ml-training', library: '@aws-sdk/client-bedrock', module: '@aws-sdk/client-bedrock', path: 'CreateModelCustomizationJobCommand', args: [0] },
  // AWS SageMaker — unverified: not installed.
  { kind: 'ml-training', library: '@aws-sdk/client-sagemaker', module: '@aws-sdk/client-sagemaker', path: 'CreateTrainingJobCommand', args: [0] },

  // ────────────────────────────────────────── processor ──────────────────────────────────────────
  // Vendors doing the product's own job for the customer under contract; `kinds` is what each may
  // receive. Checked against the packages' published typings (versions in package.json).

  // twilio (`export =` a function + namespace; `Twilio` is the client class, whose resources are
  // getters: `messages: MessageListInstance`, `calls: CallListInstance`, `verify.v2.services(sid)`
  // returning a ServiceContext with `verifications: VerificationListInstance`).
  { kind: 'processor', library: 'twilio', module: 'twilio', path: 'Twilio.messages.create', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'twilio', module: 'twilio', path: 'Twilio.calls.create', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'twilio', module: 'twilio', path: 'Twilio.verify.v2.services.verifications.create', args: [0], kinds: VERIFICATION_KINDS },

  // @vonage/server-sdk (class Vonage; `sms: SMS` from @vonage/sms, `messages: Messages` from
  // @vonage/messages, `verify2: Verify2`).
  { kind: 'processor', library: '@vonage/server-sdk', module: '@vonage/server-sdk', path: 'Vonage.sms.send', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@vonage/server-sdk', module: '@vonage/server-sdk', path: 'Vonage.messages.send', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@vonage/server-sdk', module: '@vonage/server-sdk', path: 'Vonage.verify2.newRequest', args: [0], kinds: VERIFICATION_KINDS },

  // messagebird (`initClient()` returns the exported interface MessageBird; resources are object
  // properties; the last argument is a callback).
  { kind: 'processor', library: 'messagebird', module: 'messagebird', path: 'MessageBird.messages.create', kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'messagebird', module: 'messagebird', path: 'MessageBird.verify.create', kinds: VERIFICATION_KINDS },
  { kind: 'processor', library: 'messagebird', module: 'messagebird', path: 'MessageBird.verify.createWithEmail', kinds: VERIFICATION_KINDS },

  // AWS SNS: a text message to a phone number (`PhoneNumber` in the input), not a topic publish,
  // which fans out to the project's own subscribers.
  { kind: 'processor', library: '@aws-sdk/client-sns', module: '@aws-sdk/client-sns', path: 'PublishCommand', args: [0], when: { arg: 0, property: 'PhoneNumber' }, kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@aws-sdk/client-sns', module: '@aws-sdk/client-sns', path: 'SNS.publish', args: [0], when: { arg: 0, property: 'PhoneNumber' }, kinds: MESSAGE_DELIVERY_KINDS },

  // @sendgrid/mail (`export = mail`, an instance of the exported class MailService).
  { kind: 'processor', library: '@sendgrid/mail', module: '@sendgrid/mail', path: 'default.send', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@sendgrid/mail', module: '@sendgrid/mail', path: 'default.sendMultiple', args: [0], kinds: MESSAGE_DELIVERY_KINDS },

  // postmark (class ServerClient, also exported as Client).
  { kind: 'processor', library: 'postmark', module: 'postmark', path: 'ServerClient.sendEmail', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'postmark', module: 'postmark', path: 'ServerClient.sendEmailWithTemplate', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'postmark', module: 'postmark', path: 'ServerClient.sendEmailBatch', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'postmark', module: 'postmark', path: 'ServerClient.sendEmailBatchWithTemplates', args: [0], kinds: MESSAGE_DELIVERY_KINDS },

  // resend (class Resend; `emails: Emails`, `batch: Batch`; separate CommonJS and ESM typings).
  // Contacts and events are a marketing list, not delivery: third-party entries above.
  { kind: 'processor', library: 'resend', module: 'resend', path: 'Resend.emails.send', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'resend', module: 'resend', path: 'Resend.emails.create', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'resend', module: 'resend', path: 'Resend.batch.send', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'resend', module: 'resend', path: 'Resend.batch.create', args: [0], kinds: MESSAGE_DELIVERY_KINDS },

  // unsend (1.5.1: class Unsend; `emails: Emails`), like resend.
  { kind: 'processor', library: 'unsend', module: 'unsend', path: 'Unsend.emails.send', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'unsend', module: 'unsend', path: 'Unsend.emails.create', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'unsend', module: 'unsend', path: 'Unsend.emails.batch', args: [0], kinds: MESSAGE_DELIVERY_KINDS },

  // @sendgrid/client's generic `request` to the mail send endpoint (what @sendgrid/mail calls).
  { kind: 'processor', library: '@sendgrid/client', module: '@sendgrid/client', path: 'default.request', args: [0], when: { arg: 0, property: 'url', equals: ['/v3/mail/send', 'v3/mail/send'] }, kinds: MESSAGE_DELIVERY_KINDS },

  // AWS SES v1 and v2 (command constructors, and the aggregated clients' methods).
  { kind: 'processor', library: '@aws-sdk/client-ses', module: '@aws-sdk/client-ses', path: 'SendEmailCommand', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@aws-sdk/client-ses', module: '@aws-sdk/client-ses', path: 'SendTemplatedEmailCommand', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@aws-sdk/client-ses', module: '@aws-sdk/client-ses', path: 'SendBulkTemplatedEmailCommand', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@aws-sdk/client-ses', module: '@aws-sdk/client-ses', path: 'SendRawEmailCommand', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@aws-sdk/client-ses', module: '@aws-sdk/client-ses', path: 'SES.sendEmail', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@aws-sdk/client-ses', module: '@aws-sdk/client-ses', path: 'SES.sendTemplatedEmail', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@aws-sdk/client-ses', module: '@aws-sdk/client-ses', path: 'SES.sendRawEmail', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@aws-sdk/client-sesv2', module: '@aws-sdk/client-sesv2', path: 'SendEmailCommand', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@aws-sdk/client-sesv2', module: '@aws-sdk/client-sesv2', path: 'SendBulkEmailCommand', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@aws-sdk/client-sesv2', module: '@aws-sdk/client-sesv2', path: 'SESv2.sendEmail', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@aws-sdk/client-sesv2', module: '@aws-sdk/client-sesv2', path: 'SESv2.sendBulkEmail', args: [0], kinds: MESSAGE_DELIVERY_KINDS },

  // mailgun.js (default export class Mailgun; `client()` returns IMailgunClient whose
  // `messages.create(domain, data)` takes the message second).
  { kind: 'processor', library: 'mailgun.js', module: 'mailgun.js', path: 'default.client.messages.create', args: [1], kinds: MESSAGE_DELIVERY_KINDS },

  // nodemailer (@types/nodemailer: `createTransport()` returns Transporter = Mail, which declares
  // `sendMail`). The transport may be the project's own SMTP server; delivering the message is the
  // job either way.
  { kind: 'processor', library: 'nodemailer', module: 'nodemailer', path: 'createTransport.sendMail', args: [0], kinds: MESSAGE_DELIVERY_KINDS },

  // Transactional sends of the marketing platforms above: delivering the customer's own message.
  // @getbrevo/brevo (6.0.3), customerio-node (4.4.0: APIClient; a send is built as
  // `new SendEmailRequest(data)`, so the constructor is the sink too), loops (7.3.0).
  { kind: 'processor', library: '@getbrevo/brevo', module: '@getbrevo/brevo', path: 'BrevoClient.transactionalEmails.sendTransacEmail', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@getbrevo/brevo', module: '@getbrevo/brevo', path: 'BrevoClient.transactionalSms.sendTransacSms', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: '@getbrevo/brevo', module: '@getbrevo/brevo', path: 'BrevoClient.transactionalSms.sendAsyncTransactionalSms', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'customerio-node', module: 'customerio-node', path: 'APIClient.sendEmail', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'customerio-node', module: 'customerio-node', path: 'APIClient.sendSMS', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'customerio-node', module: 'customerio-node', path: 'SendEmailRequest', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'customerio-node', module: 'customerio-node', path: 'SendSMSRequest', args: [0], kinds: MESSAGE_DELIVERY_KINDS },
  { kind: 'processor', library: 'customerio-node', module: 'customerio-node', path: 'APIClient.sendPush', args: [0], kinds: PUSH_DELIVERY_KINDS },
  { kind: 'processor', library: 'customerio-node', module: 'customerio-node', path: 'SendPushRequest', args: [0], kinds: PUSH_DELIVERY_KINDS },
  { kind: 'processor', library: 'loops', module: 'loops', path: 'LoopsClient.sendTransactionalEmail', args: [0], kinds: MESSAGE_DELIVERY_KINDS },

  // @upstash/qstash (2.12.0: class Client; `queue()` returns class Queue, which is not exported;
  // `schedules` is a getter). A message queue at the product's hosting provider that delivers the
  // body to the product's own endpoint: the product keeping its data where it runs, like Vercel
  // Edge Config.
  { kind: 'processor', library: '@upstash/qstash', module: '@upstash/qstash', path: 'Client.publish', args: [0], kinds: HOSTED_STORE_KINDS },
  { kind: 'processor', library: '@upstash/qstash', module: '@upstash/qstash', path: 'Client.publishJSON', args: [0], kinds: HOSTED_STORE_KINDS },
  { kind: 'processor', library: '@upstash/qstash', module: '@upstash/qstash', path: 'Client.batch', args: [0], kinds: HOSTED_STORE_KINDS },
  { kind: 'processor', library: '@upstash/qstash', module: '@upstash/qstash', path: 'Client.batchJSON', args: [0], kinds: HOSTED_STORE_KINDS },
  { kind: 'processor', library: '@upstash/qstash', module: '@upstash/qstash', path: 'Client.queue.enqueue', args: [0], kinds: HOSTED_STORE_KINDS },
  { kind: 'processor', library: '@upstash/qstash', module: '@upstash/qstash', path: 'Client.queue.enqueueJSON', args: [0], kinds: HOSTED_STORE_KINDS },
  { kind: 'processor', library: '@upstash/qstash', module: '@upstash/qstash', path: 'Client.schedules.create', args: [0], kinds: HOSTED_STORE_KINDS },

  // stripe customers: the billing contact on the processor's customer record (card APIs below stay
  // `payment-processor`). `update(id, params)` takes the data second.
  { kind: 'processor', library: 'stripe', module: 'stripe', path: 'default.customers.create', args: [0], kinds: PAYMENT_CUSTOMER_KINDS },
  { kind: 'processor', library: 'stripe', module: 'stripe', path: 'default.customers.update', args: [1], kinds: PAYMENT_CUSTOMER_KINDS },

  // ────────────────────────────────────── payment-processor ──────────────────────────────────────

  // stripe. CJS typings: `export = StripeConstructor` (a const typed `typeof Stripe & callable`,
  // merged with an interface extending Stripe); ESM typings: `export default class Stripe`.
  // Either way `default.<resource>` is an instance property and `.create` a method of the
  // resource class (resources/PaymentMethods.d.ts etc.).
  { kind: 'payment-processor', library: 'stripe', module: 'stripe', path: 'default.paymentMethods.create', args: [0] },
  { kind: 'payment-processor', library: 'stripe', module: 'stripe', path: 'default.paymentMethods.update', args: [1] },
  { kind: 'payment-processor', library: 'stripe', module: 'stripe', path: 'default.tokens.create', args: [0] },
  { kind: 'payment-processor', library: 'stripe', module: 'stripe', path: 'default.sources.create', args: [0] },
  { kind: 'payment-processor', library: 'stripe', module: 'stripe', path: 'default.customers.createSource', args: [1] },
  { kind: 'payment-processor', library: 'stripe', module: 'stripe', path: 'default.paymentIntents.create', args: [0] },
  { kind: 'payment-processor', library: 'stripe', module: 'stripe', path: 'default.paymentIntents.confirm', args: [1] },
  { kind: 'payment-processor', library: 'stripe', module: 'stripe', path: 'default.setupIntents.create', args: [0] },
  { kind: 'payment-processor', library: 'stripe', module: 'stripe', path: 'default.setupIntents.confirm', args: [1] },
  { kind: 'payment-processor', library: 'stripe', module: 'stripe', path: 'default.charges.create', args: [0] },

  // braintree (@types/braintree 3.4.4: `export = braintree` namespace; class BraintreeGateway
  // exposes the gateways as properties).
  { kind: 'payment-processor', library: 'braintree', module: 'braintree', path: 'BraintreeGateway.creditCard.create', args: [0] },
  { kind: 'payment-processor', library: 'braintree', module: 'braintree', path: 'BraintreeGateway.transaction.sale', args: [0] },
];

/**
 * Environment settings that name a vendor: a request to a URL read from one
 * (`fetch(`${process.env.TINYBIRD_API_URL}/v0/events`)`) goes to that vendor, whose host the code
 * never spells out. Matched against the words of the setting's name (`NEXT_PUBLIC_POSTHOG_HOST`:
 * NEXT, PUBLIC, POSTHOG, HOST). Third parties only: delivery providers (mail, SMS) are processors
 * whose endpoints a setting does not tell apart, and chat tools (Slack, Discord) carry the team's
 * own alerts; both stay unjudged.
 */
export const VENDOR_SETTING_WORDS: readonly { readonly word: string; readonly vendor: string; readonly host: string }[] = [
  // product analytics and event pipelines
  { word: 'SEGMENT', vendor: 'Segment', host: 'api.segment.io' },
  { word: 'RUDDERSTACK', vendor: 'RudderStack', host: 'hosted.rudderlabs.com' },
  { word: 'POSTHOG', vendor: 'PostHog', host: 'us.i.posthog.com' },
  { word: 'MIXPANEL', vendor: 'Mixpanel', host: 'api.mixpanel.com' },
  { word: 'AMPLITUDE', vendor: 'Amplitude', host: 'api2.amplitude.com' },
  { word: 'HEAP', vendor: 'Heap', host: 'heapanalytics.com' },
  { word: 'JITSU', vendor: 'Jitsu', host: 'in.jitsu.com' },
  { word: 'TINYBIRD', vendor: 'Tinybird', host: 'api.tinybird.co' },
  // CRM, marketing and support
  { word: 'HUBSPOT', vendor: 'HubSpot', host: 'api.hubapi.com' },
  { word: 'SALESFORCE', vendor: 'Salesforce', host: 'login.salesforce.com' },
  { word: 'SFDC', vendor: 'Salesforce', host: 'login.salesforce.com' },
  { word: 'PIPEDRIVE', vendor: 'Pipedrive', host: 'api.pipedrive.com' },
  { word: 'ATTIO', vendor: 'Attio', host: 'api.attio.com' },
  { word: 'MAILCHIMP', vendor: 'Mailchimp', host: 'api.mailchimp.com' },
  { word: 'KLAVIYO', vendor: 'Klaviyo', host: 'a.klaviyo.com' },
  { word: 'BREVO', vendor: 'Brevo', host: 'api.brevo.com' },
  { word: 'SENDINBLUE', vendor: 'Brevo', host: 'api.brevo.com' },
  { word: 'CUSTOMERIO', vendor: 'Customer.io', host: 'track.customer.io' },
  { word: 'LOOPS', vendor: 'Loops', host: 'app.loops.so' },
  { word: 'INTERCOM', vendor: 'Intercom', host: 'api.intercom.io' },
  { word: 'ZENDESK', vendor: 'Zendesk', host: 'zendesk.com' },
  { word: 'FRESHDESK', vendor: 'Freshdesk', host: 'freshdesk.com' },
  { word: 'PYLON', vendor: 'Pylon', host: 'api.usepylon.com' },
  { word: 'CRISP', vendor: 'Crisp', host: 'api.crisp.chat' },
  // automation and spreadsheets
  { word: 'ZAPIER', vendor: 'Zapier', host: 'hooks.zapier.com' },
  { word: 'AIRTABLE', vendor: 'Airtable', host: 'api.airtable.com' },
];

/** Words of a setting that names the company's central telemetry endpoint (`METRICS_TELEMETRY_URL`, OpenTelemetry's `OTEL_EXPORTER_OTLP_ENDPOINT`). */
export const TELEMETRY_SETTING_WORDS: ReadonlySet<string> = new Set(['TELEMETRY', 'OTLP']);

/**
 * Processors reached over plain HTTP: a `fetch` or axios call to one of these hosts (or a
 * subdomain) whose statically known URL path starts with `pathPrefix` is a `processor` sink rather
 * than a third party.
 */
export const BUILTIN_PROCESSOR_HOSTS: readonly ProcessorHostEntry[] = [
  // the product's own stores at its hosting provider, written through their REST APIs
  { host: 'api.vercel.com', pathPrefix: '/v1/edge-config/', kinds: HOSTED_STORE_KINDS, library: 'Vercel Edge Config' },
  // bot checks: the server-side verification of a challenge token, with the client's IP (`remoteip`)
  { host: 'challenges.cloudflare.com', pathPrefix: '/turnstile/', kinds: BOT_CHECK_KINDS, library: 'Cloudflare Turnstile' },
  { host: 'www.google.com', pathPrefix: '/recaptcha/', kinds: BOT_CHECK_KINDS, library: 'Google reCAPTCHA' },
  { host: 'www.recaptcha.net', pathPrefix: '/recaptcha/', kinds: BOT_CHECK_KINDS, library: 'Google reCAPTCHA' },
  { host: 'hcaptcha.com', pathPrefix: '/siteverify', kinds: BOT_CHECK_KINDS, library: 'hCaptcha' },
  // the message delivery APIs of the SDKs above, called without the SDK
  { host: 'api.twilio.com', pathPrefix: '/2010-04-01/Accounts/', kinds: MESSAGE_DELIVERY_KINDS, library: 'Twilio' },
  { host: 'api.sendgrid.com', pathPrefix: '/v3/mail/send', kinds: MESSAGE_DELIVERY_KINDS, library: 'SendGrid' },
  { host: 'api.postmarkapp.com', pathPrefix: '/email', kinds: MESSAGE_DELIVERY_KINDS, library: 'Postmark' },
  { host: 'api.resend.com', pathPrefix: '/emails', kinds: MESSAGE_DELIVERY_KINDS, library: 'Resend' },
  // push notification delivery (OneSignal's REST API, Expo's push service, Firebase Cloud Messaging)
  { host: 'api.onesignal.com', pathPrefix: '/notifications', kinds: PUSH_DELIVERY_KINDS, library: 'OneSignal' },
  { host: 'onesignal.com', pathPrefix: '/api/v1/notifications', kinds: PUSH_DELIVERY_KINDS, library: 'OneSignal' },
  { host: 'exp.host', pathPrefix: '/--/api/v2/push/send', kinds: PUSH_DELIVERY_KINDS, library: 'Expo push' },
  { host: 'fcm.googleapis.com', pathPrefix: '/', kinds: PUSH_DELIVERY_KINDS, library: 'Firebase Cloud Messaging' },
];

export const BUILTIN_SANITIZERS: readonly SanitizerEntry[] = [
  // node:crypto digests (@types/node crypto.d.ts: createHash → class Hash, createHmac → class
  // Hmac, both declaring `digest`; one-shot `hash()` since Node 20.12). A digest of an
  // identifier is a pseudonymous handle: it may go where Internal data may go.
  { module: 'crypto', path: 'createHash.digest', to: 'internal' },
  { module: 'crypto', path: 'createHmac.digest', to: 'internal' },
  { module: 'crypto', path: 'Hash.digest', to: 'internal' },
  { module: 'crypto', path: 'Hmac.digest', to: 'internal' },
  { module: 'crypto', path: 'hash', to: 'internal' },
];
