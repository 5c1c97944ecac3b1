"""What a rendered figure is: the chart and everything a reader without the chart needs."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Table:
    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Figure:
    name: str
    title: str  # the chart's title, also the SVG <title>
    alt: str  # a text alternative: what the chart shows and what it says
    caption: str  # one or two sentences under the chart
    source: str  # "Source: ..." as printed under the chart
    svg: str  # inline-ready SVG (see svg.inline_svg)
    table: Table
    notes: tuple[str, ...] = ()  # parameters and method, printed with the data
    data_files: tuple[str, ...] = field(default=())  # docs/data/ files behind the figure

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> Figure:
        table = Table(data["table"]["caption"], tuple(data["table"]["headers"]),
                      tuple(tuple(row) for row in data["table"]["rows"]))
        return cls(**(data | {"table": table, "notes": tuple(data["notes"]),
                              "data_files": tuple(data["data_files"])}))
