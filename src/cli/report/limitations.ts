/** What the data inventory cannot show yet, printed at the end of every report. */
export const REPORT_LIMITATIONS: readonly string[] = [
  'Internal and Public data are not followed by the engine (only Confidential and Restricted flows are facts), so their sinks are not listed.',
  'Allowed flows are observed through the rule API (an observer rule next to the real rules); the engine has no option that returns all flow facts itself, so a flow that no fact describes (a sink the catalog and config do not know, data passed through `any` or a dynamic property name) is missing here as it is from `check`.',
  'One flow is listed per source, sink and location: several helpers in between are summarised in the trace `check --explain` prints, not here.',
  'Regions are named by their sinks (cross-region targets, browser storage); the engine does not know which region a regional database or cache is in.',
];
