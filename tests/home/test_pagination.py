from django.test import RequestFactory

from home.pagination import paginate


def page_for(query_string, items=range(1, 26), per_page=10):
    return paginate(
        RequestFactory().get(f"/en/news/{query_string}"), list(items), per_page=per_page
    )


def test_pages_are_numbered_from_one_and_keep_other_parameters():
    page = page_for("?topic=tictec&page=2")

    assert list(page) == list(range(11, 21))
    assert page.previous_url == "?topic=tictec&page=1"
    assert page.next_url == "?topic=tictec&page=3"
    assert [(link["number"], link["is_current"]) for link in page.page_links] == [
        (1, False),
        (2, True),
        (3, False),
    ]


def test_bad_or_out_of_range_page_numbers_give_the_nearest_page():
    assert page_for("?page=abc").number == 1
    assert page_for("?page=-4").number == 3
    assert page_for("?page=999").number == 3
    assert list(page_for("?page=999")) == list(range(21, 26))


def test_long_ranges_are_elided():
    page = page_for("?page=10", items=range(200))

    assert [link["number"] for link in page.page_links] == [1, 8, 9, 10, 11, 12, 20]
