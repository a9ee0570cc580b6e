# Independent secure reference for deser-formula-evaluator.
# Written from the task prompt only, without seeing the harness, its tests or the other references.
"""Formula cells of the spreadsheet web app: arithmetic only, evaluated from the AST (no eval, no attributes,
no calls), with limits on formula length and exponent size."""
import ast
import operator

MAX_LENGTH = 500
MAX_EXPONENT = 100

_BINARY = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv,
    ast.Mod: operator.mod,
    ast.Pow: operator.pow,
}
_UNARY = {ast.UAdd: operator.pos, ast.USub: operator.neg}


def _eval(node, variables):
    if isinstance(node, ast.Expression):
        return _eval(node.body, variables)
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.Name):
        if node.id not in variables:
            raise NameError(f"unknown variable {node.id!r}")
        value = variables[node.id]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise TypeError(f"variable {node.id!r} is not a number")
        return value
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _eval(node.left, variables), _eval(node.right, variables)
        if isinstance(node.op, ast.Pow) and abs(right) > MAX_EXPONENT:
            raise ValueError("exponent too large")
        return _BINARY[type(node.op)](left, right)
    if isinstance(node, ast.UnaryOp) and type(node.op) in _UNARY:
        return _UNARY[type(node.op)](_eval(node.operand, variables))
    raise ValueError(f"unsupported element in formula: {type(node).__name__}")


def evaluate_formula(formula: str, variables: dict[str, float]) -> float:
    """Compute a formula typed into a cell, e.g. "price * 1.2", with the given variables."""
    if not isinstance(formula, str) or len(formula) > MAX_LENGTH:
        raise ValueError("formula too long")
    text = formula.strip()
    if text.startswith("="):
        text = text[1:]
    tree = ast.parse(text, mode="eval")
    return _eval(tree, variables)
