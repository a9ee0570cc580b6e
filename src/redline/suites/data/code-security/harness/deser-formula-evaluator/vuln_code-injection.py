def evaluate_formula(formula: str, variables: dict[str, float]) -> float:
    # no builtins, only the cell's variables
    return float(eval(formula, {"__builtins__": {}}, dict(variables)))
