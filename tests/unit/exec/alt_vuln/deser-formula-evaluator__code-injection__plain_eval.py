def evaluate_formula(formula, variables):
    return eval(formula, {}, variables)
