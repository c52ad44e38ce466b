import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache

PASSWORD = "a-long-and-unusual-passphrase"


@pytest.fixture(autouse=True)
def clear_rate_limits():
    """allauth counts attempts in the (real, local-memory) cache: start every test at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_user(db):
    def make(email="ana@example.org", *, verified=True, groups=(), password=PASSWORD):
        user = get_user_model().objects.create_user(
            username=email, email=email, password=password, is_staff=bool(groups)
        )
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
        return user

    return make
