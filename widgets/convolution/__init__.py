"""Lesson 10, part 1: a convolution computed by hand (kernel, stride, padding, ReLU, pooling)."""

from .dashboard import (
    TEXT,
    ConvolutionDashboard,
    DigitSource,
    check_conv_parameters,
    check_edge_kernel,
    check_output_size,
    same_place,
    stand_in_digit,
)

__all__ = [
    "TEXT",
    "ConvolutionDashboard",
    "DigitSource",
    "check_conv_parameters",
    "check_edge_kernel",
    "check_output_size",
    "same_place",
    "stand_in_digit",
]
