"""The payment fixtures (Stripe faked, accounts, contact address), shared with tickets."""

from tests.home.payments.conftest import _clear_cache as _clear_cache
from tests.home.payments.conftest import contact_email as contact_email
from tests.home.payments.conftest import fake_stripe as fake_stripe
from tests.home.payments.conftest import make_account as make_account
from tests.home.payments.conftest import on_commit as on_commit
