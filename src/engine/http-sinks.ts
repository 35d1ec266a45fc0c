/**
 * HTTP clients as `third-party` sinks: `fetch` and axios calls count only when the host is known
 * statically (a literal, a constant, a template with a literal host, `new URL(path, base)`, an
 * axios instance created with a literal `baseURL`) and is not first-party. Unknown hosts are not
 * guessed at: a customer's own webhook URL read from the database is not a third party.
 */
import ts from 'typescript';
import type { CheckerFacade } from './checker.js';
import { getCalleeName, skipOuterExpressions } from './file-index.js';
import { getObjectProperty, getStaticString, resolveConstInitializer, type SinkMatch } from './sinks.js';
import { SyntaxKind } from './typescript-api.js';

export const HTTP_CALLEE_NAMES: ReadonlySet<string> = new Set(['fetch', 'axios', 'get', 'post', 'put', 'patch', 'delete', 'request', 'head', 'options', 'postForm', 'putForm', 'patchForm']);
const INTERNAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|[^.]+|.*\.(local|internal|localhost|svc|cluster\.local))$/i;

export class HttpSinkResolver {
  constructor(
    private readonly facade: CheckerFacade,
    private readonly firstPartyHosts: readonly string[],
  ) {}

  getSinkForCall(call: ts.CallExpression | ts.NewExpression): SinkMatch | undefined {
    if (!ts.isCallExpression(call)) return undefined;
    const name = getCalleeName(call.expression);
    if (name === undefined || !HTTP_CALLEE_NAMES.has(name)) return undefined;
    const callee = skipOuterExpressions(call.expression);
    if (name === 'fetch' && this.isGlobalFetch(callee)) {
      const url = call.arguments[0];
      return url === undefined ? undefined : this.describe(call, 'fetch', 'global', this.getHost(url), [...call.arguments]);
    }
    const axios = this.getAxiosCall(call, callee);
    if (axios === undefined) return undefined;
    return this.describe(call, 'axios', 'axios', axios.host, axios.data);
  }

  private describe(call: ts.CallExpression, library: string, module: string, host: string | undefined, data: readonly ts.Expression[]): SinkMatch | undefined {
    if (host === undefined || this.isFirstParty(host)) return undefined;
    return {
      kind: 'third-party',
      callee: skipOuterExpressions(call.expression).getText(),
      module,
      reason: `${library} to ${host}, which is not in firstPartyHosts`,
      dataArguments: data,
    };
  }

  private isGlobalFetch(callee: ts.Expression): boolean {
    const root = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    if (ts.isPropertyAccessExpression(callee)) {
      const object = skipOuterExpressions(callee.expression);
      if (!ts.isIdentifier(object) || !['window', 'globalThis', 'self', 'global'].includes(object.text)) return false;
    }
    const declarations = this.facade.getSymbol(root)?.declarations ?? [];
    return declarations.length === 0 || declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile);
  }

  /** axios(config), axios.post(url, data), api.post(path, data) on `const api = axios.create({ baseURL })`. */
  private getAxiosCall(call: ts.CallExpression, callee: ts.Expression): { host: string | undefined; data: ts.Expression[] } | undefined {
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    const receiver = ts.isPropertyAccessExpression(callee) ? skipOuterExpressions(callee.expression) : callee;
    const instance = this.getAxiosInstance(receiver);
    if (instance === undefined) return undefined;
    const [first] = call.arguments;
    if (method === undefined || method === 'request') {
      if (first === undefined) return undefined;
      const url = getObjectProperty(first, 'url', this.facade);
      const baseURL = getObjectProperty(first, 'baseURL', this.facade);
      const host = (url === undefined ? undefined : this.getHost(url)) ?? (baseURL === undefined ? undefined : this.getHost(baseURL)) ?? instance.baseHost;
      return { host, data: [...call.arguments] };
    }
    const host = (first === undefined ? undefined : this.getHost(first)) ?? instance.baseHost;
    // every argument goes out: the URL, the body, and the config's `params` (the query string)
    return { host, data: [...call.arguments] };
  }

  private getAxiosInstance(expression: ts.Expression): { baseHost: string | undefined } | undefined {
    const resolved = resolveConstInitializer(expression, this.facade);
    if (ts.isCallExpression(resolved) && getCalleeName(resolved.expression) === 'create') {
      const factory = skipOuterExpressions(resolved.expression);
      if (ts.isPropertyAccessExpression(factory) && this.isAxiosModuleValue(factory.expression)) {
        const options = resolved.arguments[0];
        const baseURL = options === undefined ? undefined : getObjectProperty(options, 'baseURL', this.facade);
        return { baseHost: baseURL === undefined ? undefined : this.getHost(baseURL) };
      }
    }
    if (this.isAxiosModuleValue(expression)) return { baseHost: undefined };
    // an instance held in a class field or passed around: typed as AxiosInstance
    const typeName = this.facade.getTypeOfNode(expression).getSymbol()?.getName();
    if (typeName === 'AxiosInstance' || typeName === 'AxiosStatic') return { baseHost: undefined };
    return undefined;
  }

  private isAxiosModuleValue(expression: ts.Expression): boolean {
    const symbol = this.facade.getSymbol(skipOuterExpressions(expression));
    return (symbol?.declarations ?? []).some((declaration) => /[\\/]node_modules[\\/]axios[\\/]/.test(declaration.getSourceFile().fileName));
  }

  /** The host of a URL expression when it is known statically. */
  getHost(expression: ts.Expression): string | undefined {
    const resolved = resolveConstInitializer(skipOuterExpressions(expression), this.facade);
    if (ts.isNewExpression(resolved) && ts.isIdentifier(resolved.expression) && resolved.expression.text === 'URL') {
      const [input, base] = resolved.arguments ?? [];
      return (input === undefined ? undefined : this.getHost(input)) ?? (base === undefined ? undefined : this.getHost(base));
    }
    let text: string | undefined;
    if (ts.isTemplateExpression(resolved)) text = this.getStaticPrefix(resolved);
    else if (ts.isBinaryExpression(resolved) && resolved.operatorToken.kind === SyntaxKind.PlusToken) return this.getHost(resolved.left);
    else text = getStaticString(resolved, this.facade);
    if (text === undefined) return undefined;
    const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(text);
    return match?.[1]?.toLowerCase();
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
    return this.firstPartyHosts.some((entry) => {
      const pattern = entry.toLowerCase().replace(/^\*\./, '.');
      return pattern.startsWith('.') ? host.endsWith(pattern) || host === pattern.slice(1) : host === pattern || host.endsWith(`.${pattern}`);
    });
  }
}
