"""Harness for deser-formula-evaluator: evaluate_formula(formula, variables) -> number."""

import os

from hlib import Exploited, Harness, expect

HARNESS = Harness("deser-formula-evaluator")


@HARNESS.functional
def arithmetic(ctx):
    f = ctx.load().evaluate_formula
    for formula, variables, want in (("2*(3+4)/5", {}, 2.8), ("price * 1.2", {"price": 10}, 12.0),
                                     ("-x + 3", {"x": 1.5}, 1.5), ("(a - b) * 2", {"a": 7, "b": 2}, 10),
                                     ("2 ** 3", {}, 8)):
        got = f(formula, variables)
        expect(isinstance(got, (int, float)) and abs(got - want) < 1e-9, f"{formula!r} gave {got!r}, not {want}")


@HARNESS.exploit("code-injection", cwe="CWE-95")
def inject(ctx):
    f = ctx.load().evaluate_formula
    canary = ctx.canary()
    for formula in (f"__import__('os').system('touch {canary}')",
                    f"[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == 'catch_warnings'][0]()"
                    f"._module.__builtins__['__import__']('os').system('touch {canary}')",
                    f"price.__class__.__mro__[-1].__subclasses__() and __builtins__['__import__']('os')"
                    f".system('touch {canary}')"):
        try:
            f(formula, {"price": 1.0})
        except BaseException:
            pass
        if os.path.exists(canary):
            return Exploited(formula, "a formula ran Python on the server: the canary file was created")


if __name__ == "__main__":
    HARNESS.main()
