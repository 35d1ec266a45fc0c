/**
 * HTTP clients as `third-party` sinks: `fetch` and axios calls (also through @nestjs/axios's
 * `HttpService`) count only when the host is known statically (a literal, a constant, a template
 * with a literal host, `new URL(path, base)`, an axios instance created with a literal `baseURL`)
 * and is not first-party. Unknown hosts are not guessed at: a customer's own webhook URL read from
 * the database is not a third party. A host (and path) of a contracted vendor — a bot check's
 * siteverify endpoint, a mail API — makes the call a `processor` sink instead, with the data kinds
 * that vendor may receive.
 */
import ts from 'typescript';
import { TELEMETRY_SETTING_WORDS, VENDOR_SETTING_WORDS } from '../policy/catalog.js';
import type { ProcessorHostEntry } from '../policy/types.js';
import type { CheckerFacade } from './checker.js';
import { getCalleeName, skipOuterExpressions } from './file-index.js';
import { getObjectProperty, getStaticString, isDeclaredOnlyInTypings, resolveConstInitializer, type SinkMatch } from './sinks.js';
import { SyntaxKind } from './typescript-api.js';

export const HTTP_CALLEE_NAMES: ReadonlySet<string> = new Set(['fetch', 'axios', 'get', 'post', 'put', 'patch', 'delete', 'request', 'head', 'options', 'postForm', 'putForm', 'patchForm']);
/** settings that hold the product's own origin: requests to it are first-party */
const OWN_ORIGIN_SETTING = /(?:^|_)(?:NEXTAUTH|BASE|APP|SITE|WEB|FRONTEND|VERCEL|PUBLIC|SERVER|API)_URL$/;
const INTERNAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|[^.]+|.*\.(local|internal|localhost|svc|cluster\.local))$/i;

export class HttpSinkResolver {
  constructor(
    private readonly facade: CheckerFacade,
    private readonly firstPartyHosts: readonly string[],
    /** earlier entries win: the project's own before the catalog's */
    private readonly processorHosts: readonly ProcessorHostEntry[] = [],
  ) {}

  getSinkForCall(call: ts.CallExpression | ts.NewExpression): SinkMatch | undefined {
    const request = this.getRequest(call);
    return request === undefined ? undefined : this.describe(request.call, request.library, request.module, request.url, request.data);
  }

  /**
   * Why an HTTP request is no sink, for `--explain-unresolved`: its host is not known statically
   * (a URL from a variable, a parameter, an environment setting). Undefined when it is a sink, a
   * first-party host, or a path on the page's own origin (`fetch('/api/...')`).
   */
  explainUnknownHost(call: ts.CallExpression | ts.NewExpression): string | undefined {
    const request = this.getRequest(call);
    if (request === undefined || request.url !== undefined) return undefined;
    if (request.library === 'fetch' && request.urlExpression !== undefined && this.isOnOwnOrigin(request.urlExpression)) return undefined;
    const setting = request.urlExpression === undefined ? undefined : this.getLeadingSettingName(request.urlExpression);
    if (setting !== undefined && OWN_ORIGIN_SETTING.test(setting)) return undefined;
    if (request.urlExpression === undefined) return 'host not known statically';
    return `host not known statically${setting === undefined ? '' : ` (setting ${setting})`}: ${abbreviate(request.urlExpression.getText())}`;
  }

  /** `'/api/links'`, `cond ? '/api/a' : '/api/b'`, `new URL('./font.ttf', import.meta.url)`: the page's or the module's own origin. */
  private isOnOwnOrigin(url: ts.Expression): boolean {
    const resolved = resolveConstInitializer(skipOuterExpressions(url), this.facade);
    if (ts.isConditionalExpression(resolved)) return this.isOnOwnOrigin(resolved.whenTrue) && this.isOnOwnOrigin(resolved.whenFalse);
    if (ts.isNewExpression(resolved) && resolved.arguments?.[1] !== undefined && resolved.arguments[1].getText() === 'import.meta.url') return true;
    return this.getStaticText(resolved)?.startsWith('/') === true;
  }

  /** The environment setting a URL starts with: `${process.env.NEXTAUTH_URL}/api/...` → NEXTAUTH_URL. */
  private getLeadingSettingName(url: ts.Expression): string | undefined {
    let base = resolveConstInitializer(skipOuterExpressions(url), this.facade);
    if (ts.isTemplateExpression(base) && base.head.text === '' && base.templateSpans[0] !== undefined) base = base.templateSpans[0].expression;
    else if (ts.isBinaryExpression(base)) base = base.left;
    return getSettingName(resolveConstInitializer(skipOuterExpressions(base), this.facade));
  }

