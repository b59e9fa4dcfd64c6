import { Component, type ErrorInfo, type ReactNode } from 'react';
import { reportProblem } from './problemReport';
import { SomethingWentWrong } from './SomethingWentWrong';

interface ProblemBoundaryState {
  failed: boolean;
}

/**
 * Around the screens: an error while drawing one is logged (with React's
 * component stack) and replaced by "Something went wrong", while the
 * sidebar and everything around stay as they were. "Show the screen again"
 * draws it afresh; a new `resetKey` (another screen chosen) does too.
 */
export class ProblemBoundary extends Component<
  { children: ReactNode; resetKey: string },
  ProblemBoundaryState & { resetKey: string }
> {
  override state = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<ProblemBoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: ProblemBoundaryState & { resetKey: string }) {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const withComponents =
      error instanceof Error && info.componentStack
        ? Object.assign(error, { stack: `${error.stack ?? ''}\nIn:${info.componentStack}` })
        : error;
    reportProblem(withComponents, 'screen');
  }

  override render(): ReactNode {
    return this.state.failed ? (
      <SomethingWentWrong onTryAgain={() => this.setState({ failed: false })} />
    ) : (
      this.props.children
    );
  }
}
