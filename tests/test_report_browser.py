"""The report in a real headless Chromium (Debian's chromium + chromedriver, no download).

Checks what a reader does: open the file, click a matrix cell and read its evidence, search
the facts table, jump from evidence to the highlighted passage, page through 100k facts --
and that hostile document text never executes. Screenshots go to test-artifacts/ (git-ignored).
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from inkoopgraaf.report import write_report
from report_sample import hostile_inputs, sample_inputs, synthetic_inputs

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
DRIVER_CANDIDATES = ("/usr/bin/chromedriver",)


def _first_existing(paths, name):
    for p in paths:
        if Path(p).exists():
            return p
    return shutil.which(name)


@pytest.fixture(scope="module")
def browser():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e .[test])")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    binary = _first_existing(CHROMIUM_CANDIDATES, "chromium")
    driver_path = _first_existing(DRIVER_CANDIDATES, "chromedriver")
    if not binary or not driver_path:
        pytest.skip("Chromium or chromedriver not found: run scripts/install-browser.sh "
                    "(apt-get install chromium chromium-driver)")
    profile = tempfile.mkdtemp(prefix="inkoopgraaf-chromium-")
    opts = Options()
    opts.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--window-size=1280,800"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=opts)
    driver.set_window_size(1280, 800)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _errors(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def _open(driver, path: Path):
    driver.get_log("browser")  # drop messages of the previous page
    driver.get(path.resolve().as_uri())
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.documentElement.getAttribute('data-ready')") == "true")


def _tab(driver, name):
    """Open a tab and wait for its section: the page routes on 'hashchange', which fires after the click."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    driver.find_element(By.CSS_SELECTOR, f'a[data-tab="{name}"]').click()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, name).is_displayed())


def _shot(driver, name):
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / name))


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    facts, documents, texts = sample_inputs()
    return write_report(tmp_path_factory.mktemp("rep") / "rapport.html", facts, documents, texts)


def test_overview_loads_without_console_errors(browser, sample_report):
    from selenium.webdriver.common.by import By
    _open(browser, sample_report)
    stats = browser.find_element(By.ID, "overview-stats").text
    assert "2\ndocumenten gelezen" in stats and "1\nniet gelezen" in stats
    failed = browser.find_element(By.ID, "overview-failed").text
    assert "versleuteld" in failed
    regions = browser.find_element(By.ID, "overview-regions").text
    assert "Rivierenland" in regions and "Culemborg" in regions and "GM0546" in regions
    assert "Onbekend" in regions  # the failed document has no region
    _shot(browser, "report-overzicht.png")
    assert _errors(browser) == []


def test_matrix_cell_click_shows_evidence(browser, sample_report):
    from selenium.webdriver.common.by import By
    _open(browser, sample_report)
    _tab(browser, "vergelijking")
    cell = browser.find_element(By.CSS_SELECTOR, 'button.cell[data-region="rivierenland"][data-segment="ambulant"]')
    assert "Lumpsum" in cell.text and "taakgericht" in cell.text and "gekozen" in cell.text
    assert "PxQ" in cell.text and "eerder" in cell.text
    cell.click()
    panel = browser.find_element(By.ID, "evidence")
    assert panel.is_displayed()
    body = panel.text
    assert "stappen we over van PxQ naar lumpsum" in body
    assert "Inkoopstrategie Jeugdhulp 2024 regio Rivierenland" in body  # the source document
    _shot(browser, "report-vergelijking.png")
    # The evidence link opens the document view on the highlighted passage.
    link = panel.find_element(By.CSS_SELECTOR, ".source a")
    link.click()
    assert browser.find_element(By.ID, "document").is_displayed()
    target = browser.find_elements(By.CSS_SELECTOR, "#doc-text mark.target")
    assert target and target[0].text in ("PxQ", "lumpsum")
    _shot(browser, "report-document.png")
    assert _errors(browser) == []


def test_matrix_hover_shows_quote(browser, sample_report):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    _open(browser, sample_report)
    _tab(browser, "vergelijking")
    cell = browser.find_element(By.CSS_SELECTOR, 'button.cell[data-region="holland_rijnland"][data-segment="verblijf"]')
    ActionChains(browser).move_to_element(cell).perform()
    card = browser.find_element(By.ID, "hovercard")
    assert card.is_displayed() and "populatiebekostiging" in card.text


def test_search_filters_fact_table(browser, sample_report):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    _open(browser, sample_report)
    _tab(browser, "feiten")
    rows = browser.find_elements(By.CSS_SELECTOR, "#fact-table tbody tr")
    total = len(rows)
    assert total > 20
    box = browser.find_element(By.ID, "fact-search")
    box.send_keys("populatiebekostiging")
    WebDriverWait(browser, 5).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#fact-table tbody tr")) < total)
    rows = browser.find_elements(By.CSS_SELECTOR, "#fact-table tbody tr")
    assert len(rows) == 1 and "Verblijf" in rows[0].text
    assert "1 feit van" in browser.find_element(By.ID, "fact-count").text
    _shot(browser, "report-feiten.png")
    assert _errors(browser) == []


