// Test helpers: lint a text or file the way the server does, and compare diagnostics in one readable shape.
import { readFileSync } from 'node:fs';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseText } from '../../server/src/parse/parsedDocument';
import { diagnose } from '../../server/src/service/diagnostics';
import { defaultSettings, type Settings } from '../../server/src/service/settings';
import { severityName } from '../../server/src/cli/formatters';

/** A diagnostic as tests compare it: `{code, severity, range: [startLine, startChar, endLine, endChar]}`. */
export interface Brief {
  code: string;
  severity: 'error' | 'warning' | 'info';
  range: [number, number, number, number];
}

export function brief(d: Diagnostic): Brief {
  return {
    code: String(d.code),
    severity: severityName(d.severity),
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
  };
}

export function lintText(text: string, settings: Settings = defaultSettings): Diagnostic[] {
  return diagnose(parseText(text), settings);
}

export function lintFile(path: string, settings: Settings = defaultSettings): Diagnostic[] {
  return lintText(readFileSync(path, 'utf8'), settings);
}

/** Every diagnostic of a text as the consultant cases compare them: the brief plus the message. */
export function briefWithMessages(text: string): (Brief & { message: string })[] {
  return lintText(text).map((d) => ({ ...brief(d), message: d.message }));
}
