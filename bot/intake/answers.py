"""Answers sent apart from their questions (Typeform and its kind). Pure.

Such a body lists the questions once (`definition.fields`: id, ref, title, type) and the
answers by the question's id or ref (`answers`: field {id, ref}, type, and the value under
the name of its type). Joined, each answer becomes a labelled field, `{"title", "value",
"type"}`, which the flattening reads like any other form's.
"""

from __future__ import annotations

from collections.abc import Mapping

_QUESTION_LISTS = ("fields", "questions")
_MAX_DEPTH = 3  # the envelope is shallow; the search never walks a whole body


def join_answers(data: object) -> object:
    """`data` with its answers joined to their questions, if it has both; else `data`."""
    found = _find(data, 0)
    if found is None:
        return data
    holder, questions = found
    answers = holder["answers"]
    assert isinstance(answers, list)
    joined = [_labelled(answer, questions) for answer in answers]
    hidden = holder.get("hidden")  # a form's hidden fields: UTM tags and the like
    return {"answers": [item for item in joined if item is not None],
            **({"hidden": hidden} if isinstance(hidden, Mapping) else {})}  # fmt: skip


def _find(
    node: object, depth: int
) -> tuple[Mapping[str, object], dict[str, dict[str, str]]] | None:
    if depth > _MAX_DEPTH or not isinstance(node, Mapping):
        return None
    answers = node.get("answers")
    if isinstance(answers, list) and any(_reference(a) for a in answers):
        return node, _questions(node)
    for child in node.values():
        if (found := _find(child, depth + 1)) is not None:
            return found
    return None


def _reference(answer: object) -> tuple[str, ...]:
    """The keys an answer names its question by: its field's id and ref."""
    if not isinstance(answer, Mapping) or not isinstance(field := answer.get("field"), Mapping):
        return ()
    return tuple(str(field[key]) for key in ("id", "ref") if field.get(key) not in (None, ""))


def _questions(holder: Mapping[str, object]) -> dict[str, dict[str, str]]:
    """Each question by its id and by its ref: {"title", "type"}."""
    definition = holder.get("definition")
    places = [definition, holder] if isinstance(definition, Mapping) else [holder]
    found: dict[str, dict[str, str]] = {}
    for place in places:
        assert isinstance(place, Mapping)
        for name in _QUESTION_LISTS:
            items = place.get(name)
            for item in items if isinstance(items, list) else []:
                if not isinstance(item, Mapping):
                    continue
                about = {"title": str(item.get("title") or item.get("label") or ""),
                         "type": str(item.get("type") or "")}  # fmt: skip
                for key in ("id", "ref"):
                    if item.get(key) not in (None, ""):
                        found[str(item[key])] = about
    return found


def _value(answer: Mapping[str, object]) -> object:
    """The answer's value: under the name of its type (`text`, `email`, `phone_number`,
    `choice` with a label, `choices` with labels, `number`, `boolean`, `date`, `url`)."""
    kind = str(answer.get("type") or "")
    value = answer.get(kind, answer.get("value"))
    if isinstance(value, Mapping):
        value = value.get("label", value.get("labels", value.get("other")))
    return value


def _labelled(answer: object, questions: dict[str, dict[str, str]]) -> dict[str, object] | None:
    keys = _reference(answer)
    if not keys:
        return None
    assert isinstance(answer, Mapping)
    question = next((questions[key] for key in keys if key in questions), None)
    field = answer["field"]
    assert isinstance(field, Mapping)
    title = (question or {}).get("title") or keys[-1]
    kind = (question or {}).get("type") or str(field.get("type") or answer.get("type") or "")
    return {"title": title, "value": _value(answer), "type": kind}
