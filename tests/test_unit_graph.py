"""The prerequisite graph and its checks (topicgraph/graph.py): which edges exist, and each problem's line.

Topics are stand-ins holding only what the graph reads (id, file, src_uri, part, prerequisites and the
lines of front-matter keys), so these tests do not depend on how topic files are loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from topicgraph.errors import Problem
from topicgraph.graph import build_graph, validate_graph, validate_navigation


@dataclass(frozen=True)
class T:
    id: str
    prerequisites: tuple[str, ...] = ()
    part: str = "Foundations"
    key_lines: dict[str, int] = field(default_factory=lambda: {"part": 5, "prerequisites": 7}, hash=False)

    @property
    def file(self) -> str:
        return f"docs/topics/{self.id}.md"

    @property
    def src_uri(self) -> str:
        return f"topics/{self.id}.md"

    def line_of(self, key: str) -> int | None:
        return self.key_lines.get(key)


def check(*topics: T, unloaded: tuple[str, ...] = ()) -> list[Problem]:
    return validate_graph(list(topics), build_graph(topics), unloaded)


def test_an_edge_runs_from_each_known_prerequisite_to_its_topic() -> None:
    topics = [T("spiral", ("anarchy", "unknown", "spiral", "perception")), T("anarchy"), T("perception", ("anarchy",))]
    graph = build_graph(iter(topics))
    assert sorted(graph.nodes) == ["anarchy", "perception", "spiral"]
    assert sorted(graph.edges) == [("anarchy", "perception"), ("anarchy", "spiral"), ("perception", "spiral")]
    assert graph.nodes["spiral"]["topic"] is topics[0]


def test_a_sound_graph_has_no_problem() -> None:
    assert check(T("a"), T("b", ("a",)), T("c", ("a", "b"))) == []


def test_a_topic_listing_itself_is_reported_on_its_prerequisites_line() -> None:
    assert check(T("anarchy", ("anarchy",))) == [
        Problem("docs/topics/anarchy.md", 7, "'anarchy' lists itself as a prerequisite",
                "remove 'anarchy' from prerequisites")]


def test_an_unknown_prerequisite_gets_up_to_three_close_ids_closest_first() -> None:
    # Four ids are close to "arms-raced"; the three closest are suggested.
    topics = [T("arms-race"), T("arms-races"), T("arms-racing"), T("arms-racer"), T("arms-control"), T("anarchy"),
              T("spiral", ("arms-raced", "anarchy"), key_lines={"prerequisites": 3})]
    assert check(*topics) == [
        Problem("docs/topics/spiral.md", 3, "unknown prerequisite 'arms-raced'",
                "did you mean 'arms-race' or 'arms-races' or 'arms-racer'?")]


def test_an_unknown_prerequisite_like_no_id_says_how_to_create_it() -> None:
    assert check(T("anarchy"), T("spiral", ("zzzz", "anarchy"), key_lines={})) == [
        Problem("docs/topics/spiral.md", None, "unknown prerequisite 'zzzz'",
                "create docs/topics/zzzz.md or remove it from prerequisites")]


def test_a_prerequisite_whose_file_failed_to_load_is_not_also_unknown() -> None:
    assert check(T("spiral", ("anarchy", "perception")), unloaded=("anarchy",)) == [
        Problem("docs/topics/spiral.md", 7, "unknown prerequisite 'perception'",
                "create docs/topics/perception.md or remove it from prerequisites")]


def test_each_cycle_is_one_problem_starting_at_its_smallest_id() -> None:
    # Arrows point from prerequisite to topic: m needs z, z needs k, k needs m.
    topics = [T("m", ("z",)), T("z", ("k",)), T("k", ("m",), key_lines={"prerequisites": 4}),
              T("b", ("c",)), T("c", ("b",)), T("free", ("b",))]
    fix = "a topic cannot (even indirectly) be its own prerequisite; remove one edge"
    assert check(*topics) == [
        Problem("docs/topics/b.md", 7, "prerequisite cycle: b -> c -> b", fix),
        Problem("docs/topics/k.md", 4, "prerequisite cycle: k -> z -> m -> k", fix),
    ]


def test_every_kind_of_problem_is_reported_together() -> None:
    topics = [T("a", ("a", "b")), T("b", ("a", "nowhere"))]
    assert [p.message for p in check(*topics)] == [
        "'a' lists itself as a prerequisite",
        "unknown prerequisite 'nowhere'",
        "prerequisite cycle: a -> b -> a",
    ]


def test_a_topic_missing_from_the_navigation_is_reported_with_where_to_add_it() -> None:
    topics = [T("anarchy"), T("spiral", part="Models"), T("cases", part="Cases")]
    nav = {"topics/anarchy.md": "Foundations", "topics/cases.md": "Models", "index.md": "Home"}
    assert validate_navigation(topics, nav) == [
        Problem("docs/topics/spiral.md", None, "topic is not in the navigation",
                "add '- topics/spiral.md' under 'Models' in the nav of mkdocs.yml"),
        Problem("docs/topics/cases.md", 5, "part is 'Cases' but the navigation lists it under 'Models'",
                "make the front matter's part and the nav section agree"),
    ]
