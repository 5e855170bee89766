// Hash routing: `#/sandbox`, `#/lab/<id>?seed=N`, … Works from any base path and from a folder.

export interface Route {
  page: string;
  params: string[];
  query: URLSearchParams;
}

function parse(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path = '', q = ''] = raw.split('?');
  const [page = '', ...params] = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { page, params, query: new URLSearchParams(q) };
}

class Router {
  route = $state<Route>(parse(location.hash));

  constructor() {
    addEventListener('hashchange', () => (this.route = parse(location.hash)));
  }

  go(path: string): void {
    location.hash = `#/${path}`;
  }
}

export const router = new Router();
