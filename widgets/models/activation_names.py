"""The activation functions of lesson 06, in the order the dashboard lists them.

Kept apart from :mod:`widgets.models.activations`, which imports Keras, so the dashboard
can list them before TensorFlow has loaded.
"""

ACTIVATIONS = (
    "step",
    "sign",
    "linear",
    "sigmoid",
    "tanh",
    "relu",
    "leaky_relu",
    "elu",
    "softplus",
    "swish",
    "gelu",
)
