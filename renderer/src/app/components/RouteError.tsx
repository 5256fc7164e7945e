import { useEffect } from 'react';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import type { ErrorScope } from '@renderer/app/components/ErrorDetails';
import { ErrorDetails } from '@renderer/app/components/ErrorDetails';
import { NotFound } from '@renderer/app/components/NotFound';

/** Route error element: an area that throws is replaced by the details; the shell stays. */
export function RouteError({ scope }: { scope: ErrorScope }) {
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  return <ErrorDetails error={error} scope={scope} />;
}
