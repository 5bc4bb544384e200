// The JSX typing docs/npm.md (React 19) tells a portal to add, verbatim, so `tsc` checks it
// and react.test.ts builds its props against it.
import type { DossierApi } from '@doorstroom/sdk';
type DddProps = React.HTMLAttributes<HTMLElement> & {
  api?: DossierApi;
  'dossier-id'?: string;
  'api-base'?: string;
  token?: string;
  lang?: string;
  [event: `onddd-${string}`]: ((event: CustomEvent) => void) | undefined;
};
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ddd-dossier-form': DddProps & { 'autosave-delay'?: number };
      'ddd-mentor-review': DddProps & { view?: 'teBehandelen' | 'mijnLeerlingen' };
      'ddd-consent': DddProps;
      'ddd-progress': DddProps & { compact?: boolean };
      'ddd-context': DddProps;
    }
  }
}
