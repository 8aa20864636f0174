"""Report, in headless Chromium: the comparison tables can be filtered, sorted and downloaded as a
CSV for Dutch Excel (';', BOM, no live formulas), and the planning slips chart shows days per region."""
from __future__ import annotations

import pytest

from inkoopgraaf.models.tables import tables_from_facts
from inkoopgraaf.report import write_report
from report_sample import sample_inputs
from test_report_browser import _errors, _open, _shot, browser  # noqa: F401 - the shared Chromium fixture

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    facts, documents, texts = sample_inputs()
    return write_report(tmp_path_factory.mktemp("rep") / "tabellen.html", facts, documents, texts,
                        tables_from_facts(facts, documents))


def _rows(browser):
    from selenium.webdriver.common.by import By
    return browser.find_elements(By.CSS_SELECTOR, "#tables table tbody tr")


def test_tables_filter_sort_and_download(browser, report):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
    _open(browser, report)
    browser.find_element(By.CSS_SELECTOR, 'a[data-tab="tabellen"]').click()
    Select(browser.find_element(By.ID, "table-select")).select_by_index(0)
    total = len(_rows(browser))
    assert total > 2
    headers = browser.find_elements(By.CSS_SELECTOR, "#tables thead th")
    labels = [h.text.replace(" ↕", "") for h in headers]
    col = labels.index("Bekostiging")
    headers[col].find_element(By.CSS_SELECTOR, "button.sort").click()
    values = [r.find_elements(By.TAG_NAME, "td")[col].text for r in _rows(browser)]
    assert values == sorted(values, key=lambda v: (v == "", v.lower()))
    assert "gesorteerd op Bekostiging" in browser.find_element(By.ID, "table-note").text
    box = browser.find_element(By.ID, "table-filter")
    box.send_keys("lumpsum")
    WebDriverWait(browser, 5).until(lambda d: len(_rows(d)) < total)
    assert all("lumpsum" in r.text.lower() for r in _rows(browser))
    # download what is shown: capture the Blob instead of saving a file
    browser.execute_script("window.__csv = null; URL.createObjectURL = function (b) { window.__csv = b; return '#'; };")
    browser.find_element(By.ID, "table-download").click()
    head = browser.execute_async_script(
        "var done = arguments[0]; window.__csv.arrayBuffer().then(function (b) { done(Array.from(new Uint8Array(b).slice(0, 3))); });")
    assert head == [0xEF, 0xBB, 0xBF]                                         # the BOM Excel needs
    csv_text = browser.execute_async_script("var done = arguments[0]; window.__csv.text().then(done);")
    lines = csv_text.strip().split("\r\n")
    assert ";" in lines[0] and "Bekostiging" in lines[0]
    assert len(lines) - 1 == len(_rows(browser)) and all("umpsum" in l for l in lines[1:])
    assert not any(cell.startswith(("=", "+", "@")) for l in lines for cell in l.split(";"))
    _shot(browser, "report-tabellen-filter.png")
    assert _errors(browser) == []


def test_slips_chart_days_per_region(browser, report):  # noqa: F811
    from selenium.webdriver.common.by import By
    _open(browser, report)
    browser.find_element(By.CSS_SELECTOR, 'a[data-tab="tijdlijnen"]').click()
    bars = browser.find_elements(By.CSS_SELECTOR, "#slips-chart rect.slip-bar")
    assert bars and bars[0].get_attribute("data-days") == "365"
    assert "+365" in browser.find_element(By.ID, "slips-chart").text
    bars[0].click()
    assert "een jaar opgeschoven" in browser.find_element(By.ID, "evidence").text
    _shot(browser, "report-verschuivingen.png")
    assert _errors(browser) == []
