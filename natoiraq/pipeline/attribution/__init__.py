"""Who says so: the source each troop figure's sentence or quote cites (:mod:`.component`)."""

from natoiraq.pipeline.attribution.component import make_attribution  # noqa: F401  (registers the factory)
