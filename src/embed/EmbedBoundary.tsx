import { Component, Fragment, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /**
   * Puts back the diagram shown before the one that crashed, if there was one; returns whether it
   * did. Then the embed draws again, with the message above it.
   */
  recover: () => boolean;
  /** The diagram on show: when it changes (a new `load`), a boundary showing only its message draws again. */
  resetKey: unknown;
}

interface State {
  error: boolean;
  /** Bumped on each recovery, so the children remount from the restored store state. */
  generation: number;
  message: string;
  /** The `resetKey` when drawing failed with nothing to go back to; a new one draws again. */
  failedKey?: unknown;
}

/**
 * The embed's own error boundary: a diagram that crashes while drawing (a `load` command, a link)
 * never blanks the embed. It goes back to the previous diagram with a message, or, with nothing to
 * go back to, shows the message alone.
 */
export class EmbedBoundary extends Component<Props, State> {
  state: State = { error: false, generation: 0, message: '' };

  static getDerivedStateFromError(): Partial<State> {
    return { error: true };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn('Service Explainer embed: a diagram could not be drawn', error, info.componentStack);
    if (this.props.recover()) {
      this.setState((s) => ({ error: false, generation: s.generation + 1, message: 'That diagram could not be drawn; the previous one is shown instead.' }));
    } else {
      this.setState({ message: 'This diagram could not be drawn.', failedKey: this.props.resetKey });
    }
  }

  componentDidUpdate(before: Props) {
    const { error, failedKey } = this.state;
    if (error && failedKey !== undefined && before.resetKey !== this.props.resetKey && this.props.resetKey !== failedKey) {
      this.setState((s) => ({ error: false, message: '', failedKey: undefined, generation: s.generation + 1 }));
    }
  }

  render() {
    const { error, generation, message } = this.state;
    const banner = message && (
      <p role="alert" className="border-b border-amber-300 bg-amber-50 px-3 py-1 text-xs text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">{message}</p>
    );
    if (error) return <div className="relative min-h-48 flex-1">{banner}</div>;
    return (
      <Fragment key={generation}>
        {banner}
        {this.props.children}
      </Fragment>
    );
  }
}
