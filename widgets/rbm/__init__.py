"""Lesson 13: restricted Boltzmann machines (RBM), contrastive divergence, Gibbs sampling.

The Keras model lives in :mod:`widgets.models.rbm`; this package holds the lesson's main
dashboard and its words (``texts.py``).
"""
