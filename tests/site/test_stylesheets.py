"""Our stylesheets parse: a rule left unclosed (a merge once did it) silently swallows every rule after it."""

import re
from pathlib import Path

import pytest

CSS_DIR = Path(__file__).resolve().parents[2] / "static" / "css"
COMMENT = re.compile(r"/\*.*?\*/", re.S)


def unclosed_rules(css):
    """Line numbers where a block opens while another non-@ block is still open (rules do not nest here)."""
    css = COMMENT.sub(lambda m: "\n" * m.group().count("\n"), css)
    problems, open_blocks = [], []
    for number, line in enumerate(css.splitlines(), start=1):
        for char in line:
            if char == "{":
                if open_blocks and not open_blocks[-1]:
                    problems.append(number)
                open_blocks.append(line.lstrip().startswith("@"))
            elif char == "}":
                if not open_blocks:
                    problems.append(number)
                else:
                    open_blocks.pop()
    return problems + (["end of file"] if open_blocks else [])


@pytest.mark.parametrize("path", sorted(CSS_DIR.glob("*.css")), ids=lambda path: path.name)
def test_every_rule_is_closed_before_the_next_one_opens(path):
    assert unclosed_rules(path.read_text(encoding="utf-8")) == []


def test_the_check_finds_an_unclosed_rule():
    assert unclosed_rules(".a {\n  color: red;\n.b {\n  color: blue;\n}\n") == [3, "end of file"]
