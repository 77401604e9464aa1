"""Keras/TensorFlow models and learning rules of the lessons.

Importing a submodule imports Keras, so dashboards import them only after
:func:`widgets.backend.keras_future` has resolved. No module here imports ipywidgets.
"""
