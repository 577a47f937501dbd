"""Troop figures: see :mod:`.component` for the steps, one module each."""

from natoiraq.pipeline.troops.component import TroopFigureFinder, make_troops

__all__ = ["TroopFigureFinder", "make_troops"]
