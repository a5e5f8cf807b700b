"""## What it does
Reported for a content file of a format Hugo's security policy refuses: an `.html` or
`.htm` page (Hugo denies `text/html` content since 0.162) or an Org file (`text/org`, since
0.168), unless `security.allowContent` in the site's config admits its media type. Hugo
stops the build at the first such file; this names every one. A site that pins an older
Hugo that admits them (in netlify.toml, a workflow) builds them, and links to them work: the
finding says so, as other findings of what Hugo has removed since do (`_build` in front
matter), so that an upgrade finds nothing new.

## Why is this bad?
The site does not build at all, with the Hugo version that refuses them: an upgrade of
Hugo alone breaks it.

Admit them in the site's config (`[security] allowContent = ['.*']`), or rename an `.html`
page to `.md` (its HTML then goes through Markdown, so `unsafe = true` keeps it).
"""

from __future__ import annotations

from validator.model import NoOptions, Rule

RULE = Rule(
    id="content-refused",
    summary="Content file of a format Hugo's security policy refuses, stopping the build",
    stage="source",
    options=NoOptions,
    check=None,
    doc=__doc__,
)