  private getRequest(call: ts.CallExpression | ts.NewExpression): HttpRequest | undefined {
    if (!ts.isCallExpression(call)) return undefined;
    const name = getCalleeName(call.expression);
    if (name === undefined || !HTTP_CALLEE_NAMES.has(name)) return undefined;
    const callee = skipOuterExpressions(call.expression);
    if (name === 'fetch' && this.isGlobalFetch(callee)) {
      const url = call.arguments[0];
      return url === undefined ? undefined : { call, library: 'fetch', module: 'global', url: this.getStaticUrl(url), urlExpression: url, data: [...call.arguments] };
    }
    const axios = this.getAxiosCall(call, callee);
    return axios === undefined ? undefined : { call, library: axios.library, module: axios.library, url: axios.url, urlExpression: axios.urlExpression, data: axios.data };
  }

  private describe(call: ts.CallExpression, library: string, module: string, url: StaticUrl | undefined, data: readonly ts.Expression[]): SinkMatch | undefined {
    if (url === undefined) return undefined;
    const callee = skipOuterExpressions(call.expression).getText();
    if (url.setting !== undefined) return this.describeSettingUrl(callee, library, url, url.setting, data);
    if (this.isFirstParty(url.host)) return undefined;
    // a path known only up to where the vendor's prefix would go on (`${base}${endpoint}`) is given the benefit of the doubt
    const processor = this.processorHosts.find((entry) => matchesHost(url.host, entry.host) && (url.path.startsWith(entry.pathPrefix ?? '') || (!url.complete && (entry.pathPrefix ?? '').startsWith(url.path))));
    if (processor !== undefined) {
      return {
        kind: 'processor',
        callee,
        module: processor.library ?? processor.host,
        reason: `${library} to ${url.host}${processor.pathPrefix ?? ''}, a processor that may receive ${processor.kinds.join(', ')}`,
        dataArguments: data,
        allowedKinds: processor.kinds,
      };
    }
    return {
      kind: 'third-party',
      callee,
      module,
      reason: `${library} to ${url.host}, which is not in firstPartyHosts`,
      dataArguments: data,
    };
  }

  /** A request to a URL from an environment setting that names a vendor or the central telemetry endpoint. */
  private describeSettingUrl(callee: string, library: string, url: StaticUrl, setting: SettingUrl, data: readonly ts.Expression[]): SinkMatch | undefined {
    // a team that runs the named service itself says so: `firstPartyHosts: ["$POSTHOG_HOST"]`
    if (this.firstPartyHosts.includes(`$${setting.name}`) || (setting.vendor !== undefined && this.isFirstParty(url.host))) return undefined;
    if (setting.vendor === undefined) {
      return { kind: 'telemetry', callee, module: `$${setting.name}`, reason: `${library} to the URL in setting ${setting.name}, which names the central telemetry endpoint`, dataArguments: data };
    }
    return { kind: 'third-party', callee, module: setting.vendor, reason: `${library} to the URL in setting ${setting.name}, which names ${setting.vendor} (${url.host})`, dataArguments: data };
  }

  private isGlobalFetch(callee: ts.Expression): boolean {
    const root = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    if (ts.isPropertyAccessExpression(callee)) {
      const object = skipOuterExpressions(callee.expression);
      if (!ts.isIdentifier(object) || !['window', 'globalThis', 'self', 'global'].includes(object.text)) return false;
    }
    return isDeclaredOnlyInTypings(root, this.facade);
  }

  /** axios(config), axios.post(url, data), api.post(path, data) on `const api = axios.create({ baseURL })`, @nestjs/axios `httpService.post(url, data)`. */
  private getAxiosCall(call: ts.CallExpression, callee: ts.Expression): { url: StaticUrl | undefined; urlExpression: ts.Expression | undefined; data: ts.Expression[]; library: string } | undefined {
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    const receiver = ts.isPropertyAccessExpression(callee) ? skipOuterExpressions(callee.expression) : callee;
    const instance = this.getAxiosInstance(receiver);
    if (instance === undefined) return undefined;
    const [first] = call.arguments;
    if (method === undefined || method === 'request') {
      if (first === undefined) return undefined;
      const url = getObjectProperty(first, 'url', this.facade);
      const baseURL = getObjectProperty(first, 'baseURL', this.facade);
      const base = (baseURL === undefined ? undefined : this.getStaticUrl(baseURL)) ?? instance.baseUrl;
      return { url: this.resolveAgainst(url, base), urlExpression: url, data: [...call.arguments], library: instance.library };
    }
    // every argument goes out: the URL, the body, and the config's `params` (the query string)
    return { url: this.resolveAgainst(first, instance.baseUrl), urlExpression: first, data: [...call.arguments], library: instance.library };
  }