def test_timeline_and_decisions_render(browser, sample_report):
    from selenium.webdriver.common.by import By
    _open(browser, sample_report)
    _tab(browser, "tijdlijnen")
    blocks = browser.find_elements(By.CSS_SELECTOR, ".timeline-block")
    assert len(blocks) == 2
    change = browser.find_element(By.CSS_SELECTOR, "svg .change")
    assert "+365 dagen" in change.text
    change.click()
    assert "een jaar opgeschoven" in browser.find_element(By.ID, "evidence").text
    _shot(browser, "report-tijdlijnen.png")
    browser.find_element(By.ID, "evidence-close").click()
    _tab(browser, "besluiten")
    table = browser.find_element(By.CSS_SELECTOR, "table.decisions-table")
    assert "College van B&W" in table.text and "Gemeenteraad" in table.text
    table.find_element(By.CSS_SELECTOR, "button.count-btn").click()
    assert "ingestemd met deze strategie" in browser.find_element(By.ID, "evidence").text
    assert _errors(browser) == []


def test_hostile_document_text_never_executes(browser, tmp_path):
    from selenium.webdriver.common.by import By
    facts, documents, texts = hostile_inputs()
    path = write_report(tmp_path / "vijandig.html", facts, documents, texts)
    _open(browser, path)
    title = browser.title
    for tab in ("vergelijking", "tijdlijnen", "besluiten", "feiten", "document"):
        _tab(browser, tab)
    for mark in browser.find_elements(By.CSS_SELECTOR, "#doc-text mark")[:5]:
        mark.click()
    shown = browser.find_element(By.ID, "doc-text").text
    assert "</script><script>document.title='GEHACKT'" in shown  # shown as text, verbatim
    assert "</textarea>" in shown and "onerror=" in shown
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    assert browser.title == title and "GEHACKT" not in browser.title
    assert browser.execute_script("return document.querySelectorAll('img, textarea, b, main svg[onload]').length") == 0
    _shot(browser, "report-vijandig.png")
    assert _errors(browser) == []


