"""The programs' translation catalogs (assets/i18n/<name>_zh_CN.ts) and the strings their
sources pass to Qt's translate: which files make up each catalog, every literal a window
may show, and an update that adds what is new and drops what no source says any more.

pyside6-lupdate cannot follow the programs' module-level `tr(text)` helpers (it files their
strings under a context of its own), so the strings are read from the sources' syntax:
`self.tr("…")` in class C is context C; `tr("…")` / `_tr("…")` is the context of the
module's helper (`return QCoreApplication.translate("Ctx", text)`); `translate("Ctx", "…")`
and `QT_TRANSLATE_NOOP("Ctx", "…")` name their own. `python -m shared.qt.catalogs` updates
every catalog in place; then `pyside6-lrelease` makes the .qm files. A new string comes in
unfinished, with an empty translation, for a person to write.
"""

from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "assets" / "i18n"

# Each catalog and the sources whose strings it holds (failures: the fixed notices that
# shared/qt/errors.py and remote.py read through their own translators, not tr()).
SOURCES: dict[str, tuple[str, ...]] = {
    "kiosk": ("kiosk/pages/*.py", "kiosk/sources.py", "kiosk/window.py"),
    "screen": ("counter/screen/*.py",),
    "workstation": ("counter/customer/*.py", "counter/workstation/*.py", "counter/sign_in.py"),
    "words": ("shared/qt/codes.py", "shared/qt/refusals.py"),
    "admin": ("counter/admin/*.py",),
}
CATALOGS = (*SOURCES, "failures")


@dataclass(frozen=True, order=True)
class Text:
    context: str
    source: str
    plural: bool = False
    comment: str = ""  # Qt's disambiguation, part of what a translation is found by


def ts_path(name: str) -> Path:
    return I18N / f"{name}_zh_CN.ts"


def source_files(name: str) -> list[Path]:
    return sorted(path for pattern in SOURCES[name] for path in ROOT.glob(pattern))


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _helper_contexts(tree: ast.Module) -> dict[str, str]:
    """The module's `def tr(text): return QCoreApplication.translate("Ctx", text)` helpers."""
    helpers = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and _called(inner) == "translate"
                and len(inner.args) >= 2
                and (context := _literal(inner.args[0])) is not None
                and isinstance(inner.args[1], ast.Name)
            ):
                helpers[node.name] = context
    return helpers


def _called(call: ast.Call) -> str:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return ""


def texts_of(path: Path) -> set[Text]:
    """Every literal the file passes to Qt's translation, with its context."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    helpers = _helper_contexts(tree)
    found: set[Text] = set()

    def visit(node: ast.AST, cls: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner_cls = child.name if isinstance(child, ast.ClassDef) else cls
            if isinstance(child, ast.Call):
                name, args = _called(child), child.args
                plural = len(args) >= 4 or any(k.arg == "n" for k in child.keywords)
                if (
                    name == "tr"
                    and isinstance(child.func, ast.Attribute)
                    and cls is not None
                    and args
                    and (text := _literal(args[0])) is not None
                ):
                    comment = _literal(args[1]) if len(args) >= 2 else ""
                    found.add(Text(cls, text, len(args) >= 3, comment or ""))
                elif (
                    name in helpers
                    and isinstance(child.func, ast.Name)
                    and args
                    and (text := _literal(args[0])) is not None
                ):
                    found.add(Text(helpers[name], text))
                elif (
                    name in ("translate", "QT_TRANSLATE_NOOP")
                    and len(args) >= 2
                    and (context := _literal(args[0])) is not None
                    and (text := _literal(args[1])) is not None
                ):
                    comment = _literal(args[2]) if len(args) >= 3 else ""
                    found.add(Text(context, text, plural, comment or ""))
            visit(child, inner_cls)

    visit(tree, None)
    return found


def _setting_texts() -> set[Text]:
    """The settings' meanings and bounds, which the administrator's window shows through
    its `AdminWords` translation: written once, in the core's HallSettings. A bare range
    of numbers ("1 to 31") is said by the window's own "%1 to %2"."""
    from shared.services.settings import BARE_RANGE, setting_rules

    shown = set()
    for rule in setting_rules():
        shown.add(Text("AdminWords", rule.meaning))
        if rule.bounds and not BARE_RANGE.fullmatch(rule.bounds):
            shown.add(Text("AdminWords", rule.bounds))
    return shown


