import type { ReactNode } from 'react';
import { Component } from 'react';
import { ErrorDetails } from '@renderer/app/components/ErrorDetails';

interface State {
  error: unknown;
  failed: boolean;
}

/**
 * Last line of defence around the whole app: anything thrown while rendering outside an area
 * (the shell itself, a provider) shows the error details page instead of an empty window.
 * Errors inside an area are caught closer, by the area's own route error element.
 */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, failed: false };

  static getDerivedStateFromError(error: unknown): State {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render() {
    return this.state.failed ? (
      <ErrorDetails error={this.state.error} scope="app" />
    ) : (
      this.props.children
    );
  }
}
