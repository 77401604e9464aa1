"""Interactive deep-learning lessons: dashboards backed by real Keras/TensorFlow models.

Import ipywidgets under its own name next to this package (``import ipywidgets``), never
as ``widgets``, so a student's cell cannot shadow one with the other. Nothing here imports
TensorFlow at import time: dashboards show first and load it in the background.
"""
