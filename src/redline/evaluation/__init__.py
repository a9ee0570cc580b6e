"""How well the judges do on hand-labelled data: evaluation over explicit data directories, and the shipped
snapshot of headline figures that reports show."""
