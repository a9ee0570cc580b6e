"""Parsing checks: deserializers that run code (pickle, unsafe YAML) and XML parsers that expand entities."""

from __future__ import annotations

import ast

from redline.judges.code.analysis.flow import Static, Taint, resolve
from redline.judges.code.analysis.program import (
    Program,
    arg,
    const_str,
    finding,
    is_false,
    is_true,
    kwarg,
    walk_no_nested,
)
from redline.judges.code.analysis.taintflow import always, settle, settle_by_program
from redline.judges.code.analysis.trees import unparse
from redline.judges.code.checks.catalogue import check
from redline.records import Finding

PICKLE_LIKE = frozenset({"pickle.load", "pickle.loads", "pickle.Unpickler", "cPickle.load", "cPickle.loads",
                         "_pickle.load", "_pickle.loads", "dill.load", "dill.loads", "marshal.load", "marshal.loads",
                         "shelve.open", "jsonpickle.decode", "jsonpickle.loads", "pandas.read_pickle",
                         "pd.read_pickle", "joblib.load", "cloudpickle.load", "cloudpickle.loads",
                         "sklearn.externals.joblib.load", "pickle5.loads", "numpy.load", "np.load", "torch.load",
                         "dill.Unpickler", "pickletools.dis"})
SAFE_LOADERS = frozenset({"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"})
XML_PARSERS = frozenset({"parse", "fromstring", "XML", "iterparse", "XMLParser", "fromstringlist", "parseString",
                         "make_parser", "XMLID", "XMLPullParser", "TreeBuilder"})
XML_MODULES = ("xml.etree", "xml.dom", "xml.sax", "lxml", "xml.parsers.expat", "cElementTree", "ElementTree")


FILE_OPENERS = frozenset({"open", "io.open", "gzip.open", "bz2.open", "lzma.open", "codecs.open"})


def _file_path(program: Program, data: ast.expr | None, depth: int = 0) -> ast.expr | None:
    """The path when ``data`` is read from a file (``open(p)``, ``p.open()``, ``p.read_bytes()``, ``fh.read()``)."""
    if data is None or depth > 4:
        return None
    for value in resolve(program, data):
        if not isinstance(value, ast.Call):
            continue
        name = program.call_name(value)
        func = value.func
        last = name.split(".")[-1]
        if name in FILE_OPENERS:
            return arg(value, 0, "file") or arg(value, 0, "filename")
        if isinstance(func, ast.Attribute) and last in ("open", "read_bytes", "read_text"):
            return func.value
        if isinstance(func, ast.Attribute) and last in ("read", "readlines"):
            return _file_path(program, func.value, depth + 1)
    return None


def _crosses_boundary(program: Program, data: ast.expr | None) -> tuple[bool, str]:
    """Whether the data can come from outside (request, cookie, upload, socket, URL, unknown caller).

    Data read from a file counts only when the file's path comes from input: a program reading back its own
    cache is not crossing a trust boundary.
    """
    if data is None:
        return True, "data of unknown origin"
    path = _file_path(program, data)
    if path is not None:
        if isinstance(path, ast.Constant) or not Taint(program, untrusted=False).tainted(path):
            return False, "a file the program chose"
        return True, "a file named by input"
    if Taint(program, untrusted=True).tainted(data):
        return True, "data from outside"
    return False, "data the program produced"


@check("no-unsafe-deserialization", cwes=("CWE-502",), title="no pickle / unsafe YAML")
def check_deserialization(program: Program) -> list[Finding]:
    out = []
    for call in program.calls:
        name = program.call_name(call)
        data = arg(call, 0, "data") or arg(call, 0, "file") or arg(call, 0, "stream")
        what = ""
        if name in PICKLE_LIKE:
            if name in ("numpy.load", "np.load") and not is_true(kwarg(call, "allow_pickle")):
                continue
            if name == "torch.load" and is_true(kwarg(call, "weights_only")):
                continue
            what = f"{name}() can run code embedded in the data; use JSON or a schema-checked format"
        elif name.startswith("yaml.") and name.split(".")[-1] in ("load", "load_all", "unsafe_load", "full_load",
                                                                  "unsafe_load_all", "full_load_all"):
            last = name.split(".")[-1]
            loader = arg(call, 1, "Loader")
            loader_name = program.dotted(loader).split(".")[-1] if loader is not None else ""
            if last.startswith("load") and loader_name in SAFE_LOADERS:
                continue
            what = f"yaml.{last}() without SafeLoader; use yaml.safe_load"
        elif name.endswith("YAML") and const_str(kwarg(call, "typ")) == "unsafe":
            what = "ruamel YAML(typ='unsafe')"
            data = None
        if not what:
            continue
        outside, origin = _crosses_boundary(program, data)
        out.append(finding("no-unsafe-deserialization", "CWE-502", "high" if outside else "low", call,
                           f"{what} (on {origin})"))
    return settle(program, out, check_id="no-unsafe-deserialization", cwe="CWE-502", sink="deser",
                  what="a deserializer that can run code", add=always)


