/** Catches a screen's rendering error so the app never goes blank: shows it and a way back. Nothing saved is touched. */
import { Component, type ReactNode } from 'react';

export class ErrorBoundary extends Component<{ children: ReactNode; title: string; back: string; onBack: () => void }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="notice notice--error" role="alert">
        <span>
          {this.props.title}: {this.state.error.message}
        </span>
        <button
          onClick={() => {
            this.setState({ error: null });
            this.props.onBack();
          }}
        >
          {this.props.back}
        </button>
      </div>
    );
  }
}
