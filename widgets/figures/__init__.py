"""Pure figure builders: data in, a plotly figure, an SVG or an HTML string out.

Plotly ``FigureWidget``s are never garbage-collected, so each dashboard builds its figures
once with a ``*_figure`` function and then calls the matching ``update_*`` function, which
changes traces in place inside ``batch_update()``.
"""
