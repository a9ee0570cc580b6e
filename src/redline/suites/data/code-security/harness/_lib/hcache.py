"""Compile caches for one sample's process (inside the sandbox only): work its tests repeat, done once.

Every test imports the candidate afresh and builds a fresh app, so the same module source is compiled to
bytecode, and the same template string compiled by Jinja, once per test. The results are pure functions of
their inputs, so they are kept for the sample's later tests; the caches live in the sample's forked process
and die with it (no sample ever sees another's). Module state, the app and every fixture stay per test.
No bytecode is written into the tests' folders either (they are thrown away after each test).
"""

from __future__ import annotations

import _imp
import sys
from importlib import machinery
from typing import Any

_CODE: dict[tuple[bytes, str], Any] = {}
_TEMPLATES: dict[tuple[Any, ...], Any] = {}


def install() -> None:
    """Turn both caches on in this process (idempotent)."""
    sys.dont_write_bytecode = True
    loader = machinery.SourceFileLoader
    if not getattr(loader.source_to_code, "_rl_cached", False):
        loader.source_to_code = _source_to_code  # type: ignore[method-assign, assignment]
    try:
        import jinja2
    except ImportError:
        return
    if not getattr(jinja2.Environment.compile, "_rl_cached", False):
        original = jinja2.Environment.compile

        def compile(self: Any, source: Any, name: Any = None, filename: Any = None, raw: bool = False,
                    defer_init: bool = False) -> Any:
            key = _template_key(self, source, name, filename, raw, defer_init)
            if key is None:
                return original(self, source, name, filename, raw, defer_init)
            hit = _TEMPLATES.get(key)
            if hit is None:
                hit = _TEMPLATES[key] = original(self, source, name, filename, raw, defer_init)
            return hit

        compile._rl_cached = True  # type: ignore[attr-defined]
        jinja2.Environment.compile = jinja2.utils.internalcode(compile)  # type: ignore[method-assign]


_original_source_to_code = machinery.SourceFileLoader.source_to_code


def _source_to_code(self: Any, data: Any, path: Any, *, _optimize: int = -1) -> Any:
    """Compile once per (source, optimisation); a repeat gets the same code object under its own file name,
    exactly as a module loaded from a ``.pyc`` does."""
    if not isinstance(data, bytes) or not isinstance(path, str):
        return _original_source_to_code(self, data, path, _optimize=_optimize)
    key = (data, str(_optimize))
    code = _CODE.get(key)
    if code is None:
        code = _CODE[key] = _original_source_to_code(self, data, path, _optimize=_optimize)
    elif code.co_filename != path:
        _imp._fix_co_filename(code, path)
    return code


_source_to_code._rl_cached = True  # type: ignore[attr-defined]


def _template_key(env: Any, source: Any, name: Any, filename: Any, raw: bool, defer_init: bool) -> Any:
    """Everything Jinja's lexer, parser, optimiser and code generator read from the environment, or None
    (not cached) where that is not plain data: extensions, a subclass of the environment, raw output."""
    import jinja2

    if not isinstance(source, str) or raw or env.extensions:
        return None
    allowed = [jinja2.Environment]
    flask_templating = sys.modules.get("flask.templating")
    if flask_templating is not None:
        allowed.append(flask_templating.Environment)
    if type(env) not in allowed:
        return None
    autoescape = env.autoescape
    if callable(autoescape):
        func = getattr(autoescape, "__func__", None)
        # Flask's own choice reads only the template name; any other callable is kept by identity
        if func is not None and func.__qualname__ == "App.select_jinja_autoescape" \
                and func.__module__ == "flask.sansio.app":
            autoescape = ("flask", func)
    key = (source, name, filename, defer_init, type(env), autoescape, env.finalize, env.undefined,
            env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
            env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
            env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline, env.optimized,
            env.is_async, env.code_generator_class, env.concat,
            tuple(sorted(env.filters.items())), tuple(sorted(env.tests.items())))
    try:
        hash(key)
    except TypeError:  # an unhashable filter or setting: not cached
        return None
    return key
