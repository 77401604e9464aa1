"""A Keras weight cache written by the tests themselves (lesson 16): no test downloads.

ImageNet weights cannot be fetched on the course's machines, so the tests and the
benchmark build an application with ``weights=None`` (seeded, untrained), save its weights
in the legacy HDF5 layout under the exact file name ``keras.applications`` looks for, and
write a made-up ``imagenet_class_index.json`` (class i is ``("n{i:08d}", "class_{i}")``).
The loader then finds them exactly as it finds real downloaded weights. Predictions of
such a model are meaningless, of course: the tests check the plumbing, not ImageNet.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import numpy as np

from widgets.models import applications as apps


def class_index() -> dict[str, list[str]]:
    return {str(i): [f"n{i:08d}", f"class_{i}"] for i in range(1000)}


def write_class_index(folder: Path) -> Path:
    path = Path(folder) / "models" / apps.CLASS_INDEX_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(class_index()))
    return path


def write_weights(folder: Path, name: str = "MobileNetV2", seed: int = 0):
    """Write ``name``'s stand-in weight file into ``folder/models``; return the model."""
    import h5py
    import keras
    from keras.src.legacy.saving import legacy_h5_format

    keras.utils.set_random_seed(seed)
    model = getattr(keras.applications, name)(weights=None)
    _calibrate(keras, model, seed)
    # Spread the classifier's logits, so that the top 5 differ from photo to photo and
    # the bars are visible, as a trained network's are.
    dense = model.layers[-1]
    kernel, bias = dense.get_weights()
    rng = np.random.default_rng(seed)
    dense.set_weights([rng.normal(0.0, 0.1, kernel.shape).astype("float32"), bias])
    path = Path(folder) / "models" / apps.CATALOGUE[name].weight_file
    path.parent.mkdir(parents=True, exist_ok=True)
    with h5py.File(path, "w") as f:
        legacy_h5_format.save_weights_to_hdf5_group(f, model)
    return model


def _calibrate(keras, model, seed: int) -> None:
    """Set every BatchNormalization's moving statistics to those of one batch of noise
    images (momentum 0, one call in training mode): with the fresh statistics (mean 0,
    variance 1) MobileNetV2's activations shrink ~100-fold a block, to 1e-12 at the end,
    and every photo would get the same uniform 1/1000."""
    layers = [la for la in model.layers if isinstance(la, keras.layers.BatchNormalization)]
    for layer in layers:
        layer.momentum = 0.0
    size = model.input_shape[1]
    noise = np.random.default_rng(seed).uniform(-1, 1, (4, size, size, 3)).astype("float32")
    model(keras.ops.convert_to_tensor(noise), training=True)
    for layer in layers:
        layer.momentum = 0.99


@contextlib.contextmanager
def keras_home(folder: Path):
    """Point KERAS_HOME (ours, read at each call) and Keras' own cache folder (read once
    when Keras is imported) at ``folder``, and forget a class index Keras has read."""
    old_env = os.environ.get("KERAS_HOME")
    os.environ["KERAS_HOME"] = str(folder)
    config = imagenet_utils = None
    with contextlib.suppress(ImportError):
        from keras.src.applications import imagenet_utils
        from keras.src.backend import config
    old_dir = config._KERAS_DIR if config else None
    if config:
        config._KERAS_DIR = str(folder)
        imagenet_utils.CLASS_INDEX = None
    try:
        yield Path(folder)
    finally:
        if old_env is None:
            os.environ.pop("KERAS_HOME", None)
        else:
            os.environ["KERAS_HOME"] = old_env
        if config:
            config._KERAS_DIR = old_dir
            imagenet_utils.CLASS_INDEX = None