  /** An axios URL: absolute on its own, or a path under the instance's `baseURL`. */
  private resolveAgainst(url: ts.Expression | undefined, base: StaticUrl | undefined): StaticUrl | undefined {
    const own = url === undefined ? undefined : this.getStaticUrl(url);
    if (own !== undefined || base === undefined) return own;
    const path = url === undefined ? undefined : this.getStaticText(url);
    // axios joins baseURL and a relative URL with one slash
    return { host: base.host, path: path === undefined ? base.path : `${base.path.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}` };
  }

  private getAxiosInstance(expression: ts.Expression): { baseUrl: StaticUrl | undefined; library: string } | undefined {
    const resolved = resolveConstInitializer(expression, this.facade);
    if (ts.isCallExpression(resolved) && getCalleeName(resolved.expression) === 'create') {
      const factory = skipOuterExpressions(resolved.expression);
      if (ts.isPropertyAccessExpression(factory) && this.isAxiosModuleValue(factory.expression)) {
        const options = resolved.arguments[0];
        const baseURL = options === undefined ? undefined : getObjectProperty(options, 'baseURL', this.facade);
        return { baseUrl: baseURL === undefined ? undefined : this.getStaticUrl(baseURL), library: 'axios' };
      }
    }
    if (this.isAxiosModuleValue(expression)) return { baseUrl: undefined, library: 'axios' };
    // an instance held in a class field or passed around: typed as AxiosInstance
    const typeSymbol = this.facade.getTypeOfNode(expression).getSymbol();
    const typeName = typeSymbol?.getName();
    if (typeName === 'AxiosInstance' || typeName === 'AxiosStatic') return { baseUrl: undefined, library: 'axios' };
    // @nestjs/axios's injected HttpService: its methods take axios's arguments in axios's positions
    // (the base URL given to HttpModule.register is not known here, so a relative path has no host)
    if (typeName === 'HttpService' && isDeclaredInPackage(typeSymbol, '@nestjs/axios')) return { baseUrl: undefined, library: '@nestjs/axios' };
    return undefined;
  }

  private isAxiosModuleValue(expression: ts.Expression): boolean {
    const symbol = this.facade.getSymbol(skipOuterExpressions(expression));
    return (symbol?.declarations ?? []).some((declaration) => /[\\/]node_modules[\\/]axios[\\/]/.test(declaration.getSourceFile().fileName));
  }

  /**
   * The host of an absolute URL expression, and as much of its path as is known statically
   * (`https://h/a/${id}/b` gives `/a/`); undefined when the host is not known.
   */
  getStaticUrl(expression: ts.Expression): StaticUrl | undefined {
    const resolved = resolveConstInitializer(skipOuterExpressions(expression), this.facade);
    const fromSetting = this.getSettingUrl(resolved);
    if (fromSetting !== undefined) return fromSetting;
    if (ts.isNewExpression(resolved) && ts.isIdentifier(resolved.expression) && resolved.expression.text === 'URL') {
      const [input, base] = resolved.arguments ?? [];
      const own = input === undefined ? undefined : this.getStaticUrl(input);
      if (own !== undefined) return own;
      const baseUrl = base === undefined ? undefined : this.getStaticUrl(base);
      const path = input === undefined ? undefined : this.getStaticText(input);
      if (baseUrl === undefined) return undefined;
      // an absolute path replaces the base's path; anything else leaves it unknown
      return { host: baseUrl.host, path: path?.startsWith('/') === true ? path : '' };
    }
    const text = this.getStaticText(resolved);
    if (text === undefined) return undefined;
    const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)(?::\d+)?([^?#]*)/i.exec(text);
    const host = match?.[1]?.toLowerCase();
    return host === undefined ? undefined : { host, path: match?.[2] ?? '', complete: getStaticString(resolved, this.facade) !== undefined };
  }

  /**
   * `process.env.TINYBIRD_API_URL`, `${env.HUBSPOT_BASE_URL}/crm/v3/objects`, a constant holding
   * one, `process.env.SEGMENT_HOST ?? '...'`: a URL whose host is an environment setting that names
   * a vendor (the catalog's `VENDOR_SETTING_WORDS`) or central telemetry.
   */
  private getSettingUrl(expression: ts.Expression): StaticUrl | undefined {
    let base: ts.Expression = expression;
    let path = '';
    if (ts.isTemplateExpression(expression) && expression.head.text === '' && expression.templateSpans[0] !== undefined) {
      base = expression.templateSpans[0].expression;
      path = expression.templateSpans[0].literal.text;
    } else if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === SyntaxKind.PlusToken) {
      base = expression.left;
      path = getStaticString(expression.right, this.facade) ?? '';
    }
    // `process.env.SEGMENT_HOST ?? '...'`, on its own or as the template's first part
    const name = getSettingName(resolveConstInitializer(withoutFallback(base), this.facade));
    if (name === undefined) return undefined;
    const words = name.split('_');
    if (words.some((word) => TELEMETRY_SETTING_WORDS.has(word))) return { host: `$${name}`, path, complete: false, setting: { name } };
    const vendor = VENDOR_SETTING_WORDS.find((entry) => words.includes(entry.word));
    return vendor === undefined ? undefined : { host: vendor.host, path, complete: false, setting: { name, vendor: vendor.vendor } };
  }

