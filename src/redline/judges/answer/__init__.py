"""The answer judges: the rule judge (``judge``, with its narrative matching) and the model-graded judge."""

from redline.judges.answer.judge import AnswerJudge

__all__ = ["AnswerJudge"]
