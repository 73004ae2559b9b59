// A real OpenID Connect provider on loopback for the single sign-on browser test: the certified
// `oidc-provider` package with one confidential client (the app), the authorization code flow,
// discovery at /.well-known/openid-configuration, id_tokens signed with a freshly generated RSA key,
// a login page that accepts any test user by e-mail address (email_verified is false for one that
// starts with "onbevestigd"), and RP-initiated logout.
//
// Usage: node provider.mjs   (environment: OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI)
// It prints "ready <issuer>" once it listens. Test use only: accounts are whatever e-mail is typed.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

import Provider, { interactionPolicy } from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://127.0.0.1:${port}`;
const redirectUri = process.env.OIDC_REDIRECT_URI;

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

// Streamlit asks for prompt=select_account; here that is the same page as logging in.
const policy = interactionPolicy.base();
policy.add(new interactionPolicy.Prompt({ name: 'select_account', requestable: true }), 0);

const provider = new Provider(issuer, {
  clients: [{
    client_id: process.env.OIDC_CLIENT_ID,
    client_secret: process.env.OIDC_CLIENT_SECRET,
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [redirectUri],
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // the e-mail address in the id_token itself, as Entra ID and Keycloak do: Streamlit reads st.user from it
  conformIdTokenClaims: false,
  findAccount: async (ctx, id) => ({
    accountId: id,
    // an address that starts with "onbevestigd" is one the organisation has not verified
    claims: async () => ({ sub: id, email: id, email_verified: !id.startsWith('onbevestigd'), name: id.split('@')[0] }),
  }),
  interactions: { policy, url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      // confirm at once: the app's "Uitloggen" already was the user's choice
      logoutSource: async (ctx, form) => {
        ctx.body = `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Afmelden</title></head><body>
          <p>U wordt afgemeld bij de testorganisatie…</p>
          ${form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')}
          <script>document.forms[0].submit()</script></body></html>`;
      },
    },
  },
});

const page = (body) => `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8">
  <title>Testorganisatie: inloggen</title></head><body><main>${body}</main></body></html>`;

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function readForm(req) {
  let data = '';
  for await (const chunk of req) data += chunk;
  return new URLSearchParams(data);
}

async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  const { uid, prompt, params, session, grantId } = details;
  if (req.method === 'POST') {
    const email = ((await readForm(req)).get('email') || '').trim().toLowerCase();
    if (!email.includes('@')) {
      res.writeHead(400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('<p>Vul een e-mailadres in.</p>'));
      return;
    }
    await provider.interactionFinished(req, res, { select_account: {}, login: { accountId: email } },
      { mergeWithLastSubmission: false });
    return;
  }
  if (prompt.name === 'consent') {  // the app is the organisation's own: consent is granted
    const grant = grantId ? await provider.Grant.find(grantId)
      : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
    if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(prompt.details.missingResourceScopes || {})) {
      grant.addResourceScope(indicator, scopes.join(' '));
    }
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } },
      { mergeWithLastSubmission: true });
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page(`<h1>Inloggen bij de testorganisatie</h1>
    <form method="post" action="/interaction/${escape(uid)}">
      <label for="email">E-mailadres</label>
      <input id="email" name="email" type="email" autocomplete="username" required>
      <button type="submit">Inloggen bij de testorganisatie</button>
    </form>`));
}

const handler = provider.callback();
createServer((req, res) => {
  if (req.url.startsWith('/interaction/')) {
    interaction(req, res).catch((error) => {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Fout bij het inloggen: ${error.message}`);
    });
    return;
  }
  handler(req, res);
}).listen(port, '127.0.0.1', () => console.log(`ready ${issuer}`));
