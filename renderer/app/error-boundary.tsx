/** Catches render errors in a region so one broken view does not blank the whole window. */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorCode } from '../../shared/errors';
import { call } from '../lib/oss-api';
import { ErrorPanel } from '../ui/error-panel';

interface Props {
  children: ReactNode;
}

interface State {
  message: string | null;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { message: null };

  static getDerivedStateFromError(error: unknown): State {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    call('app:log', { level: 'error', message: `${error.message}\n${info.componentStack ?? ''}`.slice(0, 4000) }).catch(() => {});
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    return (
      <ErrorPanel
        error={{ code: ErrorCode.Internal, message: this.state.message }}
        onRetry={() => this.setState({ message: null })}
      />
    );
  }
}
