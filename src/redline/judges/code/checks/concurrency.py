"""Concurrency checks: state shared by threads, locks, pooled workers and tasks that cannot be stopped.

A *task* is a function the program runs on another thread (``Thread(target=f)``, ``executor.submit(f)``,
``executor.map(f, ...)``). Rules, all low (they count when a task asks about their weakness):
a task that updates shared state (``self.x += ...``, a global, a setter on an object passed in) with no
lock held, when two or more tasks run (362); a ``threading.local`` value that one pooled task changes without
restoring it in ``finally`` while another task relies on the initial value (665: a reused worker keeps it);
two locks taken in opposite orders (833), or a task that waits on another task of its own pool (410); a lock
acquired with ``acquire()`` (or a file or socket opened) and released outside ``finally`` (460);
``Future.cancel()`` on tasks that loop and sleep with no stop event (400); a new thread started per loop
iteration (770: no pool bounds them).
"""

from __future__ import annotations

import ast

from redline.judges.code.analysis.program import FuncNode, Program, finding
from redline.judges.code.analysis.trees import walk
from redline.judges.code.checks.catalogue import check
from redline.judges.code.checks.robust_facts import body_nodes, callee_name, in_loop, methods_named, task_functions
from redline.records import Finding

LOCK_WORDS = ("lock", "mutex", "sem", "cond", "rlock")
OPENERS = frozenset({"open", "io.open", "socket.socket", "socket.create_connection", "sqlite3.connect"})


LOCK_TYPES = frozenset({"Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition"})


def _lock_names(program: Program) -> dict[str, str]:
    """Names (leaf of the target) bound to a new lock -> the lock's class."""
    found: dict[str, str] | None = program.cache.get("robust:locks")
    if found is None:
        found = {}
        for node in walk(program.tree):
            if isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Call):
                kind = program.call_name(node.value).split(".")[-1]
                if kind in LOCK_TYPES:
                    for t in node.targets if isinstance(node, ast.Assign) else [node.target]:
                        leaf = program.dotted(t).split(".")[-1]
                        if leaf:
                            found[leaf] = kind
        program.cache["robust:locks"] = found
    return found


def _lock_expr(program: Program, node: ast.AST) -> str:
    text = program.dotted(node.func if isinstance(node, ast.Call) else node)
    if any(w in text.lower() for w in LOCK_WORDS) or text.split(".")[-1] in _lock_names(program):
        return text
    return ""


def _reentrant(program: Program, text: str) -> bool:
    return "rlock" in text.lower() or _lock_names(program).get(text.split(".")[-1]) == "RLock"


def _holds_lock(program: Program, func: FuncNode) -> bool:
    for node in body_nodes(func):
        if isinstance(node, (ast.With, ast.AsyncWith)) and any(_lock_expr(program, i.context_expr)
                                                               for i in node.items):
            return True
        if isinstance(node, ast.Call) and callee_name(node) == "acquire":
            return True
    return False


def _setters(program: Program) -> set[str]:
    """Methods that assign or update attributes of ``self``."""
    out = set()
    for func in program.functions:
        args = func.args.args
        if not args or args[0].arg != "self" or func.name == "__init__":
            continue
        for node in body_nodes(func):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
                if isinstance(node, ast.AugAssign) else []
            if any(isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self"
                   for t in targets):
                out.add(func.name)
    return out


def _self_item(target: ast.expr) -> bool:
    return isinstance(target, ast.Subscript) and isinstance(target.value, ast.Attribute) and \
        isinstance(target.value.value, ast.Name) and target.value.value.id == "self"


def _mutation(program: Program, func: FuncNode, setters: set[str]) -> ast.AST | None:
    declared = {n for node in body_nodes(func) if isinstance(node, ast.Global) for n in node.names}
    param_names = {a.arg for a in func.args.args} - {"self"}
    for node in body_nodes(func):
        if isinstance(node, ast.AugAssign) and (isinstance(node.target, (ast.Attribute, ast.Subscript)) or
                                                (isinstance(node.target, ast.Name) and node.target.id in declared)):
            return node
        if isinstance(node, ast.Assign) and any(_self_item(t) for t in node.targets):
            return node  # self.table[key] = ...: a read-modify-write of a container the threads share
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in setters:
            root = node.func.value
            while isinstance(root, (ast.Call, ast.Attribute)):
                root = root.func if isinstance(root, ast.Call) else root.value
            if isinstance(root, ast.Name) and root.id in param_names:
                return node
    return None