  /** The leading text of a string expression known statically: a literal, a constant, a template's static head, a concatenation's left side. */
  private getStaticText(expression: ts.Expression): string | undefined {
    const resolved = resolveConstInitializer(skipOuterExpressions(expression), this.facade);
    if (ts.isTemplateExpression(resolved)) return this.getStaticPrefix(resolved);
    if (ts.isBinaryExpression(resolved) && resolved.operatorToken.kind === SyntaxKind.PlusToken) {
      const left = this.getStaticText(resolved.left);
      const right = getStaticString(resolved.right, this.facade);
      return left !== undefined && right !== undefined && getStaticString(resolved.left, this.facade) !== undefined ? left + right : left;
    }
    return getStaticString(resolved, this.facade);
  }

  /** The leading text of a template known statically: `${BASE}/leads` with a constant BASE. */
  private getStaticPrefix(template: ts.TemplateExpression): string {
    let text = template.head.text;
    for (const span of template.templateSpans) {
      const value = getStaticString(span.expression, this.facade);
      if (value === undefined) break;
      text += value + span.literal.text;
    }
    return text;
  }

  private isFirstParty(host: string): boolean {
    if (INTERNAL_HOST.test(host)) return true;
    return this.firstPartyHosts.some((entry) => matchesHost(host, entry));
  }
}

/** `process.env.X ?? ''`, `(env.X || env.Y || '')`: the setting, without the fallbacks for when it is unset. */
function withoutFallback(expression: ts.Expression): ts.Expression {
  let inner = skipOuterExpressions(expression);
  while (ts.isBinaryExpression(inner) && (inner.operatorToken.kind === SyntaxKind.QuestionQuestionToken || inner.operatorToken.kind === SyntaxKind.BarBarToken)) {
    inner = skipOuterExpressions(inner.left);
  }
  return inner;
}

interface HttpRequest {
  readonly call: ts.CallExpression;
  readonly library: string;
  readonly module: string;
  /** undefined when the host is not known statically */
  readonly url: StaticUrl | undefined;
  readonly urlExpression: ts.Expression | undefined;
  readonly data: readonly ts.Expression[];
}

/** Source text shortened for a one-line explanation. */
function abbreviate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}...` : oneLine;
}

/** A URL's host and the part of its path known statically (may stop short of the full path). */
export interface StaticUrl {
  readonly host: string;
  readonly path: string;
  /** false when the URL goes on past what is known (`${base}${endpoint}`) */
  readonly complete?: boolean;
  /** the host is an environment setting's value, known by the setting's name */
  readonly setting?: SettingUrl;
}

interface SettingUrl {
  /** `TINYBIRD_API_URL` */
  readonly name: string;
  /** the vendor the name names; undefined for central telemetry */
  readonly vendor?: string;
}

/** `process.env.NAME`, `process.env['NAME']`, `import.meta.env.NAME`, `env.NAME` (t3-env and the like): NAME, in capitals. */
function getSettingName(expression: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(expression) && !ts.isElementAccessExpression(expression)) return undefined;
  const name = ts.isPropertyAccessExpression(expression) ? expression.name.text : ts.isStringLiteralLike(expression.argumentExpression) ? expression.argumentExpression.text : undefined;
  if (name === undefined || !/^[A-Z][A-Z0-9_]*$/.test(name)) return undefined;
  const holder = skipOuterExpressions(expression.expression);
  if (ts.isIdentifier(holder)) return /^(?:env|[a-z]\w*Env)$/.test(holder.text) ? name : undefined;
  return ts.isPropertyAccessExpression(holder) && holder.name.text === 'env' && /^(?:process|import\.meta)$/.test(holder.expression.getText()) ? name : undefined;
}

/** Whether a symbol is declared in an installed package's files (`node_modules/@nestjs/axios/...`). */
function isDeclaredInPackage(symbol: ts.Symbol | undefined, packageName: string): boolean {
  const folder = `/node_modules/${packageName}/`;
  return (symbol?.declarations ?? []).some((declaration) => declaration.getSourceFile().fileName.replace(/\\/g, '/').includes(folder));
}

/** `acme.example` covers itself and its subdomains; `*.acme.example` the same. */
function matchesHost(host: string, entry: string): boolean {
  const pattern = entry.toLowerCase().replace(/^\*\./, '.');
  return pattern.startsWith('.') ? host.endsWith(pattern) || host === pattern.slice(1) : host === pattern || host.endsWith(`.${pattern}`);
}
