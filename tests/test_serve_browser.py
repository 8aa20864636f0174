"""The explorer in a real headless Chromium (as the report's browser tests): a canned query page
shows Dutch labels and a result row, and its evidence link opens the quote in its context."""
from __future__ import annotations

import pytest

from explorer_sample import running_server, write_outputs
from test_report_browser import ARTIFACTS, browser  # noqa: F401 - the shared Chromium fixture

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_server(write_outputs(tmp_path_factory.mktemp("outputs"))) as base:
        yield base + "/inkoopgraaf"


def test_canned_query_page_in_dutch_with_a_result_row_and_evidence(browser, server):  # noqa: F811
    from selenium.webdriver.common.by import By
    browser.get(f"{server}/financiering?segment=dyslexie&bekostiging=populatiebekostiging&status=")
    assert "Welke regio's financieren segment X met model Y?" in browser.find_element(By.TAG_NAME, "h1").text
    headers = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns th")]
    assert {"Regio", "Segment", "Bekostiging", "Status", "Ingangsdatum", "Citaat", "Bewijs"} <= set(headers)
    rows = browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    assert len(rows) == 1
    cells = dict(zip(headers, (td.text for td in rows[0].find_elements(By.TAG_NAME, "td"))))
    assert (cells["Regio"], cells["Segment"], cells["Bekostiging"], cells["Status"]) == \
        ("Lekstroom", "Dyslexie", "Populatiebekostiging", "gekozen")
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "explorer-financiering.png"))
    rows[0].find_element(By.CSS_SELECTOR, "a.inkoopgraaf-bewijs").click()
    assert "Bewijs: waar het staat" in browser.find_element(By.TAG_NAME, "h1").text
    body = browser.find_element(By.CSS_SELECTOR, "table.rows-and-columns").text
    assert "⟦populatiebekostiging⟧" in body and "volledige tekst" in body
