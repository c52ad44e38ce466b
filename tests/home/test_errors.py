import pytest
from django.test import RequestFactory

from home.views import server_error


@pytest.mark.django_db
def test_404_page_is_in_the_site_design_with_a_search_form(client, home_page):
    response = client.get("/en/no-such-page/")

    content = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in content
    assert '<header class="site-header">' in content
    assert '<label for="not-found-q">Search the site</label>' in content
    assert '<a href="/en/">Go to the home page</a>' in content


def test_500_page_renders_without_the_database():
    # No django_db mark: any database access here fails the test.
    response = server_error(RequestFactory().get("/en/broken/"))

    content = response.content.decode()
    assert response.status_code == 500
    assert "<h1>Something went wrong</h1>" in content
    assert 'href="/static/css/site.css"' in content
    assert '<html lang="en">' in content
