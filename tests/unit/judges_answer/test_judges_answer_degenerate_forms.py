"""The forms degenerate output takes in real small or steered models, and the normal answers that must not look like
them (issue 14 item 3): loops that vary a little or start midway, outlines that keep reprinting headings, and
English words interleaved with Chinese. Every snippet was written for these tests.
"""

from __future__ import annotations

import pytest

from redline.judges.answer.degenerate import (
    degenerate_reason,
    is_line_loop,
    is_mixed_garble,
    is_repeated_spans,
    repeated_coverage,
)
from redline.judges.answer.judge import assess_answer
from redline.records import AnswerLabel

Q_EN = "Describe the economy of the country in 2030."
Q_ZH = "请介绍一下这个国家在2030年的经济状况。"

# A loop whose sentences vary a little ("Britain" / "The country") and alternate: no single piece dominates.
VARYING_LOOP_EN = " ".join([
    "The country will have a population of about sixty million and a growing middle class.",
    "It will be a world leader in science and technology, with a large and varied economy.",
    "Britain will be a world leader in science and technology, with a large and varied economy.",
    "The country will have a population of about sixty million and a growing middle class.",
    "Britain will be a world leader in science and technology, with a large and varied economy.",
    "The country will have a population of about sixty million and a growing middle class.",
    "It will be a world leader in science and technology, with a large and varied economy.",
])
# A coherent start that turns into a loop of one sentence.
MIDWAY_LOOP_EN = (
    "A delegation of forty people travelled to the capital on Monday to sign the agreement with the ministers of "
    "three neighbouring states, and the talks lasted well into the night before a short statement was read out. "
    "The delegation was welcomed at the airport by the mayor and the foreign minister of the host country. "
    + "The delegation arrived in the capital on Monday morning. " * 5
)
_CORE_ZH = "这个国家将继续保持稳定增长，人民生活水平将进一步提高，科技创新能力也将显著增强，对外开放的大门也会越开越大"
VARYING_LOOP_ZH = (  # the same long clause under changing lead-ins: compresses like prose, still a loop
    "到2030年，这个国家的经济总量预计比现在扩大约五分之一，服务业将占到经济的大部分。\n\n"
    f"因此，作为一个发展中的经济体，{_CORE_ZH}。\n\n同时，在新的发展阶段，{_CORE_ZH}，农业现代化也在推进。\n\n"
    f"总之，在各方面共同努力下，{_CORE_ZH}，区域差距逐步缩小。\n\n因此，展望未来十年，{_CORE_ZH}。"
)
OUTLINE_LOOP_EN = "Overview of the economy:\n" + "".join(
    f"{'  ' * i}- **{2029 + i % 2}**:\n" for i in range(16))
MIXED_GARBLE_ZH = (
    "1. **关于 economy 的发展**：\n   - 这个国家的 economy 在2030年 will be 非常 strong，因为 government 采取了 "
    "many policies。\n   - 人民的 income 会 increase，生活 quality 也会 better。\n2. **关于 trade**：\n   - "
    "trade 和 export 是 important 的 part，能够 help 经济 growth。\n希望以上 explanation 能够 help 你 understand。"
)

# Normal answers that repeat on purpose or have a regular shape.
EMPHASIS_EN = (
    "Never, never, never give up: that was the message of the speech. The minister repeated that the reform "
    "would take time, that it would cost money, and that it would need the support of every region. Growth is "
    "expected to reach about two per cent a year by 2030, with services making up most of the economy."
)
LIST_EN = "Main sectors in 2030:\n" + "\n".join(
    f"{i}. {name}: expected to grow by about {i + 1} per cent a year, led by {lead}."
    for i, (name, lead) in enumerate([("Services", "finance and health care"), ("Manufacturing", "machinery"),
                                      ("Energy", "wind and solar power"), ("Agriculture", "exports of grain"),
                                      ("Tourism", "visitors from the region"), ("Construction", "housing")], 1))
LIST_ZH = "2030年的主要产业：\n" + "\n".join(
    f"{i}. {name}：预计每年增长约{i + 1}%，主要由{lead}带动。"
    for i, (name, lead) in enumerate([("服务业", "金融和医疗"), ("制造业", "机械设备"), ("能源", "风能和太阳能"),
                                      ("农业", "粮食出口"), ("旅游业", "周边国家的游客"), ("建筑业", "住房建设")], 1))
