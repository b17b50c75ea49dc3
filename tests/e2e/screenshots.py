"""Screenshots of the main views for docs/app.md: `python -m tests.e2e.screenshots [--out DIR]`.

Starts the app (its usual index; built on first load when missing) in headless Debian chromium
and saves answer, not-found, item view, unit table and comparison at desktop (1280 px) and phone (390 px)
width as docs/screenshots/<view>-<desktop|phone>.png, reduced to a 256-colour palette so the
committed files stay small.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from tests.e2e.browser import ANSWER_TIMEOUT, DESKTOP, PHONE, ROOT, address, chromium, open_page, running_app, settle

OUT = ROOT / "docs" / "screenshots"
WAIT = ANSWER_TIMEOUT * 1000
ANSWER = "城市数字公共基础设施建设谁牵头"
NOT_FOUND = "南极科考站建设由哪些单位负责"
UNITS = "2025年市数据局牵头哪些任务"
COMPARE = "招商引资"


def save(page, path: Path) -> None:
    """A screenshot as a palette PNG (a few tens of KB instead of a few hundred)."""
    from PIL import Image

    settle(page)
    page.screenshot(path=str(path))
    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def views(browser, base: str, viewport: dict, name: str, out: Path) -> list[Path]:
    saved = []
    page = open_page(browser, address(base, q=ANSWER), viewport)
    page.get_by_text("年：牵头", exact=False).first.wait_for(timeout=WAIT)
    saved.append(out / f"answer-{name}.png")
    save(page, saved[-1])
    page.get_by_role("button", name=re.compile(r"^1\. ")).first.click()
    page.get_by_text("上下文", exact=True).wait_for(timeout=WAIT)
    saved.append(out / f"item-{name}.png")
    save(page, saved[-1])
    page.close()

    page = open_page(browser, address(base, q=NOT_FOUND), viewport)
    page.get_by_text("没有找到相关条目").wait_for(timeout=WAIT)
    saved.append(out / f"not-found-{name}.png")
    save(page, saved[-1])
    page.close()

    page = open_page(browser, address(base, q=UNITS), viewport)
    heading = page.get_by_text("市数据局的任务（", exact=False)
    heading.wait_for(timeout=WAIT)
    if viewport is PHONE:  # cards instead of the table; they start below the answer box
        page.locator(".st-key-unit_card_0").wait_for(timeout=WAIT)
        heading.scroll_into_view_if_needed()
    else:
        page.locator("[data-testid='stDataFrame'] canvas").first.wait_for(timeout=WAIT)
    saved.append(out / f"units-{name}.png")
    save(page, saved[-1])
    page.close()

    page = open_page(
        browser,
        f"{base}/compare?{urlencode({'compare': COMPARE, 'years': '2023,2025'})}",
        viewport,
        ready="牵头与责任单位的变化",
    )
    page.locator("[data-testid='stDataFrame'] canvas").first.wait_for(timeout=WAIT)
    page.wait_for_timeout(1500)  # the grid draws its cells after the canvas appears
    saved.append(out / f"compare-{name}.png")
    save(page, saved[-1])
    page.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.e2e.screenshots", description="保存主要界面的截图")
    parser.add_argument("--out", type=Path, default=OUT, help="截图目录（默认 docs/screenshots）")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, running_app(Path(tmp)) as base, chromium() as browser:
        saved = views(browser, base, DESKTOP, "desktop", args.out) + views(browser, base, PHONE, "phone", args.out)
    for path in saved:
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