@check("shared-state-locked", cwes=("CWE-362", "CWE-366"), title="state shared by threads is updated under a lock")
def check_shared_state(program: Program) -> list[Finding]:
    out: list[Finding] = []
    tasks = task_functions(program)
    if len(tasks) < 2 and not any(in_loop(program, call) for call, _ in tasks):
        return out
    setters = _setters(program)
    seen: set[int] = set()
    for _, func in tasks:
        if id(func) in seen or _holds_lock(program, func):
            continue
        seen.add(id(func))
        hit = _mutation(program, func, setters)
        if hit is not None:
            out.append(finding("shared-state-locked", "CWE-362", "low", hit,
                               f"{func.name}() runs on several threads and updates shared state without a lock"))
    return out


def _local_classes(program: Program) -> dict[str, set[str]]:
    """Attribute names holding a ``threading.local()`` -> methods that set / read a value on it."""
    holders = {t.attr for node in walk(program.tree)
               if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)
               and program.call_name(node.value).split(".")[-1] == "local"
               for t in node.targets if isinstance(t, ast.Attribute)}
    if not holders:
        return {}
    setters: set[str] = set()
    readers: set[str] = set()
    for func in program.functions:
        for node in body_nodes(func):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and \
                    node.value.attr in holders:
                (setters if isinstance(node.ctx, ast.Store) else readers).add(func.name)
    return {"set": setters - {"__init__"}, "read": readers - setters}


def _calls_in(func: FuncNode, names: set[str]) -> list[ast.Call]:
    return [n for n in body_nodes(func) if isinstance(n, ast.Call) and callee_name(n) in names]


@check("thread-local-reset", cwes=("CWE-665",), title="pooled workers do not inherit another task's state")
def check_thread_local(program: Program) -> list[Finding]:
    out: list[Finding] = []
    if "local" not in program.code:
        return out
    roles = _local_classes(program)
    pooled = [(call, func) for call, func in task_functions(program)
              if isinstance(call.func, ast.Attribute) and call.func.attr in ("submit", "map")]
    if not roles or not pooled:
        return out
    leaves, relies = None, False
    for _, func in pooled:
        sets = _calls_in(func, roles["set"])
        reset_in_finally = any(isinstance(n, ast.Try) and any(callee_name(c) in roles["set"] for s in n.finalbody
                                                               for c in walk(s) if isinstance(c, ast.Call))
                               for n in body_nodes(func))
        if sets and not reset_in_finally:
            leaves = leaves or sets[0]
        if not sets and _calls_in(func, roles["read"]):
            relies = True
    if leaves is not None and relies:
        out.append(finding("thread-local-reset", "CWE-665", "low", leaves,
                           "a pooled task changes thread-local state without restoring it; a reused worker "
                           "runs the next task with it"))
    return out


def _method_locks(program: Program, name: str) -> set[str]:
    """Locks a method of this program takes with ``with`` (a call to it while one is held takes it again)."""
    return {_lock_expr(program, i.context_expr) for m in methods_named(program, name) for n in body_nodes(m)
            if isinstance(n, (ast.With, ast.AsyncWith)) for i in n.items} - {""}


def _lock_pairs(program: Program, func: FuncNode) -> list[tuple[str, str, ast.AST]]:
    out: list[tuple[str, str, ast.AST]] = []
    for node in body_nodes(func):
        if isinstance(node, (ast.With, ast.AsyncWith)):
            outer = [_lock_expr(program, i.context_expr) for i in node.items]
            for sub in (s for stmt in node.body for s in walk(stmt)):
                if isinstance(sub, (ast.With, ast.AsyncWith)):
                    out.extend((a, _lock_expr(program, i.context_expr), sub) for a in outer if a
                               for i in sub.items if _lock_expr(program, i.context_expr))
                elif isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and \
                        isinstance(sub.func.value, ast.Name) and sub.func.value.id == "self":
                    out.extend((a, a, sub) for a in outer if a and a in _method_locks(program, sub.func.attr))
    return out


@check("no-deadlock", cwes=("CWE-833", "CWE-667", "CWE-410"),
       title="locks taken in one order; tasks do not wait on their pool")
def check_deadlock(program: Program) -> list[Finding]:
    out: list[Finding] = []
    if "ock" not in program.code and "submit" not in program.code and "Semaphore" not in program.code:
        return out
    pairs = [p for func in program.functions for p in _lock_pairs(program, func)]
    orders = {(a, b) for a, b, _ in pairs}
    for a, b, node in pairs:
        if a == b and not _reentrant(program, a):
            out.append(finding("no-deadlock", "CWE-833", "low", node, f"{a} is acquired again while held"))
        elif (b, a) in orders:
            out.append(finding("no-deadlock", "CWE-833", "low", node, f"{a} and {b} are taken in opposite orders"))
            break
    for _, func in task_functions(program):
        if _calls_in(func, {"submit"}) and _calls_in(func, {"result", "wait"}):
            out.append(finding("no-deadlock", "CWE-410", "low", func,
                               f"{func.name}() runs in a pool and waits for another task of it: a full pool "
                               f"starves and deadlocks"))
    return out


