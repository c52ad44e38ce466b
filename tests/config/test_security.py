"""Transport and content security: deploy checks, Content-Security-Policy, no inline script."""

import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

CHECK_DEPLOY = (
    "import django; django.setup(); from django.core.management import call_command; "
    "call_command('check', deploy=True, fail_level='WARNING')"
)


def run_deploy_check(tmp_path, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "SECURE_", "DATABASE_URL"))
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SQLITE_PATH": str(tmp_path / "check.sqlite3"),
            **env,
        }
    )
    return subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "-c", CHECK_DEPLOY],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_checks_with_no_warning(tmp_path):
    result = run_deploy_check(tmp_path)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_deploy_check_fails_when_production_is_weakened(tmp_path):
    """The check above is not vacuous: turning off the HTTPS redirect makes it fail."""
    result = run_deploy_check(tmp_path, SECURE_SSL_REDIRECT="false")

    assert result.returncode != 0
    assert "security.W008" in result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_deploy_check(tmp_path, SECRET_KEY="")

    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment." in result.stderr


class ScriptCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))


def scripts_in(html):
    parser = ScriptCollector()
    parser.feed(html)
    return parser.scripts


def csp_directives(response):
    policy = response.headers["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.fixture
def public_urls(home_page):
    home_page.save_revision().publish()
    return [
        "/en/",
        "/en/search/?q=civic",
        "/en/no-such-page/",
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
    ]


def test_public_responses_carry_a_content_security_policy_without_inline_script(
    client, public_urls
):
    for url in public_urls:
        response = client.get(url)
        directives = csp_directives(response)

        assert directives["script-src"] == ["'self'"], url
        assert "'unsafe-inline'" not in directives["default-src"], url
        assert directives["object-src"] == ["'none'"], url
        assert directives["frame-ancestors"] == ["'none'"], url
        assert response.headers["X-Content-Type-Options"] == "nosniff", url
        assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin", url


def test_public_pages_load_every_script_from_a_file(client, public_urls):
    for url in public_urls:
        scripts = scripts_in(client.get(url).content.decode())

        assert scripts, url  # the site's own script is there, as a file
        assert [s for s in scripts if not s.get("src")] == [], url
        assert all(s["src"].startswith("/static/") for s in scripts), url


PROJECT_TEMPLATE_DIRS = [Path(settings.BASE_DIR) / "templates"] + [
    path
    for path in Path(settings.BASE_DIR).glob("*/templates")
    if not path.parent.name.startswith(".")
]
# Templates that only the Wagtail admin renders (it has its own policy).
ADMIN_ONLY = re.compile(r"(^|/)(wagtailadmin|admin|wagtail_hooks)(/|$)")
SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)


def test_no_public_template_contains_an_inline_script():
    inline = []
    for directory in PROJECT_TEMPLATE_DIRS:
        for template in directory.rglob("*.html"):
            relative = template.relative_to(directory).as_posix()
            if ADMIN_ONLY.search(relative):
                continue
            for tag in SCRIPT_TAG.findall(template.read_text()):
                if "src=" not in tag:
                    inline.append(f"{template.relative_to(settings.BASE_DIR)}: {tag}")

    assert inline == []
