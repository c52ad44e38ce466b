from wagtail.test.utils import WagtailPageTestCase

from conference.models import ConferencePage, TicketsPage
from home.models import DonationPage, HomePage


class PaymentPageTreeTests(WagtailPageTestCase):
    def test_tickets_page_lives_under_a_conference_and_has_no_children(self):
        self.assertAllowedParentPageTypes(TicketsPage, {ConferencePage})
        self.assertAllowedSubpageTypes(TicketsPage, set())
        self.assertCanCreateAt(ConferencePage, TicketsPage)

    def test_donation_page_lives_under_the_home_page(self):
        self.assertAllowedParentPageTypes(DonationPage, {HomePage})
        self.assertAllowedSubpageTypes(DonationPage, set())
        self.assertCanCreateAt(HomePage, DonationPage)