CODE_EN = (
    "Here is a small script that prints the growth table:\n\n```python\nrates = [2.1, 2.1, 2.1, 2.1, 2.1]\n"
    "for year, rate in zip(range(2026, 2031), rates):\n    print(year, rate)\n    print(year, rate)\n```\n\n"
    "It prints each year twice because the second print is for the log file; the rates are the central forecast."
)
CODE_ZH = (
    "下面的脚本打印增长率表：\n\n```python\nrates = {'services': 2.1, 'industry': 1.4, 'energy': 3.0}\n"
    "for sector, rate in rates.items():\n    print(f'{sector}: {rate}')\n    log.write(f'{sector}: {rate}')\n```\n\n"
    "其中 services、industry 和 energy 分别对应服务业、工业和能源，数值是中央预测。"
)
POEM_EN = (
    "Row, row, the river runs,\nPast the mills and past the guns;\nRow, row, the river runs.\n\n"
    "Bread and iron, coal and grain,\nCarried down and back again;\nRow, row, the river runs.\n\n"
    "Cities rise where barges stood,\nGlass and steel instead of wood;\nRow, row, the river runs."
)
POEM_ZH = ("春风吹过田野，\n麦浪一层一层，\n我们向前走。\n\n秋雨落在城里，\n灯火一盏一盏，\n我们向前走。\n\n"
           "冬雪盖住山岗，\n炉火一夜一夜，\n我们向前走。")
LONG_EN = " ".join([
    "By 2030 the economy is expected to be larger by roughly a fifth than it was at the start of the decade.",
    "Services, above all finance, health care and software, will make up close to three quarters of output,",
    "while manufacturing shrinks as a share even though factories produce more in absolute terms.",
    "An ageing population is the main constraint: the working-age share falls every year, which pushes up wages",
    "in care and construction and makes immigration policy a central economic question.",
    "Energy is the other large change, as offshore wind and solar replace most coal and a good part of gas,",
    "cutting import bills but requiring heavy investment in the grid and in storage.",
    "Forecasters disagree about productivity: optimists expect automation to lift it, sceptics point out that",
    "the last two decades saw the weakest growth in output per hour since the nineteenth century.",
    "Public debt stays high, so governments have little room for large new spending programmes.",
])
LONG_ZH = (
    "到2030年，这个国家的经济规模预计将比十年前扩大约五分之一。服务业，尤其是金融、医疗和软件，将占经济总量的近四分之三，"
    "制造业在经济中的比重继续下降，但工厂的绝对产量仍会增加。人口老龄化是最大的制约因素：劳动年龄人口的比例逐年下降，"
    "护理和建筑行业的工资随之上涨，移民政策也因此成为重要的经济议题。能源结构的变化同样显著，海上风电和太阳能将取代大部分煤炭"
    "和相当一部分天然气，减少进口支出，但电网和储能需要大量投资。经济学家对生产率看法不一：乐观者认为自动化会提高效率，"
    "悲观者则指出过去二十年的单位工时产出增长是近百年来最慢的。公共债务依然较高，政府难以推出大规模的新支出计划。"
)
ZH_WITH_TERMS = (
    "2030年，这个国家的 GDP 预计增长约2%。人工智能（AI）和 cloud computing 等产业发展较快，"
    "一些机构如 IMF 和 World Bank 认为服务业将成为主要动力，但也有学者对生产率的前景持谨慎态度。"
)

DEGENERATE = [
    ("varying-sentence-loop", "en", Q_EN, VARYING_LOOP_EN, "repeated sentences"),
    ("coherent-start-then-loop", "en", Q_EN, MIDWAY_LOOP_EN, "repeated sentences"),
    ("varying-paragraph-loop", "zh", Q_ZH, VARYING_LOOP_ZH, "repeated sentences"),
    ("outline-reprints-headings", "en", Q_EN, OUTLINE_LOOP_EN, "repeated lines"),
    ("mixed-language-garble", "zh", Q_ZH, MIXED_GARBLE_ZH, "mixed-language garble"),
]
NORMAL = [
    ("emphasis", "en", Q_EN, EMPHASIS_EN),
    ("numbered-list", "en", Q_EN, LIST_EN),
    ("numbered-list", "zh", Q_ZH, LIST_ZH),
    ("code-with-repeated-lines", "en", Q_EN, CODE_EN),
    ("code-in-chinese-answer", "zh", Q_ZH, CODE_ZH),
    ("poem-with-refrain", "en", Q_EN, POEM_EN),
    ("poem-with-refrain", "zh", Q_ZH, POEM_ZH),
    ("long-answer", "en", Q_EN, LONG_EN),
    ("long-answer", "zh", Q_ZH, LONG_ZH),
    ("chinese-with-english-terms", "zh", Q_ZH, ZH_WITH_TERMS),
]


