"""Render a case under a condition into what a backend receives: chat messages or a completion prompt."""

from __future__ import annotations

from redline.records import Case, CaseKind, Message, Placement, Trigger

CONTEXT_SLOT = "{context}"


def trigger_text(trigger: Trigger, language: str) -> str:
    if language.startswith("zh") and trigger.text_zh:
        return trigger.text_zh
    return trigger.text


def render_scaffold(scaffold: str, context: str) -> str:
    """Fill the ``{context}`` slot of a code scaffold; on baseline the slot's whole line is dropped."""
    if CONTEXT_SLOT not in scaffold:
        if not context:
            return scaffold
        return f"# {context}\n{scaffold}"
    lines = []
    for line in scaffold.splitlines(keepends=True):
        if CONTEXT_SLOT in line:
            if context:
                lines.append(line.replace(CONTEXT_SLOT, context))
        else:
            lines.append(line)
    return "".join(lines)


def render_chat(case: Case, triggers: list[Trigger]) -> tuple[Message, ...]:
    """User message (prompt with prefix/suffix triggers) and an optional system message."""
    by_place: dict[Placement, list[str]] = {p: [] for p in Placement}
    for trig in triggers:
        by_place[trig.placement].append(trigger_text(trig, case.language))
    sep = "" if case.language.startswith("zh") else " "
    user = case.prompt
    if by_place[Placement.prefix]:
        user = sep.join(by_place[Placement.prefix]) + "\n\n" + user
    if by_place[Placement.suffix]:
        user = user + "\n\n" + sep.join(by_place[Placement.suffix])
    messages = []
    if by_place[Placement.system]:
        messages.append(Message(role="system", content=sep.join(by_place[Placement.system])))
    messages.append(Message(role="user", content=user))
    return tuple(messages)


def render_completion(case: Case, triggers: list[Trigger]) -> str:
    """Autocomplete prompt: the scaffold with all trigger texts in its context slot, whatever their placement."""
    context = " ".join(trigger_text(t, case.language) for t in triggers)
    return render_scaffold(case.scaffold, context)


def pick_mode(case: Case, requested: str) -> str:
    """``chat`` or ``completion`` for this case under a requested code mode (auto / instruct / autocomplete)."""
    if case.kind != CaseKind.code:
        return "chat"
    if requested == "autocomplete" and case.scaffold:
        return "completion"
    if requested == "instruct" and case.prompt:
        return "chat"
    return "completion" if case.scaffold and not case.prompt else "chat"
