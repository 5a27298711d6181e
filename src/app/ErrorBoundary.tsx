import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Called by "Start again" before re-rendering, e.g. to load the default scenario. */
  onReset?: () => void;
}

interface State {
  error: Error | null;
}

/** Shows what went wrong and a way back, instead of a blank page. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Service Explainer crashed', error, info.componentStack);
  }

  private reset = () => {
    this.props.onReset?.();
    this.setState({ error: null });
  };

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" className="mx-auto mt-24 max-w-lg rounded-xl border border-red-300 bg-white p-6 text-slate-800 shadow dark:border-red-800 dark:bg-slate-900 dark:text-slate-100">
        <h2 className="text-lg font-semibold">Something went wrong drawing this cluster.</h2>
        <p className="mt-2 text-sm">
          The explainer hit an error it did not expect. Your work is not lost: starting again reopens the
          app with a fresh view.
        </p>
        <pre className="mt-3 max-h-40 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{error.message}</pre>
        <button
          type="button"
          onClick={this.reset}
          className="mt-4 rounded-md bg-[#326ce5] px-4 py-2 text-sm font-medium text-white hover:bg-[#2456c4] focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-[#326ce5]"
        >
          Start again
        </button>
      </div>
    );
  }
}
