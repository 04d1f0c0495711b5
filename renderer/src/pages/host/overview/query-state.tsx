// What a card shows while its one call is loading or after it failed: a spinner, or the translated error
// (host, operation, reason) inside the card, so the other cards of the page still show their data.
import type { ReactNode } from 'react';
import { Alert, Spin } from 'antd';
import type { BmcError } from '../../../bmc-client';
import { errorText } from '../../../i18n/error-text';

export interface QueryLike<T> {
  data: T | undefined;
  error: BmcError | null;
}

export function QueryState<T>({
  q,
  operation,
  errorTestId,
  children,
}: {
  q: QueryLike<T>;
  /** the failed operation's name, translated */
  operation: string;
  errorTestId: string;
  children: (data: T) => ReactNode;
}) {
  // A failed refresh keeps the last answer on screen, under the error that says it is no longer current.
  if (q.error)
    return (
      <>
        <Alert type="error" showIcon data-testid={errorTestId} title={errorText(q.error.data, operation)} />
        {q.data !== undefined && children(q.data)}
      </>
    );
  if (q.data !== undefined) return <>{children(q.data)}</>;
  return <Spin size="small" data-testid="loading" />;
}
