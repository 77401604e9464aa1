"""Interactive deep-learning lessons: dashboards backed by real Keras/TensorFlow models.

Import ipywidgets under its own name next to this package (``import ipywidgets``), never
as ``widgets``, so a student's cell cannot shadow one with the other. Nothing here imports
TensorFlow at import time: dashboards show first and load it in the background.
"""

# Sets TensorFlow's thread pool before any module of the package imports TensorFlow
# (widgets.backend.page_friendly_threads); imports nothing but the standard library.
from . import backend as _backend  # noqa: E402, F401
