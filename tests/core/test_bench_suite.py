"""The benchmark suite finds every module of tests/bench with a `main()`, and only those."""

from __future__ import annotations

from tests.bench.__main__ import discover, main


def test_modules_with_a_main_are_benchmarks_and_others_are_not(tmp_path):
    (tmp_path / "search.py").write_text("def main(argv=None):\n    return 0\n")
    (tmp_path / "helpers.py").write_text("def generate():\n    return 0\n")
    (tmp_path / "nested.py").write_text("class Bench:\n    def main(self):\n        return 0\n")
    (tmp_path / "_private.py").write_text("def main():\n    return 0\n")
    assert discover(tmp_path) == ["search"]


def test_the_repository_benchmarks_are_found_and_the_data_generator_is_not():
    found = discover()
    assert {"throughput", "figures"} <= set(found)
    assert "yeardata" not in found and "report" not in found


def test_an_unknown_benchmark_is_a_usage_error(capsys):
    try:
        main(["no_such_bench"])
    except SystemExit as stop:
        assert stop.code == 2
    else:
        raise AssertionError("an unknown name was accepted")
    assert "no benchmark named no_such_bench" in capsys.readouterr().err
