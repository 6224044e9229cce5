/**
 * What every check in the domain core reports: a stable code a program can match on, a severity,
 * and a message in Chinese (first) and English that a clerk can act on.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Message {
  zh: string;
  en: string;
}

export interface Problem<Code extends string = string> {
  code: Code;
  severity: Severity;
  message: Message;
}

export function problem<Code extends string>(code: Code, severity: Severity, zh: string, en: string): Problem<Code> {
  return { code, severity, message: { zh, en } };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
