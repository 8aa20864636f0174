"""The index files beside a generation's files (where each document's facts or each table
block's bytes are) and the byte ranges they name: what a build may copy, what it must remake."""
from inkoopgraaf.models.io import read_json_index, read_whole_lines


def test_read_json_index_gives_the_object(tmp_path):
    path = tmp_path / "facts.index.json"
    path.write_text('{"d1": [0, 12, "k1"]}', encoding="utf-8")
    assert read_json_index(path) == {"d1": [0, 12, "k1"]}


def test_read_json_index_is_empty_when_missing_broken_or_no_object(tmp_path):
    assert read_json_index(tmp_path / "absent.json") == {}
    (tmp_path / "broken.json").write_text('{"d1": [0, 1', encoding="utf-8")
    assert read_json_index(tmp_path / "broken.json") == {}
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    assert read_json_index(tmp_path / "list.json") == {}


def test_read_whole_lines_copies_only_complete_lines(tmp_path):
    path = tmp_path / "facts.jsonl"
    path.write_bytes(b'{"a": 1}\n{"b": 2}\n')
    with open(path, "rb") as fh:
        assert read_whole_lines(fh, 9, 9) == b'{"b": 2}\n'
        assert read_whole_lines(fh, 0, 18) == b'{"a": 1}\n{"b": 2}\n'
        assert read_whole_lines(fh, 0, 0) == b""
        assert read_whole_lines(fh, 0, 5) is None        # ends inside a line: a stale index
        assert read_whole_lines(fh, 9, 40) is None       # past the end: the file was cut short
        assert read_whole_lines(fh, -1, 3) is None       # no such place
        assert read_whole_lines(fh, None, 3) is None     # a malformed entry
