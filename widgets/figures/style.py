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
