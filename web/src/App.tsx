import { useEffect, useState } from 'react';
import { api, SIGN_IN_NEEDED } from './api';
import { Library } from './Library';
import { Review } from './Review';
import { Search } from './Search';
import { SignIn } from './SignIn';

type View = { name: 'library' } | { name: 'review'; documentId: number; focus?: string } | { name: 'search' };

function viewFromHash(): View {
  const review = /^#\/documents\/(\d+)(?:\/([\w.+]+))?/.exec(window.location.hash);
  if (review)
    return { name: 'review', documentId: Number(review[1]), ...(review[2] ? { focus: review[2] } : {}) };
  if (window.location.hash.startsWith('#/search')) return { name: 'search' };
  return { name: 'library' };
}

/** Whether the studio asks for its token, and whether this browser has signed in. */
type Session = 'checking' | 'open' | 'signed-in' | 'signed-out';

function useSession(): [Session, (session: Session) => void] {
  const [session, setSession] = useState<Session>('checking');
  useEffect(() => {
    api.session().then(
      ({ tokenRequired, signedIn }) =>
        setSession(!tokenRequired ? 'open' : signedIn ? 'signed-in' : 'signed-out'),
      () => setSession('signed-out'),
    );
    const signedOut = () => setSession('signed-out');
    window.addEventListener(SIGN_IN_NEEDED, signedOut);
    return () => window.removeEventListener(SIGN_IN_NEEDED, signedOut);
  }, []);
  return [session, setSession];
}

/** The studio: a library of documents, the review view of one, and search across all; a sign-in first when it has a token. */
export function App() {
  const [view, setView] = useState<View>(viewFromHash);
  const [session, setSession] = useSession();
  useEffect(() => {
    const update = () => setView(viewFromHash());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  const signOut = () => api.signOut().finally(() => setSession('signed-out'));
  if (session === 'checking') return null;
  if (session === 'signed-out') return <SignIn onSignedIn={() => setSession('signed-in')} />;
  return (
    <div className="app">
      <header>
        <a href="#/">bitext studio</a>
        <nav>
          <a href="#/">Library</a>
          <a href="#/search">Search</a>
          {session === 'signed-in' && (
            <button type="button" className="sign-out" onClick={signOut}>
              Sign out
            </button>
          )}
        </nav>
      </header>
      <main>
        {view.name === 'library' && <Library />}
        {view.name === 'review' && (
          <Review key={view.documentId} documentId={view.documentId} focus={view.focus} />
        )}
        {view.name === 'search' && <Search />}
      </main>
    </div>
  );
}
