import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_is_accessible_and_has_one_heading(home_page, browser_page, assert_accessible):
    home_page.save_revision().publish()

    browser_page.goto("/en/")

    assert browser_page.locator("h1").all_inner_texts() == ["mySociety"]
    assert browser_page.locator("a.skip-link").get_attribute("href") == "#main-content"
    assert_accessible(browser_page)
