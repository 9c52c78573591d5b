"""Safe YAML loading that remembers where every key came from.

Rule packs and config files are written by people; when one is wrong the
error must name the file and line, so loading keeps the line of every
mapping key alongside the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from claimlint.errors import ClaimlintError

if TYPE_CHECKING:
    import yaml


@dataclass
class Located:
    """Loaded YAML data plus the 1-based line of each mapping, key and list item."""

    data: Any
    path: str
    _lines: dict[tuple[int, Any], int] = field(default_factory=dict)
    _keep: list[Any] = field(default_factory=list)

    def line(self, obj: Any, key: Any = None) -> int | None:
        """Line of ``obj[key]`` (or of ``obj`` itself when key is None)."""
        found = self._lines.get((id(obj), key))
        if found is None and key is not None:
            found = self._lines.get((id(obj), None))
        return found


MAX_CHARACTERS = 5_000_000  # a rule pack or configuration larger than this is a mistake or an attack


def load_yaml(text: str, path: str) -> Located:
    """Parse one YAML document safely; raise ClaimlintError with file:line on error.

    Aliases are refused: no rule pack or configuration needs them, and a
    nest of aliases (a "billion laughs" document) would make any walk over
    the data explode.
    """
    if len(text) > MAX_CHARACTERS:
        raise ClaimlintError(
            f"YAML document too large ({len(text):,} characters; the limit is {MAX_CHARACTERS:,})", path
        )
    # Imported here: a run served from the rule-set cache with no YAML
    # configuration never parses YAML, and PyYAML is a sizeable share of start-up.
    import yaml

    # the C loader is several times faster; both are safe loaders
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _refuse_aliases(node, path)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ClaimlintError(f"invalid YAML: {exc.problem or exc.context}", path, line) from None
    except yaml.YAMLError as exc:
        raise ClaimlintError(f"invalid YAML: {exc}", path) from None
    finally:
        loader.dispose()
    located = Located(data, path)
    if node is not None:
        _index(node, data, located)
    return located


def _refuse_aliases(root: yaml.Node, path: str) -> None:
    import yaml

    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise ClaimlintError("YAML aliases (*name) are not allowed here", path, node.start_mark.line + 1)
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _index(node: yaml.Node, data: Any, located: Located) -> None:
    import yaml

    if not isinstance(data, (dict, list)):
        return
    located._lines[(id(data), None)] = node.start_mark.line + 1
    located._keep.append(data)
    if isinstance(node, yaml.MappingNode) and isinstance(data, dict):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None or key not in data:
                continue
            located._lines[(id(data), key)] = key_node.start_mark.line + 1
            _index(value_node, data[key], located)
    elif isinstance(node, yaml.SequenceNode) and isinstance(data, list):
        for item_node, item in zip(node.value, data, strict=False):
            _index(item_node, item, located)
