import { defineRule } from '../src/engine/define-rule.js';
import { getDimensionFact, getFlowInto, getFlowMessageData } from '../src/engine/rule-data.js';

type MessageIds = 'classifiedValue' | 'dimensionNotAllowed' | 'urlDimension';

export default defineRule<MessageIds>({
  id: 'telemetry-deidentified',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require central telemetry to carry only de-identified values under allow-listed dimension names',
      policy: "What stays in the tenant's region: telemetry that flows centrally is de-identified at source and listed explicitly (route, status, tenant id, endpoint host)",
      recommended: true,
    },
    messages: {
      classifiedValue: '{{class}} data {{data}} ({{kind}}){{more}} reaches telemetry sink {{sink}} ({{module}}); central telemetry carries only de-identified values',
      dimensionNotAllowed:
        'Telemetry dimension "{{dimension}}" in {{sink}} ({{module}}) is not allow-listed; central telemetry is listed explicitly (add it to telemetry.allowedDimensions if it is de-identified)',
      urlDimension: 'Telemetry dimension "{{dimension}}" in {{sink}} ({{module}}) carries a full URL or path; use the route template or new URL(u).host',
    },
    schema: [],
    sinkKinds: ['telemetry'],
    maxClass: 'internal',
    diagnosticCode: 990008,
  },
  defaultOptions: [],
  check(fact) {
    const flow = getFlowInto(fact, this.meta.sinkKinds, 'confidential');
    if (flow !== undefined) return { messageId: 'classifiedValue', data: getFlowMessageData(flow) };
    const dimension = getDimensionFact(fact, this.meta.sinkKinds);
    if (dimension === undefined) return undefined;
    const data = { dimension: dimension.name, sink: dimension.sink.callee, module: dimension.sink.module };
    return { messageId: dimension.problem === 'url-value' ? 'urlDimension' : 'dimensionNotAllowed', data };
  },
});
