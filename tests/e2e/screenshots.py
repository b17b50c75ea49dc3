"""Screenshots of the main views for docs/app.md: `python -m tests.e2e.screenshots [--out DIR]`.

Starts the app (its usual index; built on first load when missing) in headless Debian chromium
and saves answer, not-found, item view, unit table, the 单位 page and comparison at desktop (1280 px)
and phone (390 px) width as docs/screenshots/<view>-<desktop|phone>.png (`--only units-page` for one
view), reduced to a 256-colour palette so the committed files stay small.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from tests.e2e.browser import DESKTOP, PHONE, ROOT, WAIT, address, chromium, open_page, running_app, settle

OUT = ROOT / "docs" / "screenshots"
ANSWER = "城市数字公共基础设施建设谁牵头"
NOT_FOUND = "南极科考站建设由哪些单位负责"
UNITS = "2025年市数据局牵头哪些任务"
COMPARE = "招商引资"
UNITS_PAGE = {"unit": "市数据局", "year": "2025"}


def save(page, path: Path) -> None:
    """A screenshot as a palette PNG (a few tens of KB instead of a few hundred)."""
    from PIL import Image

    settle(page)
    page.screenshot(path=str(path))
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def answer_and_item(browser, base: str, viewport: dict, name: str, out: Path) -> list[Path]:
    page = open_page(browser, address(base, q=ANSWER), viewport)
    page.get_by_text("年：牵头", exact=False).first.wait_for(timeout=WAIT)
    saved = [out / f"answer-{name}.png"]
    save(page, saved[-1])
    page.get_by_role("button", name=re.compile(r"^1\. ")).first.click()
    page.get_by_text("上下文", exact=True).wait_for(timeout=WAIT)
    saved.append(out / f"item-{name}.png")
    save(page, saved[-1])
    page.close()
    return saved


def not_found(browser, base: str, viewport: dict, name: str, out: Path) -> list[Path]:
    page = open_page(browser, address(base, q=NOT_FOUND), viewport)
    page.get_by_text("没有找到相关条目").wait_for(timeout=WAIT)
    save(page, out / f"not-found-{name}.png")
    page.close()
    return [out / f"not-found-{name}.png"]


def unit_answer(browser, base: str, viewport: dict, name: str, out: Path) -> list[Path]:
    page = open_page(browser, address(base, q=UNITS), viewport)
    heading = page.get_by_text("市数据局的任务（", exact=False)
    heading.wait_for(timeout=WAIT)
    if viewport is PHONE:  # cards instead of the table; they start below the answer box
        page.locator(".st-key-unit_card_0").wait_for(timeout=WAIT)
        heading.scroll_into_view_if_needed()
    else:
        page.locator("[data-testid='stDataFrame'] canvas").first.wait_for(timeout=WAIT)
    save(page, out / f"units-{name}.png")
    page.close()
    return [out / f"units-{name}.png"]


def units_page(browser, base: str, viewport: dict, name: str, out: Path) -> list[Path]:
    """The 单位 page from its address; on a phone scrolled to the cards, on a desktop the top with the table."""
    page = open_page(browser, f"{base}/units?{urlencode(UNITS_PAGE)}", viewport, ready="单位任务")
    heading = page.get_by_text("市数据局的任务（", exact=False)
    heading.wait_for(timeout=WAIT)
    if viewport is PHONE:  # the table's title at the top of the screen, the cards below it
        page.locator(".st-key-unit_card_0").get_by_role("button").wait_for(timeout=WAIT)
        heading.evaluate("element => element.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(1000)
    else:
        page.locator(".st-key-unit_table_wide [data-testid='stDataFrame'] canvas").first.wait_for(timeout=WAIT)
        page.wait_for_timeout(1500)  # the grid draws its cells after the canvas appears
    save(page, out / f"units-page-{name}.png")
    page.close()
    return [out / f"units-page-{name}.png"]


def comparison(browser, base: str, viewport: dict, name: str, out: Path) -> list[Path]:
    page = open_page(
        browser,
        f"{base}/compare?{urlencode({'compare': COMPARE, 'years': '2023,2025'})}",
        viewport,
        ready="牵头与责任单位的变化",
    )
    page.locator("[data-testid='stDataFrame'] canvas").first.wait_for(timeout=WAIT)
    page.wait_for_timeout(1500)  # the grid draws its cells after the canvas appears
    save(page, out / f"compare-{name}.png")
    page.close()
    return [out / f"compare-{name}.png"]


VIEWS = {
    "answer": answer_and_item,
    "not-found": not_found,
    "units": unit_answer,
    "units-page": units_page,
    "compare": comparison,
}


def views(browser, base: str, viewport: dict, name: str, out: Path, only: list[str] | None = None) -> list[Path]:
    return [path for view in only or list(VIEWS) for path in VIEWS[view](browser, base, viewport, name, out)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.e2e.screenshots", description="保存主要界面的截图")
    parser.add_argument("--out", type=Path, default=OUT, help="截图目录（默认 docs/screenshots）")
    parser.add_argument("--only", action="append", choices=list(VIEWS), help="只截这些界面（可重复）")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, running_app(Path(tmp)) as base, chromium() as browser:
        saved = views(browser, base, DESKTOP, "desktop", args.out, args.only)
        saved += views(browser, base, PHONE, "phone", args.out, args.only)
    for path in saved:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
