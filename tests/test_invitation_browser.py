"""The feedback invitation in a real browser: headless Chromium, driven by Selenium.

Fills in the page by keyboard and by mouse, saves the answers through the browser's download
and copies them as text, and checks the file against the contract. Every request the page
makes is recorded: only file:, blob: and data: may occur. Screenshots at phone and desktop
width go to a temporary folder and to /tmp/invite-shots/ for a person to look at.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import Record
from asmo_cli.render.invitation import render_invitation
from asmo_cli.storage import store

from .helpers import rated, record_with

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS = Path("/tmp/invite-shots")
PHONE = (390, 844)
DESKTOP = (1280, 900)
TASKS: dict[str, int | list[int | None]] = {
    "bewaken-afspraken": [4, 3, 5],
    "correspondentie": 4,
    "archief": [2, 3, 4],
}

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.is_file() and CHROMEDRIVER.is_file()),
    reason="Chromium en chromedriver ontbreken (/usr/bin/chromium, /usr/bin/chromedriver); "
    "installeer ze met: apt-get install chromium chromium-driver",
)


@pytest.fixture
def record(catalogue: Catalogue) -> Record:
    return record_with(
        catalogue, datetime(2026, 11, 23, 18, 16, 7), rated(catalogue, TASKS), name="Fenna de Vries"
    )


@pytest.fixture
def downloads(tmp_path: Path) -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir()
    return folder


@pytest.fixture
def browser(tmp_path: Path, downloads: Path) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1280,900",
    ):
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "download.directory_upgrade": True,
            "safebrowsing.enabled": False,
        },
    )
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=str(CHROMEDRIVER)))
    try:
        driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
        # Chromium opens its new-tab page first, which keeps loading chrome:// resources into
        # the same log: work in a fresh blank tab, close the first, and start with a clean log.
        start = driver.current_window_handle
        driver.switch_to.new_window("tab")
        blank = driver.current_window_handle
        driver.switch_to.window(start)
        driver.close()
        driver.switch_to.window(blank)
        _log(driver, "performance")
        yield driver
    finally:
        driver.quit()


def _open(driver: webdriver.Chrome, catalogue: Catalogue, record: Record, folder: Path) -> None:
    page = folder / "uitnodiging.html"
    page.write_text(render_invitation(catalogue, record, "Jan"), encoding="utf-8")
    driver.get(page.as_uri())
    assert driver.title == "Feedback voor Fenna de Vries"


def _log(driver: webdriver.Chrome, kind: str) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = driver.get_log(kind)  # type: ignore[no-untyped-call]
    return entries


def _value(element: WebElement) -> str:
    value = element.get_property("value")
    assert isinstance(value, str)
    return value


def _requests(driver: webdriver.Chrome) -> list[str]:
    urls = []
    for entry in _log(driver, "performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _radio(driver: webdriver.Chrome, name: str, value: str) -> WebElement:
    return driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]')


def _label_of(driver: webdriver.Chrome, name: str, value: str) -> WebElement:
    return _radio(driver, name, value).find_element(By.XPATH, "./ancestor::label")


def _wait_for_file(folder: Path, name: str) -> Path:
    target = folder / name
    for _ in range(100):
        if target.is_file() and not list(folder.glob("*.crdownload")):
            return target
        time.sleep(0.1)
    raise AssertionError(f"no download {name}; the folder holds {sorted(folder.iterdir())}")


def _use_size(driver: webdriver.Chrome, width: int, height: int) -> None:
    """Show the page as on a phone (narrower than 600: mobile, honours the viewport meta)."""
    metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)


def _screenshot(driver: webdriver.Chrome, folder: Path, name: str, size: tuple[int, int]) -> None:
    """Save what is on screen and the whole page, in ``folder`` and in SHOTS."""
    SHOTS.mkdir(exist_ok=True)
    top = folder / f"{name}.png"
    driver.save_screenshot(str(top))
    scrolled = driver.execute_script("return window.scrollY")
    full_height = driver.execute_script("return document.documentElement.scrollHeight")
    full = folder / f"{name}-heel.png"
    _use_size(driver, size[0], int(full_height))
    driver.save_screenshot(str(full))
    _use_size(driver, *size)
    driver.execute_script("window.scrollTo(0, arguments[0])", scrolled)
    for shot in (top, full):
        assert shot.stat().st_size > 1000
        shutil.copyfile(shot, SHOTS / shot.name)


def _check_network_and_console(driver: webdriver.Chrome) -> None:
    urls = _requests(driver)
    assert urls, "the performance log recorded no request at all"
    for url in urls:
        assert url.split(":", 1)[0] in ("file", "blob", "data"), url
    problems = [e for e in _log(driver, "browser") if e["level"] in ("SEVERE", "WARNING")]
    assert not problems, problems  # a CSP violation (e.g. a wrong hash) would show here


def test_fill_in_save_and_copy(
    browser: webdriver.Chrome,
    catalogue: Catalogue,
    record: Record,
    downloads: Path,
    tmp_path: Path,
) -> None:
    _open(browser, catalogue, record, tmp_path)
    shots = tmp_path / "shots"
    shots.mkdir()
    _use_size(browser, *DESKTOP)
    _screenshot(browser, shots, "computer", DESKTOP)
    _use_size(browser, *PHONE)  # fill in as on a phone
    _screenshot(browser, shots, "telefoon", PHONE)
    expected: dict[str, dict[str, int | None]] = {
        task: {a.id: None for a in catalogue.task(task).activities} for task in TASKS
    }
    keys = ActionChains(browser)

    # By keyboard: focus the first star of an activity, select it with space, arrow to 4.
    first = _radio(browser, "r-0-0", "1")
    browser.execute_script("arguments[0].focus()", first)
    keys.send_keys(Keys.SPACE).perform()
    assert first.is_selected()
    keys.send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform()
    assert _radio(browser, "r-0-0", "4").is_selected()
    meaning = browser.find_element(By.ID, "m-0-0").text
    assert meaning == "4 – Ervaren: beheerst dit ook als het lastig, nieuw of gevoelig wordt."
    focused = browser.switch_to.active_element
    assert focused.get_attribute("value") == "4"
    outline = browser.execute_script(
        "return getComputedStyle(arguments[0].closest('label')).outlineStyle", focused
    )
    assert outline != "none", "the keyboard focus must be visible"
    expected["bewaken-afspraken"]["voortgang-beleid-bewaken"] = 4
    # Tab leaves the group and lands on the next activity's first star.
    keys.send_keys(Keys.TAB, Keys.SPACE, Keys.ARROW_RIGHT).perform()
    assert _radio(browser, "r-0-1", "2").is_selected()
    expected["bewaken-afspraken"]["naleving-bewaken"] = 2

    # By mouse: click the labels.
    _label_of(browser, "r-1-0", "5").click()
    expected["correspondentie"]["brieven-adviezen-concipieren"] = 5
    _label_of(browser, "r-1-1", "3").click()
    _label_of(browser, "r-1-1", "").click()  # changed her mind: kan ik niet beoordelen
    _label_of(browser, "r-2-2", "1").click()
    expected["archief"][catalogue.task("archief").activities[2].id] = 1
    comment = 'Zeer <b>betrouwbaar</b> & "snel"\nTweede regel'
    browser.find_element(By.ID, "c-1").send_keys(comment)
    browser.find_element(By.ID, "giver-name").send_keys("  Jan Jansen ")
    browser.execute_script("document.getElementById('t-1').scrollIntoView()")
    _screenshot(browser, shots, "telefoon-ingevuld", PHONE)
    progress = browser.find_element(By.ID, "progress").text
    total = sum(len(acts) for acts in expected.values())
    assert progress.startswith(f"5 van {total} activiteiten ingevuld"), progress

    # Saving without a role is refused, and says why.
    save = browser.find_element(By.ID, "save")
    save.click()
    error = browser.find_element(By.ID, "role-error")
    assert error.is_displayed()
    assert browser.switch_to.active_element.get_attribute("name") == "giver-role"
    time.sleep(0.3)
    assert not list(downloads.iterdir())
    _screenshot(browser, shots, "telefoon-zonder-rol", PHONE)

    _label_of(browser, "giver-role", "voorzitter").click()
    assert not error.is_displayed()
    save.click()
    saved = _wait_for_file(downloads, f"feedback-{record.id}-voorzitter.json")
    raw = saved.read_bytes()
    answers = json.loads(raw.decode("utf-8"))
    assert list(answers) == [
        "asmo_feedback",
        "record",
        "questionnaire_version",
        "response_id",
        "giver_role",
        "name",
        "ratings",
        "comments",
    ]
    assert answers["asmo_feedback"] == 1
    assert answers["record"] == record.id == "20261123-181607"
    assert answers["questionnaire_version"] == record.catalogue_version
    assert re.fullmatch(r"[0-9a-f]{32}", answers["response_id"])
    assert answers["giver_role"] == "voorzitter"
    assert answers["name"] == "Jan Jansen"
    assert answers["ratings"] == expected
    assert list(answers["ratings"]) == list(TASKS)  # catalogue order
    assert answers["comments"] == {"correspondentie": comment}
    status = browser.find_element(By.ID, "status").text
    assert f"feedback-{record.id}-voorzitter.json" in status and "Fenna" in status

    browser.find_element(By.ID, "copy").click()
    area = browser.find_element(By.ID, "copy-text")
    assert area.is_displayed()
    assert json.loads(_value(area)) == answers
    assert _value(area) == raw.decode("utf-8")
    selected = browser.execute_script(
        "const a = arguments[0]; return [a.selectionStart, a.selectionEnd, a.value.length]", area
    )
    assert selected[0] == 0 and selected[1] == selected[2]
    assert "Plak" in browser.find_element(By.ID, "status").text or "plak" in status
    _screenshot(browser, shots, "telefoon-tekst", PHONE)
    _check_network_and_console(browser)


def test_nothing_rated_only_a_comment_and_a_fresh_response_id(
    browser: webdriver.Chrome,
    catalogue: Catalogue,
    record: Record,
    downloads: Path,
    tmp_path: Path,
) -> None:
    """A role alone is not enough; a comment alone is: every activity null, no name."""
    _open(browser, catalogue, record, tmp_path)
    _label_of(browser, "giver-role", "collega-as").click()
    _label_of(browser, "r-0-0", "").click()  # kan ik niet beoordelen: still nothing rated
    browser.find_element(By.ID, "save").click()
    browser.find_element(By.ID, "copy").click()
    assert (
        "nog geen sterren en schreef geen opmerking" in browser.find_element(By.ID, "status").text
    )
    assert not browser.find_element(By.ID, "copy-text").is_displayed()
    time.sleep(0.3)
    assert not list(downloads.iterdir())

    browser.find_element(By.ID, "c-2").send_keys("  Ik zie haar vooral in de OR-vergadering.  ")
    browser.find_element(By.ID, "copy").click()
    first: dict[str, Any] = json.loads(_value(browser.find_element(By.ID, "copy-text")))
    assert list(first) == [
        "asmo_feedback",
        "record",
        "questionnaire_version",
        "response_id",
        "giver_role",
        "ratings",
        "comments",
    ]
    assert first["giver_role"] == "collega-as"
    assert first["ratings"] == {
        task: {a.id: None for a in catalogue.task(task).activities} for task in TASKS
    }
    assert first["comments"] == {"archief": "Ik zie haar vooral in de OR-vergadering."}
    browser.find_element(By.ID, "save").click()
    saved = _wait_for_file(downloads, f"feedback-{record.id}-collega-as.json")
    assert json.loads(saved.read_text(encoding="utf-8")) == first

    browser.refresh()  # a new visit is a new response
    _label_of(browser, "giver-role", "anders").click()
    _label_of(browser, "r-2-0", "3").click()
    browser.find_element(By.ID, "copy").click()
    again = json.loads(_value(browser.find_element(By.ID, "copy-text")))
    assert again["giver_role"] == "anders" and "comments" not in again
    assert again["ratings"]["archief"][catalogue.task("archief").activities[0].id] == 3
    assert again["response_id"] != first["response_id"]
    _check_network_and_console(browser)

    # The recorder is not blind: a page that does fetch something is caught.
    control = tmp_path / "controle.html"
    control.write_text('<!DOCTYPE html><img src="http://127.0.0.1:9/x.png" alt="">')
    browser.get(control.as_uri())
    time.sleep(0.5)
    assert "http://127.0.0.1:9/x.png" in _requests(browser)


def test_invite_fill_in_add_and_report_end_to_end(
    browser: webdriver.Chrome,
    catalogue: Catalogue,
    record: Record,
    downloads: Path,
    tmp_path: Path,
    runner: CliRunner,
) -> None:
    """asmo feedback invite → the page in Chromium → download → feedback add → report.

    The voorzitter gives 5 everywhere and counts as given; a hiërarchisch leidinggevende,
    alone in her group, gives 1 everywhere and is left out of every figure."""
    store.save_record(record)
    invited = runner.invoke(app, ["feedback", "invite", "--for", "Jan", "--out", str(tmp_path)])
    assert invited.exit_code == 0, invited.output
    (page,) = tmp_path.glob("uitnodiging-*.html")
    browser.get(page.as_uri())
    tasks = ("bewaken-afspraken", "correspondentie", "archief")
    saved = []
    for role, stars in (("voorzitter", 5), ("leidinggevende", 1)):
        browser.refresh()  # a new visit is a new response
        for ti, task_id in enumerate(tasks):
            for ai, _ in enumerate(catalogue.task(task_id).activities):
                _label_of(browser, f"r-{ti}-{ai}", str(stars)).click()
        _label_of(browser, "giver-role", role).click()
        browser.find_element(By.ID, "save").click()
        saved.append(_wait_for_file(downloads, f"feedback-{record.id}-{role}.json"))
    added = runner.invoke(app, ["feedback", "add", *map(str, saved)])
    assert added.exit_code == 0, added.output
    out = tmp_path / "rapport"
    reported = runner.invoke(app, ["report", record.id, "--out", str(out)])
    assert reported.exit_code == 0, reported.output
    scores = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    others = scores["others"]
    # By hand: one giver that counts (the voorzitter), five stars everywhere. Penvoerder, per
    # activity: afsprakenlijst 0,5, the four of correspondentie 1, 1, 1 and 0,5, archief-beheren
    # and overdrachtsdossier 0,5 each: 5,0 on 5 of its 14,5 weight (34%: enough, with core
    # activities). Fenna's own: (0,5·5 + 3,5·4 + 0,5·2 + 0,5·4) / 5 = 19,5 / 5 = 3,9, so a
    # hidden strength (+1,1). Counted, the leidinggevende's 1s would make Penvoerder 3,0.
    # Procesbewaker: the three of bewaken-afspraken, termijnen-correspondentie and
    # bewaartermijnen, each 1: 5 of its 18,5 weight, too thin to compare.
    assert others["givers"] == 1
    assert others["roles"]["penvoerder"] == {
        "score": 5.0,
        "coverage": pytest.approx(5 / 14.5),
        "enough_data": True,
    }
    assert others["roles"]["procesbewaker"]["score"] == 5.0
    assert others["roles"]["procesbewaker"]["enough_data"] is False
    assert others["hidden_strengths"] == ["penvoerder"]
    assert others["blind_spots"] == []
    rated_by_her = sum(len(catalogue.task(t).activities) for t in tasks)
    assert scores["others_left_out"] == {
        "groups": {"leidinggevende": 1},
        "answers": rated_by_her,
        "comments": 0,
    }
    report = (out / "rapport.md").read_text(encoding="utf-8")
    assert "| Penvoerder | 3,9 | 5,0 | +1,1 |" in report
    assert "Je voorzitter gaf feedback op dezelfde activiteiten als jij." in report
    flat = " ".join(report.split())
    assert "Niet meegeteld: de antwoorden van een hiërarchisch leidinggevende." in flat
    assert f"In totaal telden {rated_by_her} beoordelingen daarom niet mee." in flat
    assert "cijfers per persoon" not in report  # one giver: nothing to say about that
    _check_network_and_console(browser)
