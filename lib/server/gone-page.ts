/** The page a deleted recap's URL answers with (410 Gone): static, so it costs nothing to send. */
export const GONE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>This recap was deleted · Hallway</title>
<style>
  :root { color-scheme: light dark; font-family: ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #fff; color: #292524; }
  main { max-width: 34rem; padding: 2rem; text-align: center; }
  p.code { font-size: .875rem; font-weight: 600; letter-spacing: .05em; text-transform: uppercase; color: #c2410c; }
  h1 { font-size: 1.875rem; margin: .5rem 0 1rem; color: #1c1917; }
  a { display: inline-block; margin-top: 1.5rem; padding: .5rem 1rem; border-radius: .375rem; background: #c2410c; color: #fff; font-weight: 600; text-decoration: none; }
  a:focus-visible { outline: 3px solid #f97316; outline-offset: 2px; }
  @media (prefers-color-scheme: dark) {
    body { background: #0c0a09; color: #d6d3d1; }
    h1 { color: #fff; }
    p.code { color: #fb923c; }
  }
</style>
</head>
<body>
<main>
  <p class="code">410 · Gone</p>
  <h1>This recap was deleted</h1>
  <p>Its author removed it from Hallway, and it is not coming back. Other recaps are waiting on the home page.</p>
  <a href="/">Latest recaps</a>
</main>
</body>
</html>
`;
