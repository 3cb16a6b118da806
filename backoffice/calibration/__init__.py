"""Calibration: closed cases re-reviewed blind by a second reviewer, and the agreement rates."""