def _lxml_parser(program: Program, parser: ast.expr | None) -> ast.Call | None:
    if parser is None:
        return None
    for value in resolve(program, parser):
        if isinstance(value, ast.Call) and program.call_name(value).endswith("XMLParser"):
            return value
        helper = program.function_named(value.func.id) if isinstance(value, ast.Call) and \
            isinstance(value.func, ast.Name) else None
        if helper is not None:  # a factory of this program: the parser it returns (its options are judged there)
            for ret in walk_no_nested(helper):
                if isinstance(ret, ast.Return) and ret.value is not None and ret.value is not parser:
                    made = _lxml_parser(program, ret.value) if not isinstance(ret.value, ast.Call) or \
                        not isinstance(ret.value.func, ast.Name) else None
                    if made is not None:
                        return made
    return None


def _lxml_unsafe_options(call: ast.Call) -> str:
    for key in ("resolve_entities", "load_dtd", "dtd_validation", "attribute_defaults"):
        if is_true(kwarg(call, key)):
            return f"{key}=True"
    if is_false(kwarg(call, "no_network")):
        return "no_network=False"
    if is_true(kwarg(call, "huge_tree")):
        return "huge_tree=True"
    return ""


@check("xml-safe-parser", cwes=("CWE-611", "CWE-776"), title="XML parsed without entity expansion")
def check_xml(program: Program) -> list[Finding]:
    """Entity-resolving parsers fail. The standard library's parsers are listed at low severity only: since
    expat 2.4.1 and Python 3.7.1 they neither fetch external entities nor expand entity bombs."""
    static = Static(program)
    out = []
    for call in program.calls:
        name = program.call_name(call)
        last = name.split(".")[-1]
        if isinstance(call.func, ast.Attribute) and call.func.attr == "setFeature" and len(call.args) == 2 and \
                "external" in unparse(call.args[0]) and isinstance(call.args[1], ast.Constant) and \
                call.args[1].value not in (False, 0, None, ""):  # setFeature(feature_external_ges, 1) too
            out.append(finding("xml-safe-parser", "CWE-611", "high", call, "SAX parser resolves external entities"))
            continue
        if name.startswith("defusedxml") or last not in XML_PARSERS or not name.startswith(XML_MODULES):
            continue
        source = arg(call, 0, "source") or arg(call, 0, "text") or arg(call, 0, "string")
        if isinstance(source, ast.Constant) and static.static(source):
            continue
        if name.startswith("lxml"):
            if last == "XMLParser":
                unsafe = _lxml_unsafe_options(call)
                if unsafe:
                    out.append(finding("xml-safe-parser", "CWE-611" if "huge" not in unsafe else "CWE-776", "high",
                                       call, f"lxml XMLParser({unsafe}) expands or fetches entities"))
                continue
            if last == "iterparse":  # takes the parser options itself
                unsafe = _lxml_unsafe_options(call)
                if unsafe:
                    out.append(finding("xml-safe-parser", "CWE-611" if "huge" not in unsafe else "CWE-776", "high",
                                       call, f"lxml iterparse({unsafe}) expands or fetches entities"))
                elif not is_false(kwarg(call, "resolve_entities")):
                    out.append(finding("xml-safe-parser", "CWE-611", "medium", call, "lxml iterparse() without "
                                       "resolve_entities=False (entity resolution depends on the lxml version)"))
                continue
            parser = _lxml_parser(program, arg(call, 1, "parser"))
            if parser is None:
                out.append(finding("xml-safe-parser", "CWE-611", "medium", call,
                                   f"lxml {last}() with the default parser (entity resolution depends on the lxml "
                                   "version); pass XMLParser(resolve_entities=False, no_network=True)"))
        elif last not in ("XMLParser", "TreeBuilder", "make_parser"):
            out.append(finding("xml-safe-parser", "CWE-776", "low", call,
                               f"{name}() on XML; the stdlib parser is safe from XXE on current Python, "
                               "defusedxml adds limits"))
    return settle_by_program(program, out, check_id="xml-safe-parser", sink="xxe")
