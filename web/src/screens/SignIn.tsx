/** The sign-in redirect comes back with ?error=&error_description= when Facebook or the API refused. */
export function SignIn({ href }: { href: string }) {
  const params = new URLSearchParams(window.location.search);
  const problem = params.get('error_description') ?? params.get('error');
  return (
    <main className="sign-in">
      <h1>Entropy dashboard</h1>
      <p>Organizations, members, tokens, Facebook credentials, webhooks and events.</p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <a className="button" href={href}>
        Sign in with Facebook
      </a>
    </main>
  );
}