# Strings a catalog's window shows that are written in the core rather than passed to tr.
DERIVED: dict[str, Callable[[], set[Text]]] = {"admin": _setting_texts}


def texts(name: str) -> set[Text]:
    """Every string the catalog's sources may show."""
    derived = DERIVED.get(name)
    return {text for path in source_files(name) for text in texts_of(path)} | (
        derived() if derived else set()
    )


def read_ts(name: str) -> dict[Text, str | None]:
    """The catalog's messages and their translations (None: unfinished or empty)."""
    held: dict[Text, str | None] = {}
    for context in ET.parse(ts_path(name)).getroot().iter("context"):
        context_name = context.findtext("name") or ""
        for message in context.iter("message"):
            plural = message.get("numerus") == "yes"
            translation = message.find("translation")
            assert translation is not None
            if plural:
                forms = [form.text or "" for form in translation.iter("numerusform")]
                said = forms[0] if forms else ""
            else:
                said = translation.text or ""
            finished = translation.get("type") not in ("unfinished", "obsolete")
            source, comment = message.findtext("source") or "", message.findtext("comment")
            held[Text(context_name, source, plural, comment or "")] = (
                said if said and finished else None
            )
    return held


def write_ts(name: str, messages: dict[Text, str | None]) -> None:
    """Write the catalog with exactly `messages`, in place: a message kept stays where it
    was (with its locations), a new one goes at the end of its context."""
    path = ts_path(name)
    if path.exists():
        root = ET.parse(path).getroot()
    else:
        root = ET.Element("TS", version="2.1", language="zh_CN")
    contexts = {context.findtext("name") or "": context for context in root.iter("context")}
    written: set[Text] = set()
    for context_name, context in contexts.items():
        for message in list(context.iter("message")):
            key = Text(
                context_name,
                message.findtext("source") or "",
                message.get("numerus") == "yes",
                message.findtext("comment") or "",
            )
            kept = _matching(messages, key)
            if kept is None or kept in written:
                context.remove(message)
                continue
            written.add(kept)
            _fill(message, kept, messages[kept])
        if not context.findall("message"):
            root.remove(context)
    for text in sorted(set(messages) - written):
        held = contexts.get(text.context)
        if held is None or held not in list(root):
            held = ET.SubElement(root, "context")
            ET.SubElement(held, "name").text = text.context
            contexts[text.context] = held
        message = ET.SubElement(held, "message")
        ET.SubElement(message, "source").text = text.source
        if text.comment:
            ET.SubElement(message, "comment").text = text.comment
        ET.SubElement(message, "translation")
        _fill(message, text, messages[text])
    root.text = "\n"
    for context in root:
        ET.indent(context, space="    ")
        context.tail = "\n"
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def _matching(messages: dict[Text, str | None], key: Text) -> Text | None:
    for text in (key, Text(key.context, key.source, not key.plural, key.comment)):
        if text in messages:
            return text
    return None


def _fill(message: ET.Element, text: Text, said: str | None) -> None:
    """The message's translation (and its plural mark) as `text` and `said` say."""
    if text.plural:
        message.set("numerus", "yes")
    else:
        message.attrib.pop("numerus", None)
    translation = message.find("translation")
    assert translation is not None
    for form in list(translation):
        translation.remove(form)
    translation.attrib.clear()
    translation.text = None
    if said is None:
        translation.set("type", "unfinished")
    elif text.plural:
        ET.SubElement(translation, "numerusform").text = said
    else:
        translation.text = said


def update(name: str, translations: dict[Text, str] | None = None) -> list[Text]:
    """Bring the catalog in line with its sources, keeping every translation still used and
    taking new ones from `translations`; the strings still without one."""
    held = read_ts(name) if ts_path(name).exists() else {}
    said = {(t.context, t.source, t.comment): value for t, value in held.items()}
    said |= {(t.context, t.source, t.comment): value for t, value in (translations or {}).items()}
    merged = {text: said.get((text.context, text.source, text.comment)) for text in texts(name)}
    write_ts(name, merged)
    return sorted(text for text, said in merged.items() if said is None)


if __name__ == "__main__":
    for catalog in SOURCES:
        for missing in update(catalog):
            print(f"{catalog}: no translation for {missing.context}: {missing.source!r}")
    sys.exit(0)
