"""Her page as a member of staff sees it once she has opened every section it lists.

Her page lists the sections a viewer may see, each closed; a section is read when it is
opened (`prisoners.sections`). `her_page` asks for the page, then for each section it lists
as htmx does, and puts each body where the page had its link: what the browser shows with
every section open. A section the page doesn't list is never asked for, so what a role may
not see stays absent here as on the page.
"""

import re

from django.urls import reverse

OPENER = re.compile(
    r'<div id="section-body-(?P<key>[\w-]+)">\s*<p class="govuk-body"><a [^>]*data-section='
    r'"(?P=key)"[^>]*>.*?</a></p>\s*</div>',
    re.S,
)

HER_PAGE = re.compile(r"/women/[0-9a-f-]{36}/(\?.*)?(#.*)?$")


def open_her_page(client, woman, **headers):
    """The response to her page (its status, headers and context), its content with every
    section it lists opened; a section that doesn't answer 200 fails."""
    url = reverse("prisoners:detail", args=[woman.uuid])
    response = client.get(url, **headers)
    if response.status_code != 200:
        return response

    def opened(match: re.Match) -> str:
        key = match["key"]
        section = client.get(f"{url}sections/{key}/", HTTP_HX_REQUEST="true", **headers)
        assert section.status_code == 200, f"section {key}: {section.status_code}"
        return f'<div id="section-body-{key}">{section.content.decode()}</div>'

    response.content = OPENER.sub(opened, response.content.decode()).encode()
    return response


def section_keys(response) -> list[str]:
    """The sections her page lists, in order."""
    return re.findall(r'data-section="([\w-]+)"', response.content.decode())


def open_sections(page) -> None:
    """In a browser: open every section her page lists, one after the other, as she would by
    following each section's link (htmx swaps its body in place, and the focus moves into
    it: the link she followed is gone). It first waits for her page: the link that led there
    may still be loading it, and the page before lists no section."""
    from playwright.sync_api import expect

    page.wait_for_url(HER_PAGE)
    links = page.locator("a[data-section]")
    while links.count():
        key = links.first.get_attribute("data-section")
        links.first.click()
        expect(page.locator(f'a[data-section="{key}"]')).to_have_count(0)
        expect(page.locator(f"#section-body-{key}")).to_be_focused()
