"""Fixtures shared by the unit tests."""

import pytest


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline newslab uses, loaded once for the whole test session."""
    from newslab.nlp import load_model

    return load_model()
