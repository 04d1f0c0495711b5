// Every failure becomes plain ErrorData before it crosses IPC. Unknown errors are reported as
// 'internal' with a fixed message: their text may contain anything, including a path or a secret.
import type { z } from 'zod';
import type { ErrorData } from '../../shared/errors';
import { IpmiError } from '../ipmi/errors';
import { HostNotFoundError } from '../services/host-inventory';
import { NoPasswordError } from '../services/session-pool';
import { CsvImportError } from '../services/hosts-csv';
import { OperationConflictError } from './operations';
import { StalePlanError } from '../services/plan-store';

export function validationError(issues: readonly z.core.$ZodIssue[]): ErrorData {
  const list = issues.map((i) => {
    const path = [...i.path.map(String), ...(i.code === 'unrecognized_keys' ? [i.keys[0] ?? ''] : [])].join(
      '.',
    );
    const message =
      i.code === 'unrecognized_keys'
        ? `unexpected field${i.keys.length > 1 ? 's' : ''} ${i.keys.join(', ')}`
        : i.message;
    return { path, message };
  });
  const first = list[0] ?? { path: '', message: 'invalid' };
  return {
    code: 'invalid-argument',
    message: `invalid argument${first.path ? ` ${first.path}` : ''}: ${first.message}`,
    field: first.path,
    issues: list.slice(0, 20),
  };
}

export function toErrorData(e: unknown, onInternal?: (e: unknown) => void): ErrorData {
  if (e instanceof IpmiError) {
    return strip({
      code: e.kind,
      message: e.message,
      host: e.host,
      command: e.command,
      completionCode: e.completionCode,
      netFn: e.netFn,
      cmd: e.cmd,
      rmcpStatus: e.rmcpStatus,
      reasons: e.reasons,
    });
  }
  if (e instanceof HostNotFoundError) return { code: 'not-found', message: e.message };
  if (e instanceof NoPasswordError) return { code: 'no-password', message: e.message, host: e.host };
  if (e instanceof CsvImportError)
    return strip({ code: 'csv-invalid', message: e.message, line: e.line, field: e.field });
  if (e instanceof StalePlanError)
    return strip({
      code: 'stale-plan',
      message: e.message,
      reasons: e.reasons.length ? e.reasons : undefined,
    });
  if (e instanceof OperationConflictError) return { code: 'conflict', message: e.message };
  if (isZodError(e)) return validationError(e.issues);
  onInternal?.(e);
  return { code: 'internal', message: 'internal error' };
}

function isZodError(e: unknown): e is { issues: z.core.$ZodIssue[] } {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { name?: unknown }).name === 'ZodError' &&
    Array.isArray((e as { issues?: unknown }).issues)
  );
}

function strip<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
