"""What natoiraq knows, read from the data tables once and used by every layer.

:mod:`.lexicon` loads ``natoiraq/data/NAME.json`` and checks it against its schema;
:mod:`.ontology` maps names to canonical actors and places (the pipeline reading an
article, and the timeline reading an analyst's ``--force US``, alike); :mod:`.geo`
says where a place name is (pycountry, GeoNames, and ``data/places.json``); :mod:`.gazetteer`
finds the ontology's names in a doc where the statistical NER missed them.
"""