def test_scale_1000_documents_paginates(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    facts, documents, texts = synthetic_inputs(n_docs=1000, facts_per_doc=100)
    assert len(facts) > 100_000
    path = write_report(tmp_path / "groot.html", facts, documents, texts, split=False)  # one file: all facts in one table
    _open(browser, path)
    _tab(browser, "feiten")
    rows = browser.find_elements(By.CSS_SELECTOR, "#fact-table tbody tr")
    assert len(rows) == 50
    first_page = [r.get_attribute("data-fact") for r in rows]
    pages = f"{-(-len(facts) // 50):,}".replace(",", ".")  # Dutch thousands separator
    info = browser.find_element(By.CSS_SELECTOR, "#fact-pager .pg-info").text
    assert f"Pagina 1 van {pages}" in info
    browser.find_element(By.CSS_SELECTOR, "#fact-pager .pg-next").click()
    rows = browser.find_elements(By.CSS_SELECTOR, "#fact-table tbody tr")
    assert len(rows) == 50 and [r.get_attribute("data-fact") for r in rows] != first_page
    assert "Pagina 2 van" in browser.find_element(By.CSS_SELECTOR, "#fact-pager .pg-info").text
    browser.find_element(By.CSS_SELECTOR, "#fact-pager .pg-last").click()
    assert f"Pagina {pages} van {pages}" in browser.find_element(By.CSS_SELECTOR, "#fact-pager .pg-info").text
    # Filtering 100k facts still answers, and the document list stays one page too.
    target = next(f.doc for f in reversed(facts) if f.value.get("id") == "lumpsum")
    expected = sum(1 for f in facts if f.doc == target and f.value.get("id") == "lumpsum")
    browser.find_element(By.ID, "fact-search").send_keys(f"{target} lumpsum")
    WebDriverWait(browser, 10).until(
        lambda d: d.find_element(By.ID, "fact-count").text.startswith(f"{expected} feit"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#fact-table tbody tr")
    assert len(rows) == expected and all("lumpsum" in r.text.lower() for r in rows)
    _tab(browser, "overzicht")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#overview-docs tbody tr")) == 50
    _tab(browser, "vergelijking")
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.matrix tbody tr")) == 40
    _shot(browser, "report-groot.png")
    assert _errors(browser) == []


def test_comparison_tables_tab_links_rows_to_passages(browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select
    tables_mod = pytest.importorskip("inkoopgraaf.models.tables")
    facts, documents, texts = sample_inputs()
    tables = tables_mod.tables_from_facts(facts, documents)
    path = write_report(tmp_path / "tabellen.html", facts, documents, texts, tables)
    _open(browser, path)
    _tab(browser, "tabellen")
    Select(browser.find_element(By.ID, "table-select")).select_by_index(0)
    table = browser.find_element(By.CSS_SELECTOR, "#tables table")
    headers = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    assert "Regio" in headers and "Bekostiging" in headers and "Bron" in headers
    assert "Lumpsum" in table.text and "gekozen" in table.text
    links = table.find_elements(By.LINK_TEXT, "Toon passage")
    assert links
    links[0].click()
    assert browser.find_elements(By.CSS_SELECTOR, "#doc-text mark.target")
    _shot(browser, "report-tabellen.png")
    assert _errors(browser) == []


@pytest.mark.parametrize("case", ["empty", "no_texts"])
def test_report_without_data_or_texts_still_works(browser, tmp_path, case):
    from selenium.webdriver.common.by import By
    facts, documents, texts = sample_inputs()
    if case == "empty":
        facts, documents, texts = [], [], None
    else:
        texts = None
    path = write_report(tmp_path / f"{case}.html", facts, documents, texts)
    _open(browser, path)
    for tab in ("vergelijking", "tijdlijnen", "besluiten", "feiten", "document", "overzicht"):
        _tab(browser, tab)
        assert browser.find_element(By.ID, tab).is_displayed()
    if case == "no_texts":
        _tab(browser, "vergelijking")
        browser.find_element(By.CSS_SELECTOR, "button.cell").click()
        assert browser.find_elements(By.CSS_SELECTOR, "#evidence blockquote mark")  # the fact text itself
        _tab(browser, "document")
        assert "niet in het rapport opgenomen" in browser.find_element(By.ID, "doc-text").text
    else:
        assert "0\ndocumenten gelezen" in browser.find_element(By.ID, "overview-stats").text
        _tab(browser, "vergelijking")
        assert "geen bekostigingsvormen" in browser.find_element(By.ID, "matrix").text
    assert _errors(browser) == []


def test_split_report_links_from_summary_to_region_page_and_back(browser, tmp_path):
    """Opened from disk (file://): the summary's region link opens that region's page with its
    texts and facts, a matrix cell's source link opens the document there, and the page links back."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    from inkoopgraaf.report import write_report_files
    facts, documents, texts = sample_inputs()
    summary = write_report_files(tmp_path / "report.html", facts, documents, texts, split=True)[0]
    _open(browser, summary)
    visible = [a.get_attribute("data-tab") for a in browser.find_elements(By.CSS_SELECTOR, "#tabs a") if a.is_displayed()]
    assert visible == ["overzicht", "vergelijking"]
    assert f"{len(facts)}\nfeiten gevonden" in browser.find_element(By.ID, "overview-stats").text  # all, not the cited
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "#overview-pages-table a.region-page")
                if "Rivierenland" in a.text)
    link.click()
    WebDriverWait(browser, 30).until(lambda d: d.current_url.endswith("/report/rivierenland.html")
                                     and d.execute_script("return document.documentElement.getAttribute('data-ready')") == "true")
    assert "Rivierenland" in browser.title
    _tab(browser, "document")
    assert "lumpsum per aanbieder" in browser.find_element(By.ID, "doc-text").text
    _tab(browser, "feiten")
    assert browser.find_elements(By.CSS_SELECTOR, "#fact-table tbody tr")
    assert _errors(browser) == []
    browser.find_element(By.ID, "back-to-summary").click()
    WebDriverWait(browser, 30).until(lambda d: d.current_url.endswith("/report.html")
                                     and d.execute_script("return document.documentElement.getAttribute('data-ready')") == "true")
    # a matrix cell's evidence in the summary links to the document on its region page
    _tab(browser, "vergelijking")
    browser.find_element(By.CSS_SELECTOR, 'button.cell[data-region="rivierenland"][data-segment="ambulant"]').click()
    assert "lumpsum" in browser.find_element(By.ID, "evidence-body").text.lower()   # the quote travels along
    source = browser.find_element(By.CSS_SELECTOR, "#evidence-body .source a")
    assert "report/" in source.get_attribute("href") and "#document=" in source.get_attribute("href")
    source.click()
    WebDriverWait(browser, 30).until(lambda d: "/report/" in d.current_url
                                     and d.execute_script("return document.documentElement.getAttribute('data-ready')") == "true")
    WebDriverWait(browser, 10).until(lambda d: d.find_element(By.ID, "document").is_displayed())
    assert browser.find_element(By.ID, "doc-text").text
    _shot(browser, "report-split.png")
    assert _errors(browser) == []


def test_hostile_document_text_never_executes_on_split_pages(browser, tmp_path):
    from inkoopgraaf.report import write_report_files
    facts, documents, texts = hostile_inputs()
    paths = write_report_files(tmp_path / "report.html", facts, documents, texts, split=True)
    shown = []
    for path in paths:
        _open(browser, path)
        title = browser.title
        tabs = ("vergelijking",) if path == paths[0] else ("vergelijking", "tijdlijnen", "besluiten", "feiten", "document")
        for tab in tabs:
            _tab(browser, tab)
        assert browser.execute_script("return typeof window.__pwned") == "undefined"
        assert browser.title == title and "GEHACKT" not in browser.title
        assert _errors(browser) == []
        if path != paths[0]:
            shown.append(browser.find_element("id", "doc-text").text)
    assert any("</script><script>document.title='GEHACKT'" in text for text in shown)   # shown as text
