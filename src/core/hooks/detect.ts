/** The JSON hook formats told apart by content, in the order a dispatcher should try them. */
import type { HookFormat } from '../schema/model.ts';
import type { ImportResult } from '../schema/package-files.ts';
import * as claudeCodeLog from './claude-code-log.ts';
import * as claudeFlowData from './claude-flow-data.ts';
import * as claudeFlowMetrics from './claude-flow-metrics.ts';
import * as claudeFlowV3Json from './claude-flow-v3-json.ts';

/** A format module: detects its shape in a parsed JSON value and reads it into events. */
export interface JsonFormat {
  format: HookFormat;
  /** True when this parsed JSON value has this format's shape (by content, never by file name). */
  matches(value: unknown): boolean;
  /** Turns the parsed JSON value of one file into events; `path` is the display path of the file. */
  read(value: unknown, path: string): ImportResult;
}

/**
 * Most specific `matches` first; the first module that matches reads the file. claude-flow-metrics goes last because
 * it also claims a bare `{}` (agent-metrics.json).
 */
export const jsonFormats: readonly JsonFormat[] = [claudeCodeLog, claudeFlowV3Json, claudeFlowData, claudeFlowMetrics];
