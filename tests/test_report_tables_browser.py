"""Report, in headless Chromium: the comparison tables can be filtered, sorted and downloaded as a
CSV for Dutch Excel (';', BOM, no live formulas), and the planning slips chart shows days per region."""
from __future__ import annotations

import pytest

from inkoopgraaf.models.tables import tables_from_facts
from inkoopgraaf.report import write_report
from report_sample import sample_inputs
from test_report_browser import _errors, _open, _shot, _tab, browser  # noqa: F401 - the shared Chromium fixture

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
    _tab(browser, "tabellen")
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
    _tab(browser, "tijdlijnen")
    bars = browser.find_elements(By.CSS_SELECTOR, "#slips-chart rect.slip-bar")
    assert bars and bars[0].get_attribute("data-days") == "365"
    assert "+365" in browser.find_element(By.ID, "slips-chart").text
    bars[0].click()
    assert "een jaar opgeschoven" in browser.find_element(By.ID, "evidence").text
    _shot(browser, "report-verschuivingen.png")
    assert _errors(browser) == []


def test_matrix_fits_the_screen_with_model_colours_start_dates_and_years_apart(browser, report):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    _open(browser, report)
    _tab(browser, "vergelijking")
    table = browser.find_element(By.CSS_SELECTOR, "#matrix table.matrix")
    # more segments than region-years: segments become the rows, so the table fits a laptop screen
    assert table.get_attribute("data-orientation") == "segments"
    assert browser.execute_script("return document.querySelector('#matrix table').scrollWidth") <= 1280
    cell = browser.find_element(By.CSS_SELECTOR, 'button.cell[data-region="rivierenland"][data-segment="ambulant"]')
    assert cell.get_attribute("data-year") == "2022"
    assert "▶ 1 jan 2024" in cell.text                                   # contract start in the cell
    chips = cell.find_elements(By.CSS_SELECTOR, ".chip")
    colours = {c.find_element(By.CSS_SELECTOR, ".chip-name").text: c.value_of_css_property("border-left-color")
               for c in chips}
    assert len(set(colours.values())) == len(colours) == 2                     # one colour per model
    legend = browser.find_element(By.ID, "matrix-legend").text
    assert "Lumpsum\ntaakgericht" in legend and "PxQ\ninspanningsgericht" in legend
    Select(browser.find_element(By.ID, "matrix-segment")).select_by_visible_text("Dyslexie")
    heads = [th.text.split("\n")[0] for th in browser.find_elements(By.CSS_SELECTOR, "#matrix thead th")]
    assert heads == ["Regio (jaar)", "Dyslexie"]                       # one segment: a column of regions
    Select(browser.find_element(By.ID, "matrix-segment")).select_by_index(0)
    Select(browser.find_element(By.ID, "matrix-orientation")).select_by_value("regions")
    heads = [th.text.split("\n")[0] for th in browser.find_elements(By.CSS_SELECTOR, "#matrix tbody th")]
    assert "Rivierenland" in heads and "Holland Rijnland" in heads
    assert browser.find_element(By.CSS_SELECTOR, "#matrix thead th:nth-child(2)").text == "Hele inkoop"
    _shot(browser, "report-matrix.png")
    assert _errors(browser) == []