def _returns_while_held(program: Program, func: FuncNode, release: ast.Call) -> bool:
    """A ``return`` or ``raise`` sits between the function's ``acquire()`` and this ``release()``."""
    starts = [c.lineno for c in program.calls if callee_name(c) == "acquire" and c.lineno < release.lineno
              and program.enclosing_function(c) is func]
    return bool(starts) and any(isinstance(n, (ast.Return, ast.Raise)) and min(starts) < n.lineno < release.lineno
                                for n in body_nodes(func))


@check("cleanup-on-error", cwes=("CWE-460", "CWE-667"),
       title="locks and handles are released even when the work raises or returns")
def check_cleanup(program: Program) -> list[Finding]:
    out: list[Finding] = []
    if ".release" not in program.code and ".close" not in program.code:
        return out
    opened = {program.dotted(t) for node in walk(program.tree) if isinstance(node, ast.Assign)
              and isinstance(node.value, ast.Call) and program.call_name(node.value) in OPENERS
              for t in node.targets}
    for call in program.calls:
        if callee_name(call) not in ("release", "close") or not isinstance(call.func, ast.Attribute):
            continue
        receiver = program.dotted(call.func.value)
        if callee_name(call) == "close" and receiver not in opened:
            continue
        if callee_name(call) == "release" and not _lock_expr(program, call.func.value) and not any(
                callee_name(c) == "acquire" and isinstance(c.func, ast.Attribute) and
                program.dotted(c.func.value) == receiver for c in program.calls):
            continue
        func = program.enclosing_function(call)
        if func is None:
            continue  # top-level scripts end with the process
        in_finally = any(isinstance(a, ast.Try) and any(call in walk(s) for s in a.finalbody)
                         for a in program.ancestors(call))
        if not in_finally and callee_name(call) == "release" and _returns_while_held(program, func, call):
            out.append(finding("cleanup-on-error", "CWE-667", "low", call,
                               "a return between acquire() and release() leaves the lock held (use with)"))
        elif not in_finally:
            what = "lock" if callee_name(call) == "release" else "handle"
            out.append(finding("cleanup-on-error", "CWE-460", "low", call,
                               f"{callee_name(call)}() outside finally: an exception leaves the {what} held "
                               f"(use with)"))
    return out


@check("task-cancellable", cwes=("CWE-400",), title="long-running tasks can be stopped")
def check_cancellable(program: Program) -> list[Finding]:
    out: list[Finding] = []
    if not any(callee_name(c) == "cancel" and not c.args for c in program.calls):
        return out
    for _, func in task_functions(program):
        loops = [n for n in body_nodes(func) if isinstance(n, (ast.For, ast.While))]
        sleeps = any(callee_name(c) == "sleep" for loop in loops for c in walk(loop) if isinstance(c, ast.Call))
        stop = any(callee_name(c) in ("is_set", "wait", "cancelled") for c in walk(func) if isinstance(c, ast.Call))
        if loops and sleeps and not stop:
            out.append(finding("task-cancellable", "CWE-400", "low", func,
                               f"{func.name}() loops with no stop event: Future.cancel() cannot stop it once "
                               f"running"))
    return out


@check("threads-bounded", cwes=("CWE-770",), title="threads come from a bounded pool")
def check_threads_bounded(program: Program) -> list[Finding]:
    out: list[Finding] = []
    for call in program.calls:
        if program.call_name(call).split(".")[-1] != "Thread" or not in_loop(program, call):
            continue
        loop = next((a for a in program.ancestors(call) if isinstance(a, (ast.For, ast.While, ast.ListComp,
                                                                           ast.GeneratorExp, ast.SetComp))), None)
        source = loop.iter if isinstance(loop, ast.For) else loop.generators[0].iter \
            if isinstance(loop, (ast.ListComp, ast.GeneratorExp, ast.SetComp)) else None
        if isinstance(source, ast.Call) and callee_name(source) == "range":
            continue  # a fixed number of workers
        out.append(finding("threads-bounded", "CWE-770", "low", call,
                           "a new thread per item: nothing bounds how many run"))
    return out
