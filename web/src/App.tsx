import { useEffect, useState } from 'react';
import { Library } from './Library';
import { Review } from './Review';
import { Search } from './Search';

type View = { name: 'library' } | { name: 'review'; documentId: number; focus?: string } | { name: 'search' };

function viewFromHash(): View {
  const review = /^#\/documents\/(\d+)(?:\/([\w.+]+))?/.exec(window.location.hash);
  if (review)
    return { name: 'review', documentId: Number(review[1]), ...(review[2] ? { focus: review[2] } : {}) };
  if (window.location.hash.startsWith('#/search')) return { name: 'search' };
  return { name: 'library' };
}

/** The studio: a library of documents, the review view of one, and search across all. */
export function App() {
  const [view, setView] = useState<View>(viewFromHash);
  useEffect(() => {
    const update = () => setView(viewFromHash());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return (
    <div className="app">
      <header>
        <a href="#/">bitext studio</a>
        <nav>
          <a href="#/">Library</a>
          <a href="#/search">Search</a>
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
