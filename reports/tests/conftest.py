import pytest


@pytest.fixture(autouse=True)
def _own_media_root(settings, tmp_path):
    """Each test stores its PDFs in a folder of its own (a version's file name repeats from
    one test database to the next)."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
