"""Colours and layout shared by every figure, sized to be read on a projector."""

FIRE = "#d62728"  # output 1 / positive class
QUIET = "#1f77b4"  # output 0 / negative class
REGION = "rgba(214, 39, 40, 0.12)"
LINE = "#222222"
FONT = {"size": 15}


def separators(lang: str) -> str:
    """Plotly's ``layout.separators`` for ``lang``: the decimal mark, then the thousands
    separator, for hover labels and tick labels ("0,5" and "12 000" in Polish)."""
    return ", " if lang == "pl" else ".,"


def base_layout(**overrides) -> dict:
    """A compact, white layout with readable fonts."""
    layout = {
        "template": "plotly_white",
        "font": FONT,
        "margin": {"l": 50, "r": 20, "t": 40, "b": 45},
        "height": 380,
        "showlegend": False,
    }
    layout.update(overrides)
    return layout


# The page's type scale, in px at scale 1: one place for every text size of the course, so
# a presenter mode can enlarge everything by setting one CSS variable (--dl-scale).
TEXT_SIZES = {"small": 12, "note": 13, "body": 14, "text": 15, "big": 18, "huge": 22}
COLOURS = {
    "fire": FIRE,
    "quiet": QUIET,
    "good": "#2ca02c",
    "warn": "#ff7f0e",
    "bad": "#d62728",
    "muted": "#666666",
    "passed": "#1b5e20",
    "failed": "#b00020",
    "note": "#555555",
}


# Presenter mode (``?present`` in the page's URL, widgets/presenter.py puts the class on
# <body>): everything a quarter larger, figures included (CSS zoom keeps plotly's hover in
# place in Chromium and Firefox), black text, plotly's grey ticks and thin lines darkened and
# thickened for a projector's washed-out contrast.
_PRESENTER = (
    "body.dl-present .dl-dashboard{zoom:1.25;color:#000}"
    "body.dl-present .dl-lecturer{display:none}"
    "body.dl-present .dl-note,body.dl-present .dl-intro{color:#111}"
    "body.dl-present .widget-label,body.dl-present .widget-readout{color:#000;font-weight:600}"
    "body.dl-present .js-plotly-plot .main-svg text{fill:#000!important}"
    "body.dl-present .js-plotly-plot .gridlayer path{stroke:#999!important}"
    "body.dl-present .js-plotly-plot .scatterlayer .js-line{stroke-width:3.5px!important}"
)


def _size(name: str) -> str:
    return f"calc(var(--dl-scale) * {TEXT_SIZES[name]}px)"


def _prose_selectors() -> str:
    """Every text class, on an element and on an HTML widget (whose content Jupyter gives
    the 28px line of a one-line control: prose would read double-spaced)."""
    names = [*TEXT_SIZES, "intro", "status"]
    return ",".join(f".dl-{n},.dl-{n} .widget-html-content" for n in names)


def style_tag() -> str:
    """The stylesheet as a ``<style>`` element, for HTML shown outside a dashboard (the
    course plan, an exercise's verdict, a cell's error banner)."""
    return f"<style>{stylesheet()}</style>"


def stylesheet() -> str:
    """The course's one stylesheet: every class a dashboard's HTML uses instead of an
    inline ``style='…'``. :class:`widgets.ui.Dashboard` puts it on every page once."""
    sizes = "".join(f".dl-{name}{{font-size:{_size(name)}}}" for name in TEXT_SIZES)
    colours = "".join(f".dl-{name}-colour{{color:{value}}}" for name, value in COLOURS.items())
    return (
        ":root{--dl-scale:1}.dl-dashboard{--dl-scale:1}"
        f"{_PRESENTER}"
        f"{sizes}{colours}"
        f".dl-note{{color:{COLOURS['note']}}}"
        f"{_prose_selectors()}{{line-height:1.4}}"
        # A checkbox's label wraps instead of being cut to "…" at the column's edge.
        ".dl-dashboard .widget-checkbox{height:auto;max-width:100%}"
        ".dl-dashboard .widget-checkbox .widget-label-basic,"
        ".dl-dashboard .widget-checkbox .widget-label-basic span{white-space:normal;"
        "line-height:1.3}"
        f".dl-intro{{font-size:{_size('text')};line-height:1.45;max-width:1000px}}"
        ".dl-heading{margin:6px 0 2px 0}"
        f".dl-status{{font-size:{_size('text')};margin:4px 0}}"
        ".dl-box{padding:6px 8px;border-radius:4px;margin:4px 0;overflow-wrap:anywhere}"
        ".dl-box-good{background:#e8f5e9;border:1px solid #66bb6a}"
        ".dl-box-bad{background:#fdecea;border:1px solid #e57373}"
        ".dl-box-warn{background:#fff3e0;border:2px solid #e65100}"
        # Voilà's theme draws links like plain text; students must see what they can click.
        ".dl-link{color:#1565c0;text-decoration:underline}"
        ".dl-plain-list{list-style:none;padding-left:0}"
        f".dl-index{{font-size:calc(var(--dl-scale) * 17px)}}"
        ".dl-table{border-collapse:collapse}"
        ".dl-centred{text-align:center}"
        ".dl-current-row{background:#fff3c4}"
        ".dl-wrong-row{color:#b00020}"
        ".dl-table td,.dl-table th{padding:2px 8px;border-bottom:1px solid #ddd}"
        ".dl-table td.dl-num,.dl-table th.dl-num{text-align:right}"
        f".dl-code{{font-family:monospace;font-size:{_size('note')};line-height:1.35;"
        "white-space:pre;background:#f6f6f6;padding:6px}"
        # "Show the code" (widgets/code_view.py): scrolls rather than growing the page.
        ".dl-show-code{margin-top:8px}"
        ".dl-show-code>summary{cursor:pointer;font-weight:600;color:#1565c0}"
        # Voilà's own pre rule (.jp-RenderedHTMLCommon pre) would win over .dl-code alone.
        ".dl-show-code pre.dl-code{max-height:28em;overflow:auto;margin:6px 0 0 0;"
        "font-family:var(--jp-code-font-family,monospace)}"
        ".dl-copy-code{margin:6px 8px 0 0}"
        ".dl-copy-status{font-size:smaller;color:#2e7d32}"
        ".dl-sharp-images .js-plotly-plot image{image-rendering:pixelated}"
        ".dl-error-box{border:2px solid #b00020;background:#fdecea;padding:8px 10px;"
        f"border-radius:6px;font-size:{_size('text')}}}"
        # A culled kernel's banner (widgets/watchdog.py) stays in sight while scrolling.
        ".dl-kernel-gone{position:sticky;top:0;z-index:20}"
        f".dl-error-details{{margin-top:6px;font-size:{_size('note')}}}"
        ".dl-error-details pre{white-space:pre-wrap;word-break:normal;"
        "overflow-wrap:anywhere;font:12px/1.4 monospace;margin:4px 0 0 0;max-height:16em;"
        "overflow:auto}"
    )
