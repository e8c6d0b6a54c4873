"""The synonyms file's node tree -> its groups of words one term stands for.

Apart from the facts' reader because a synonym group is checked as the matcher will read it
(two words of one stem are one term), which needs the stemmer no fact file does.
"""

from __future__ import annotations

from yaml.nodes import Node, SequenceNode

from bot.core.fact_file import FileReader
from bot.core.knowledge_yaml import describe


def parse_synonyms(node: Node, reader: FileReader) -> list[tuple[str, ...]]:
    fields = reader.mapping(node, "the synonyms file", ("groups",))
    if fields is None:
        return []
    if "groups" not in fields:
        reader.error(node, "synonyms file has no 'groups' list")
        return []
    groups_node = fields["groups"][1]
    if not isinstance(groups_node, SequenceNode):
        reader.error(groups_node, f"'groups' must be a list, not {describe(groups_node)}")
        return []
    # Only synonym files need the stemmer.
    from bot.core.english_stems import stem
    from bot.core.folding import fold

    groups: list[tuple[str, ...]] = []
    owner: dict[str, int] = {}
    for group_node in groups_node.value:
        group = reader.text_list(group_node, "groups", None, limit=80)
        lowered = tuple(w.lower() for w in group)
        if len(lowered) < 2:
            reader.error(group_node, "a synonym group needs at least two words")
            continue
        line = group_node.start_mark.line + 1
        for word in lowered:
            # Compared as the matcher sees them: "recall" and "recalled" are one term.
            key = " ".join(stem(w) for w in fold(word).split())
            if owner.setdefault(key, line) != line:
                reader.error(
                    group_node,
                    f"'{word}' is already in the group on line {owner[key]} "
                    "(as the same word or one with the same stem)",
                )
        groups.append(lowered)
    return groups