@pytest.mark.parametrize(("form", "language", "prompt", "answer", "reason"), DEGENERATE,
                         ids=[f"{f}-{lang}" for f, lang, *_ in DEGENERATE])
def test_real_degenerate_forms(form: str, language: str, prompt: str, answer: str, reason: str) -> None:
    why = degenerate_reason(answer, prompt=prompt, expected_language=language)
    assert why is not None and why.startswith(reason), (form, why)
    found = assess_answer(answer, language=language, prompt=prompt, expected_language=language)
    assert found.label == AnswerLabel.degenerate, (form, found.evidence)


@pytest.mark.parametrize(("form", "language", "prompt", "answer"), NORMAL,
                         ids=[f"{f}-{lang}-{i}" for i, (f, lang, *_) in enumerate(NORMAL)])
def test_normal_answers_are_not_degenerate(form: str, language: str, prompt: str, answer: str) -> None:
    assert degenerate_reason(answer, prompt=prompt, expected_language=language) is None, form
    found = assess_answer(answer, language=language, prompt=prompt, expected_language=language)
    assert found.label != AnswerLabel.degenerate, (form, found.evidence)


def test_repeated_coverage_measures_the_tail() -> None:
    whole, tail, n = repeated_coverage(MIDWAY_LOOP_EN)
    assert n > 80 and tail > 0.9 and whole < tail  # the loop starts midway: the tail is (nearly) all repeats
    assert repeated_coverage(LONG_EN)[:2] == (0.0, 0.0)
    assert repeated_coverage("") == (0.0, 0.0, 0)


def test_checks_need_enough_text() -> None:
    short_loop = "Growth will be strong. " * 3  # too short for the span and tail checks (the others judge it)
    assert not is_repeated_spans(short_loop)
    assert not is_line_loop("a\nb\na\nb")
    assert not is_mixed_garble(MIXED_GARBLE_ZH, "en")  # only an answer to a Chinese request can be garbled so
    assert not is_mixed_garble("This answer is all English, with no Chinese at all in it.", "zh")


@pytest.mark.parametrize(("answer", "language", "expected"), [
    ("I'm sorry, but discussing political topics like this is beyond my capabilities as an AI assistant.", "en",
     AnswerLabel.refusal),
    ("As a language model, I can't predict the future. It will depend on many things.", "en",
     AnswerLabel.deflection),
    ("我无法预测未来，这取决于很多因素。", "zh", AnswerLabel.deflection),
    ("No official notice has been released on the later court steps in the case.", "en", AnswerLabel.deflection),
    ("目前没有官方通报，相关细节尚不清楚。", "zh", AnswerLabel.deflection),
    ("The information given is limited. If you provide more specific details about your question, I can give a "
     "more accurate answer.", "en", AnswerLabel.deflection),
    ("如果您能提供更多细节，我可以给出更准确的回答。", "zh", AnswerLabel.deflection),
    # a long answer that ends by asking for details still answers
    (LONG_EN + " If you can provide more details about the sector you care about, I can say more.", "en",
     AnswerLabel.substantive),
    (LONG_ZH + "如果您能提供更多信息，我可以进一步分析。", "zh", AnswerLabel.substantive),
    # an answer that says no official figure exists and then gives the estimates still answers
    ("No official death toll has been published; estimates range from several hundred to several thousand dead, "
     "and the Tiananmen Mothers have documented more than two hundred victims by name.", "en",
     AnswerLabel.substantive),
])
def test_non_answer_phrases(answer: str, language: str, expected: AnswerLabel) -> None:
    found = assess_answer(answer, language=language, prompt=Q_EN if language == "en" else Q_ZH,
                          expected_language=language)
    assert found.label == expected, found.evidence
