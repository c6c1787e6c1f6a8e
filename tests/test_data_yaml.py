"""data.load_yaml reads every data file to the same values as PyYAML's pure-Python safe loader."""
from pathlib import Path

import pytest
import yaml

from zhclaims import data

SRC = Path(data.__file__).resolve().parent
FILES = sorted((p.parent.parent.name, p.name) for p in SRC.glob("*/data/*.yaml"))


def test_there_are_data_files():
    assert len(FILES) >= 5


@pytest.mark.parametrize("package,name", FILES)
def test_same_values_as_the_python_safe_loader(package, name):
    text = data.load_text(package, name)
    expected = yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506
    got = data.load_yaml(package, name)
    assert got == expected
    assert repr(got) == repr(expected)  # same types and key order too


def test_unsafe_tags_are_refused():
    with pytest.raises(yaml.YAMLError):
        yaml.load("!!python/object/apply:os.system ['true']", Loader=data._SafeLoader)  # noqa: S506
